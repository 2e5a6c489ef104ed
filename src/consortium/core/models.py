from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.codes import code_constraint, validate_code
from consortium.core.languages import in_active_language


class TimeStampedModel(models.Model):
    """The one abstract base: when a row was created and last changed."""

    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True


class BilingualNameModel(TimeStampedModel):
    """A coded reference (department, mandate type…) named in French and in English."""

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[validate_code])
    name_fr = models.CharField(_("nom (français)"), max_length=200)
    name_en = models.CharField(_("nom (anglais)"), max_length=200, blank=True)

    class Meta:
        abstract = True
        ordering = ["code"]
        constraints = [code_constraint()]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    @property
    def name(self) -> str:
        return in_active_language(self.name_fr, self.name_en)


class FiscalYear(TimeStampedModel):
    """A fiscal year such as "2020-2021" (2020-04-01..2021-03-31 with the default April start)."""

    name = models.CharField(_("nom"), max_length=9, unique=True, help_text=_("p. ex. 2020-2021"))
    start_date = models.DateField(_("premier jour"), unique=True)
    end_date = models.DateField(_("dernier jour"), unique=True)

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("exercice financier")
        verbose_name_plural = _("exercices financiers")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")),
                name="fiscal_year_ends_after_it_starts",
                violation_error_message=_("Un exercice se termine après son premier jour."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from consortium.core.fiscal_years import fiscal_year_bounds

        try:
            start, end = fiscal_year_bounds(self.name)
        except ValueError as error:
            raise ValidationError({"name": str(error)}) from error
        if self.start_date is None:
            self.start_date = start
        if self.end_date is None:
            self.end_date = end


class ClosingDay(TimeStampedModel):
    """A day the centre is closed beyond Quebec's statutory holidays (e.g. between Christmas and
    New Year): no hours are expected of anyone that day (see `core.calendar`)."""

    date = models.DateField(_("date"), unique=True)
    label = models.CharField(
        _("libellé"), max_length=100, help_text=_("p. ex. Fermeture des fêtes")
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("jour de fermeture")
        verbose_name_plural = _("jours de fermeture")

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.label}"
