"""A departed expert with something in every place the platform holds about a person."""

import datetime as dt
from decimal import Decimal

from axes.models import AccessAttempt, AccessLog
from django.apps import apps

from consortium.staff.models import Expert
from consortium.testing.factories import ExpertFactory, MandateFactory, UserFactory
from consortium.timesheets.models import PeriodKind, TimesheetWeek, WeekStatus
from consortium.timesheets.services.entries import time_entry_record, time_entry_update
from consortium.timesheets.services.locks import period_lock

FIRST_NAME = "Zéphirine"
LAST_NAME = "Quidamovitch"
EMAIL = "zephirine.quidam@example.org"
USERNAME = "zquidam"
# Free text the expert wrote, and a reason written about her week: each names her.
DESCRIPTION = "Rencontre de Zéphirine avec le conseil"
REASON = "Zéphirine : il manque le mardi"
IP = "203.0.113.77"


def make_departed_expert(*, by=None) -> Expert:
    """Employed 2019-2021, two entries (one in a month locked since), a returned week, an audit
    trail with her description before and after, and two sign-in records."""
    user = UserFactory(
        username=USERNAME, first_name=FIRST_NAME, last_name=LAST_NAME, email=EMAIL, is_active=False
    )
    expert = ExpertFactory(
        code="ZQU",
        first_name=FIRST_NAME,
        last_name=LAST_NAME,
        email=EMAIL,
        user=user,
        hired_on=dt.date(2019, 1, 7),
        left_on=dt.date(2021, 6, 30),
        gender="woman",
        birth_year=1980,
    )
    mandate = MandateFactory(department=expert.department)
    locked = time_entry_record(
        expert=expert,
        mandate=mandate,
        date=dt.date(2020, 6, 1),
        hours=Decimal("3"),
        description=DESCRIPTION,
        by=by,
    )
    time_entry_update(entry=locked, hours=Decimal("4.5"), description=DESCRIPTION + " (suite)")
    time_entry_record(
        expert=expert,
        mandate=mandate,
        date=dt.date(2021, 5, 3),
        hours=Decimal("2"),
        description=DESCRIPTION,
    )
    TimesheetWeek.objects.create(
        expert=expert,
        week_start=dt.date(2021, 5, 3),
        status=WeekStatus.RETURNED,
        submitted_at=dt.datetime(2021, 5, 8, tzinfo=dt.UTC),
        decided_by=UserFactory(username="decider"),
        decided_at=dt.datetime(2021, 5, 9, tzinfo=dt.UTC),
        reason=REASON,
    )
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    login = {"username": USERNAME, "ip_address": IP, "user_agent": "Firefox/128", "path_info": "/"}
    AccessLog.objects.create(**login, http_accept="text/html")
    AccessAttempt.objects.create(
        **login, http_accept="text/html", get_data="", post_data="", failures_since_start=2
    )
    return expert


def rows_containing(*texts: str) -> list[str]:
    """Every row of every table holding one of `texts` (case-insensitive), as 'model: row'."""
    found = []
    wanted = [text.lower() for text in texts]
    for model in apps.get_models():
        for row in model.objects.values_list():
            text = " ".join(str(value) for value in row).lower()
            if any(word in text for word in wanted):
                found.append(f"{model._meta.label}: {row}")
    return found
