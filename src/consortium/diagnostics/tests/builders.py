"""A small questionnaire whose every score is known by hand, for the diagnostic's tests.

Sections: G « Gouvernance » (threshold 60 %): G1 weight 1, options 0 / 2 / 4 points; G2 weight 2,
options 0 / 1 / 2, « ne s'applique pas » allowed. F « Finances » (threshold 60 %): F1 weight 1,
options 0 / 3. Bands 0-50, 50-75, 75-100. G's services: mandate type ACC by the given department.
"""

from dataclasses import dataclass
from decimal import Decimal as D

from consortium.diagnostics.models import Band, Option, Question, Questionnaire, Section
from consortium.diagnostics.services import (
    diagnostic_answers_save,
    diagnostic_finish,
    diagnostic_start,
)
from consortium.testing.factories import DepartmentFactory, MandateTypeFactory


@dataclass
class Built:
    questionnaire: Questionnaire
    governance: Section
    finances: Section
    g1: Question
    g2: Question
    f1: Question

    def option(self, question: Question, points: int | str) -> str:
        return str(question.options.get(points=D(points)).pk)


def make_questionnaire(department=None, mandate_type=None) -> Built:
    Questionnaire.objects.filter(is_active=True).update(is_active=False)
    questionnaire = Questionnaire.objects.create(
        title_fr="Diagnostic d'essai", title_en="Test diagnostic", version=99, is_active=True
    )
    for lower, upper, fr, en in [
        (0, 50, "À consolider", "To be consolidated"),
        (50, 75, "En développement", "Developing"),
        (75, 100, "Solide", "Solid"),
    ]:
        Band.objects.create(
            questionnaire=questionnaire, lower_pct=lower, upper_pct=upper, label_fr=fr, label_en=en
        )
    governance = Section.objects.create(
        questionnaire=questionnaire,
        position=1,
        code="G",
        title_fr="Gouvernance",
        title_en="Governance",
        threshold_pct=60,
    )
    finances = Section.objects.create(
        questionnaire=questionnaire,
        position=2,
        code="F",
        title_fr="Finances",
        title_en="Finance",
        threshold_pct=60,
    )
    governance.departments.add(department or DepartmentFactory(code="CPT"))
    governance.mandate_types.add(mandate_type or MandateTypeFactory(code="ACC"))

    def question(section, position, weight, points, na=False):
        row = Question.objects.create(
            section=section,
            position=position,
            text_fr=f"Question {section.code}{position} ?",
            text_en=f"Question {section.code}{position}?",
            weight=weight,
            allows_not_applicable=na,
        )
        for index, value in enumerate(points, 1):
            Option.objects.create(
                question=row,
                position=index,
                label_fr=f"Choix {value}",
                label_en=f"Choice {value}",
                points=value,
            )
        return row

    return Built(
        questionnaire=questionnaire,
        governance=governance,
        finances=finances,
        g1=question(governance, 1, 1, [0, 2, 4]),
        g2=question(governance, 2, 2, [0, 1, 2], na=True),
        f1=question(finances, 1, 1, [0, 3]),
    )


def finished_diagnostic(built: Built, organisation, answers: dict, by=None):
    """A diagnostic of `organisation` answered {question: points or "na"} and finished."""
    diagnostic, _new = diagnostic_start(organisation=organisation, by=by)
    diagnostic_answers_save(
        diagnostic=diagnostic,
        answers={
            question.pk: "na" if value == "na" else built.option(question, value)
            for question, value in answers.items()
        },
        by=by,
    )
    return diagnostic_finish(diagnostic=diagnostic, by=by)
