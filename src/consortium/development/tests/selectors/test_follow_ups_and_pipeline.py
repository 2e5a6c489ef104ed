import datetime as dt
from decimal import Decimal

import pytest

from consortium.development.models import DevelopmentActivity, Opportunity, OpportunityStage
from consortium.development.selectors import follow_ups_due, organisations_matching, pipeline
from consortium.testing.factories import (
    DevelopmentActivityFactory,
    MandateTypeFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def _follow_up(owner, due, **fields):
    return DevelopmentActivityFactory(
        next_step=f"Rappeler le {due}", follow_up_due=due, follow_up_owner=owner, **fields
    )


def test_follow_ups_due_come_overdue_first_and_leave_out_those_done(people):
    later = _follow_up(people.director, dt.date(2025, 3, 1))
    overdue = _follow_up(people.communications, dt.date(2025, 1, 1))
    _follow_up(people.director, dt.date(2024, 1, 1), follow_up_done_on=dt.date(2024, 1, 2))
    DevelopmentActivityFactory()
    every = follow_ups_due(DevelopmentActivity.objects.all())
    assert list(every) == [overdue, later]
    mine = follow_ups_due(DevelopmentActivity.objects.all(), owner=people.director)
    assert list(mine) == [later]


def test_the_pipeline_counts_and_sums_each_stage_in_order(people):
    mandate_type = MandateTypeFactory()
    for stage, amount in [("proposal", "1000"), ("proposal", "500.50"), ("won", "200")]:
        Opportunity.objects.create(
            title=f"{stage} {amount}",
            organisation=OrganisationFactory(),
            mandate_type=mandate_type,
            department=people.department,
            stage=stage,
            estimated_amount=Decimal(amount),
        )
    stages = pipeline(Opportunity.objects.all())
    assert [stage.stage for stage in stages] == list(OpportunityStage.values)
    by_stage = {stage.stage: (stage.count, stage.amount) for stage in stages}
    assert by_stage["proposal"] == (2, Decimal("1500.50"))
    assert by_stage["won"] == (1, Decimal("200"))
    assert by_stage["first_contact"] == (0, 0)


def test_the_picker_matches_every_word_of_the_name_or_code_accents_aside():
    erabliere = OrganisationFactory(code="ERAB", name="Coopérative de l'Érablière")
    OrganisationFactory(code="LAC", name="Mutuelle du Lac")
    assert organisations_matching("coop erabliere") == [erabliere]
    assert organisations_matching("erab") == [erabliere]
    assert organisations_matching("   ") == []
