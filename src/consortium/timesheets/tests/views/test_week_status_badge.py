"""A week's status reads the same on every page: one badge, its colour decided by the template."""

import pytest
from django.template.loader import render_to_string

from consortium.timesheets.models import WeekStatus

BADGE = "timesheets/includes/week_status.html"


@pytest.mark.parametrize(
    ("status", "css_class"),
    [
        (WeekStatus.DRAFT, "badge"),
        (WeekStatus.SUBMITTED, "badge warn"),
        (WeekStatus.APPROVED, "badge ok"),
        (WeekStatus.RETURNED, "badge bad"),
    ],
)
def test_each_status_has_its_badge(status, css_class):
    html = render_to_string(BADGE, {"status": status, "label": status.label})
    assert html == f'<span class="{css_class}">{status.label}</span>'


def test_the_badge_may_carry_an_id():
    html = render_to_string(
        BADGE, {"status": WeekStatus.SUBMITTED, "label": "Soumise", "badge_id": "week-status"}
    )
    assert html == '<span class="badge warn" id="week-status">Soumise</span>'
