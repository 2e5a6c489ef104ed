"""Writes to business development: activities (with the staff present, the organisations met
and their follow-up), prospects, the pipeline of opportunities and their conversion into a
mandate, partnerships and their documents."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from consortium.accounts.access import may_work_on_development, opportunities_convertible_by
from consortium.accounts.selectors import user_roles
from consortium.core.services import row_save
from consortium.development.models import (
    DOCUMENT_MAX_BYTES,
    DevelopmentActivity,
    Opportunity,
    OpportunityStage,
    Partnership,
    PartnershipDocument,
)
from consortium.mandates.models import Mandate, MandateType
from consortium.mandates.selectors import next_mandate_code
from consortium.mandates.services import mandate_create
from consortium.members.models import Organisation
from consortium.members.services import organisation_create, organisation_update
from consortium.staff.models import Department, Expert


@transaction.atomic
def development_activity_upsert(
    *,
    kind: str,
    date: dt.date,
    title: str,
    organisations: Iterable[Organisation] = (),
    notes: str = "",
) -> tuple[DevelopmentActivity, bool]:
    """Record the activity of this kind, day and title (created, or its organisations met and
    notes replaced); says if created."""
    activity = (
        DevelopmentActivity.objects.select_for_update()
        .filter(kind=kind, date=date, title=title)
        .first()
    )
    created = activity is None
    if activity is None:
        activity = DevelopmentActivity(kind=kind, date=date, title=title)
    activity.notes = notes
    activity.full_clean()
    activity.save()
    activity.organisations_met.set(list(organisations))
    return activity, created


@transaction.atomic
def partnership_record(
    *,
    organisation: Organisation,
    title: str,
    start: dt.date,
    end: dt.date | None = None,
    description: str = "",
) -> Partnership:
    partnership = Partnership(
        organisation=organisation, title=title, start=start, end=end, description=description
    )
    partnership.full_clean()
    partnership.save()
    return partnership


@transaction.atomic
def partnership_update(
    *,
    partnership: Partnership,
    organisation: Organisation,
    title: str,
    start: dt.date,
    end: dt.date | None = None,
    description: str = "",
) -> Partnership:
    """Change a partnership (its last day included); it may not end before it starts."""
    return row_save(
        Partnership.objects.select_for_update().get(pk=partnership.pk),
        organisation=organisation,
        title=title,
        start=start,
        end=end,
        description=description,
    )


@transaction.atomic
def development_activity_create(
    *,
    kind: str,
    date: dt.date,
    title: str,
    organisations_met: Iterable[Organisation] = (),
    notes: str = "",
    participants: Iterable[Expert] = (),
    next_step: str = "",
    follow_up_due: dt.date | None = None,
    follow_up_owner: User | None = None,
    follow_up_done_on: dt.date | None = None,
) -> DevelopmentActivity:
    """Record an activity and the organisations met; refused if the same kind, day and title
    is already recorded. The admin's write: the pages' is `development_activity_record`."""
    return row_save(
        DevelopmentActivity(),
        kind=kind,
        date=date,
        title=title,
        organisations_met=organisations_met,
        notes=notes,
        participants=participants,
        next_step=next_step,
        follow_up_due=follow_up_due,
        follow_up_owner=follow_up_owner,
        follow_up_done_on=follow_up_done_on,
    )


@transaction.atomic
def development_activity_update(
    *,
    activity: DevelopmentActivity,
    kind: str,
    date: dt.date,
    title: str,
    organisations_met: Iterable[Organisation] = (),
    notes: str = "",
    participants: Iterable[Expert] = (),
    next_step: str = "",
    follow_up_due: dt.date | None = None,
    follow_up_owner: User | None = None,
    follow_up_done_on: dt.date | None = None,
) -> DevelopmentActivity:
    return row_save(
        DevelopmentActivity.objects.select_for_update().get(pk=activity.pk),
        kind=kind,
        date=date,
        title=title,
        organisations_met=organisations_met,
        notes=notes,
        participants=participants,
        next_step=next_step,
        follow_up_due=follow_up_due,
        follow_up_owner=follow_up_owner,
        follow_up_done_on=follow_up_done_on,
    )


# The pages' writes: each checks that `by` works on business development.


def _check_may_work(by) -> None:
    if not may_work_on_development(user_roles(by)):
        raise PermissionDenied(_("Le développement des affaires relève de la direction."))


def _follow_up(
    *, next_step: str, follow_up_due: dt.date | None, follow_up_owner: User | None
) -> dict:
    return {
        "next_step": next_step.strip(),
        "follow_up_due": follow_up_due,
        "follow_up_owner": follow_up_owner,
    }


@transaction.atomic
def development_activity_record(
    *,
    by: User,
    kind: str,
    date: dt.date,
    title: str,
    participants: Iterable[Expert] = (),
    organisations_met: Iterable[Organisation] = (),
    notes: str = "",
    next_step: str = "",
    follow_up_due: dt.date | None = None,
    follow_up_owner: User | None = None,
) -> DevelopmentActivity:
    """Record an activity from its page: who took part, whom they met and the follow-up
    (next step, due date, owner: all three or none)."""
    _check_may_work(by)
    return row_save(
        DevelopmentActivity(),
        kind=kind,
        date=date,
        title=title,
        participants=participants,
        organisations_met=organisations_met,
        notes=notes,
        **_follow_up(
            next_step=next_step, follow_up_due=follow_up_due, follow_up_owner=follow_up_owner
        ),
    )


@transaction.atomic
def development_activity_change(
    *,
    by: User,
    activity: DevelopmentActivity,
    kind: str,
    date: dt.date,
    title: str,
    participants: Iterable[Expert] = (),
    organisations_met: Iterable[Organisation] = (),
    notes: str = "",
    next_step: str = "",
    follow_up_due: dt.date | None = None,
    follow_up_owner: User | None = None,
) -> DevelopmentActivity:
    _check_may_work(by)
    return row_save(
        DevelopmentActivity.objects.select_for_update().get(pk=activity.pk),
        kind=kind,
        date=date,
        title=title,
        participants=participants,
        organisations_met=organisations_met,
        notes=notes,
        **_follow_up(
            next_step=next_step, follow_up_due=follow_up_due, follow_up_owner=follow_up_owner
        ),
    )


@transaction.atomic
def follow_up_complete(
    *, by: User, activity: DevelopmentActivity, on: dt.date
) -> DevelopmentActivity:
    """Mark the activity's follow-up done on `on`; refused if it has none or is done."""
    _check_may_work(by)
    row = DevelopmentActivity.objects.select_for_update().get(pk=activity.pk)
    if not row.next_step:
        raise ValidationError(_("Cette activité n'a pas de suivi."))
    if row.follow_up_done_on is not None:
        raise ValidationError(_("Ce suivi est déjà fait."))
    return row_save(row, follow_up_done_on=on)


