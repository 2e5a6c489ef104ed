"""Pure rules of governance: a body's quorum."""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Quorum:
    seats: int
    present: int
    needed: int

    @property
    def is_met(self) -> bool:
        return self.present >= self.needed


def seats_needed(seats: int, share: float) -> int:
    """More than `share` of the seats: 5 of 9 and 6 of 10 for a half."""
    return math.floor(seats * share) + 1 if seats else 0


def quorum_of(*, seats: int, present: int, share: float | None) -> Quorum | None:
    """The quorum of a body with `seats` seats, `present` of them filled at the meeting; None when
    the body has no quorum rule or no seat."""
    if share is None or seats == 0:
        return None
    return Quorum(seats=seats, present=present, needed=seats_needed(seats, share))
