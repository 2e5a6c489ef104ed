"""The survey engine: a survey of the year for member organisations or for the staff, its
questions (yes/no, 0-10, Likert 1-5 with « ne s'applique pas », single and multiple choice, free
text) and the answers.

The report reads the questions by their `measure`: the would-recommend question (yes/no), the
likelihood to recommend (0-10, the NPS) and the Likert items of the engagement index.

Anonymity of staff surveys (Quebec's Law 25): a staff member's `Response` names no person, only a
coarse group (the department); who already answered is a separate `Participation` row with no key
to the response, no time and a random id, so that neither the order nor the moment of answering
ties a person to an answer.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consortium.core.languages import in_active_language
from consortium.core.models import FiscalYear, TimeStampedModel
from consortium.members.models import Organisation
from consortium.staff.models import Department

PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class SurveyKind(models.TextChoices):
    SATISFACTION = "satisfaction", _("satisfaction")
    ENGAGEMENT = "engagement", _("engagement")
    OTHER = "other", _("autre")


class Audience(models.TextChoices):
    MEMBERS = "members", _("organisations membres")
    STAFF = "staff", _("personnel")


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("brouillon")
    OPEN = "open", _("ouvert")
    CLOSED = "closed", _("fermé")


class QuestionKind(models.TextChoices):
    YES_NO = "yes_no", _("oui ou non")
    SCALE_0_10 = "scale_0_10", _("échelle de 0 à 10")
    LIKERT_5 = "likert_5", _("échelle de 1 à 5 (Likert)")
    SINGLE = "single", _("choix unique")
    MULTIPLE = "multiple", _("choix multiples")
    TEXT = "text", _("texte libre")


class Measure(models.TextChoices):
    NONE = "", _("aucune")
    WOULD_RECOMMEND = "would_recommend", _("recommanderait le Consortium (oui ou non)")
    LIKELIHOOD = "likelihood", _("probabilité de recommander (0 à 10, NPS)")
    ENGAGEMENT = "engagement", _("indice d'engagement (Likert)")


# The kind of question each measure is read from (checked in the database too).
MEASURE_KINDS = {
    Measure.WOULD_RECOMMEND: QuestionKind.YES_NO,
    Measure.LIKELIHOOD: QuestionKind.SCALE_0_10,
    Measure.ENGAGEMENT: QuestionKind.LIKERT_5,
}
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class Survey(TimeStampedModel):
    """A survey of a fiscal year; its questions change only while it is a draft."""

    # A survey is the year's: deleting the year deletes its results with it.
    fiscal_year = models.ForeignKey(
        FiscalYear,
        verbose_name=_("exercice financier"),
        on_delete=models.CASCADE,
        related_name="surveys",
    )
    kind = models.CharField(_("type"), max_length=20, choices=SurveyKind.choices)
    audience = models.CharField(_("public"), max_length=20, choices=Audience.choices)
    title_fr = models.CharField(_("titre (français)"), max_length=255)
    title_en = models.CharField(_("titre (anglais)"), max_length=255, blank=True)
    intro_fr = models.TextField(_("présentation (français)"), blank=True)
    intro_en = models.TextField(_("présentation (anglais)"), blank=True)
    opens_on = models.DateField(_("ouvert le"))
    closes_on = models.DateField(_("fermé le"))
    status = models.CharField(
        _("état"), max_length=20, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    benchmark_pct = models.DecimalField(
        _("résultat d'organisations semblables (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=PERCENT_VALIDATORS,
    )

    class Meta:
        ordering = ["-fiscal_year__start_date", "kind", "pk"]
        verbose_name = _("sondage")
        verbose_name_plural = _("sondages")
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year", "kind"],
                condition=Q(kind__in=["satisfaction", "engagement"]),
                name="survey_one_satisfaction_and_one_engagement_per_year",
                violation_error_message=_("Cet exercice a déjà un sondage de ce type."),
            ),
            models.CheckConstraint(
                condition=Q(benchmark_pct__isnull=True) | Q(benchmark_pct__range=(0, 100)),
                name="survey_benchmark_is_a_percentage",
                violation_error_message=_("Le résultat de référence est entre 0 et 100."),
            ),
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="survey_closes_after_it_opens",
                violation_error_message=_("Un sondage ferme le jour où il ouvre ou après."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_active_language(self.title_fr, self.title_en)

    @property
    def intro(self) -> str:
        return in_active_language(self.intro_fr, self.intro_en)

    @property
    def is_draft(self) -> bool:
        return self.status == SurveyStatus.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status == SurveyStatus.OPEN

    @property
    def for_staff(self) -> bool:
        return self.audience == Audience.STAFF


class Question(TimeStampedModel):
    survey = models.ForeignKey(
        Survey, verbose_name=_("sondage"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("type de question"), max_length=20, choices=QuestionKind.choices)
    text_fr = models.TextField(_("question (français)"))
    text_en = models.TextField(_("question (anglais)"), blank=True)
    required = models.BooleanField(_("réponse obligatoire"), default=False)
    measure = models.CharField(
        _("mesure"), max_length=20, choices=Measure.choices, blank=True, default=Measure.NONE
    )

    class Meta:
        ordering = ["survey", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "measure"],
                condition=Q(measure__in=["would_recommend", "likelihood"]),
                name="question_one_would_recommend_and_one_likelihood_per_survey",
                violation_error_message=_("Ce sondage a déjà une question pour cette mesure."),
            ),
            models.CheckConstraint(
                condition=Q(measure="")
                | Q(measure="would_recommend", kind="yes_no")
                | Q(measure="likelihood", kind="scale_0_10")
                | Q(measure="engagement", kind="likert_5"),
                name="question_measure_fits_its_kind",
                violation_error_message=_(
                    "Cette mesure se lit sur une question d'un autre type : "
                    "oui ou non pour la recommandation, 0 à 10 pour la probabilité de "
                    "recommander, Likert pour l'engagement."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return in_active_language(self.text_fr, self.text_en)

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS


class Choice(TimeStampedModel):
    """One option of a single- or multiple-choice question."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    label_fr = models.CharField(_("libellé (français)"), max_length=255)
    label_en = models.CharField(_("libellé (anglais)"), max_length=255, blank=True)

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("choix")
        verbose_name_plural = _("choix")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return in_active_language(self.label_fr, self.label_en)


