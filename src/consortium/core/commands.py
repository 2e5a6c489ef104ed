"""The base of every `consortium` subcommand."""

from django.core.management.base import BaseCommand
from django.utils.functional import Promise


class TranslatedCommand(BaseCommand):
    """A command whose help is a lazy translation, in the language active when it is shown."""

    help_text: Promise | str = ""

    @property
    def help(self) -> str:  # argparse needs a str, not a lazy translation
        return str(self.help_text)
