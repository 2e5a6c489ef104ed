"""Which hourly rate applies to an hour of service: `RateBook` answers for many entries at once.

The order, most specific first, for the rates valid on the entry's date (`valid_from` ≤ date ≤
`valid_until`, or no end) in the category of the organisation that pays:

1. the mandate's own hourly rate, if it has one (a fixed fee is billed once, not by the hour);
2. a rate for the mandate type and the expert's role;
3. a rate for the mandate type, any role;
4. a rate for the expert's role, any mandate type;
5. the category's rate, any type and role.

The category is that of the paying organisation's membership on the entry's date, or
`non_member` when it had none that day: a rate change, or a change of category, applies to the
hours dated from its first day only. Two rates of one category, type and role never overlap in
time (billing.services.rates, and triggers), so each step finds at most one.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Q

from consortium.billing.models import NON_MEMBER, Rate
from consortium.members.models import Membership


class RateBook:
    """The rate table and the memberships of some organisations, loaded in two queries."""

    def __init__(self, organisation_ids: Iterable[int], start: dt.date, end: dt.date):
        self._rates: dict[tuple, list[Rate]] = defaultdict(list)
        for rate in Rate.objects.filter(valid_from__lte=end).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=start)
        ):
            key = (rate.member_category, rate.mandate_type_id, rate.expert_role or None)
            self._rates[key].append(rate)
        self._memberships: dict[int, list[tuple]] = defaultdict(list)
        rows = (
            Membership.objects.filter(organisation_id__in=set(organisation_ids), start__lte=end)
            .filter(Q(end__isnull=True) | Q(end__gte=start))
            .values_list("organisation_id", "start", "end", "category")
        )
        for organisation, first, last, category in rows:
            self._memberships[organisation].append((first, last, category))

    def category(self, organisation_id: int, day: dt.date) -> str:
        """The paying organisation's member category on `day`, or "non_member"."""
        for first, last, category in self._memberships.get(organisation_id, ()):
            if first <= day and (last is None or day <= last):
                return category
        return NON_MEMBER

    def rate(
        self, category: str, mandate_type_id: int | None, role: str, day: dt.date
    ) -> Rate | None:
        """The most specific rate valid on `day`, or None when the table has none."""
        for key in (
            (category, mandate_type_id, role or None),
            (category, mandate_type_id, None),
            (category, None, role or None),
            (category, None, None),
        ):
            for rate in self._rates.get(key, ()):
                if rate.valid_from <= day and (rate.valid_until is None or day <= rate.valid_until):
                    return rate
        return None

    def hourly_rate(
        self,
        *,
        payer_id: int,
        mandate_type_id: int,
        role: str,
        day: dt.date,
        mandate_rate: Decimal | None = None,
    ) -> Decimal | None:
        """The rate of one hour: the mandate's own, else the table's; None when neither has one."""
        if mandate_rate is not None:
            return mandate_rate
        rate = self.rate(self.category(payer_id, day), mandate_type_id, role, day)
        return None if rate is None else rate.hourly_rate
