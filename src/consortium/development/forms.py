"""The forms of the development pages: an activity with its follow-up, an opportunity, a
partnership and a document. Thin: the services decide."""

from django import forms
from django.contrib.auth.models import User
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consortium.core.forms import DateInput, QuickSelect, SupportedDateField
from consortium.development.models import ActivityKind, OpportunityStage
from consortium.mandates.models import MandateType
from consortium.members.models import Organisation
from consortium.staff.models import Department, Expert


class StaffUserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        return user.get_full_name() or user.username


def staff_users():
    """The people a follow-up or an opportunity may be given to: those with a staff role."""
    return (
        User.objects.filter(is_active=True, staff_roles__isnull=False)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ExpertChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, expert: Expert) -> str:
        return f"{expert.first_name} {expert.last_name}"


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("type d'activité"), choices=ActivityKind.choices)
    date = SupportedDateField(label=_("date"), widget=DateInput())
    title = forms.CharField(label=_("titre"), max_length=255)
    participants = ExpertChoiceField(
        label=_("personnel présent"),
        queryset=Expert.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    organisations_met = forms.ModelMultipleChoiceField(
        label=_("organisations rencontrées"),
        queryset=Organisation.objects.only("pk", "code", "name"),
        required=False,
        widget=forms.MultipleHiddenInput,
    )
    notes = forms.CharField(
        label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_step = forms.CharField(label=_("prochaine étape"), max_length=255, required=False)
    follow_up_due = SupportedDateField(
        label=_("échéance du suivi"), required=False, widget=DateInput()
    )
    follow_up_owner = StaffUserChoiceField(
        label=_("responsable du suivi"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = Expert.objects.filter(
            Q(left_on__isnull=True)
        ).order_by("last_name", "first_name")
        self.fields["follow_up_owner"].queryset = staff_users()

    def chosen_organisations(self) -> list[Organisation]:
        """The organisations already picked, to draw again (after a refusal, or to edit)."""
        if self.is_bound:
            ids = [value for value in self.data.getlist("organisations_met") if value.isdigit()]
            return list(Organisation.objects.filter(pk__in=ids).only("pk", "code", "name"))
        return list(self.initial.get("organisations_met", []))

    def picker_fields(self):
        """Every field but the organisations, which the picker draws."""
        return [field for field in self if field.name != "organisations_met"]


class OpportunityForm(forms.Form):
    title = forms.CharField(label=_("titre"), max_length=255)
    organisation = forms.ModelChoiceField(
        label=_("organisation"), queryset=Organisation.objects.none(), widget=QuickSelect()
    )
    stage = forms.ChoiceField(label=_("étape"), choices=OpportunityStage.choices)
    mandate_type = forms.ModelChoiceField(
        label=_("type de mandat"), queryset=MandateType.objects.none()
    )
    department = forms.ModelChoiceField(label=_("département"), queryset=Department.objects.none())
    estimated_hours = forms.DecimalField(
        label=_("heures estimées"), required=False, min_value=0, max_digits=9, decimal_places=2
    )
    estimated_amount = forms.DecimalField(
        label=_("montant estimé ($)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    owner = StaffUserChoiceField(
        label=_("responsable"), queryset=User.objects.none(), required=False
    )
    notes = forms.CharField(
        label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name").only(
            "pk", "name"
        )
        self.fields["mandate_type"].queryset = MandateType.objects.filter(billable=True)
        self.fields["department"].queryset = Department.objects.all()
        self.fields["owner"].queryset = staff_users()


class ConvertForm(forms.Form):
    start = SupportedDateField(label=_("début du mandat"), widget=DateInput())


class PartnershipForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("partenaire"), queryset=Organisation.objects.none(), widget=QuickSelect()
    )
    title = forms.CharField(label=_("objet"), max_length=255)
    start = SupportedDateField(label=_("début"), widget=DateInput())
    end = SupportedDateField(
        label=_("fin"),
        required=False,
        widget=DateInput(),
        help_text=_("Dernier jour; vide si toujours en vigueur."),
    )
    description = forms.CharField(
        label=_("description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name").only(
            "pk", "name"
        )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("titre du document"), max_length=255, required=False)
    upload = forms.FileField(label=_("fichier"))


class FollowUpFilter(forms.Form):
    qui = forms.ChoiceField(
        label=_("suivis"),
        choices=[("moi", _("les miens")), ("tous", _("tous"))],
        required=False,
    )
