import subprocess
import sys

import pytest

COMMANDS = {
    "kpis": "indicateurs",
    "import": "tout le fichier, ou rien",
    "demo-data": "centre de démonstration",
    "demo": "Prépare la démo",
}


@pytest.mark.parametrize(("command", "french"), COMMANDS.items())
def test_every_command_explains_itself_in_french(command, french):
    result = subprocess.run(
        [sys.executable, "-m", "consortium.cli", command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: consortium" in result.stdout
    assert french in " ".join(result.stdout.split())
