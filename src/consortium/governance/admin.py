"""Meetings and board seats (with their holders)."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.core.admin import ServiceAdmin, ServiceInline, Writes, YesNoFilter
from consortium.governance.models import (
    Attendance,
    BoardSeat,
    BoardSeatHolder,
    Meeting,
    Resolution,
)
from consortium.governance.services import (
    board_seat_holder_create,
    board_seat_holder_update,
    board_seat_open,
    board_seat_update,
    meeting_create,
    meeting_update,
    resolution_add,
    resolution_update,
)

HOLDER_WRITES = Writes(
    row="holder", create=board_seat_holder_create, update=board_seat_holder_update
)


class ResolutionInline(ServiceInline, admin.TabularInline):
    model = Resolution
    writes = Writes(row="resolution", create=resolution_add, update=resolution_update, by=True)
    fields = ("number", "text", "outcome")
    extra = 0


class AttendanceInline(admin.TabularInline):
    """Read here; recorded on the meeting's page in the workspace (its quorum shown there)."""

    model = Attendance
    fields = ("holder", "name")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Meeting)
class MeetingAdmin(ServiceAdmin):
    writes = Writes(row="meeting", create=meeting_create, update=meeting_update)
    inlines = (AttendanceInline, ResolutionInline)
    list_display = ("date", "kind", "title")
    list_filter = ("kind", "date")
    search_fields = ("title", "notes")
    date_hierarchy = "date"


class InForceFilter(YesNoFilter):
    title = _("en vigueur aujourd'hui")
    parameter_name = "in_force"

    def condition(self) -> Q:
        today = timezone.localdate()
        return Q(term_start__lte=today) & (Q(term_end__isnull=True) | Q(term_end__gte=today))


class BoardSeatHolderInline(ServiceInline, admin.TabularInline):
    model = BoardSeatHolder
    writes = HOLDER_WRITES
    fields = ("first_name", "last_name")
    extra = 0
    max_num = 2


@admin.register(BoardSeat)
class BoardSeatAdmin(ServiceAdmin):
    writes = Writes(row="seat", create=board_seat_open, update=board_seat_update)
    list_display = ("order", "role", "holder_names", "is_executive", "organisation", "term_start")
    list_display_links = ("role",)
    list_filter = ("role", "is_executive", InForceFilter)
    search_fields = ("holders__first_name", "holders__last_name", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)
    inlines = (BoardSeatHolderInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("holders")

    @admin.display(description=_("titulaires"))
    def holder_names(self, seat: BoardSeat) -> str:
        return " | ".join(holder.full_name for holder in seat.holders.all())


@admin.register(BoardSeatHolder)
class BoardSeatHolderAdmin(ServiceAdmin):
    writes = HOLDER_WRITES
    list_display = ("last_name", "first_name", "seat")
    list_filter = ("seat__role",)
    search_fields = ("first_name", "last_name")
    list_select_related = ("seat",)
    autocomplete_fields = ("seat",)
