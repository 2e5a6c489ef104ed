"""The badge class the templates give each utilisation band."""

from decimal import Decimal

import pytest

from consortium.dashboards.selectors.utilisation import (
    FULL_UTILISATION,
    LOW_UTILISATION,
    UtilisationBand,
    utilisation_band,
)
from consortium.dashboards.templatetags.utilisation import utilisation_badge


@pytest.mark.parametrize(
    ("rate", "band", "badge"),
    [
        (LOW_UTILISATION - Decimal("0.1"), UtilisationBand.LOW, "warn"),
        (LOW_UTILISATION, UtilisationBand.NORMAL, "ok"),
        (FULL_UTILISATION, UtilisationBand.NORMAL, "ok"),
        (FULL_UTILISATION + Decimal("0.1"), UtilisationBand.OVER, "bad"),
        (None, None, ""),
    ],
)
def test_a_rate_has_a_band_and_the_band_its_badge(rate, band, badge):
    assert utilisation_band(rate) is band
    assert utilisation_badge(band) == badge
