import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils import timezone

from consortium.privacy.services import login_records_purge

pytestmark = pytest.mark.django_db

RECORD = {"ip_address": "203.0.113.1", "user_agent": "Firefox", "http_accept": "*/*"}


def _records(username: str, days_ago: int) -> None:
    AccessLog.objects.create(username=username, path_info="/", **RECORD)
    AccessFailureLog.objects.create(username=username, path_info="/", **RECORD)
    AccessAttempt.objects.create(
        username=username,
        path_info="/",
        get_data="",
        post_data="",
        failures_since_start=1,
        **RECORD,
    )
    moment = timezone.now() - dt.timedelta(days=days_ago)
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        model.objects.filter(username=username).update(attempt_time=moment)


def _usernames() -> set[str]:
    return {
        username
        for model in (AccessLog, AccessFailureLog, AccessAttempt)
        for username in model.objects.values_list("username", flat=True)
    }


def test_it_deletes_the_records_older_than_90_days_and_keeps_the_others():
    _records("old", days_ago=91)
    _records("recent", days_ago=89)
    assert login_records_purge() == 3
    assert _usernames() == {"recent"}


def test_the_setting_says_how_many_days_are_kept(settings):
    settings.LOGIN_RECORDS_DAYS = 10
    _records("eleven", days_ago=11)
    _records("nine", days_ago=9)
    login_records_purge()
    assert _usernames() == {"nine"}
