import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.codes import code_constraint, validate_code
from consortium.core.models import BilingualNameModel, TimeStampedModel
from consortium.members.models import Region


class Department(BilingualNameModel):
    """A department of the centre (accounting, HR, IT, communications…)."""

    class Meta(BilingualNameModel.Meta):
        verbose_name = _("département")
        verbose_name_plural = _("départements")


class FieldOfExpertise(BilingualNameModel):
    """One of the centre's ~20 fields of expertise, attached to the department that offers it."""

    department = models.ForeignKey(
        Department,
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        related_name="fields_of_expertise",
    )

    class Meta(BilingualNameModel.Meta):
        verbose_name = _("champ d'expertise")
        verbose_name_plural = _("champs d'expertise")


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("ressource professionnelle")
    TRAINER = "trainer", _("formateur")
    DIRECTOR = "director", _("direction")


class Gender(models.TextChoices):
    """Self-declared, optional (Law 25: only what is needed, shown only in aggregates)."""

    WOMAN = "woman", _("femme")
    MAN = "man", _("homme")
    OTHER = "other", _("autre")
    UNDISCLOSED = "undisclosed", _("préfère ne pas répondre")


class Expert(TimeStampedModel):
    """A member of the centre's staff who logs service hours."""

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[validate_code])
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    email = models.EmailField(_("courriel"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utilisateur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expert",
        help_text=_("Le compte avec lequel cet expert se connecte."),
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department, verbose_name=_("département"), on_delete=models.PROTECT, related_name="experts"
    )
    fields_of_expertise = models.ManyToManyField(
        FieldOfExpertise, verbose_name=_("champs d'expertise"), blank=True, related_name="experts"
    )
    region = models.CharField(
        _("région"),
        max_length=2,
        choices=Region.choices,
        blank=True,
        db_default="",
        help_text=_("Région administrative où l'expert travaille."),
    )
    hired_on = models.DateField(_("embauché le"))
    left_on = models.DateField(
        _("parti le"),
        null=True,
        blank=True,
        help_text=_("Dernier jour d'emploi; vide si toujours en poste."),
    )
    gender = models.CharField(_("genre"), max_length=20, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("année de naissance"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        constraints = [
            code_constraint(),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("hired_on")),
                name="expert_leaves_after_hire",
                violation_error_message=_("La date de départ précède la date d'embauche."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=[choice.value for choice in Role]),
                name="expert_role_is_known",
                violation_error_message=_("Rôle inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(gender="") | Q(gender__in=[choice.value for choice in Gender]),
                name="expert_gender_is_known",
                violation_error_message=_("Genre inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(region="") | Q(region__in=[choice.value for choice in Region]),
                name="expert_region_is_quebec",
                violation_error_message=_("La région est un code de 01 à 17."),
            ),
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True) | Q(birth_year__range=(1900, 2100)),
                name="expert_birth_year_is_plausible",
                violation_error_message=_("L'année de naissance doit être entre 1900 et 2100."),
            ),
        ]
        indexes = [models.Index(fields=["hired_on", "left_on"], name="expert_employment_idx")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return str(self)

    def is_employed_on(self, day: dt.date) -> bool:
        return self.hired_on <= day and (self.left_on is None or day <= self.left_on)

    def clean(self) -> None:
        if self.birth_year and self.hired_on and self.hired_on.year - self.birth_year < 14:
            raise ValidationError({"birth_year": _("Un expert a au moins 14 ans à son embauche.")})
