"""Subsidised hour programmes: who is eligible, and what is left in each organisation's bank.

Eligible organisations are the listed ones (ProgrammeEligibility) and, when the programme has a
rule, every organisation that meets all of the rule's filled fields: its region, its legal form,
and its member category on the programme's first day (`non_member`: no membership that day).

A bank holds `hours_per_organisation` hours from the programme's start to its end (its expiry).
Its used hours are those of the programme's FUNDED lines for the organisation served, on every
invoice that is not cancelled, drafts included (a draft holds its hours until it is deleted); a
cancelled invoice gives its hours back.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, Sum

from consortium.billing.models import (
    NON_MEMBER,
    InvoiceEntry,
    InvoiceStatus,
    LineKind,
    Programme,
    ProgrammeEligibility,
)
from consortium.core.money import ZERO
from consortium.members.models import Membership, Organisation


def _rule_matching(programme: Programme):
    """The organisations the programme's rule admits, as a queryset (none without a rule)."""
    if not programme.has_rule:
        return Organisation.objects.none()
    organisations = Organisation.objects.all()
    if programme.rule_region:
        organisations = organisations.filter(region=programme.rule_region)
    if programme.rule_legal_form:
        organisations = organisations.filter(legal_form=programme.rule_legal_form)
    if programme.rule_member_category:
        on_start = Membership.objects.filter(
            organisation=OuterRef("pk"), start__lte=programme.start
        ).filter(Q(end__isnull=True) | Q(end__gte=programme.start))
        if programme.rule_member_category == NON_MEMBER:
            organisations = organisations.filter(~Exists(on_start))
        else:
            organisations = organisations.filter(
                Exists(on_start.filter(category=programme.rule_member_category))
            )
    return organisations


def eligible_organisation_ids(programme: Programme) -> set[int]:
    """The ids of the organisations eligible to `programme`: listed ∪ rule-matching (2 queries
    at most)."""
    listed = set(
        ProgrammeEligibility.objects.filter(programme=programme).values_list(
            "organisation_id", flat=True
        )
    )
    if programme.has_rule:
        listed |= set(_rule_matching(programme).values_list("pk", flat=True))
    return listed


def eligibility_by_programme(programmes: Iterable[Programme]) -> dict[int, set[int]]:
    """`eligible_organisation_ids` of several programmes: one query for the lists, and one per
    programme that has a rule (never one per organisation)."""
    programmes = list(programmes)
    eligible: dict[int, set[int]] = {programme.pk: set() for programme in programmes}
    for programme_id, organisation_id in ProgrammeEligibility.objects.filter(
        programme__in=programmes
    ).values_list("programme_id", "organisation_id"):
        eligible[programme_id].add(organisation_id)
    for programme in programmes:
        if programme.has_rule:
            eligible[programme.pk] |= set(_rule_matching(programme).values_list("pk", flat=True))
    return eligible


def hours_used(programmes: Iterable[Programme]) -> dict[tuple[int, int], Decimal]:
    """(programme id, organisation served id) → hours drawn from its bank so far: one query."""
    rows = (
        InvoiceEntry.objects.filter(line__kind=LineKind.FUNDED, line__programme__in=programmes)
        .exclude(line__invoice__status=InvoiceStatus.CANCELLED)
        .values_list("line__programme_id", "line__served_organisation_id")
        .annotate(used=Sum("hours"))
    )
    return {(programme, organisation): used for programme, organisation, used in rows}


@dataclass(frozen=True)
class BankBalance:
    programme: Programme
    organisation: Organisation
    granted: Decimal
    used: Decimal
    balance: Decimal  # never below zero
    expires_on: dt.date  # the programme's last day


def bank_balances(
    *, organisation_ids: Iterable[int] | None = None, on: dt.date | None = None
) -> list[BankBalance]:
    """Each eligible organisation's bank in each programme (in effect on `on` when given), by
    programme then organisation name; `organisation_ids` narrows to those organisations.
    A constant number of queries: one per programme with a rule, four more."""
    programmes = Programme.objects.select_related("funder").order_by("start", "code")
    if on is not None:
        programmes = programmes.filter(start__lte=on, end__gte=on)
    programmes = list(programmes)
    eligible = eligibility_by_programme(programmes)
    wanted = None if organisation_ids is None else set(organisation_ids)
    if wanted is not None:
        eligible = {pk: ids & wanted for pk, ids in eligible.items()}
    every = set().union(*eligible.values()) if eligible else set()
    organisations = Organisation.objects.in_bulk(every)
    used = hours_used(programmes)
    rows = []
    for programme in programmes:
        members = sorted(
            (organisations[pk] for pk in eligible[programme.pk]), key=lambda o: (o.name, o.pk)
        )
        for organisation in members:
            spent = used.get((programme.pk, organisation.pk), ZERO)
            granted = programme.hours_per_organisation
            rows.append(
                BankBalance(
                    programme=programme,
                    organisation=organisation,
                    granted=granted,
                    used=spent,
                    balance=max(granted - spent, ZERO),
                    expires_on=programme.end,
                )
            )
    return rows
