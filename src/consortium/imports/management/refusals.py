"""How the import commands say that a file was refused: the first errors on stderr, then one
`CommandError` that says nothing was imported (all-or-nothing)."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import CommandError, OutputWrapper
from django.db import IntegrityError, OperationalError
from django.utils.translation import gettext as _

from consortium.core.database import database_busy_message, is_database_busy
from consortium.imports.errors import ImportRefused

ERRORS_SHOWN = 200


@contextmanager
def refusals_reported(path: Path, stderr: OutputWrapper) -> Iterator[None]:
    """Turn an import's refusal, the database's own refusal or a busy database into a
    `CommandError` naming `path`, after writing the first `ERRORS_SHOWN` errors to `stderr`."""
    try:
        yield
    except ImportRefused as refused:
        for error in refused.errors[:ERRORS_SHOWN]:
            stderr.write(str(error))
        hidden = len(refused.errors) - ERRORS_SHOWN
        if hidden > 0:
            stderr.write(_("… et %(count)s autres erreurs non affichées.") % {"count": hidden})
        raise CommandError(
            _("%(file)s refusé : %(count)s erreur(s), rien n'a été importé.")
            % {"file": refused.file, "count": len(refused.errors)}
        ) from None
    except IntegrityError as error:
        # Only a concurrent write can get past the checks to the database's own guards.
        raise CommandError(
            _("%(file)s refusé par la base de données, rien n'a été importé : %(error)s")
            % {"file": path, "error": error}
        ) from None
    except OperationalError as error:
        if not is_database_busy(error):
            raise
        # Another import holds the database past the busy timeout: said in --lang.
        raise CommandError(database_busy_message()) from None
