"""JSON out: datetimes in the centre's time zone with their offset (2026-12-04T15:30:00-05:00),
never a bare Z or a naive time; decimals as JSON numbers' exact strings (hours, money)."""

import datetime as dt

from django.utils import timezone
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder


class OffsetEncoder(NinjaJSONEncoder):
    def default(self, o):
        if isinstance(o, dt.datetime) and timezone.is_aware(o):
            return timezone.localtime(o).isoformat(timespec="seconds")
        return super().default(o)


class ApiRenderer(JSONRenderer):
    encoder_class = OffsetEncoder
