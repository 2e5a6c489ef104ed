"""Writes to governance: meetings, board seats and their holders."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.accounts.access import may_manage_governance
from consortium.core.services import row_save
from consortium.governance.models import (
    Attendance,
    BoardSeat,
    BoardSeatHolder,
    Meeting,
    Resolution,
    ResolutionOutcome,
)
from consortium.members.models import Organisation

MAX_HOLDERS = 2


@transaction.atomic
def meeting_record(
    *, kind: str, date: dt.date, title: str = "", notes: str = "", agenda: str = ""
) -> tuple[Meeting, bool]:
    """Record the meeting of this body on this day (created, or its title, notes and agenda
    replaced)."""
    meeting = Meeting.objects.select_for_update().filter(kind=kind, date=date).first()
    created = meeting is None
    if meeting is None:
        meeting = Meeting(kind=kind, date=date)
    meeting.title = title
    meeting.notes = notes
    meeting.agenda = agenda
    meeting.full_clean()
    meeting.save()
    return meeting, created


@transaction.atomic
def board_seat_create(
    *,
    role: str,
    holders: list[tuple[str, str]],
    term_start: dt.date,
    term_end: dt.date | None = None,
    is_executive: bool = False,
    organisation: Organisation | None = None,
    order: int = 0,
) -> BoardSeat:
    """Create a seat held by one person, or shared by two, given as (first name, last name)."""
    if not 1 <= len(holders) <= MAX_HOLDERS:
        raise ValidationError(_("Un siège est occupé par une ou deux personnes."))
    seat = BoardSeat(
        role=role,
        is_executive=is_executive,
        organisation=organisation,
        term_start=term_start,
        term_end=term_end,
        order=order,
    )
    seat.full_clean()
    seat.save()
    for first_name, last_name in holders:
        holder = BoardSeatHolder(seat=seat, first_name=first_name, last_name=last_name)
        holder.full_clean()
        holder.save()
    return seat


@transaction.atomic
def meeting_create(
    *,
    kind: str,
    date: dt.date,
    title: str = "",
    notes: str = "",
    agenda: str = "",
    minutes: File | None = None,
) -> Meeting:
    """Record a meeting; refused if this body already met that day."""
    values = {"kind": kind, "date": date, "title": title, "notes": notes, "agenda": agenda}
    if minutes:
        _check_is_pdf(minutes)
        values["minutes"] = minutes
    return row_save(Meeting(), **values)


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    kind: str,
    date: dt.date,
    title: str = "",
    notes: str = "",
    agenda: str = "",
    minutes: File | None = None,
) -> Meeting:
    """Change a meeting; `minutes` is the file it keeps (the same one) or a new PDF."""
    row = Meeting.objects.select_for_update().get(pk=meeting.pk)
    values = {"kind": kind, "date": date, "title": title, "notes": notes, "agenda": agenda}
    if minutes and minutes != row.minutes:
        _check_is_pdf(minutes)
    values["minutes"] = minutes or ""
    return row_save(row, **values)


@transaction.atomic
def board_seat_open(
    *,
    role: str,
    term_start: dt.date,
    term_end: dt.date | None = None,
    is_executive: bool = False,
    organisation: Organisation | None = None,
    order: int = 0,
) -> BoardSeat:
    """Create a seat whose holders are added next (the admin adds them on the same page)."""
    return row_save(
        BoardSeat(),
        role=role,
        is_executive=is_executive,
        organisation=organisation,
        term_start=term_start,
        term_end=term_end,
        order=order,
    )


@transaction.atomic
def board_seat_update(
    *,
    seat: BoardSeat,
    role: str,
    term_start: dt.date,
    term_end: dt.date | None = None,
    is_executive: bool = False,
    organisation: Organisation | None = None,
    order: int = 0,
) -> BoardSeat:
    """Change a seat; an officer sits on the executive committee."""
    return row_save(
        BoardSeat.objects.select_for_update().get(pk=seat.pk),
        role=role,
        is_executive=is_executive,
        organisation=organisation,
        term_start=term_start,
        term_end=term_end,
        order=order,
    )


def _check_seat_has_room(seat: BoardSeat, holder: BoardSeatHolder | None = None) -> None:
    # The seat's row, locked, makes two people adding a holder at once wait for each other.
    BoardSeat.objects.select_for_update().filter(pk=seat.pk).first()
    others = BoardSeatHolder.objects.filter(seat=seat)
    if holder is not None:
        others = others.exclude(pk=holder.pk)
    if others.count() >= MAX_HOLDERS:
        raise ValidationError(_("Un siège est occupé par une ou deux personnes."))


@transaction.atomic
def board_seat_holder_create(
    *, seat: BoardSeat, first_name: str, last_name: str
) -> BoardSeatHolder:
    """Name a person on a seat; refused if two already share it."""
    _check_seat_has_room(seat)
    return row_save(BoardSeatHolder(), seat=seat, first_name=first_name, last_name=last_name)


@transaction.atomic
def board_seat_holder_update(
    *, holder: BoardSeatHolder, seat: BoardSeat, first_name: str, last_name: str
) -> BoardSeatHolder:
    """Rename a holder or move them to another seat, which must have room for them."""
    holder = BoardSeatHolder.objects.select_for_update().get(pk=holder.pk)
    if seat.pk != holder.seat_id:
        _check_seat_has_room(seat, holder)
    return row_save(holder, seat=seat, first_name=first_name, last_name=last_name)


# The pages' writes: each checks that `by` may manage governance.


def _check_may_manage(by) -> None:
    if not may_manage_governance(by):
        raise PermissionDenied(_("La gouvernance relève de la direction et de l'administration."))


def _check_is_pdf(minutes: File) -> None:
    minutes.seek(0)
    head = minutes.read(5)
    minutes.seek(0)
    if head != b"%PDF-":
        raise ValidationError({"minutes": _("Le procès-verbal doit être un fichier PDF.")})


@transaction.atomic
def meeting_save(
    *,
    by,
    meeting: Meeting | None = None,
    kind: str,
    date: dt.date,
    title: str = "",
    agenda: str = "",
    minutes: File | None = None,
) -> Meeting:
    """Record a meeting, or change one; `minutes` (a PDF) replaces the file it had, if any."""
    _check_may_manage(by)
    row = Meeting() if meeting is None else Meeting.objects.select_for_update().get(pk=meeting.pk)
    values = {"kind": kind, "date": date, "title": title, "agenda": agenda}
    if minutes is not None:
        _check_is_pdf(minutes)
        values["minutes"] = minutes
    return row_save(row, **values)


@transaction.atomic
def meeting_attendance_set(
    *, by, meeting: Meeting, holders: list[BoardSeatHolder], others: list[str]
) -> list[Attendance]:
    """The people present at `meeting`: seat holders, and others by name (blank lines and the
    same name twice are ignored). Replaces what was recorded."""
    _check_may_manage(by)
    return meeting_attendance_record(meeting=meeting, holders=holders, others=others)


@transaction.atomic
def meeting_attendance_record(
    *, meeting: Meeting, holders: list[BoardSeatHolder], others: list[str]
) -> list[Attendance]:
    """The attendance as given, for whoever has already been allowed (the pages, the demo)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    Attendance.objects.filter(meeting=meeting).delete()
    rows = [row_save(Attendance(), meeting=meeting, holder=holder) for holder in holders]
    seen = set()
    for name in (name.strip() for name in others):
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            rows.append(row_save(Attendance(), meeting=meeting, name=name[:200]))
    return rows


