"""What is held about an expert: identity, employment, hours, weeks, audit trail, training."""

from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from consortium.privacy.selectors.sections import Section, streamed
from consortium.privacy.selectors.users import user_sections
from consortium.staff.models import Expert
from consortium.timesheets.models import TimeEntry, TimeEntryChange, TimesheetWeek
from consortium.training.models import TrainingRecord


def find_expert(code: str) -> Expert:
    expert = Expert.objects.select_related("user").filter(code=code).first()
    if expert is None:
        raise Http404(_("Aucun expert n'a le code %(code)s.") % {"code": code})
    return expert


def expert_sections(expert: Expert) -> list[Section]:
    """The expert's own sections, then those of the account they sign in with, if any."""
    identity = Expert.objects.filter(pk=expert.pk)
    sections = [
        Section(
            "expert",
            _("Identité et emploi"),
            streamed(
                identity,
                "code",
                "first_name",
                "last_name",
                "email",
                "gender",
                "birth_year",
                "role",
                "hired_on",
                "left_on",
                "created_at",
                "updated_at",
                department_code=F("department__code"),
                username=F("user__username"),
            ),
        ),
        Section(
            "fields_of_expertise",
            _("Champs d'expertise"),
            streamed(
                Expert.fields_of_expertise.through.objects.filter(expert_id=expert.pk).order_by(
                    "fieldofexpertise__code"
                ),
                code=F("fieldofexpertise__code"),
            ),
        ),
        Section(
            "time_entries",
            _("Entrées de temps"),
            streamed(
                TimeEntry.objects.filter(expert_id=expert.pk).order_by("date", "id"),
                "id",
                "date",
                "hours",
                "description",
                "start_time",
                "end_time",
                "source",
                "external_id",
                "created_at",
                "updated_at",
                mandate_code=F("mandate__code"),
            ),
        ),
        Section(
            "timesheet_weeks",
            _("Semaines de temps"),
            streamed(
                TimesheetWeek.objects.filter(expert_id=expert.pk).order_by("week_start"),
                "week_start",
                "status",
                "submitted_at",
                "decided_at",
                "reason",
                decided_by_username=F("decided_by__username"),
            ),
        ),
        Section(
            "time_entry_changes",
            _("Historique des modifications de ses entrées"),
            streamed(
                TimeEntryChange.objects.filter(expert_id=expert.pk).order_by("changed_at", "id"),
                "entry_id",
                "date",
                "action",
                "before",
                "after",
                "changed_at",
                mandate_code=F("mandate__code"),
                changed_by_username=F("changed_by__username"),
            ),
        ),
        Section(
            "training_records",
            _("Formations suivies"),
            streamed(
                TrainingRecord.objects.filter(expert_id=expert.pk).order_by("completed_on"),
                "completed_on",
                course_title=F("course__title_fr"),
            ),
        ),
    ]
    if expert.user is not None:
        sections += user_sections(expert.user)
    return sections
