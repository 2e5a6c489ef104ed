"""Time entries and period locks: every write goes through `timesheets.services`.

The admins save through the services (ServiceAdmin), so a refusal (locked period, 24 h a day,
mandate dates…) comes back as a form error and a refused write leaves nothing behind.
"""

import datetime as dt
from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.db.models import Max, Min, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.text import capfirst, smart_split, unescape_string_literal
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from consortium.core.admin import ServiceAdmin, ServiceForm, Writes
from consortium.core.fiscal_years import fiscal_year_name_for, fiscal_year_period
from consortium.core.locks import locked_ranges
from consortium.mandates.models import Mandate
from consortium.staff.models import Expert
from consortium.timesheets import rules
from consortium.timesheets.models import (
    ENTRY_SOURCES,
    PeriodLock,
    PeriodLockEvent,
    TimeEntry,
    TimeEntryChange,
    TimeEntryImport,
    TimesheetWeek,
)
from consortium.timesheets.services.entries import (
    time_entry_delete,
    time_entry_record,
    time_entry_update,
)
from consortium.timesheets.services.locks import period_lock, period_unlock


def _lock_refusal(day: dt.date) -> str | None:
    """The locked-period message for `day`, or None when the day is open."""
    problems = rules.check_not_locked(day, locked_ranges(day, day))
    return problems[0][1] if problems else None


class TimeEntryForm(ServiceForm):
    """Checks the entry as a row; TimeEntryAdmin records it through the services on saving."""

    class Meta:
        model = TimeEntry
        fields = ("expert", "mandate", "date", "hours", "start_time", "end_time", "description")


