"""Sign-in records (django-axes keeps the address and browser of every attempt): kept
`settings.LOGIN_RECORDS_DAYS` days (90 by default), then purged."""

import datetime as dt

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import transaction
from django.utils import timezone


def login_records_purge(*, days: int | None = None, now: dt.datetime | None = None) -> int:
    """Deletes the sign-in records older than `days` (the setting by default); returns how many."""
    days = settings.LOGIN_RECORDS_DAYS if days is None else days
    if days < 0:
        raise ValueError("days must be 0 or more")
    before = (now or timezone.now()) - dt.timedelta(days=days)
    deleted = 0
    with transaction.atomic():
        for model in (AccessAttempt, AccessLog, AccessFailureLog):
            # Counts the rows of the model itself, not the expirations deleted with them.
            _total, by_model = model.objects.filter(attempt_time__lt=before).delete()
            deleted += by_model.get(model._meta.label, 0)
    return deleted
