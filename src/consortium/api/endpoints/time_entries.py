"""Time entries: read what the site lets the token's user read; write through the ledger's
services (`time_entry_record`, `time_entries_record` for a batch, `time_entry_update`,
`time_entry_delete`), whose refusals come back as 422 problems naming each field and rule."""

import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Status
from pydantic import AwareDatetime

from consortium.accounts.access import (
    experts_time_editable_by,
    experts_visible_to,
    mandates_visible_to,
    request_roles,
    time_entries_editable_by,
    time_entries_visible_to,
)
from consortium.api import schemas
from consortium.api.errors import ApiError, field_errors
from consortium.api.models import Scope
from consortium.api.pagination import PageNumber, PageSize, paginate
from consortium.api.renderers import OffsetEncoder
from consortium.api.schemas import Code, Day, Id
from consortium.api.security import require_scope
from consortium.timesheets.models import TimeEntry
from consortium.timesheets.services.entries import (
    NewEntry,
    time_entries_record,
    time_entry_delete,
    time_entry_record,
    time_entry_update,
)

router = Router(tags=["time entries"])

# An entry as the API writes it: the list reads these columns alone (no model instances), the
# cost that matters for a page of 500.
COLUMNS = {
    "id": "id",
    "expert": "expert__code",
    "mandate": "mandate__code",
    "date": "date",
    "hours": "hours",
    "start_time": "start_time",
    "end_time": "end_time",
    "description": "description",
    "source": "source",
    "external_id": "external_id",
    "created_at": "created_at",
    "updated_at": "updated_at",
}


def _as_document(entry: TimeEntry) -> dict:
    return {
        "id": entry.pk,
        "expert": entry.expert.code,
        "mandate": entry.mandate.code,
        "date": entry.date,
        # As the database gives them back: two decimals, whatever the caller sent.
        "hours": Decimal(entry.hours).quantize(Decimal("0.01")),
        "start_time": entry.start_time,
        "end_time": entry.end_time,
        "description": entry.description,
        "source": entry.source,
        "external_id": entry.external_id,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
    }


def _visible(request):
    return time_entries_visible_to(
        request.user, among=TimeEntry.objects.all(), roles=request_roles(request)
    )


def _unknown(field: str, message: str) -> ApiError:
    return ApiError(
        422,
        _("La demande est refusée : voyez chaque champ dans « errors »."),
        errors=[{"field": field, "message": message}],
    )


def _editable(request, entry_id: int) -> TimeEntry:
    """The entry to change: 404 outside what the user reads, 403 if they read it only."""
    roles = request_roles(request)
    entry = _visible(request).select_related("expert", "mandate").filter(pk=entry_id).first()
    if entry is None:
        raise ApiError(404, _("Aucune entrée à votre portée."))
    editable = time_entries_editable_by(
        request.user, among=TimeEntry.objects.filter(pk=entry_id), roles=roles
    )
    if not editable.exists():
        raise ApiError(403, _("Vous ne pouvez pas modifier le temps de cet expert."))
    return entry


def _mandate(request, code: str):
    mandate = (
        mandates_visible_to(request.user, roles=request_roles(request)).filter(code=code).first()
    )
    if mandate is None:
        raise _unknown("body.mandate", _("Mandat inconnu ou hors de votre portée : %s.") % code)
    return mandate


@router.get("/time-entries", response=schemas.TimeEntryPage)
def time_entries_list(
    request,
    date_from: Day | None = None,
    date_to: Day | None = None,
    expert: Code | None = None,
    mandate: Code | None = None,
    organisation: Code | None = None,
    changed_since: AwareDatetime | None = None,
    page: int = PageNumber,
    page_size: int = PageSize,
):
    """Entries by date, then expert and mandate; `changed_since` (ISO 8601 with its offset):
    only those created or changed since."""
    require_scope(request, Scope.TIME_ENTRIES_READ)
    rows = _visible(request).order_by("date", "expert__code", "mandate__code", "pk")
    if date_from:
        rows = rows.filter(date__gte=date_from)
    if date_to:
        rows = rows.filter(date__lte=date_to)
    if expert:
        rows = rows.filter(expert__code=expert)
    if mandate:
        rows = rows.filter(mandate__code=mandate)
    if organisation:
        rows = rows.filter(mandate__organisation__code=organisation)
    if changed_since:
        rows = rows.filter(updated_at__gte=changed_since)
    result = paginate(rows.values(*COLUMNS.values()), page, page_size)
    result["results"] = [
        {name: row[column] for name, column in COLUMNS.items()} for row in result["results"]
    ]
    # Rows straight from the database, in the shape the schema documents (the contract test
    # holds them to it): validating 500 of them again would double the list's cost.
    return HttpResponse(json.dumps(result, cls=OffsetEncoder), content_type="application/json")


