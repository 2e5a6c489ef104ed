"""Reads of governance: what the activity report says of the co-op's bodies."""

from django.conf import settings
from django.db.models import Count, Prefetch, Q

from consortium.core.fiscal_years import Period
from consortium.governance.models import (
    Attendance,
    BoardSeat,
    BoardSeatHolder,
    Meeting,
    MeetingKind,
    Resolution,
)
from consortium.governance.rules import quorum_of


def seats_in_force_on(day):
    return BoardSeat.objects.filter(term_start__lte=day).filter(
        Q(term_end__isnull=True) | Q(term_end__gte=day)
    )


def governance_report(period: Period) -> dict:
    """Meetings of each body dated in the period, and the board in force on its last day, in
    display order. Three queries, whatever the data."""
    counted = dict(
        Meeting.objects.filter(date__range=(period.start, period.end))
        .order_by()
        .values_list("kind")
        .annotate(count=Count("pk"))
    )
    seats = list(
        seats_in_force_on(period.end)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("holders", queryset=BoardSeatHolder.objects.order_by("pk")),
        )
        .order_by("order", "pk")
    )
    return {
        "meetings": {kind.value: counted.get(kind.value, 0) for kind in MeetingKind},
        "board_seats": len(seats),
        "executive_seats": sum(1 for seat in seats if seat.is_executive),
        "board": [
            {
                "holders": [holder.full_name for holder in seat.holders.all()],
                "role": seat.role,
                "role_label": str(seat.get_role_display()),
                "is_executive": seat.is_executive,
                "organisation": seat.organisation.name if seat.organisation else "",
            }
            for seat in seats
        ],
    }


def _holders_by_pk():
    return Prefetch("holders", queryset=BoardSeatHolder.objects.order_by("pk"))


def board_composition_on(day) -> dict:
    """Who held each seat on `day`, in display order, and the executive committee among them.
    Two queries, whatever the data."""
    seats = list(
        seats_in_force_on(day)
        .select_related("organisation")
        .prefetch_related(_holders_by_pk())
        .order_by("order", "pk")
    )
    return {
        "day": day,
        "seats": seats,
        "executive": [seat for seat in seats if seat.is_executive],
    }


def body_seats_on(kind: str, day):
    """The seats of a body on `day`: every board seat for the board, the executive ones for the
    executive committee; none for the AGM (its members are not seats)."""
    seats = seats_in_force_on(day)
    if kind == MeetingKind.EXECUTIVE:
        return seats.filter(is_executive=True)
    if kind == MeetingKind.BOARD:
        return seats
    return seats.none()


def meeting_page(meeting: Meeting) -> dict:
    """A meeting's attendance, resolutions and quorum. Five queries, whatever the data."""
    seats = list(
        body_seats_on(meeting.kind, meeting.date)
        .select_related("organisation")
        .prefetch_related(_holders_by_pk())
        .order_by("order", "pk")
    )
    attendances = list(
        Attendance.objects.filter(meeting=meeting).select_related("holder").order_by("pk")
    )
    present_seats = {a.holder.seat_id for a in attendances if a.holder_id}
    share = settings.GOVERNANCE_QUORUM_SHARE.get(meeting.kind)
    quorum = quorum_of(
        seats=len(seats),
        present=sum(1 for seat in seats if seat.pk in present_seats),
        share=share,
    )
    return {
        "seats": seats,
        "attendances": attendances,
        "present_holder_ids": {a.holder_id for a in attendances if a.holder_id},
        "others": [a.name for a in attendances if not a.holder_id],
        "quorum": quorum,
        "resolutions": list(Resolution.objects.filter(meeting=meeting).order_by("pk")),
    }


def meeting_list(*, kind: str = "", year: int | None = None):
    """Meetings, latest first, with their counts of people present and resolutions."""
    meetings = Meeting.objects.annotate(
        present=Count("attendances", distinct=True),
        resolution_count=Count("resolutions", distinct=True),
    )
    if kind:
        meetings = meetings.filter(kind=kind)
    if year:
        meetings = meetings.filter(date__year=year)
    return meetings


def meeting_years() -> list[int]:
    return sorted({day.year for day in Meeting.objects.dates("date", "year")}, reverse=True)


def board_seat_list():
    """Every seat, current terms first, with holders and organisation. Two queries."""
    return (
        BoardSeat.objects.select_related("organisation")
        .prefetch_related(_holders_by_pk())
        .order_by("-term_start", "order", "pk")
    )
