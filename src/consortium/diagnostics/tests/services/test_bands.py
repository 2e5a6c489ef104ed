"""Bands are replaced all together, and only by a set that covers 0-100 %."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from consortium.diagnostics.services import bands_replace
from consortium.diagnostics.tests.builders import make_questionnaire

pytestmark = pytest.mark.django_db


def band(lower, upper, label="Palier"):
    return {"lower_pct": D(lower), "upper_pct": D(upper), "label_fr": label}


def test_bands_covering_zero_to_a_hundred_replace_the_old_ones():
    built = make_questionnaire()
    bands_replace(questionnaire=built.questionnaire, bands=[band(0, 60), band(60, 100)])
    assert [(b.lower_pct, b.upper_pct) for b in built.questionnaire.bands.all()] == [
        (0, 60),
        (60, 100),
    ]


def test_a_gap_leaves_the_bands_as_they_were():
    built = make_questionnaire()
    with pytest.raises(ValidationError, match="Il manque un palier"):
        bands_replace(questionnaire=built.questionnaire, bands=[band(0, 50), band("50.01", 100)])
    assert built.questionnaire.bands.count() == 3
