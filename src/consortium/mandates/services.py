"""Writes to mandates: mandate types, mandates, and closing a mandate.

Every write runs in a transaction and calls `full_clean()`. A mandate's dates may not leave out
days on which hours were already logged on it, and a mandate with hours in a locked period keeps
the organisation, type and department those hours are counted under.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access.mandates import mandate_for_change
from consortium.core.locks import first_lock_holding, lock_name
from consortium.core.selectors import first_day_outside
from consortium.core.services import coded_name_upsert, row_save
from consortium.mandates.models import Mandate, MandateAssignment, MandateStatus, MandateType
from consortium.members.models import Organisation
from consortium.staff.models import Department, Expert

# What a person may change on a mandate from its page; the code is its name in imports and
# addresses, the status changes only by closing.
MANDATE_EDITABLE_FIELDS = (
    "organisation",
    "title",
    "mandate_type",
    "department",
    "start",
    "end",
    "budget_hours",
    "billed_organisation",
    "billable",
    "hourly_rate",
    "fixed_fee",
)


@transaction.atomic
def mandate_type_upsert(
    *, code: str, name_fr: str, name_en: str = "", billable: bool | None = None
) -> tuple[MandateType, bool]:
    """Create the mandate type with this code, or rename it; says if it was created.
    `billable` (None: kept as it is, billable when new) decides whether its hours are billed."""
    mandate_type, created = coded_name_upsert(
        MandateType, code=code, name_fr=name_fr, name_en=name_en
    )
    if billable is not None and mandate_type.billable != billable:
        mandate_type = row_save(mandate_type, billable=billable)
    return mandate_type, created


@transaction.atomic
def mandate_type_create(
    *, code: str, name_fr: str, name_en: str = "", billable: bool = True
) -> MandateType:
    """Add a mandate type; refused if its code is taken."""
    return row_save(MandateType(), code=code, name_fr=name_fr, name_en=name_en, billable=billable)


@transaction.atomic
def mandate_type_update(
    *,
    mandate_type: MandateType,
    code: str,
    name_fr: str,
    name_en: str = "",
    billable: bool | None = None,
) -> MandateType:
    """Rename a mandate type, its code included: its mandates keep it. `billable` (None: kept)
    decides whether its hours are billed from the next invoice run on."""
    mandate_type = MandateType.objects.select_for_update().get(pk=mandate_type.pk)
    kept = {} if billable is None else {"billable": billable}
    return row_save(mandate_type, code=code, name_fr=name_fr, name_en=name_en, **kept)


def mandate_dates_check(mandate: Mandate) -> None:
    """Refuse mandate dates that would leave hours logged on it outside them."""
    if mandate.pk is None:
        return
    day = first_day_outside(mandate.time_entries.all(), mandate.start, mandate.end)
    if day is not None:
        field = "start" if day < mandate.start else "end"
        raise ValidationError(
            {
                field: _("Le mandat %(code)s a des heures saisies le %(day)s, hors de ces dates.")
                % {"code": mandate.code, "day": day.isoformat()}
            }
        )


# The dimensions a mandate's hours are counted under in every figure (by member, by payer's
# category, by type, by department): they stay as they are while it has hours in a locked period.
MANDATE_LOCKED_DIMENSIONS = ("organisation", "billed_organisation", "mandate_type", "department")


def mandate_dimensions_check(mandate: Mandate, fields: dict) -> None:
    """Refuse to change the organisation, type or department of a mandate with hours in a
    locked period: its hours would move between the figures of that closed period."""
    if mandate.pk is None:
        return
    changed = [
        name
        for name in MANDATE_LOCKED_DIMENSIONS
        if name in fields
        and getattr(fields[name], "pk", fields[name]) != getattr(mandate, f"{name}_id")
    ]
    if not changed:
        return
    lock = first_lock_holding(mandate.time_entries.all())
    if lock is not None:
        message = _(
            "%(period)s est verrouillé et le mandat %(code)s y a des heures : son organisation, "
            "son type et son service ne peuvent plus changer."
        ) % {"period": lock_name(lock), "code": mandate.code}
        raise ValidationError(dict.fromkeys(changed, message))


def _payer(organisation: Organisation, billed_organisation: Organisation | None):
    """The billed organisation as stored: empty when it is the organisation served."""
    if billed_organisation is not None and billed_organisation.pk == organisation.pk:
        return None
    return billed_organisation


def _mandate_write(mandate: Mandate, *, check_dates: bool, **fields) -> Mandate:
    """Set `fields` on `mandate`, validate it and save it; with `check_dates`, new dates must
    keep the hours already logged on it. The dimensions of hours in a locked period stay."""
    if "billed_organisation" in fields:
        # Not .get(name, default): a new mandate has no organisation to read as the default.
        served = fields.get("organisation") or mandate.organisation
        fields["billed_organisation"] = _payer(served, fields["billed_organisation"])
    mandate_dimensions_check(mandate, fields)
    dates_changed = check_dates and (mandate.start, mandate.end) != (
        fields["start"],
        fields["end"],
    )
    for name, value in fields.items():
        setattr(mandate, name, value)
    mandate.full_clean()
    if dates_changed:
        mandate_dates_check(mandate)
    mandate.save()
    return mandate


# A value left out of an upsert: the mandate keeps what it holds (or the default when new).
KEEP = object()


@transaction.atomic
def mandate_upsert(
    *,
    code: str,
    organisation: Organisation,
    title: str,
    mandate_type: MandateType,
    department: Department,
    start: dt.date,
    end: dt.date | None = None,
    billed_organisation: Organisation | object | None = KEEP,
    billable: bool | object = KEEP,
    hourly_rate: Decimal | object | None = KEEP,
    fixed_fee: Decimal | object | None = KEEP,
) -> tuple[Mandate, bool]:
    """Create the mandate with this code, or replace what its row holds; says if created.

    The status is left as it is: closing a mandate is `mandate_close`. Who pays, whether it
    is billable and its own rate or fixed fee are kept when left out (`KEEP`).
    """
    mandate = Mandate.objects.select_for_update().filter(code=code).first()
    created = mandate is None
    billing = {
        name: value
        for name, value in (
            ("billed_organisation", billed_organisation),
            ("billable", billable),
            ("hourly_rate", hourly_rate),
            ("fixed_fee", fixed_fee),
        )
        if value is not KEEP
    }
    mandate = _mandate_write(
        Mandate(code=code) if created else mandate,
        check_dates=not created,
        organisation=organisation,
        title=title,
        mandate_type=mandate_type,
        department=department,
        start=start,
        end=end,
        **billing,
    )
    return mandate, created


@transaction.atomic
def mandate_create(
    *,
    code: str,
    organisation: Organisation,
    title: str,
    mandate_type: MandateType,
    department: Department,
    start: dt.date,
    end: dt.date | None = None,
    budget_hours: Decimal | None = None,
    status: str = MandateStatus.OPEN,
    billed_organisation: Organisation | None = None,
    billable: bool = True,
    hourly_rate: Decimal | None = None,
    fixed_fee: Decimal | None = None,
) -> Mandate:
    """Open a new mandate (the admin may record one already closed); refused if its code is
    taken. `billed_organisation` pays when it is not the organisation served."""
    mandate = Mandate(
        code=code,
        organisation=organisation,
        title=title,
        mandate_type=mandate_type,
        department=department,
        start=start,
        end=end,
        budget_hours=budget_hours,
        status=status,
        billed_organisation=_payer(organisation, billed_organisation),
        billable=billable,
        hourly_rate=hourly_rate,
        fixed_fee=fixed_fee,
    )
    mandate.full_clean()
    mandate.save()
    return mandate


@transaction.atomic
def mandate_update(
    *,
    mandate: Mandate,
    organisation: Organisation,
    title: str,
    mandate_type: MandateType,
    department: Department,
    start: dt.date,
    end: dt.date | None = None,
    budget_hours: Decimal | None = None,
    code: str | None = None,
    status: str | None = None,
    billed_organisation: Organisation | None = None,
    billable: bool = True,
    hourly_rate: Decimal | None = None,
    fixed_fee: Decimal | None = None,
) -> Mandate:
    """Replace what a person may change on a mandate; its dates must keep its logged hours.

    `code` and `status` (None: kept) are the administrator's: the mandate's page changes
    neither.
    """
    admin_fields = {
        name: value for name, value in (("code", code), ("status", status)) if value is not None
    }
    return _mandate_write(
        Mandate.objects.select_for_update().get(pk=mandate.pk),
        check_dates=True,
        **admin_fields,
        organisation=organisation,
        title=title,
        mandate_type=mandate_type,
        department=department,
        start=start,
        end=end,
        budget_hours=budget_hours,
        billed_organisation=billed_organisation,
        billable=billable,
        hourly_rate=hourly_rate,
        fixed_fee=fixed_fee,
    )


@transaction.atomic
def mandate_close(*, mandate: Mandate, end: dt.date, status: str = MandateStatus.CLOSED) -> Mandate:
    """Close (or cancel) a mandate on `end`, its last day; refused if hours were logged after."""
    if status not in (MandateStatus.CLOSED, MandateStatus.CANCELLED):
        message = _("Un mandat se ferme comme terminé ou annulé, pas « %(status)s ».")
        raise ValidationError({"status": message % {"status": status}})
    mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    last_day = (
        mandate.time_entries.filter(date__gt=end)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    if last_day is not None:
        # Name the last day, not the first one after `end`: it is the earliest end that works.
        message = _(
            "Des heures sont saisies sur le mandat %(code)s jusqu'au %(day)s : "
            "il ne peut se terminer avant."
        )
        raise ValidationError(
            {"end": message % {"code": mandate.code, "day": last_day.isoformat()}}
        )
    mandate.end = end
    mandate.status = status
    mandate.full_clean()
    mandate_dates_check(mandate)
    mandate.save()
    return mandate


@transaction.atomic
def mandate_assignment_add(
    *, mandate: Mandate, expert: Expert, role: str = "", by
) -> MandateAssignment:
    """Assign `expert` to `mandate`, `by` a director of its department or an administrator
    (404 / 403 otherwise, as the mandate's edit page); refused twice, or for an expert who
    has left the centre."""
    mandate = mandate_for_change(by, mandate.code)
    if expert.left_on is not None and expert.left_on < timezone.localdate():
        raise ValidationError(
            {
                "expert": _("%(name)s a quitté le centre le %(day)s.")
                % {"name": expert.full_name, "day": expert.left_on.isoformat()}
            }
        )
    if MandateAssignment.objects.filter(mandate=mandate, expert=expert).exists():
        raise ValidationError(
            {
                "expert": _("%(name)s est déjà affecté(e) au mandat %(code)s.")
                % {"name": expert.full_name, "code": mandate.code}
            }
        )
    return row_save(MandateAssignment(), mandate=mandate, expert=expert, role=role.strip())


@transaction.atomic
def mandate_assignment_remove(*, assignment: MandateAssignment, by) -> None:
    """Take an expert off a mandate, `by` whoever may assign them; their hours stay."""
    mandate_for_change(by, assignment.mandate.code)
    MandateAssignment.objects.filter(pk=assignment.pk).delete()
