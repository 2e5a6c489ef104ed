"""The `consortium` command: one CLI for everything a person does from a terminal.

Subcommands are Django management commands; a hyphen in a subcommand name stands for an
underscore (`consortium demo-data` runs the `demo_data` command).
"""

import os
import sys

ALIASES = {"serve": "runserver"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "consortium"
    if len(argv) > 1 and not argv[1].startswith("-"):
        name = argv[1]
        argv[1] = ALIASES.get(name, name.replace("-", "_"))
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
