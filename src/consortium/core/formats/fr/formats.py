# Dates as the Office québécois de la langue française writes them: all-numeric 2026-12-03
# (ISO 8601, never 03/12/2026, which English readers take for March 12), in words « 3 décembre
# 2026 » (core.formatting.long_date adds « 1er »), hours on the 24-hour clock.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
DECIMAL_SEPARATOR = ","
FIRST_DAY_OF_WEEK = 0  # Sunday in Quebec's calendars; the ledger's weeks start on Monday.
