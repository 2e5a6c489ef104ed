"""The staff directory: every expert on staff by department, field of expertise and region,
« Trouver un expert », and an expert's page (what they know, how to reach them, and who is on
which mandate this year). Every staff role reads it; access comes from accounts.access."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from consortium.accounts.access import (
    STAFF_ROLES,
    expert_for_read,
    experts_visible_to,
    mandates_visible_to,
    request_roles,
    role_required,
)
from consortium.core.fiscal_years import fiscal_year_name_for, fiscal_year_period
from consortium.core.listing import (
    SortColumn,
    clear_filters_url,
    filter_chips,
    page_links,
    paginate,
    per_page,
    per_page_links,
    sort_by,
    sort_headers,
)
from consortium.staff.filters import ExpertFilter
from consortium.staff.selectors import (
    directory_rows,
    employed_on,
    expert_fields,
    expert_mandates_of_year,
)

PER_PAGE = 50


def _sort_columns() -> list[SortColumn]:
    return [
        SortColumn("name", gettext_lazy("Nom"), ("last_name__folded", "first_name__folded")),
        SortColumn("department", gettext_lazy("Département"), ("department__name_fr",)),
        SortColumn("region", gettext_lazy("Région"), ("region",)),
    ]


@role_required(*STAFF_ROLES)
def expert_list(request: HttpRequest) -> HttpResponse:
    experts = employed_on(
        experts_visible_to(request.user, roles=request_roles(request)), timezone.localdate()
    )
    filters = ExpertFilter(request.GET, queryset=experts)
    columns = _sort_columns()
    rows, current_sort = sort_by(directory_rows(filters.qs), request, columns, default="name")
    count = per_page(request, PER_PAGE)
    page = paginate(request, rows, count)
    return render(
        request,
        "staff/expert_list.html",
        {
            "filters": filters,
            "page": page,
            "page_links": page_links(request, page),
            "headers": sort_headers(request, columns, current_sort),
            "chips": filter_chips(request, filters.form),
            "clear_url": clear_filters_url(request, filters.form),
            "per_page_links": per_page_links(request, count),
        },
    )


@role_required(*STAFF_ROLES)
def expert_detail(request: HttpRequest, code: str) -> HttpResponse:
    roles = request_roles(request)
    expert = expert_for_read(request.user, code, roles=roles)
    year = fiscal_year_period(fiscal_year_name_for(timezone.localdate()))
    mandates = expert_mandates_of_year(expert, mandates_visible_to(request.user, roles=roles), year)
    return render(
        request,
        "staff/expert_detail.html",
        {
            "expert": expert,
            "fields": expert_fields(expert),
            "year": year,
            "mandates": mandates,
        },
    )
