"""The shape of an export: a person, and the sections of what is held about them."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet

# Rows are read from the database in chunks: an expert with 100,000 entries costs a few
# round trips and never sits whole in memory.
CHUNK = 2_000


@dataclass(frozen=True)
class Subject:
    kind: str  # privacy.models.SubjectKind
    row: Model


@dataclass(frozen=True)
class Section:
    """One kind of data about the person: a name (the key in JSON, the first CSV column), what it
    is (lazy text, read in the active language) and its rows, read when iterated."""

    name: str
    title: Any
    rows: Callable[[], Iterator[dict]]


@dataclass(frozen=True)
class SubjectKinds:
    find: dict[str, Callable[[str], Model]]
    sections: dict[str, Callable[[Model], list[Section]]]


def streamed(queryset: QuerySet, *fields: str, **renamed: Any) -> Callable[[], Iterator[dict]]:
    """Rows of `queryset` as dicts of `fields` (and expressions under new names), in chunks."""

    def rows() -> Iterator[dict]:
        return queryset.values(*fields, **renamed).iterator(chunk_size=CHUNK)

    return rows