class Response(TimeStampedModel):
    """One organisation's answers to a members' survey (one per organisation: a colleague sees
    it and may change it while the survey is open), or one staff member's anonymous answers.

    A staff response names no person (Law 25): only the respondent's department, a coarse group
    whose results are shown from 5 respondents; who answered is in `Participation`, with no key
    to this row.

    `legacy_score` (0-100) holds the engagement score of a response given before the engine
    (migration 0003): those surveys have no questions, and their rate is the scores' mean.
    """

    survey = models.ForeignKey(
        Survey, verbose_name=_("sondage"), on_delete=models.CASCADE, related_name="responses"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="survey_responses",
        null=True,
        blank=True,
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("département"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    submitted_at = models.DateTimeField(_("répondu le"))
    legacy_score = models.DecimalField(
        _("score antérieur au moteur (sur 100)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT_VALIDATORS,
    )

    class Meta:
        ordering = ["survey", "pk"]
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "organisation"],
                name="response_one_per_organisation",
                violation_error_message=_("Cette organisation a déjà répondu à ce sondage."),
            ),
            models.CheckConstraint(
                condition=Q(legacy_score__isnull=True) | Q(legacy_score__range=(0, 100)),
                name="response_legacy_score_is_a_percentage",
                violation_error_message=_("Le score est entre 0 et 100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} – {self.organisation or self.pk}"


class Participation(models.Model):
    """Who already answered a staff survey: the survey and the person, nothing else.

    No key to the response, no time of answering and a random id (not a sequence): the rows
    cannot be matched with the anonymous `Response` rows, by order or by moment (Law 25).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey, verbose_name=_("sondage"), on_delete=models.CASCADE, related_name="participations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utilisateur"),
        on_delete=models.CASCADE,
        related_name="survey_participations",
    )

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"],
                name="participation_once_per_person",
                violation_error_message=_("Vous avez déjà répondu à ce sondage."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} – {self.user}"


class Answer(models.Model):
    """The answer to one question; which value is set depends on the question's kind (the
    services check it, the database checks the ranges)."""

    response = models.ForeignKey(
        Response, verbose_name=_("réponse"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    bool_value = models.BooleanField(_("oui ou non"), null=True, blank=True)
    int_value = models.SmallIntegerField(_("valeur"), null=True, blank=True)
    text_value = models.TextField(_("texte"), blank=True)
    choices = models.ManyToManyField(
        Choice, verbose_name=_("choix"), related_name="answers", blank=True
    )
    not_applicable = models.BooleanField(_("ne s'applique pas"), default=False)

    class Meta:
        ordering = ["response", "question"]
        verbose_name = _("réponse à une question")
        verbose_name_plural = _("réponses aux questions")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"],
                name="answer_one_per_question",
                violation_error_message=_("Cette question a déjà sa réponse."),
            ),
            models.CheckConstraint(
                condition=Q(int_value__isnull=True) | Q(int_value__range=(0, 10)),
                name="answer_value_from_0_to_10",
                violation_error_message=_("La valeur va de 0 à 10."),
            ),
            models.CheckConstraint(
                condition=Q(not_applicable=False)
                | Q(bool_value__isnull=True, int_value__isnull=True, text_value=""),
                name="answer_not_applicable_has_no_value",
                violation_error_message=_("Une réponse « ne s'applique pas » n'a pas de valeur."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.response} – {self.question_id}"
