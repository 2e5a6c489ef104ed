import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.mandates.models import Mandate, MandateStatus
from consortium.mandates.services import mandate_upsert
from consortium.testing.factories import (
    DepartmentFactory,
    MandateFactory,
    MandateTypeFactory,
    OrganisationFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db


def _values(**changes):
    values = {
        "code": "M01",
        "organisation": OrganisationFactory(),
        "title": "Tenue de livres",
        "mandate_type": MandateTypeFactory(),
        "department": DepartmentFactory(),
        "start": dt.date(2020, 4, 1),
    }
    return values | changes


def test_it_creates_an_open_mandate():
    mandate, created = mandate_upsert(**_values())
    assert created
    assert (mandate.status, mandate.end) == (MandateStatus.OPEN, None)


def test_the_same_code_again_updates_the_mandate_and_keeps_its_status():
    MandateFactory(code="M01", status=MandateStatus.CLOSED)
    _mandate, created = mandate_upsert(**_values(title="Paie", end=dt.date(2021, 3, 31)))
    assert not created
    assert list(Mandate.objects.values_list("title", "end", "status")) == [
        ("Paie", dt.date(2021, 3, 31), "closed")
    ]


def test_it_refuses_an_end_before_the_start():
    with pytest.raises(ValidationError) as caught:
        mandate_upsert(**_values(end=dt.date(2020, 3, 31)))
    assert caught.value.messages == ["Un mandat ne peut finir avant de commencer."]


def test_it_refuses_dates_that_leave_out_logged_hours():
    mandate = MandateFactory(code="M01", start=dt.date(2020, 1, 1))
    TimeEntryFactory(mandate=mandate, date=dt.date(2020, 2, 3))
    with pytest.raises(ValidationError) as caught:
        mandate_upsert(**_values(start=dt.date(2020, 3, 1)))
    assert caught.value.message_dict == {
        "start": ["Le mandat M01 a des heures saisies le 2020-02-03, hors de ces dates."]
    }
    mandate.refresh_from_db()
    assert mandate.start == dt.date(2020, 1, 1)
