"""The demo's training records: about thirty experts trained in 2020-2021."""

import pytest
from django.db.models import F, Q

from consortium.core.fiscal_years import fiscal_year_period
from consortium.training.models import TrainingRecord
from consortium.training.selectors import training_report

pytestmark = pytest.mark.django_db


def test_exactly_thirty_experts_were_trained_over_the_reports_four_trainings(demo):
    report = training_report(fiscal_year_period("2020-2021"))
    assert report["experts_trained"] == 30
    assert len(report["courses"]) == 4
    assert {course["title"] for course in report["courses"]} >= {
        "Compétences linguistiques et transversales",
        "Gestion de projet et préparation à l'examen PMP",
    }


def test_every_trained_expert_was_employed_on_the_day_they_completed_the_course(demo):
    outside = TrainingRecord.objects.filter(
        Q(expert__hired_on__gt=F("completed_on")) | Q(expert__left_on__lt=F("completed_on"))
    )
    assert not outside.exists()


@pytest.mark.parametrize("year", ["2019-2020", "2021-2022"])
def test_the_years_around_have_trainings_too(demo, year):
    assert training_report(fiscal_year_period(year))["experts_trained"] > 5