class FiscalYearFilter(admin.SimpleListFilter):
    """Entries of one fiscal year, the period everyone at the centre reasons in.

    Stands in for Django's date drill-down, which lists the years by reading every entry of the
    ledger (0.4 s on SQLite with 225,000 entries); here the first and last days are two seeks on
    the date index.
    """

    title = gettext_lazy("exercice financier")
    parameter_name = "fiscal_year"

    def lookups(self, request, model_admin):
        days = TimeEntry.objects.order_by("date").values_list("date", flat=True)
        first, last = days.first(), days.reverse().first()
        if first is None:
            return []
        start_month = settings.FISCAL_YEAR_START_MONTH
        first_year = int(fiscal_year_name_for(first)[:4])
        last_year = int(fiscal_year_name_for(last)[:4])
        names = [
            fiscal_year_name_for(dt.date(year, start_month, 1))
            for year in range(last_year, first_year - 1, -1)
        ]
        return [(name, name) for name in names]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            period = fiscal_year_period(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters(str(error)) from error
        return queryset.filter(date__range=(period.start, period.end))


class SourceFilter(admin.SimpleListFilter):
    """Entries of one source: the known sources are listed, not read from the ledger (a
    DISTINCT over every entry would cost a scan on each page)."""

    title = gettext_lazy("source")
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [(source or "-", label) for source, label in ENTRY_SOURCES.items()]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queryset.filter(source="" if self.value() == "-" else self.value())


@admin.register(TimeEntry)
class TimeEntryAdmin(ServiceAdmin):
    form = TimeEntryForm
    # A second entry on one expert, mandate and day is added beside the first (several a day).
    writes = Writes(
        row="entry",
        create=time_entry_record,
        update=time_entry_update,
        delete=time_entry_delete,
        by=True,
    )
    list_display = ("date", "expert", "mandate", "organisation", "hours", "origin")
    list_filter = (
        FiscalYearFilter,
        SourceFilter,
        "date",
        "mandate__department",
        "mandate__mandate_type",
        "expert__role",
    )
    # Shows the search box; get_search_results below searches these fields its own way.
    search_fields = (
        "expert__code",
        "expert__first_name",
        "expert__last_name",
        "mandate__code",
        "mandate__title",
        "mandate__organisation__name",
    )
    # Newest first. Not the model's order (by expert and mandate *names*): sorting a whole
    # ledger by joined names to show one page of it takes seconds.
    ordering = ("-date", "-pk")
    list_select_related = ("expert", "mandate", "mandate__organisation")
    autocomplete_fields = ("expert", "mandate")
    # A filtered page needs no second COUNT(*) over the whole ledger.
    show_full_result_count = False

    @admin.display(description=gettext_lazy("organisation"), ordering="mandate__organisation")
    def organisation(self, entry: TimeEntry) -> str:
        return str(entry.mandate.organisation)

    @admin.display(description=gettext_lazy("source"), ordering="source")
    def origin(self, entry: TimeEntry) -> str:
        label = ENTRY_SOURCES.get(entry.source, entry.source)
        return f"{label} · {entry.external_id}" if entry.external_id else str(label)

    def get_search_results(self, request, queryset, search_term):
        """Each word names an expert or a mandate (code, name, title, organisation).

        Searches the small tables first and then the ledger by expert and mandate ids, which
        its indexes serve; the admin's own search would join every entry to three tables.
        """
        for word in smart_split(search_term):
            if word.startswith(('"', "'")) and word[0] == word[-1] and len(word) > 1:
                word = unescape_string_literal(word)
            experts = Expert.objects.filter(
                Q(code__icontains=word)
                | Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
            )
            mandates = Mandate.objects.filter(
                Q(code__icontains=word)
                | Q(title__icontains=word)
                | Q(organisation__name__icontains=word)
            )
            queryset = queryset.filter(
                Q(expert__in=experts.values("pk")) | Q(mandate__in=mandates.values("pk"))
            )
        return queryset, False

    def get_readonly_fields(self, request: HttpRequest, obj: TimeEntry | None = None):
        # An entry belongs to its expert: time_entry_update moves it in time, never to another.
        if obj is not None:
            return ("expert", *super().get_readonly_fields(request, obj))
        return super().get_readonly_fields(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            entry = self.get_object(request, unquote(object_id))
            if entry is not None and _lock_refusal(entry.date):
                self.message_user(
                    request,
                    _(
                        "Cette entrée est dans une période verrouillée : elle ne peut être ni "
                        "modifiée ni supprimée."
                    ),
                    messages.WARNING,
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None) -> HttpResponse:
        # Refused before the confirmation page too, which would otherwise offer to delete.
        entry = self.get_object(request, unquote(object_id))
        refusal = _lock_refusal(entry.date) if entry is not None else None
        if refusal is None:
            return super().delete_view(request, object_id, extra_context)
        self.message_user(request, refusal, messages.ERROR)
        return HttpResponseRedirect(reverse("admin:timesheets_timeentry_change", args=[entry.pk]))

    @admin.action(permissions=["delete"], description=django_delete_selected.short_description)
    def delete_selected(self, request, queryset: QuerySet[TimeEntry]) -> HttpResponse | None:
        """Django's bulk delete, refused as a whole when one entry lies in a locked period."""
        refusal = self._bulk_lock_refusal(queryset)
        if refusal is None:
            return super().delete_selected(request, queryset)
        self.message_user(request, refusal, messages.ERROR)
        return None

    @staticmethod
    def _bulk_lock_refusal(queryset: QuerySet[TimeEntry]) -> str | None:
        bounds = queryset.aggregate(first=Min("date"), last=Max("date"))
        if bounds["first"] is None:
            return None
        ranges = locked_ranges(bounds["first"], bounds["last"])
        if not ranges:
            return None
        in_locks = reduce(or_, (Q(date__range=lock) for lock in ranges))
        count = queryset.filter(in_locks).count()
        if not count:
            return None
        periods = ", ".join(
            _("%(start)s au %(end)s") % {"start": start.isoformat(), "end": end.isoformat()}
            for start, end in ranges
        )
        return ngettext(
            "%(count)d entrée sélectionnée est dans une période verrouillée (%(periods)s) : "
            "aucune entrée n'a été supprimée.",
            "%(count)d entrées sélectionnées sont dans une période verrouillée (%(periods)s) : "
            "aucune entrée n'a été supprimée.",
            count,
        ) % {"count": count, "periods": periods}


class PeriodLockForm(ServiceForm):
    """Lock a month or a fiscal year: the service works out the first and last days."""

    month = forms.DateField(
        label=capfirst(gettext_lazy("mois")),
        required=False,
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=forms.DateInput(format="%Y-%m", attrs={"type": "month", "placeholder": "2020-06"}),
        help_text=gettext_lazy("Pour verrouiller un mois : AAAA-MM, p. ex. 2020-06."),
    )
    fiscal_year_name = forms.CharField(
        label=capfirst(gettext_lazy("exercice financier")),
        required=False,
        max_length=9,
        widget=forms.TextInput(attrs={"placeholder": "2020-2021"}),
        help_text=gettext_lazy("Pour verrouiller un exercice : AAAA-AAAA, p. ex. 2020-2021."),
    )
    # period_lock names the fiscal year "fiscal_year"; this form asks for its name.
    renamed = {"fiscal_year": "fiscal_year_name"}

    class Meta:
        model = PeriodLock
        fields = ("kind", "reason")


@admin.register(PeriodLock)
class PeriodLockAdmin(ServiceAdmin):
    writes = Writes(row="lock", create=period_lock, delete=period_unlock, by=True)
    # Unlocking says why: both confirmation pages ask, and delete_row passes the reason on.
    delete_confirmation_template = "admin/timesheets/periodlock/delete_confirmation.html"
    delete_selected_confirmation_template = (
        "admin/timesheets/periodlock/delete_selected_confirmation.html"
    )
    list_display = ("kind", "start", "end", "fiscal_year", "locked_by", "reason", "created_at")
    list_filter = ("kind",)
    search_fields = ("reason", "fiscal_year__name")
    list_select_related = ("fiscal_year", "locked_by")
    date_hierarchy = "start"

    def get_fields(self, request: HttpRequest, obj: PeriodLock | None = None):
        if obj is None:
            return ("kind", "month", "fiscal_year_name", "reason")
        return (
            "kind",
            "start",
            "end",
            "fiscal_year",
            "locked_by",
            "reason",
            "created_at",
            "updated_at",
        )

    def get_form(self, request: HttpRequest, obj: PeriodLock | None = None, **kwargs):
        if obj is None:
            kwargs["form"] = PeriodLockForm
        return super().get_form(request, obj, **kwargs)

    def has_change_permission(self, request: HttpRequest, obj: PeriodLock | None = None) -> bool:
        # A lock is never edited: unlock (delete) it and lock the right period.
        return False

    def delete_row(self, request: HttpRequest, row: PeriodLock) -> None:
        period_unlock(lock=row, by=request.user, reason=request.POST.get("reason", "")[:255])

    def create_row(self, request: HttpRequest, values: dict) -> PeriodLock:
        # A month or a fiscal year's name, as the form asks for them.
        return period_lock(
            kind=values["kind"],
            month=values.get("month"),
            fiscal_year=values.get("fiscal_year_name"),
            reason=values.get("reason", ""),
            by=request.user,
        )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written only by the services: shown, never added, changed nor deleted by hand."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(TimesheetWeek)
class TimesheetWeekAdmin(ReadOnlyAdmin):
    """Weeks move through week_submit, week_approve, week_return and week_reopen only."""

    list_display = ("week_start", "expert", "status", "submitted_at", "decided_by", "decided_at")
    list_filter = ("status", "expert__department", "week_start")
    search_fields = ("expert__code", "expert__first_name", "expert__last_name", "reason")
    list_select_related = ("expert", "decided_by")
    autocomplete_fields = ("expert", "decided_by")
    date_hierarchy = "week_start"


@admin.register(TimeEntryChange)
class TimeEntryChangeAdmin(ReadOnlyAdmin):
    list_display = ("changed_at", "action", "entry_id", "expert", "mandate", "date", "changed_by")
    list_filter = ("action", "expert__department", "changed_at")
    search_fields = (
        "=entry_id",
        "expert__code",
        "expert__first_name",
        "expert__last_name",
        "mandate__code",
    )
    list_select_related = ("expert", "mandate", "changed_by")
    autocomplete_fields = ("expert", "mandate", "changed_by")
    date_hierarchy = "changed_at"
    show_full_result_count = False


@admin.register(PeriodLockEvent)
class PeriodLockEventAdmin(ReadOnlyAdmin):
    """The history of locks and unlocks: written by period_lock and period_unlock, kept for good."""

    list_display = ("at", "action", "kind", "start", "end", "by", "reason")
    list_filter = ("action", "kind", "at")
    search_fields = ("reason",)
    list_select_related = ("by",)
    date_hierarchy = "at"


@admin.register(TimeEntryImport)
class TimeEntryImportAdmin(ReadOnlyAdmin):
    list_display = ("imported_at", "file_name", "rows", "created", "updated", "imported_by")
    list_filter = ("imported_at",)
    search_fields = ("file_name",)
    list_select_related = ("imported_by",)
    autocomplete_fields = ("imported_by",)
    date_hierarchy = "imported_at"
