from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.codes import code_constraint, validate_code
from consortium.core.models import TimeStampedModel


class LegalForm(models.TextChoices):
    COOPERATIVE = "cooperative", _("coopérative")
    MUTUAL = "mutual", _("mutuelle")
    NONPROFIT = "nonprofit", _("organisme à but non lucratif")
    OTHER = "other", _("autre")


class Region(models.TextChoices):
    """Quebec's seventeen administrative regions."""

    BAS_SAINT_LAURENT = "01", _("01 – Bas-Saint-Laurent")
    SAGUENAY = "02", _("02 – Saguenay–Lac-Saint-Jean")
    CAPITALE_NATIONALE = "03", _("03 – Capitale-Nationale")
    MAURICIE = "04", _("04 – Mauricie")
    ESTRIE = "05", _("05 – Estrie")
    MONTREAL = "06", _("06 – Montréal")
    OUTAOUAIS = "07", _("07 – Outaouais")
    ABITIBI = "08", _("08 – Abitibi-Témiscamingue")
    COTE_NORD = "09", _("09 – Côte-Nord")
    NORD_DU_QUEBEC = "10", _("10 – Nord-du-Québec")
    GASPESIE = "11", _("11 – Gaspésie–Îles-de-la-Madeleine")
    CHAUDIERE_APPALACHES = "12", _("12 – Chaudière-Appalaches")
    LAVAL = "13", _("13 – Laval")
    LANAUDIERE = "14", _("14 – Lanaudière")
    LAURENTIDES = "15", _("15 – Laurentides")
    MONTEREGIE = "16", _("16 – Montérégie")
    CENTRE_DU_QUEBEC = "17", _("17 – Centre-du-Québec")


class Province(models.TextChoices):
    """Canada's ten provinces and three territories (ISO 3166-2 codes)."""

    AB = "AB", _("Alberta")
    BC = "BC", _("Colombie-Britannique")
    MB = "MB", _("Manitoba")
    NB = "NB", _("Nouveau-Brunswick")
    NL = "NL", _("Terre-Neuve-et-Labrador")
    NS = "NS", _("Nouvelle-Écosse")
    NT = "NT", _("Territoires du Nord-Ouest")
    NU = "NU", _("Nunavut")
    ON = "ON", _("Ontario")
    PE = "PE", _("Île-du-Prince-Édouard")
    QC = "QC", _("Québec")
    SK = "SK", _("Saskatchewan")
    YT = "YT", _("Yukon")


CANADA = "CA"

country_validator = RegexValidator(
    r"^[A-Z]{2}$",
    _("Le pays est un code ISO de deux lettres majuscules (p. ex. CA)."),
    code="invalid_country",
)


class MemberCategory(models.TextChoices):
    FULLY_MANAGED = "fully_managed", _("membre sous entière gestion")
    USER = "user", _("membre utilisateur")
    AUXILIARY = "auxiliary", _("membre auxiliaire")
    SUPPORT = "support", _("membre de soutien")


neq_validator = RegexValidator(
    r"^\d{10}$", _("Le NEQ compte exactement 10 chiffres."), code="invalid_neq"
)