@router.get("/time-entries/{int:entry_id}", response=schemas.TimeEntry)
def time_entry_read(request, entry_id: Id):
    require_scope(request, Scope.TIME_ENTRIES_READ)
    entry = _visible(request).select_related("expert", "mandate").filter(pk=entry_id).first()
    if entry is None:
        raise ApiError(404, _("Aucune entrée à votre portée."))
    return _as_document(entry)


# Entries the API adds carry this source, beside their external id if the caller gave one.
API_SOURCE = "api"


@router.post("/time-entries", response={201: schemas.TimeEntry})
def time_entry_create(request, payload: schemas.TimeEntryCreate):
    """Add an entry of an expert on a mandate for a day, beside the day's others (hours, or a
    start and an end)."""
    require_scope(request, Scope.TIME_ENTRIES_WRITE)
    (new,) = _new_entries(request, [payload], field_of=lambda _index, field: f"body.{field}")
    entry = time_entry_record(
        expert=new.expert,
        mandate=new.mandate,
        date=new.date,
        hours=new.hours,
        start_time=new.start_time,
        end_time=new.end_time,
        description=new.description,
        source=new.source,
        external_id=new.external_id,
        by=request.user,
    )
    return Status(201, _as_document(entry))


@router.post("/time-entries/batch", response={201: schemas.TimeEntryBatchResult})
def time_entries_create(request, payload: schemas.TimeEntryBatch):
    """Add up to 500 entries in one call, all or none, under the same rules as one at a time
    (the 24 h rule counts the batch's others): the fast way to send a day's or a week's work."""
    require_scope(request, Scope.TIME_ENTRIES_WRITE)
    news = _new_entries(
        request, payload.entries, field_of=lambda index, field: f"body.entries.{index}.{field}"
    )
    try:
        entries = time_entries_record(news, by=request.user)
    except ValidationError as error:
        raise ApiError(
            422,
            _("La demande est refusée : voyez chaque champ dans « errors »."),
            errors=field_errors(error, prefix="entries."),
        ) from error
    return Status(201, {"results": [_as_document(entry) for entry in entries]})


def _new_entries(request, payloads, *, field_of) -> list[NewEntry]:
    """The entries the payloads ask for, their experts and mandates read in two queries. Codes
    out of the user's reach are a 422 naming each; an expert the user only reads is a 403."""
    roles = request_roles(request)
    expert_codes = {payload.expert for payload in payloads}
    experts = {
        expert.code: expert
        for expert in experts_time_editable_by(request.user, roles=roles).filter(
            code__in=expert_codes
        )
    }
    mandates = {
        mandate.code: mandate
        for mandate in mandates_visible_to(request.user, roles=roles).filter(
            code__in={payload.mandate for payload in payloads}
        )
    }
    missing = expert_codes - experts.keys()
    if missing and experts_visible_to(request.user, roles=roles).filter(code__in=missing).exists():
        raise ApiError(403, _("Vous ne pouvez pas saisir le temps de cet expert."))
    errors = []
    for index, payload in enumerate(payloads):
        if payload.expert not in experts:
            message = _("Expert inconnu ou hors de votre portée : %s.") % payload.expert
            errors.append({"field": field_of(index, "expert"), "message": message})
        if payload.mandate not in mandates:
            message = _("Mandat inconnu ou hors de votre portée : %s.") % payload.mandate
            errors.append({"field": field_of(index, "mandate"), "message": message})
    if errors:
        raise ApiError(
            422, _("La demande est refusée : voyez chaque champ dans « errors »."), errors=errors
        )
    return [
        NewEntry(
            expert=experts[payload.expert],
            mandate=mandates[payload.mandate],
            date=payload.date,
            hours=payload.hours,
            description=payload.description,
            start_time=payload.start_time,
            end_time=payload.end_time,
            source=API_SOURCE,
            external_id=payload.external_id,
        )
        for payload in payloads
    ]


@router.patch("/time-entries/{int:entry_id}", response=schemas.TimeEntry)
def time_entry_change(request, entry_id: Id, payload: schemas.TimeEntryChange):
    require_scope(request, Scope.TIME_ENTRIES_WRITE)
    entry = _editable(request, entry_id)
    sent = payload.model_fields_set
    times = {name: getattr(payload, name) for name in ("start_time", "end_time") if name in sent}
    changed = time_entry_update(
        entry=entry,
        date=payload.date,
        mandate=_mandate(request, payload.mandate) if payload.mandate else None,
        hours=payload.hours,
        description=payload.description,
        by=request.user,
        **times,
    )
    return _as_document(changed)


@router.delete("/time-entries/{int:entry_id}", response={204: None})
def time_entry_remove(request, entry_id: Id):
    require_scope(request, Scope.TIME_ENTRIES_WRITE)
    time_entry_delete(entry=_editable(request, entry_id), by=request.user)
    return Status(204, None)
