"""What every list page shares: sorting by a column header, page links, query strings.

A list names its sortable columns once (`SortColumn`: the URL key and the SQL ordering); the
headers then carry their link, their arrow and their `aria-sort` for screen readers.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import F, OrderBy, QuerySet
from django.http import HttpRequest

SORT_PARAMETER = "sort"
PAGE_PARAMETER = "page"


@dataclass(frozen=True)
class SortColumn:
    key: str
    label: object
    fields: Sequence[str] = field(default_factory=tuple)
    numeric: bool = False

    def ordering(self, descending: bool) -> list[OrderBy]:
        # Empty values last either way, the same on SQLite and PostgreSQL.
        return [
            F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
            for name in self.fields
        ]


@dataclass(frozen=True)
class Header:
    label: object
    numeric: bool
    url: str | None = None
    aria_sort: str | None = None
    key: str = ""


def query_string(request: HttpRequest, **changes: object) -> str:
    """The request's query string with `changes` (None removes a parameter), with its '?'."""
    parameters = request.GET.copy()
    for name, value in changes.items():
        if value is None:
            parameters.pop(name, None)
        else:
            parameters[name] = str(value)
    encoded = parameters.urlencode()
    return f"?{encoded}" if encoded else "?"


def sort_by(
    queryset: QuerySet,
    request: HttpRequest,
    columns: Sequence[SortColumn],
    default: str,
    tie_breaker: str = "pk",
) -> tuple[QuerySet, str]:
    """The queryset sorted as `?sort=key` (or `-key`) asks, else by `default`; and that key."""
    wanted = request.GET.get(SORT_PARAMETER, "") or default
    by_key = {column.key: column for column in columns}
    column = by_key.get(wanted.lstrip("-"))
    if column is None:
        wanted = default
        column = by_key[default.lstrip("-")]
    ordering = column.ordering(descending=wanted.startswith("-"))
    return queryset.order_by(*ordering, tie_breaker), wanted


def sort_headers(request: HttpRequest, columns: Sequence[SortColumn], current: str) -> list[Header]:
    """One header per column: a link that sorts by it (again: the other way) and its state."""
    headers = []
    for column in columns:
        aria_sort = None
        next_sort = column.key
        if current.lstrip("-") == column.key:
            descending = current.startswith("-")
            aria_sort = "descending" if descending else "ascending"
            next_sort = column.key if descending else f"-{column.key}"
        url = query_string(request, **{SORT_PARAMETER: next_sort, PAGE_PARAMETER: None})
        headers.append(
            Header(
                label=column.label,
                numeric=column.numeric,
                url=url,
                aria_sort=aria_sort,
                key=column.key,
            )
        )
    return headers


@dataclass(frozen=True)
class PageLink:
    number: int | None
    url: str = ""
    current: bool = False


def paginate(
    request: HttpRequest, queryset: QuerySet, per_page: int, parameter: str = PAGE_PARAMETER
) -> Page:
    """The requested page (the last one if the number is too large): a count and a slice."""
    return Paginator(queryset, per_page).get_page(request.GET.get(parameter))


def page_links(request: HttpRequest, page: Page, parameter: str = PAGE_PARAMETER) -> list[PageLink]:
    """Links to the first, last and neighbouring pages; None stands for the pages left out."""
    links = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == Paginator.ELLIPSIS:
            links.append(PageLink(number=None))
        else:
            links.append(
                PageLink(
                    number=number,
                    url=query_string(request, **{parameter: number}),
                    current=number == page.number,
                )
            )
    return links
