"""Writes shared by the coded references of every area (departments, mandate types…)."""

from typing import TypeVar

from django.db import transaction

from consortium.core.models import BilingualNameModel

Coded = TypeVar("Coded", bound=BilingualNameModel)


@transaction.atomic
def coded_name_upsert(
    model: type[Coded], *, code: str, name_fr: str, name_en: str = ""
) -> tuple[Coded, bool]:
    """Create the row of `model` with this code, or rename it; says if it was created."""
    row = model.objects.select_for_update().filter(code=code).first()
    created = row is None
    if row is None:
        row = model(code=code)
    row.name_fr = name_fr
    row.name_en = name_en
    row.full_clean()
    row.save()
    return row, created
