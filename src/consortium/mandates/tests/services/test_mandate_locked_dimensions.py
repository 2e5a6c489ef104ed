"""A mandate with hours in a locked period keeps the organisation, type and department its hours
are counted under: the figures of a closed period never move."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.mandates.models import Mandate
from consortium.mandates.services import mandate_update, mandate_upsert
from consortium.testing.factories import (
    DepartmentFactory,
    FiscalYearLockFactory,
    MandateFactory,
    MandateTypeFactory,
    OrganisationFactory,
    PeriodLockFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db


def _fields(mandate: Mandate, **changes) -> dict:
    fields = {
        "organisation": mandate.organisation,
        "title": mandate.title,
        "mandate_type": mandate.mandate_type,
        "department": mandate.department,
        "start": mandate.start,
        "end": mandate.end,
    }
    return fields | changes


@pytest.mark.parametrize(
    ("dimension", "new_value"),
    [
        ("organisation", OrganisationFactory),
        ("mandate_type", MandateTypeFactory),
        ("department", DepartmentFactory),
    ],
)
def test_it_refuses_to_move_the_hours_of_a_locked_year(dimension, new_value):
    mandate = MandateFactory(code="AUD-1")
    TimeEntryFactory(mandate=mandate, date=dt.date(2020, 9, 1))
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    before = getattr(mandate, f"{dimension}_id")
    with pytest.raises(ValidationError) as refused:
        mandate_update(mandate=mandate, **_fields(mandate, **{dimension: new_value()}))
    assert refused.value.message_dict[dimension] == [
        "2020-2021 est verrouillé et le mandat AUD-1 y a des heures : son organisation, son type "
        "et son service ne peuvent plus changer."
    ]
    mandate.refresh_from_db()
    assert getattr(mandate, f"{dimension}_id") == before


def test_a_locked_month_names_the_month():
    mandate = MandateFactory(code="AUD-2")
    TimeEntryFactory(mandate=mandate, date=dt.date(2020, 6, 15))
    PeriodLockFactory()
    with pytest.raises(ValidationError, match="2020-06 est verrouillé"):
        mandate_upsert(code="AUD-2", **_fields(mandate, mandate_type=MandateTypeFactory()))


def test_the_title_and_dates_still_change_and_hours_outside_locks_do_not_hold_it():
    mandate = MandateFactory(code="AUD-3")
    TimeEntryFactory(mandate=mandate, date=dt.date(2020, 9, 1))
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    mandate_update(mandate=mandate, **_fields(mandate, title="Nouveau titre"))
    other = MandateFactory(code="AUD-4")
    TimeEntryFactory(mandate=other, date=dt.date(2021, 6, 1))
    new_type = MandateTypeFactory()
    mandate_update(mandate=other, **_fields(other, mandate_type=new_type))
    other.refresh_from_db()
    assert other.mandate_type == new_type
