"""A questionnaire's bands cover 0-100 % with no gap and no overlap."""

from decimal import Decimal as D

from consortium.diagnostics.rules import band_problems
from consortium.diagnostics.scoring import BandBounds


def problems_of(*bounds):
    """The problems, with plain spaces for the no-break ones French puts before %."""
    return [problem.replace("\u00a0", " ") for problem in band_problems(bands(*bounds))]


def bands(*bounds):
    return [BandBounds(D(lower), D(upper)) for lower, upper in bounds]


def test_bands_covering_zero_to_a_hundred_pass():
    assert band_problems(bands(("0", "50"), ("50", "75"), ("75", "100"))) == []
    assert band_problems(bands(("75", "100"), ("0", "75"))) == []


def test_a_gap_is_named():
    problems = problems_of(("0", "50"), ("50.01", "100"))
    assert problems == ["Il manque un palier de 50,00 % à 50,01 %."]


def test_an_overlap_is_named():
    problems = problems_of(("0", "50.01"), ("50", "100"))
    assert problems == ["Les paliers se chevauchent de 50,00 % à 50,01 %."]


def test_bands_must_start_at_zero_and_end_at_a_hundred():
    assert problems_of(("0.01", "100")) == [
        "Aucun palier ne commence à 0 % (le premier commence à 0,01 %)."
    ]
    assert problems_of(("0", "99.99")) == [
        "Aucun palier ne finit à 100 % (le dernier finit à 99,99 %)."
    ]


def test_no_band_at_all_is_refused():
    assert band_problems([]) != []