def _prospect_code(name: str) -> str:
    """« PROS-COOP-DU-QUARTIER », with a number if taken: a code people can read."""
    base = slugify(name).upper()[:20].strip("-") or "ORG"
    code = f"PROS-{base}"
    taken = set(Organisation.objects.filter(code__startswith=code).values_list("code", flat=True))
    number = 2
    candidate = code
    while candidate in taken:
        candidate = f"{code}-{number}"
        number += 1
    return candidate


@transaction.atomic
def prospect_create(*, by: User, name: str) -> Organisation:
    """Add an organisation met in development that the registry lacks, as a prospect (not a
    member, served by no mandate yet); its code is made from its name."""
    _check_may_work(by)
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Indiquez le nom de l'organisation.")})
    return organisation_create(code=_prospect_code(name), name=name, is_prospect=True)


def _opportunity_fields(
    *,
    title: str,
    organisation: Organisation,
    stage: str,
    mandate_type: MandateType,
    department: Department,
    estimated_hours: Decimal | None,
    estimated_amount: Decimal | None,
    owner: User | None,
    notes: str,
) -> dict:
    return {
        "title": title,
        "organisation": organisation,
        "stage": stage,
        "mandate_type": mandate_type,
        "department": department,
        "estimated_hours": estimated_hours,
        "estimated_amount": estimated_amount,
        "owner": owner,
        "notes": notes,
    }


