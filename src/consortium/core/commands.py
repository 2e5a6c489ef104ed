"""The base of every `consortium` subcommand."""

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError
from django.utils.functional import Promise

from consortium.core.database import database_busy_message, is_database_busy


class TranslatedCommand(BaseCommand):
    """A command whose help is a lazy translation, in the language active when it is shown,
    and which says "try again" rather than printing a traceback when the database is busy."""

    help_text: Promise | str = ""

    @property
    def help(self) -> str:  # argparse needs a str, not a lazy translation
        return str(self.help_text)

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except OperationalError as error:
            if not is_database_busy(error):
                raise
            raise CommandError(database_busy_message()) from None
