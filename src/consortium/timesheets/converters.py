"""The converters of the app's addresses (registered in `timesheets/urls.py`)."""

import datetime as dt

from consortium.core.fiscal_years import is_supported_day


class IsoDateConverter:
    """A day written 2020-11-30 in the address, in the years the centre can hold."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> dt.date:
        day = dt.date.fromisoformat(value)  # ValueError on 2021-02-30: Django answers 404
        if not is_supported_day(day):
            # Year 1 or 9999 would overflow the week's arithmetic: 404 too, never a 500.
            raise ValueError(value)
        return day

    def to_url(self, value: dt.date) -> str:
        return value.isoformat()
