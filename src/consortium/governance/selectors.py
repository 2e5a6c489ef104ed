"""Reads of governance: what the activity report says of the co-op's bodies."""

from django.db.models import Count, Prefetch, Q

from consortium.core.fiscal_years import Period
from consortium.governance.models import BoardSeat, BoardSeatHolder, Meeting, MeetingKind


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
