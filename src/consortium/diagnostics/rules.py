"""Checks across rows, with no database: a questionnaire's bands cover 0-100 % with no gap and
no overlap."""

from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from django.utils.translation import gettext as _

from consortium.core.formatting import percent
from consortium.diagnostics.scoring import BandBounds

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def band_problems(bands: Sequence[BandBounds]) -> list[str]:
    """What is wrong with these bands, in words (empty when they cover 0-100 % exactly)."""
    if not bands:
        return [_("Les paliers doivent couvrir de 0 % à 100 % : il n'y en a aucun.")]
    problems = []
    ordered = sorted(bands, key=lambda band: (band.lower, band.upper))
    for band in ordered:
        if not ZERO <= band.lower < band.upper <= HUNDRED:
            problems.append(
                _(
                    "Le palier de %(lower)s à %(upper)s ne va pas d'un pourcentage à un "
                    "plus grand entre 0 et 100."
                )
                % {"lower": percent(band.lower, 2), "upper": percent(band.upper, 2)}
            )
    if ordered[0].lower != ZERO:
        problems.append(
            _("Aucun palier ne commence à 0 %% (le premier commence à %(lower)s).")
            % {"lower": percent(ordered[0].lower, 2)}
        )
    if ordered[-1].upper != HUNDRED:
        problems.append(
            _("Aucun palier ne finit à 100 %% (le dernier finit à %(upper)s).")
            % {"upper": percent(ordered[-1].upper, 2)}
        )
    for before, after in pairwise(ordered):
        if after.lower > before.upper:
            problems.append(
                _("Il manque un palier de %(start)s à %(end)s.")
                % {"start": percent(before.upper, 2), "end": percent(after.lower, 2)}
            )
        elif after.lower < before.upper:
            problems.append(
                _("Les paliers se chevauchent de %(start)s à %(end)s.")
                % {
                    "start": percent(after.lower, 2),
                    "end": percent(min(before.upper, after.upper), 2),
                }
            )
    return problems
