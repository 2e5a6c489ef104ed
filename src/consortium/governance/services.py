"""Writes to governance: meetings, board seats and their holders."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.core.services import row_save
from consortium.governance.models import BoardSeat, BoardSeatHolder, Meeting
from consortium.members.models import Organisation

MAX_HOLDERS = 2


@transaction.atomic
def meeting_record(
    *, kind: str, date: dt.date, title: str = "", notes: str = ""
) -> tuple[Meeting, bool]:
    """Record the meeting of this body on this day (created, or its title and notes replaced)."""
    meeting = Meeting.objects.select_for_update().filter(kind=kind, date=date).first()
    created = meeting is None
    if meeting is None:
        meeting = Meeting(kind=kind, date=date)
    meeting.title = title
    meeting.notes = notes
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
def meeting_create(*, kind: str, date: dt.date, title: str = "", notes: str = "") -> Meeting:
    """Record a meeting; refused if this body already met that day."""
    return row_save(Meeting(), kind=kind, date=date, title=title, notes=notes)


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, kind: str, date: dt.date, title: str = "", notes: str = ""
) -> Meeting:
    return row_save(
        Meeting.objects.select_for_update().get(pk=meeting.pk),
        kind=kind,
        date=date,
        title=title,
        notes=notes,
    )


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