@transaction.atomic
def resolution_add(
    *, by, meeting: Meeting, number: str, text: str, outcome: str = ResolutionOutcome.ADOPTED
) -> Resolution:
    """Record a resolution put to `meeting`; its number is unique within the meeting."""
    _check_may_manage(by)
    return resolution_record(meeting=meeting, number=number, text=text, outcome=outcome)


@transaction.atomic
def resolution_record(
    *, meeting: Meeting, number: str, text: str, outcome: str = ResolutionOutcome.ADOPTED
) -> Resolution:
    """A resolution as given, for whoever has already been allowed (the pages, the demo)."""
    return row_save(Resolution(), meeting=meeting, number=number, text=text, outcome=outcome)


@transaction.atomic
def resolution_update(
    *, by, resolution: Resolution, number: str, text: str, outcome: str
) -> Resolution:
    _check_may_manage(by)
    return row_save(
        Resolution.objects.select_for_update().get(pk=resolution.pk),
        number=number,
        text=text,
        outcome=outcome,
    )


@transaction.atomic
def board_seat_save(
    *,
    by,
    seat: BoardSeat | None = None,
    role: str,
    holders: list[tuple[str, str]],
    term_start: dt.date,
    term_end: dt.date | None = None,
    is_executive: bool = False,
    organisation: Organisation | None = None,
    order: int = 0,
) -> BoardSeat:
    """Open a seat or change one, with its holder, or the two who share it. A holder kept keeps
    their row (and the meetings they attended); a holder left out is removed."""
    _check_may_manage(by)
    if not 1 <= len(holders) <= MAX_HOLDERS:
        raise ValidationError(_("Un siège est occupé par une ou deux personnes."))
    row = BoardSeat() if seat is None else BoardSeat.objects.select_for_update().get(pk=seat.pk)
    row = row_save(
        row,
        role=role,
        is_executive=is_executive,
        organisation=organisation,
        term_start=term_start,
        term_end=term_end,
        order=order,
    )
    existing = list(BoardSeatHolder.objects.filter(seat=row).order_by("pk"))
    for index, (first_name, last_name) in enumerate(holders):
        holder = existing[index] if index < len(existing) else BoardSeatHolder()
        row_save(holder, seat=row, first_name=first_name, last_name=last_name)
    for extra in existing[len(holders) :]:
        extra.delete()
    return row
