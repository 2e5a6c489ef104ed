"""Writing CSV files to a temporary folder and running `consortium import` on them."""

from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


@dataclass
class Outcome:
    """What a person running the command sees."""

    imported: bool
    stdout: str
    stderr: str
    message: str = ""

    @property
    def error_lines(self) -> list[str]:
        return self.stderr.splitlines()


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[..., Path]:
    """Write a CSV file: `csv_file("name.csv", "a,b", "1,2")`, lines joined with a newline."""

    def write(name: str, *lines: str, bom: bool = False, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        text = "\n".join(lines) + "\n"
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
        return path

    return write


@pytest.fixture
def run_import() -> Callable[..., Outcome]:
    """Run `consortium import KIND FILE [ARGS]` and return what it printed."""

    def run(kind: str, path: Path, *args: str) -> Outcome:
        stdout, stderr = StringIO(), StringIO()
        try:
            call_command("import", kind, str(path), *args, stdout=stdout, stderr=stderr)
        except CommandError as error:
            return Outcome(False, stdout.getvalue(), stderr.getvalue(), str(error))
        return Outcome(True, stdout.getvalue(), stderr.getvalue())

    return run