class Organisation(TimeStampedModel):
    """A co-op, mutual or non-profit the centre serves; a federation groups other organisations."""

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[validate_code])
    name = models.CharField(_("nom"), max_length=255)
    legal_form = models.CharField(
        _("forme juridique"), max_length=20, choices=LegalForm.choices, default=LegalForm.OTHER
    )
    neq = models.CharField(
        _("NEQ"),
        max_length=10,
        blank=True,
        validators=[neq_validator],
        help_text=_("Numéro d'entreprise du Québec, 10 chiffres."),
    )
    region = models.CharField(
        _("région administrative"), max_length=2, choices=Region.choices, blank=True
    )
    province = models.CharField(
        _("province ou territoire"),
        max_length=2,
        choices=Province.choices,
        default=Province.QC,
        # Also the database's default: rows written by code that predates the column (an older
        # migration's state, a raw import) stay valid.
        db_default=Province.QC,
        blank=True,
        help_text=_("Vide seulement hors du Canada."),
    )
    country = models.CharField(
        _("pays"),
        max_length=2,
        default=CANADA,
        db_default=CANADA,
        validators=[country_validator],
        help_text=_("Code ISO de deux lettres : CA pour le Canada."),
    )
    federation = models.ForeignKey(
        "self",
        verbose_name=_("regroupement sectoriel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="affiliates",
    )
    language = models.CharField(
        _("langue de correspondance"),
        max_length=2,
        choices=[("fr", _("français")), ("en", _("anglais"))],
        default="fr",
        help_text=_("Langue de ses factures."),
    )
    is_prospect = models.BooleanField(
        _("prospect"),
        default=False,
        db_default=False,
        help_text=_("Rencontrée en développement des affaires, pas encore servie ni membre."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            code_constraint(),
            models.CheckConstraint(
                condition=Q(neq="") | Q(neq__regex=r"^[0-9]{10}$"),
                name="organisation_neq_has_ten_digits",
                violation_error_message=_("Le NEQ compte exactement 10 chiffres."),
            ),
            models.CheckConstraint(
                condition=Q(region="") | Q(region__in=[choice.value for choice in Region]),
                name="organisation_region_is_quebec",
                violation_error_message=_("La région est un code de 01 à 17."),
            ),
            models.CheckConstraint(
                condition=Q(province__in=[choice.value for choice in Province])
                | (Q(province="") & ~Q(country=CANADA)),
                name="organisation_province_is_canadian",
                violation_error_message=_(
                    "Une organisation canadienne a une province ou un territoire; "
                    "une organisation hors du Canada n'en a pas."
                ),
            ),
            models.CheckConstraint(
                condition=(Q(region="") & Q(neq=""))
                | (Q(province=Province.QC) & Q(country=CANADA)),
                name="organisation_region_and_neq_only_in_quebec",
                violation_error_message=_(
                    "La région administrative et le NEQ ne s'appliquent qu'aux organisations "
                    "du Québec."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(federation=F("pk")),
                name="organisation_is_not_its_own_federation",
                violation_error_message=_("Une organisation ne peut être son propre regroupement."),
            ),
        ]
        indexes = [models.Index(fields=["federation"], name="organisation_federation_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_in_quebec(self) -> bool:
        return self.country == CANADA and self.province == Province.QC

    def clean(self) -> None:
        self._clean_place()
        self._clean_federation()

    def _clean_place(self) -> None:
        if self.country != CANADA and self.province:
            raise ValidationError(
                {"province": _("Une organisation hors du Canada n'a pas de province.")}
            )
        if self.country == CANADA and not self.province:
            raise ValidationError(
                {"province": _("Indiquez la province ou le territoire de l'organisation.")}
            )
        if self.is_in_quebec:
            return
        errors = {}
        if self.region:
            errors["region"] = _(
                "La région administrative ne s'applique qu'aux organisations du Québec."
            )
        if self.neq:
            errors["neq"] = _("Le NEQ ne s'applique qu'aux organisations du Québec.")
        if errors:
            raise ValidationError(errors)

    def _clean_federation(self) -> None:
        if self.federation_id is None:
            return
        if self.pk is not None and self.federation_id == self.pk:
            raise ValidationError(
                {"federation": _("Une organisation ne peut être son propre regroupement.")}
            )
        # Walk up the chain of federations, one query a level: chains are a few levels deep.
        seen = {self.pk} if self.pk else set()
        ancestor_id = self.federation_id
        while ancestor_id is not None:
            if ancestor_id in seen:
                raise ValidationError(
                    {"federation": _("Ce regroupement créerait un cycle de regroupements.")}
                )
            seen.add(ancestor_id)
            ancestor_id = (
                Organisation.objects.filter(pk=ancestor_id)
                .values_list("federation_id", flat=True)
                .first()
            )


class Membership(TimeStampedModel):
    """An organisation's membership in one category, from `start` to `end` (its last day)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    category = models.CharField(_("catégorie"), max_length=20, choices=MemberCategory.choices)
    start = models.DateField(_("membre depuis"))
    end = models.DateField(
        _("membre jusqu'au"),
        null=True,
        blank=True,
        help_text=_("Dernier jour; vide si toujours membre."),
    )

    class Meta:
        ordering = ["organisation", "start"]
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "start"],
                name="membership_one_start_per_organisation",
                violation_error_message=_("Cette organisation a déjà une adhésion à cette date."),
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="membership_ends_after_it_starts",
                violation_error_message=_("Une adhésion ne peut finir avant de commencer."),
            ),
            models.CheckConstraint(
                condition=Q(category__in=[choice.value for choice in MemberCategory]),
                name="membership_category_is_known",
                violation_error_message=_("Catégorie de membre inconnue."),
            ),
        ]
        indexes = [
            models.Index(fields=["start", "end"], name="membership_dates_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.get_category_display()} ({self.start})"

    def clean(self) -> None:
        if self.organisation_id is None or self.start is None:
            return
        overlapping = Membership.objects.filter(organisation_id=self.organisation_id).filter(
            Q(end__isnull=True) | Q(end__gte=self.start)
        )
        if self.end is not None:
            overlapping = overlapping.filter(start__lte=self.end)
        if self.pk is not None:
            overlapping = overlapping.exclude(pk=self.pk)
        other = overlapping.first()
        if other is not None:
            raise ValidationError(
                _("Cette adhésion chevauche celle du %(start)s (%(category)s).")
                % {"start": other.start.isoformat(), "category": other.get_category_display()}
            )
