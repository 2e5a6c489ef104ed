"""The `consortium` command: one CLI for everything a person does from a terminal.

Subcommands are Django management commands; a hyphen in a subcommand name stands for an
underscore (`consortium demo-data` runs the `demo_data` command).
"""

import os
import sys

ALIASES = {"serve": "runserver"}
# Building the demo is the demo, wherever it is run from: it may make its own secret key under
# var/ (consortium/secret_key.py). Serving it is not: `make demo` and `make serve` say so.
DEMO_COMMANDS = {"demo", "demo-data", "demo_data"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "consortium"
    if len(argv) > 1 and argv[1] in DEMO_COMMANDS:
        os.environ.setdefault("CONSORTIUM_DEMO", "1")
    if len(argv) > 1 and not argv[1].startswith("-"):
        name = argv[1]
        argv[1] = ALIASES.get(name, name.replace("-", "_"))
    try:
        settings.SECRET_KEY  # noqa: B018 (reading it loads the settings)
    except ImproperlyConfigured as error:
        # What to set, said plainly: not a traceback through Django's start-up.
        sys.exit(f"consortium: {error}")
    from django.db import OperationalError

    from consortium.core.database import database_busy_message, is_database_busy

    try:
        execute_from_command_line(argv)
    except OperationalError as error:
        # Any command (Django's own too, `migrate`) meeting a database another writer keeps busy
        # past the busy timeout: what to do, not a traceback.
        if not is_database_busy(error):
            raise
        sys.exit(f"consortium: {database_busy_message()}")


if __name__ == "__main__":
    main()
