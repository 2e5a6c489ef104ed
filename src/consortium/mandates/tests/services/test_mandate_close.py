import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.mandates.models import MandateStatus
from consortium.mandates.services import mandate_close
from consortium.testing.factories import MandateFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def test_it_closes_a_mandate_on_its_last_day():
    mandate = MandateFactory(start=dt.date(2020, 1, 1))
    TimeEntryFactory(mandate=mandate, date=dt.date(2020, 6, 30))
    mandate_close(mandate=mandate, end=dt.date(2020, 6, 30))
    mandate.refresh_from_db()
    assert (mandate.status, mandate.end) == (MandateStatus.CLOSED, dt.date(2020, 6, 30))


def test_it_may_cancel_a_mandate_instead():
    mandate = MandateFactory(start=dt.date(2020, 1, 1))
    mandate_close(mandate=mandate, end=dt.date(2020, 1, 31), status=MandateStatus.CANCELLED)
    mandate.refresh_from_db()
    assert mandate.status == MandateStatus.CANCELLED


def test_it_refuses_to_close_before_hours_already_logged():
    mandate = MandateFactory(code="M01", start=dt.date(2020, 1, 1))
    TimeEntryFactory(mandate=mandate, date=dt.date(2020, 7, 2))
    with pytest.raises(ValidationError) as caught:
        mandate_close(mandate=mandate, end=dt.date(2020, 6, 30))
    assert caught.value.message_dict == {
        "end": [
            "Des heures sont saisies sur le mandat M01 jusqu'au 2020-07-02 : "
            "il ne peut se terminer avant."
        ]
    }
    mandate.refresh_from_db()
    assert (mandate.status, mandate.end) == (MandateStatus.OPEN, None)


def test_closing_is_not_reopening():
    with pytest.raises(ValidationError):
        mandate_close(mandate=MandateFactory(), end=dt.date(2020, 1, 31), status="open")
