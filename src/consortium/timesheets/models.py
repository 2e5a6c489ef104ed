import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.core.models import TimeStampedModel

MAX_HOURS_PER_DAY = Decimal("24")


# Where entries come from, as `TimeEntry.source` names it: the workspace (""), the API, our own
# CSV import and the other tools' exports (`consortium import-timesheets --from …`).
ENTRY_SOURCES: dict[str, str] = {
    "": _("saisie dans l'espace de travail"),
    "api": _("API"),
    "time-entries": _("import CSV"),
    "kimai": "Kimai",
    "toggl": "Toggl Track",
    "clockify": "Clockify",
    "harvest": "Harvest",
}


class TimeEntry(TimeStampedModel):
    """Hours an expert gave to a mandate on one day; an expert may log several a day.

    With `start_time` and `end_time`, the hours are the time between them; an entry ending
    before it starts crossed midnight and belongs to the day it started. `source` and
    `external_id` name the entry in the software it was imported from ("" for the web), so that
    a re-import updates it instead of adding it twice.
    """

    # No index of their own: the (expert, date, mandate) and the (mandate, date, hours)
    # indexes lead with these columns, and every extra index slows imports.
    expert = models.ForeignKey(
        "staff.Expert",
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        db_index=False,
        related_name="time_entries",
    )
    mandate = models.ForeignKey(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.PROTECT,
        db_index=False,
        related_name="time_entries",
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("heures"), max_digits=4, decimal_places=2)
    description = models.TextField(_("description"), blank=True)
    start_time = models.TimeField(_("début"), null=True, blank=True)
    end_time = models.TimeField(_("fin"), null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=30,
        blank=True,
        help_text=_("Vide : saisie à l'écran ; sinon le logiciel d'où vient l'entrée."),
    )
    external_id = models.CharField(
        _("identifiant externe"),
        max_length=100,
        blank=True,
        help_text=_("L'identifiant de l'entrée dans le logiciel d'où elle vient."),
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("entrée de temps")
        verbose_name_plural = _("entrées de temps")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~Q(external_id=""),
                name="time_entry_external_id_once_per_source",
                violation_error_message=_(
                    "Une entrée porte déjà cet identifiant externe pour cette source."
                ),
            ),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True, end_time__isnull=True)
                | Q(start_time__isnull=False, end_time__isnull=False),
                name="time_entry_start_and_end_together",
                violation_error_message=_("Indiquez le début et la fin, ou ni l'un ni l'autre."),
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=MAX_HOURS_PER_DAY),
                name="time_entry_hours_between_0_and_24",
                violation_error_message=_("Les heures doivent être plus de 0 et au plus 24."),
            ),
        ]
        indexes = [
            # An expert's hours on a day or a week, and the grid's cells (expert, date, mandate).
            models.Index(fields=["expert", "date", "mandate"], name="time_entry_expert_date_idx"),
            # Every KPI reads hours by mandate over a date range: this index covers them.
            models.Index(fields=["mandate", "date", "hours"], name="time_entry_mandate_date_idx"),
            models.Index(fields=["date", "hours"], name="time_entry_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.expert} – {self.mandate.code} – {self.date} – {self.hours} h"

    def clean(self) -> None:
        if (self.start_time is None) != (self.end_time is None):
            field = "end_time" if self.end_time is None else "start_time"
            raise ValidationError({field: _("Indiquez le début et la fin, ou ni l'un ni l'autre.")})
        if self.start_time is not None and self.end_time is not None:
            hours = hours_between(self.start_time, self.end_time)
            if hours == 0:
                raise ValidationError({"end_time": _("La fin doit différer du début.")})
            if self.hours is None or Decimal(self.hours) != hours:
                raise ValidationError(
                    {"hours": _("Les heures doivent égaler la durée entre le début et la fin.")}
                )


def hours_between(start: dt.time, end: dt.time) -> Decimal:
    """Hours from start to end, rounded to the hundredth; an end before the start is on the
    next day (the entry crossed midnight and belongs to the day it started)."""
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    if minutes < 0:
        minutes += 24 * 60
    return (Decimal(minutes) / Decimal(60)).quantize(Decimal("0.01"))


class PeriodKind(models.TextChoices):
    MONTH = "month", _("mois")
    FISCAL_YEAR = "fiscal_year", _("exercice financier")


class PeriodLock(TimeStampedModel):
    """A closed month or fiscal year: its time entries can be neither added, changed nor deleted.

    Services refuse such changes with a message; database triggers (migration 0002) refuse them
    even from code that bypasses the services.
    """

    kind = models.CharField(_("type de période"), max_length=20, choices=PeriodKind.choices)
    start = models.DateField(_("premier jour"))
    end = models.DateField(_("dernier jour"))
    fiscal_year = models.ForeignKey(
        "core.FiscalYear",
        verbose_name=_("exercice financier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locks",
    )
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verrouillé par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("motif"), max_length=255, blank=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("période verrouillée")
        verbose_name_plural = _("périodes verrouillées")
        constraints = [
            models.UniqueConstraint(
                fields=["start", "end"],
                name="period_lock_once",
                violation_error_message=_("Cette période est déjà verrouillée."),
            ),
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="period_lock_ends_after_it_starts",
                violation_error_message=_("La période se termine avant de commencer."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start} – {self.end}"


class LockAction(models.TextChoices):
    LOCKED = "locked", _("verrouillage")
    UNLOCKED = "unlocked", _("déverrouillage")


class PeriodLockEvent(models.Model):
    """One lock or unlock of a period, kept for good: who, when, why (the database refuses to
    change or delete it, as the rest of the audit trail). The period is copied: an unlocked
    period's lock is gone."""

    action = models.CharField(_("action"), max_length=10, choices=LockAction.choices)
    kind = models.CharField(_("type de période"), max_length=20, choices=PeriodKind.choices)
    start = models.DateField(_("premier jour"))
    end = models.DateField(_("dernier jour"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Vide : le système."),
    )
    at = models.DateTimeField(_("le"), default=timezone.now, db_index=True)
    reason = models.CharField(_("motif"), max_length=255, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("verrouillage ou déverrouillage")
        verbose_name_plural = _("historique des verrouillages")
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=[choice.value for choice in LockAction]),
                name="period_lock_event_action_is_known",
                violation_error_message=_("Action inconnue."),
            ),
            models.CheckConstraint(
                condition=~Q(action=LockAction.UNLOCKED) | ~Q(reason=""),
                name="period_lock_event_unlock_has_a_reason",
                violation_error_message=_("Indiquez pourquoi la période est déverrouillée."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} – {self.start} – {self.end} ({self.at:%Y-%m-%d %H:%M})"


class WeekStatus(models.TextChoices):
    DRAFT = "draft", _("brouillon")
    SUBMITTED = "submitted", _("soumise")
    APPROVED = "approved", _("approuvée")
    RETURNED = "returned", _("renvoyée")


class TimesheetWeek(TimeStampedModel):
    """One expert's week of hours (Monday to Sunday), as submitted and approved.

    A week without a row is a draft. The entries of a submitted or approved week can be neither
    added, changed nor deleted until the week is returned or reopened (timesheets.services.entries).
    """

    expert = models.ForeignKey(
        "staff.Expert",
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        related_name="timesheet_weeks",
    )
    week_start = models.DateField(_("semaine du"), help_text=_("Le lundi de la semaine."))
    status = models.CharField(
        _("état"), max_length=20, choices=WeekStatus.choices, default=WeekStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("soumise le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décision par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("décision le"), null=True, blank=True)
    reason = models.TextField(_("motif du renvoi"), blank=True)

    class Meta:
        ordering = ["-week_start", "expert_id"]
        verbose_name = _("semaine de temps")
        verbose_name_plural = _("semaines de temps")
        constraints = [
            # Also serves an expert's weeks over a range of days.
            models.UniqueConstraint(
                fields=["expert", "week_start"],
                name="timesheet_week_once_per_expert",
                violation_error_message=_("Cet expert a déjà une fiche pour cette semaine."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=[choice.value for choice in WeekStatus]),
                name="timesheet_week_status_is_known",
                violation_error_message=_("État de semaine inconnu."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[WeekStatus.SUBMITTED, WeekStatus.APPROVED])
                | Q(submitted_at__isnull=False),
                name="timesheet_week_submitted_has_a_date",
                violation_error_message=_("Une semaine soumise a une date de soumission."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[WeekStatus.APPROVED, WeekStatus.RETURNED])
                | Q(decided_by__isnull=False, decided_at__isnull=False),
                name="timesheet_week_decision_is_signed",
                violation_error_message=_(
                    "Une semaine approuvée ou renvoyée indique qui a décidé et quand."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status=WeekStatus.RETURNED) | ~Q(reason=""),
                name="timesheet_week_return_has_a_reason",
                violation_error_message=_("Indiquez pourquoi la semaine est renvoyée."),
            ),
        ]
        indexes = [
            # weeks_awaiting_approval: the submitted weeks, oldest first.
            models.Index(fields=["status", "week_start"], name="timesheet_week_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.expert} – {self.week_start} – {self.get_status_display()}"

    @property
    def week_end(self) -> dt.date:
        return self.week_start + dt.timedelta(days=6)

    def clean(self) -> None:
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": _("Une semaine commence un lundi.")})


class ChangeAction(models.TextChoices):
    CREATED = "created", _("ajout")
    UPDATED = "updated", _("modification")
    DELETED = "deleted", _("suppression")


class TimeEntryChange(models.Model):
    """One change to one time entry, kept for good: who, when, what it was and what it became.

    Written by the one-entry services in their transaction; bulk imports leave one
    TimeEntryImport row instead. `entry_id` is a plain number: the entry may since be deleted.
    """

    entry_id = models.BigIntegerField(_("numéro de l'entrée"))
    expert = models.ForeignKey(
        "staff.Expert",
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        db_index=False,
        related_name="time_entry_changes",
    )
    mandate = models.ForeignKey(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.PROTECT,
        related_name="time_entry_changes",
    )
    date = models.DateField(_("date de l'entrée"))
    action = models.CharField(_("action"), max_length=10, choices=ChangeAction.choices)
    before = models.JSONField(_("avant"), null=True, blank=True)
    after = models.JSONField(_("après"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modifiée par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Vide : le système."),
    )
    changed_at = models.DateTimeField(_("modifiée le"), default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("modification d'une entrée de temps")
        verbose_name_plural = _("modifications des entrées de temps")
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=[choice.value for choice in ChangeAction]),
                name="time_entry_change_action_is_known",
                violation_error_message=_("Action inconnue."),
            ),
            models.CheckConstraint(
                condition=(Q(action=ChangeAction.CREATED) & Q(before__isnull=True))
                | (Q(action=ChangeAction.DELETED) & Q(after__isnull=True))
                | Q(action=ChangeAction.UPDATED, before__isnull=False, after__isnull=False),
                name="time_entry_change_states_match_action",
                violation_error_message=_(
                    "Un ajout n'a pas d'état « avant », une suppression pas d'état « après »."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["expert", "changed_at"], name="time_entry_change_expert_idx"),
            models.Index(fields=["entry_id"], name="time_entry_change_entry_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} – {self.entry_id} – {self.changed_at:%Y-%m-%d %H:%M}"

    @property
    def comment_only(self) -> bool:
        """An update that changed the comment and nothing else."""
        if self.action != ChangeAction.UPDATED or not self.before or not self.after:
            return False
        others = {key for key in {*self.before, *self.after} if key != "description"}
        return self.before.get("description", "") != self.after.get("description", "") and all(
            self.before.get(key) == self.after.get(key) for key in others
        )

    @property
    def action_label(self) -> str:
        """What the trail shows: "commentaire modifié" for a comment-only update."""
        return str(_("commentaire modifié")) if self.comment_only else self.get_action_display()


class TimeEntryImport(models.Model):
    """One CSV file of time entries imported at once: the trail of a bulk write."""

    file_name = models.CharField(_("fichier"), max_length=255)
    rows = models.PositiveIntegerField(_("lignes"))
    created = models.PositiveIntegerField(_("entrées ajoutées"))
    updated = models.PositiveIntegerField(_("entrées remplacées"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importé par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Vide : la ligne de commande."),
    )
    imported_at = models.DateTimeField(_("importé le"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-imported_at", "-id"]
        verbose_name = _("import d'entrées de temps")
        verbose_name_plural = _("imports d'entrées de temps")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class WeekRow(TimeStampedModel):
    """A row the expert placed in a week's grid, or took out of it.

    The grid's rows are the mandates of the expert's recent hours and pinned mandates; a row the
    expert adds stays there without hours (after the recent rows, in the order added), and a row
    taken out (`hidden`) stays out while it holds no hours that week.
    """

    expert = models.ForeignKey(
        "staff.Expert",
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        related_name="week_rows",
    )
    week_start = models.DateField(_("semaine du"), help_text=_("Le lundi de la semaine."))
    mandate = models.ForeignKey(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.CASCADE,
        related_name="week_rows",
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    hidden = models.BooleanField(_("retirée de la grille"), default=False)

    class Meta:
        ordering = ["expert_id", "week_start", "position"]
        verbose_name = _("ligne de la semaine")
        verbose_name_plural = _("lignes de la semaine")
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "week_start", "mandate"],
                name="week_row_once_per_mandate",
                violation_error_message=_("Ce mandat est déjà une ligne de cette semaine."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert_id} – {self.week_start} – {self.mandate_id}"

    def clean(self) -> None:
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": _("Une semaine commence un lundi.")})


class PinnedMandate(TimeStampedModel):
    """A mandate the expert keeps in every week's grid while it is open, first in the picker."""

    expert = models.ForeignKey(
        "staff.Expert",
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        related_name="pinned_mandates",
    )
    mandate = models.ForeignKey(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.CASCADE,
        related_name="pins",
    )

    class Meta:
        ordering = ["expert_id", "mandate_id"]
        verbose_name = _("mandat épinglé")
        verbose_name_plural = _("mandats épinglés")
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "mandate"],
                name="pinned_mandate_once",
                violation_error_message=_("Ce mandat est déjà épinglé."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert_id} – {self.mandate_id}"


class HoursRollup(models.Model):
    """The hours of one day, one expert and one mandate, summed over their time entries.

    Grain: day × expert × mandate, the finest the figures group by. The ledger's KPIs cut hours
    by mandate (its department, type and organisation) over date ranges that start and end on
    any day (a membership begins mid-month); the dashboards and billing also cut them by expert
    (utilisation, an expert's rate). No approval or billable split: an entry carries neither
    (approval is the expert's week, billing the invoice), so readers join those by
    (expert, date) and by mandate. Never written by our code: database triggers on
    `timesheets_timeentry` keep it exact in the same transaction as every write, from any
    writer (timesheets/rollups_sql.py); a row with no entries left is deleted.
    `consortium rollups rebuild [--check]` rebuilds it or compares it to the entries.
    """

    date = models.DateField(_("date"))
    expert = models.ForeignKey(
        "staff.Expert",
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    mandate = models.ForeignKey(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.PROTECT,
        db_index=False,
        related_name="+",
    )
    hours = models.DecimalField(_("heures"), max_digits=9, decimal_places=2)
    entry_count = models.PositiveIntegerField(_("entrées"))

    class Meta:
        verbose_name = _("cumul d'heures")
        verbose_name_plural = _("cumuls d'heures")
        constraints = [
            # The triggers' upsert target; leading with the mandate, it serves the KPIs'
            # seeks by mandate over a date range.
            models.UniqueConstraint(
                fields=["mandate", "date", "expert"],
                name="hours_rollup_one_row_per_day_expert_mandate",
                violation_error_message=_("Un seul cumul par jour, expert et mandat."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} – {self.expert_id} – {self.mandate_id} – {self.hours} h"