@transaction.atomic
def opportunity_record(
    *,
    by: User,
    title: str,
    organisation: Organisation,
    mandate_type: MandateType,
    department: Department,
    stage: str = OpportunityStage.FIRST_CONTACT,
    estimated_hours: Decimal | None = None,
    estimated_amount: Decimal | None = None,
    owner: User | None = None,
    notes: str = "",
) -> Opportunity:
    _check_may_work(by)
    return row_save(
        Opportunity(),
        **_opportunity_fields(
            title=title,
            organisation=organisation,
            stage=stage,
            mandate_type=mandate_type,
            department=department,
            estimated_hours=estimated_hours,
            estimated_amount=estimated_amount,
            owner=owner,
            notes=notes,
        ),
    )


@transaction.atomic
def opportunity_update(
    *,
    by: User,
    opportunity: Opportunity,
    title: str,
    organisation: Organisation,
    mandate_type: MandateType,
    department: Department,
    stage: str,
    estimated_hours: Decimal | None = None,
    estimated_amount: Decimal | None = None,
    owner: User | None = None,
    notes: str = "",
) -> Opportunity:
    """Change an opportunity; once it became a mandate it stays won, with that mandate."""
    _check_may_work(by)
    row = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if row.mandate_id is not None and (
        stage != OpportunityStage.WON
        or organisation != row.organisation
        or mandate_type != row.mandate_type
        or department != row.department
    ):
        raise ValidationError(
            _(
                "Cette occasion est devenue un mandat : son étape, son organisation, son type "
                "et son département ne changent plus."
            )
        )
    return row_save(
        row,
        **_opportunity_fields(
            title=title,
            organisation=organisation,
            stage=stage,
            mandate_type=mandate_type,
            department=department,
            estimated_hours=estimated_hours,
            estimated_amount=estimated_amount,
            owner=owner,
            notes=notes,
        ),
    )


@transaction.atomic
def opportunity_convert(*, by: User, opportunity: Opportunity, start: dt.date) -> Mandate:
    """Open the mandate a won opportunity leads to (its type, department, organisation, hours
    as budget; the next free code of `start`'s year) and link them; refused twice, refused
    before the opportunity is won, refused to whoever may not open a mandate in its
    department (a director of it, or an administrator)."""
    roles = user_roles(by)
    if not opportunities_convertible_by(
        by, among=Opportunity.objects.filter(pk=opportunity.pk), roles=roles
    ).exists():
        raise PermissionDenied(
            _("Seule la direction du département de cette occasion ouvre son mandat.")
        )
    row = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if row.mandate_id is not None:
        raise ValidationError(
            _("Cette occasion est déjà devenue le mandat %(code)s.") % {"code": row.mandate.code}
        )
    if row.stage != OpportunityStage.WON:
        raise ValidationError(_("Seule une occasion gagnée devient un mandat."))
    mandate = mandate_create(
        code=next_mandate_code(start),
        organisation=row.organisation,
        title=row.title,
        mandate_type=row.mandate_type,
        department=row.department,
        start=start,
        budget_hours=row.estimated_hours,
    )
    row_save(row, mandate=mandate)
    if row.organisation.is_prospect:
        organisation_update(
            organisation=row.organisation,
            code=row.organisation.code,
            name=row.organisation.name,
            legal_form=row.organisation.legal_form,
            neq=row.organisation.neq,
            region=row.organisation.region,
            federation=row.organisation.federation,
            is_prospect=False,
        )
    return mandate


@transaction.atomic
def partnership_document_add(
    *, by: User, partnership: Partnership, title: str, upload: UploadedFile
) -> PartnershipDocument:
    """Keep a file of a partnership; refused when empty or larger than 10 Mo."""
    _check_may_work(by)
    if upload.size == 0:
        raise ValidationError({"upload": _("Le fichier est vide.")})
    if upload.size > DOCUMENT_MAX_BYTES:
        raise ValidationError({"upload": _("Le fichier dépasse 10 Mo.")})
    return row_save(
        PartnershipDocument(),
        partnership=partnership,
        title=title.strip() or upload.name,
        filename=upload.name[:255],
        content_type=(upload.content_type or "application/octet-stream")[:100],
        size=upload.size,
        content=upload.read(),
    )


@transaction.atomic
def partnership_document_delete(*, by: User, document: PartnershipDocument) -> None:
    _check_may_work(by)
    document.delete()
