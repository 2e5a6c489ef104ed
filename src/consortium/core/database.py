"""A database kept busy by another writer: how to recognise it, and what a person is told.

A long import holds its locks until it commits. Another writer waits for them at most
`settings.DATABASE_BUSY_TIMEOUT` seconds (SQLite's busy timeout, PostgreSQL's `lock_timeout`),
then its database raises an OperationalError; the web (core/middleware.py) and the command line
(core/commands.py) turn that into this message instead of a traceback.
"""

from django.db import OperationalError
from django.utils.translation import gettext as _

# SQLite says so in words; PostgreSQL gives the SQLSTATE of lock_not_available.
_SQLITE_BUSY = ("database is locked", "database table is locked")
_POSTGRESQL_LOCK_NOT_AVAILABLE = "55P03"


def is_database_busy(error: BaseException) -> bool:
    """Whether this error says that another writer held a lock past the busy timeout."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) == _POSTGRESQL_LOCK_NOT_AVAILABLE:
        return True
    return str(error).startswith(_SQLITE_BUSY)


def database_busy_message() -> str:
    """What a writer refused for a busy database reads, in the active language."""
    return _("Des données sont en cours d'importation; réessayez dans un moment.")
