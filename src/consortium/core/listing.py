"""What every list page shares: sorting by a column header, page links, rows per page, the
active filters as removable chips, default filters, the fiscal years a year filter offers, and
query strings.

A list names its sortable columns once (`SortColumn`: the URL key and the SQL ordering); the
headers then carry their link, their arrow and their `aria-sort` for screen readers. Text columns
sort on their folded form (`name__folded`, see `core.folding`): É with the E's, case ignored.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import F, OrderBy, QuerySet
from django.http import HttpRequest, QueryDict

from consortium.core.fiscal_years import fiscal_year_name_for, next_fiscal_year_name

SORT_PARAMETER = "sort"
PAGE_PARAMETER = "page"
PER_PAGE_PARAMETER = "lignes"
PER_PAGE_CHOICES = (25, 50, 100)


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


def per_page(request: HttpRequest, default: int = 50) -> int:
    """The rows per page the request asks for (`?lignes=`), among `PER_PAGE_CHOICES`."""
    value = request.GET.get(PER_PAGE_PARAMETER, "")
    return int(value) if value.isdigit() and int(value) in PER_PAGE_CHOICES else default


@dataclass(frozen=True)
class PerPageLink:
    number: int
    url: str
    current: bool


def per_page_links(request: HttpRequest, current: int) -> list[PerPageLink]:
    """One link per choice of rows per page, back to the first page."""
    return [
        PerPageLink(
            number=number,
            url=query_string(request, **{PER_PAGE_PARAMETER: number, PAGE_PARAMETER: None}),
            current=number == current,
        )
        for number in PER_PAGE_CHOICES
    ]


def with_defaults(request: HttpRequest, defaults: Mapping[str, str]) -> QueryDict:
    """The request's parameters, with `defaults` for the filters it does not name at all.

    A filter named but empty (`?year=`) stays empty: that is how a default is taken off (its
    chip's link, "Tout afficher")."""
    data = request.GET.copy()
    for name, value in defaults.items():
        if name not in data:
            data[name] = value
    return data


@dataclass(frozen=True)
class Chip:
    label: str
    value: str
    remove_url: str


def _shown_value(field: forms.Field, raw: str, cleaned: object) -> str:
    if isinstance(field, forms.ModelChoiceField):
        return str(cleaned)
    if isinstance(field, forms.ChoiceField):
        return str({str(key): label for key, label in field.choices}.get(raw, raw))
    return raw


def filter_chips(
    request: HttpRequest, form: forms.Form, *, leave_out: Sequence[str] = ()
) -> list[Chip]:
    """The filters `form` applies, as chips: their label, their value in words, and the link
    that takes each off (the parameter kept, empty, so that a default does not come back)."""
    if not form.is_bound or not form.is_valid():
        return []
    chips = []
    for name, form_field in form.fields.items():
        raw = form.data.get(name, "")
        if name in leave_out or raw in ("", None) or form.cleaned_data.get(name) in ("", None):
            continue
        chips.append(
            Chip(
                label=str(form_field.label),
                value=_shown_value(form_field, raw, form.cleaned_data[name]),
                remove_url=query_string(request, **{name: "", PAGE_PARAMETER: None}),
            )
        )
    return chips


def clear_filters_url(
    request: HttpRequest, form: forms.Form, *, leave_out: Sequence[str] = ()
) -> str:
    """The list with no filter at all, defaults included; its sort and rows per page kept."""
    cleared: dict[str, object] = {name: "" for name in form.fields if name not in leave_out}
    return query_string(request, **cleared, **{PAGE_PARAMETER: None})


def fiscal_year_choices_between(
    first: dt.date | None, last: dt.date | None, today: dt.date
) -> list[tuple[str, str]]:
    """Every fiscal year from the one of `first` to the later of `last`'s and today's, latest
    first: what a year filter offers when those are the first and last days with data."""
    newest = max(day for day in (last, today) if day is not None)
    names = [fiscal_year_name_for(min(first or today, today))]
    last_name = fiscal_year_name_for(newest)
    while names[-1] != last_name and len(names) < 200:
        names.append(next_fiscal_year_name(names[-1]))
    return [(name, name) for name in reversed(names)]
