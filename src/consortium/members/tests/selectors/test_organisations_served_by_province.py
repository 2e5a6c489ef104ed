import datetime as dt

import pytest

from consortium.members.selectors import organisations_served_by_province
from consortium.testing.factories import MandateFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def test_each_organisation_served_counts_once_in_its_province(django_assert_num_queries):
    alberta = MandateFactory(organisation__province="AB")
    TimeEntryFactory(mandate=alberta, date=dt.date(2020, 6, 1))
    TimeEntryFactory(mandate=alberta, date=dt.date(2020, 6, 2))
    TimeEntryFactory(mandate=MandateFactory(organisation=alberta.organisation))
    TimeEntryFactory(date=dt.date(2020, 6, 1))
    TimeEntryFactory(date=dt.date(2019, 6, 1), mandate__organisation__province="ON")
    with django_assert_num_queries(1):
        rows = organisations_served_by_province(dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    assert rows == [("Alberta", 1), ("Québec", 1)]
