"""Writes to the subsidised hour programmes and their lists of eligible organisations.

A programme's banks are computed from its fields at each invoice run: changing its hours, dates
or covered types changes what the next run draws, never an invoice already made (its lines
store the hours and amounts).
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.billing.models import Programme, ProgrammeEligibility
from consortium.core.services import row_save
from consortium.mandates.models import MandateType
from consortium.members.models import Organisation


def _programme_values(
    *,
    code: str,
    name_fr: str,
    name_en: str,
    funder: Organisation,
    hours_per_organisation: Decimal,
    start: dt.date,
    end: dt.date,
    mandate_types: Iterable[MandateType],
    rule_region: str,
    rule_legal_form: str,
    rule_member_category: str,
) -> dict:
    mandate_types = list(mandate_types)
    if not mandate_types:
        raise ValidationError(
            {"mandate_types": _("Un programme couvre au moins un type de mandat.")}
        )
    return {
        "code": code,
        "name_fr": name_fr,
        "name_en": name_en,
        "funder": funder,
        "hours_per_organisation": hours_per_organisation,
        "start": start,
        "end": end,
        "mandate_types": mandate_types,
        "rule_region": rule_region,
        "rule_legal_form": rule_legal_form,
        "rule_member_category": rule_member_category,
    }


@transaction.atomic
def programme_create(
    *,
    code: str,
    name_fr: str,
    funder: Organisation,
    hours_per_organisation: Decimal,
    start: dt.date,
    end: dt.date,
    mandate_types: Iterable[MandateType],
    name_en: str = "",
    rule_region: str = "",
    rule_legal_form: str = "",
    rule_member_category: str = "",
) -> Programme:
    """Add a programme: its funder, the hours it grants each eligible organisation, its dates,
    the mandate types it covers (at least one) and, optionally, the rule of its eligibility."""
    return row_save(
        Programme(),
        **_programme_values(
            code=code,
            name_fr=name_fr,
            name_en=name_en,
            funder=funder,
            hours_per_organisation=hours_per_organisation,
            start=start,
            end=end,
            mandate_types=mandate_types,
            rule_region=rule_region,
            rule_legal_form=rule_legal_form,
            rule_member_category=rule_member_category,
        ),
    )


@transaction.atomic
def programme_update(
    *,
    programme: Programme,
    code: str,
    name_fr: str,
    funder: Organisation,
    hours_per_organisation: Decimal,
    start: dt.date,
    end: dt.date,
    mandate_types: Iterable[MandateType],
    name_en: str = "",
    rule_region: str = "",
    rule_legal_form: str = "",
    rule_member_category: str = "",
) -> Programme:
    """Change a programme; the next invoice run draws its banks as it now reads."""
    return row_save(
        Programme.objects.select_for_update().get(pk=programme.pk),
        **_programme_values(
            code=code,
            name_fr=name_fr,
            name_en=name_en,
            funder=funder,
            hours_per_organisation=hours_per_organisation,
            start=start,
            end=end,
            mandate_types=mandate_types,
            rule_region=rule_region,
            rule_legal_form=rule_legal_form,
            rule_member_category=rule_member_category,
        ),
    )


@transaction.atomic
def programme_upsert(
    *,
    code: str,
    name_fr: str,
    funder: Organisation,
    hours_per_organisation: Decimal,
    start: dt.date,
    end: dt.date,
    mandate_types: Iterable[MandateType],
    name_en: str = "",
    rule_region: str = "",
    rule_legal_form: str = "",
    rule_member_category: str = "",
) -> tuple[Programme, bool]:
    """Create the programme with this code, or replace what its row holds; says if created."""
    found = Programme.objects.filter(code=code).first()
    values = {
        "code": code,
        "name_fr": name_fr,
        "name_en": name_en,
        "funder": funder,
        "hours_per_organisation": hours_per_organisation,
        "start": start,
        "end": end,
        "mandate_types": mandate_types,
        "rule_region": rule_region,
        "rule_legal_form": rule_legal_form,
        "rule_member_category": rule_member_category,
    }
    if found is None:
        return programme_create(**values), True
    return programme_update(programme=found, **values), False


@transaction.atomic
def programme_eligibility_add(
    *, programme: Programme, organisation: Organisation
) -> ProgrammeEligibility:
    """List `organisation` as eligible to `programme`; refused if it is listed already."""
    return row_save(ProgrammeEligibility(), programme=programme, organisation=organisation)


@transaction.atomic
def programme_eligibility_update(
    *, eligibility: ProgrammeEligibility, programme: Programme, organisation: Organisation
) -> ProgrammeEligibility:
    """Put another organisation in this place of a programme's list."""
    eligibility = ProgrammeEligibility.objects.select_for_update().get(pk=eligibility.pk)
    return row_save(eligibility, programme=programme, organisation=organisation)


@transaction.atomic
def programme_eligibility_upsert(
    *, programme: Programme, organisation: Organisation
) -> tuple[ProgrammeEligibility, bool]:
    """List `organisation` as eligible unless it is already; says if it was added (an import
    run twice adds nothing the second time)."""
    found = ProgrammeEligibility.objects.filter(
        programme=programme, organisation=organisation
    ).first()
    if found is not None:
        return found, False
    return programme_eligibility_add(programme=programme, organisation=organisation), True


@transaction.atomic
def programme_eligibility_remove(*, eligibility: ProgrammeEligibility) -> None:
    """Take an organisation off a programme's list: its hours not yet invoiced no longer draw
    from the bank (unless the programme's rule makes it eligible); invoices made keep theirs."""
    ProgrammeEligibility.objects.filter(pk=eligibility.pk).delete()
