"""Reads of organisations: the list's rows, an organisation's page.

Who reads which organisation is decided in `accounts.access` (`organisations_visible_to`,
`organisation_for_read`); the mandates shown on an organisation's page stay limited to those the
reader may see (`accounts.access.mandates_visible_to`). Figures come from SQL
aggregates, so a page asks a fixed number of queries however many rows there are.
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from consortium.accounts.models import MemberContact
from consortium.core.fiscal_years import Period, fiscal_year_name_for
from consortium.mandates.models import Mandate
from consortium.members.models import Membership, Organisation, Province

HOURS_FIELD = DecimalField(max_digits=12, decimal_places=2)


def organisation_detail_rows() -> QuerySet[Organisation]:
    """Organisations as their page reads them: with their federation and affiliate count (the
    reader's reach is `accounts.access.organisation_for_read`'s)."""
    return Organisation.objects.select_related("federation").annotate(
        affiliate_count=_affiliate_count()
    )


def memberships_in_force(day: dt.date) -> QuerySet[Membership]:
    return Membership.objects.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))


def _affiliate_count() -> Coalesce:
    affiliates = (
        Organisation.objects.filter(federation=OuterRef("pk"))
        .order_by()
        .values("federation")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(affiliates, output_field=IntegerField()), 0)


def is_federation() -> Exists:
    return Exists(Organisation.objects.filter(federation=OuterRef("pk")))


def _hours_during(period: Period) -> Coalesce:
    # The hours logged on the organisation's mandates, read through the relation the ledger
    # gives mandates (`time_entries`): the registry never imports the ledger above it.
    hours = (
        Mandate.objects.filter(
            organisation=OuterRef("pk"), time_entries__date__range=(period.start, period.end)
        )
        .order_by()
        .values("organisation")
        .annotate(total=Sum("time_entries__hours"))
        .values("total")
    )
    return Coalesce(
        Subquery(hours, output_field=HOURS_FIELD), Value(Decimal(0)), output_field=HOURS_FIELD
    )


def with_list_figures(
    organisations: QuerySet[Organisation], period: Period, day: dt.date | None = None
) -> QuerySet[Organisation]:
    """Each organisation's `hours` during `period`, its `category_code` on `day` (today) and its
    `affiliate_count`, all as subqueries of one query."""
    day = day or timezone.localdate()
    category = (
        memberships_in_force(day)
        .filter(organisation=OuterRef("pk"))
        .order_by("-start")
        .values("category")[:1]
    )
    return organisations.annotate(
        hours=_hours_during(period),
        category_code=Subquery(category),
        affiliate_count=_affiliate_count(),
    ).select_related("federation")


def organisation_export_rows(organisations: QuerySet[Organisation]) -> Iterable[dict]:
    """The organisations (annotated `with_list_figures`) as plain values, read by one query."""
    return organisations.values(
        "code",
        "name",
        "legal_form",
        "neq",
        "region",
        "province",
        "federation__code",
        "federation__name",
        "category_code",
        "affiliate_count",
        "hours",
    ).iterator(chunk_size=2000)


def organisation_memberships(organisation: Organisation) -> list[Membership]:
    return list(organisation.memberships.order_by("-start"))


def organisation_affiliates(organisation: Organisation) -> QuerySet[Organisation]:
    """The member enterprises of a federation, by name, with their category today."""
    category = (
        memberships_in_force(timezone.localdate())
        .filter(organisation=OuterRef("pk"))
        .order_by("-start")
        .values("category")[:1]
    )
    return (
        Organisation.objects.filter(federation=organisation)
        .annotate(category_code=Subquery(category))
        .order_by("name", "pk")
    )


def _fiscal_year_first_calendar_year() -> Case:
    start_month = settings.FISCAL_YEAR_START_MONTH
    return ExtractYear("time_entries__date") - Case(
        When(time_entries__date__month__lt=start_month, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def organisation_hours_by_fiscal_year(organisation: Organisation) -> list[tuple[str, Decimal]]:
    """The hours served to the organisation in each fiscal year, oldest first: one query."""
    rows = (
        Mandate.objects.filter(organisation=organisation, time_entries__isnull=False)
        .order_by()
        .annotate(first_year=_fiscal_year_first_calendar_year())
        .values("first_year")
        .annotate(hours=Sum("time_entries__hours"))
        .order_by("first_year")
    )
    start_month = settings.FISCAL_YEAR_START_MONTH
    return [
        (fiscal_year_name_for(dt.date(row["first_year"], start_month, 1)), row["hours"])
        for row in rows
    ]


def organisation_contacts(organisation: Organisation) -> QuerySet[MemberContact]:
    """The people who represent the organisation on the portal, by name: one query."""
    return (
        MemberContact.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def organisations_served_by_province(start: dt.date, end: dt.date) -> list[tuple[str, int]]:
    """How many organisations the centre served (hours logged on their mandates) from `start`
    to `end`, by province or territory (its name; "" outside Canada), most first. One query."""
    # A semi-join (the mandates with an entry in the range), not a join of every entry counted
    # distinct: a year's entries are read once, through the ledger's (mandate, date) index.
    served = Mandate.objects.filter(time_entries__date__range=(start, end)).values(
        "organisation_id"
    )
    rows = (
        Organisation.objects.filter(pk__in=served)
        .values("province")
        .annotate(count=Count("pk"))
        .order_by("-count", "province")
    )
    labels = dict(Province.choices)
    return [(str(labels.get(row["province"], "")), row["count"]) for row in rows]
