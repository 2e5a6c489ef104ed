"""The converters of the app's addresses (registered in `timesheets/urls.py`)."""

import datetime as dt


class IsoDateConverter:
    """A day written 2020-11-30 in the address."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> dt.date:
        return dt.date.fromisoformat(value)  # ValueError on 2021-02-30: Django answers 404

    def to_url(self, value: dt.date) -> str:
        return value.isoformat()
