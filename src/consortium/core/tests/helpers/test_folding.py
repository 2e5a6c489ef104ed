"""French search and sort: the folded text both databases compare (core.folding)."""

import pytest

from consortium.core.folding import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Coopérative", "cooperative"),
        ("ÉCOLE", "ecole"),
        ("Œuvre de Noël", "oeuvre de noel"),
        ("Çà et là", "ca et la"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_lowers_and_drops_accents(text, folded):
    assert fold(text) == folded
