# English as in Canada (en-CA): all-numeric dates 2026-12-03 as in French (04/01/2026 reads
# as April 1 to some and January 4 to others), « December 3, 2026 » in words.
DATE_FORMAT = "F j, Y"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "F j, Y, g:i a"
SHORT_DATETIME_FORMAT = "Y-m-d g:i a"
TIME_FORMAT = "g:i a"
MONTH_DAY_FORMAT = "F j"
YEAR_MONTH_FORMAT = "F Y"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y"]
DECIMAL_SEPARATOR = "."
FIRST_DAY_OF_WEEK = 0
