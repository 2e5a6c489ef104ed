"""Meetings and board seats (with their holders)."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.core.admin import TimeStampedAdmin, YesNoFilter
from consortium.governance.models import BoardSeat, BoardSeatHolder, Meeting


@admin.register(Meeting)
class MeetingAdmin(TimeStampedAdmin):
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


class BoardSeatHolderInline(admin.TabularInline):
    model = BoardSeatHolder
    fields = ("first_name", "last_name")
    extra = 0
    max_num = 2


@admin.register(BoardSeat)
class BoardSeatAdmin(TimeStampedAdmin):
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
class BoardSeatHolderAdmin(TimeStampedAdmin):
    list_display = ("last_name", "first_name", "seat")
    list_filter = ("seat__role",)
    search_fields = ("first_name", "last_name")
    list_select_related = ("seat",)
    autocomplete_fields = ("seat",)
