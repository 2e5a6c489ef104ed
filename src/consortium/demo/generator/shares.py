"""Whole-number arithmetic the plan relies on to hit its totals exactly."""

import datetime as dt
import random
from collections.abc import Sequence


def scaled(count: int, scale: float) -> int:
    """`count` at --scale `scale`: exact at 1, rounded otherwise."""
    return round(count * scale)


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split `total` into whole parts proportional to `weights` that add up to exactly `total`.

    Largest remainders; ties go to the earlier weight, so the split is deterministic.
    """
    weight_sum = sum(weights)
    if total == 0 or not weights:
        return [0] * len(weights)
    if weight_sum <= 0:
        raise ValueError("apportion needs at least one positive weight")
    quotas = [total * weight / weight_sum for weight in weights]
    parts = [int(quota) for quota in quotas]
    short = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (parts[i] - quotas[i], i))
    for i in order[:short]:
        parts[i] += 1
    return parts


def random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def weighted_choice(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def random_weekday(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A random Monday-to-Friday between `first` and `last` (or `last` if none is)."""
    for _attempt in range(20):
        day = random_day(rng, first, last)
        if day.weekday() < 5:
            return day
    return last
