"""The course form: the course's terms and the experts who took it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.core.forms import DateInput
from consortium.staff.models import Expert
from consortium.training.models import Course

COURSE_FIELDS = ["title_fr", "title_en", "provider", "start", "end", "hours", "cost", "funding"]


class CourseForm(forms.ModelForm):
    experts = forms.ModelMultipleChoiceField(
        label=_("Experts formés"),
        queryset=Expert.objects.order_by("last_name", "first_name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Maintenez Ctrl (ou Cmd) pour en choisir plusieurs."),
    )

    class Meta:
        model = Course
        fields = COURSE_FIELDS
        widgets = {"start": DateInput(), "end": DateInput()}
