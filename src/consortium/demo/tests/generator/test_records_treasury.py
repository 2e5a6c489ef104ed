"""The demo's treasury: the demo member organisation has a plan with a lean summer and an
investment policy adopted in French."""

from decimal import Decimal

import pytest

from consortium.members.models import Organisation
from consortium.treasury.selectors import adopted_policies, figures_of, latest_plan

pytestmark = pytest.mark.django_db


def test_the_demo_member_has_a_seasonal_plan_and_an_adopted_policy(demo):
    organisation = Organisation.objects.get(code="MPEESAD")
    figures = figures_of(latest_plan(organisation))
    # 185 000 + 120 000 − 60 000 = 245 000; +5 000 × 3 = 260 000; −35 000 × 3 = 155 000.
    assert figures.available.value == Decimal("245000")
    assert (figures.low_point.value.month, figures.low_point.value.amount) == (6, 155000)
    assert figures.reserve_months.value == Decimal("2.2")  # 155 000 ÷ 70 000
    assert figures.seasonal.value is True
    assert figures.target_months.value == 5  # 3 + 1 (62 % from one source) + 1 (seasonal)
    (policy,) = adopted_policies(organisation)
    assert (policy.version, policy.language) == (1, "fr")
