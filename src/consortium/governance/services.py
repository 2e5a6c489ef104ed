"""Writes to governance: meetings, board seats and their holders."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

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
def board_seat_end(*, seat: BoardSeat, term_end: dt.date) -> BoardSeat:
    """End a seat's term on `term_end`, its last day."""
    seat = BoardSeat.objects.select_for_update().get(pk=seat.pk)
    seat.term_end = term_end
    seat.full_clean()
    seat.save()
    return seat
