"""Writes to the questionnaire: its sections, questions, options and bands, a new version, and
which version is active.

A questionnaire that finished diagnostics were scored with is locked: every write below refuses
it, naming the remedy (`questionnaire_copy`, "Copier en nouvelle version" in the admin). We chose
refusing with an explicit copy over a silent copy-on-edit: a typo fixed in three rows would
otherwise make three versions, and staff decide when a new version is offered to members (it
is created inactive). Drafts on a questionnaire do not lock it: their answers follow the edit.
"""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from consortium.core.services import row_save
from consortium.diagnostics.models import (
    Band,
    DiagnosticStatus,
    Option,
    Question,
    Questionnaire,
    Section,
)
from consortium.diagnostics.rules import band_problems
from consortium.diagnostics.scoring import BandBounds


def questionnaire_is_locked(questionnaire: Questionnaire) -> bool:
    return (
        questionnaire.pk is not None
        and questionnaire.diagnostics.filter(status=DiagnosticStatus.FINISHED).exists()
    )


def check_unlocked(questionnaire: Questionnaire) -> None:
    if questionnaire_is_locked(questionnaire):
        raise ValidationError(
            _(
                "Le questionnaire « %(title)s » (version %(version)s) a servi à des diagnostics "
                "terminés : il ne change plus. Copiez-le en nouvelle version pour le modifier."
            )
            % {"title": questionnaire.title, "version": questionnaire.version}
        )


# --- the questionnaire ---------------------------------------------------------------------------


@transaction.atomic
def questionnaire_create(
    *, title_fr: str, title_en: str = "", version: int | None = None, is_active: bool = False
) -> Questionnaire:
    if version is None:
        version = (Questionnaire.objects.aggregate(last=Max("version"))["last"] or 0) + 1
    if is_active:
        Questionnaire.objects.filter(is_active=True).update(is_active=False)
    return row_save(
        Questionnaire(), title_fr=title_fr, title_en=title_en, version=version, is_active=is_active
    )


@transaction.atomic
def questionnaire_update(
    *,
    questionnaire: Questionnaire,
    title_fr: str,
    title_en: str = "",
    version: int | None = None,
    is_active: bool = False,
) -> Questionnaire:
    """Rename it or make it the active one; the title and version of a locked one stay."""
    changes_wording = (title_fr, title_en, version or questionnaire.version) != (
        questionnaire.title_fr,
        questionnaire.title_en,
        questionnaire.version,
    )
    if changes_wording:
        check_unlocked(questionnaire)
    if is_active and not questionnaire.is_active:
        Questionnaire.objects.filter(is_active=True).exclude(pk=questionnaire.pk).update(
            is_active=False
        )
    return row_save(
        questionnaire,
        title_fr=title_fr,
        title_en=title_en,
        version=version or questionnaire.version,
        is_active=is_active,
    )


@transaction.atomic
def questionnaire_activate(*, questionnaire: Questionnaire) -> Questionnaire:
    """Offer this version to members from now on (drafts begun on another one keep theirs)."""
    Questionnaire.objects.filter(is_active=True).exclude(pk=questionnaire.pk).update(
        is_active=False
    )
    questionnaire.is_active = True
    questionnaire.save(update_fields=["is_active", "updated_at"])
    return questionnaire


@transaction.atomic
def questionnaire_delete(*, questionnaire: Questionnaire) -> None:
    if questionnaire.diagnostics.exists():
        raise ValidationError(
            _("Ce questionnaire a servi à des diagnostics : il ne peut être supprimé.")
        )
    questionnaire.delete()


@transaction.atomic
def questionnaire_copy(*, questionnaire: Questionnaire) -> Questionnaire:
    """A new, inactive version with the same sections, questions, options, bands and services."""
    copy = questionnaire_create(
        title_fr=questionnaire.title_fr, title_en=questionnaire.title_en, is_active=False
    )
    for band in questionnaire.bands.all():
        Band.objects.create(
            questionnaire=copy,
            lower_pct=band.lower_pct,
            upper_pct=band.upper_pct,
            label_fr=band.label_fr,
            label_en=band.label_en,
            description_fr=band.description_fr,
            description_en=band.description_en,
        )
    sections = questionnaire.sections.prefetch_related(
        "mandate_types", "departments", "questions__options"
    )
    for section in sections:
        new_section = Section.objects.create(
            questionnaire=copy,
            position=section.position,
            code=section.code,
            title_fr=section.title_fr,
            title_en=section.title_en,
            threshold_pct=section.threshold_pct,
        )
        new_section.mandate_types.set(section.mandate_types.all())
        new_section.departments.set(section.departments.all())
        for question in section.questions.all():
            new_question = Question.objects.create(
                section=new_section,
                position=question.position,
                text_fr=question.text_fr,
                text_en=question.text_en,
                help_fr=question.help_fr,
                help_en=question.help_en,
                weight=question.weight,
                allows_not_applicable=question.allows_not_applicable,
            )
            Option.objects.bulk_create(
                Option(
                    question=new_question,
                    position=option.position,
                    label_fr=option.label_fr,
                    label_en=option.label_en,
                    points=option.points,
                )
                for option in question.options.all()
            )
    return copy


# --- sections, questions, options ----------------------------------------------------------------


def _questionnaire_of(row) -> Questionnaire:
    if isinstance(row, Section):
        return row.questionnaire
    if isinstance(row, Question):
        return row.section.questionnaire
    return row.question.section.questionnaire


def _part_save(row, values: dict[str, Any]):
    if row.pk is not None:
        check_unlocked(_questionnaire_of(row))
    saved = row_save(row, **values)
    check_unlocked(_questionnaire_of(saved))
    return saved


def _part_delete(row) -> None:
    check_unlocked(_questionnaire_of(row))
    row.delete()


@transaction.atomic
def section_create(**values) -> Section:
    return _part_save(Section(), values)


@transaction.atomic
def section_update(*, section: Section, **values) -> Section:
    return _part_save(section, values)


@transaction.atomic
def section_delete(*, section: Section) -> None:
    _part_delete(section)


@transaction.atomic
def question_create(**values) -> Question:
    return _part_save(Question(), values)


@transaction.atomic
def question_update(*, question: Question, **values) -> Question:
    return _part_save(question, values)


@transaction.atomic
def question_delete(*, question: Question) -> None:
    _part_delete(question)


@transaction.atomic
def option_create(**values) -> Option:
    return _part_save(Option(), values)


@transaction.atomic
def option_update(*, option: Option, **values) -> Option:
    return _part_save(option, values)


@transaction.atomic
def option_delete(*, option: Option) -> None:
    _part_delete(option)


# --- bands ---------------------------------------------------------------------------------------


def check_bands(bands: list[BandBounds]) -> None:
    problems = band_problems(bands)
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def bands_replace(*, questionnaire: Questionnaire, bands: list[dict[str, Any]]) -> list[Band]:
    """The questionnaire's bands become `bands` (dicts of Band's fields), all together: the set
    must cover 0-100 % with no gap and no overlap, else nothing changes."""
    check_unlocked(questionnaire)
    missing = [
        band for band in bands if band.get("lower_pct") is None or band.get("upper_pct") is None
    ]
    if missing:
        raise ValidationError(_("Chaque palier a un pourcentage de départ et de fin."))
    check_bands(
        [BandBounds(Decimal(band["lower_pct"]), Decimal(band["upper_pct"])) for band in bands]
    )
    questionnaire.bands.all().delete()
    written = []
    for values in bands:
        written.append(row_save(Band(questionnaire=questionnaire), **values))
    return written
