"""The rows of an expert's week grid: added, taken out, and the mandates they pin to every week.

Rows hold no hours by themselves: adding one only keeps the mandate in that week's grid (after a
reload too), taking one out is refused while it holds hours, pinning keeps the mandate in every
week's grid while it is open. Only who may edit the expert's time may change them.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from consortium.accounts.access import can_edit_time_of
from consortium.mandates.models import Mandate
from consortium.staff.models import Expert
from consortium.timesheets.models import PinnedMandate, TimeEntry, WeekRow


def _check_may_edit(by, expert: Expert) -> None:
    if not can_edit_time_of(by, expert):
        raise PermissionDenied(
            _("Vous ne pouvez pas modifier les heures de %(expert)s.") % {"expert": expert}
        )


@transaction.atomic
def week_row_add(*, expert: Expert, week_start: dt.date, mandate: Mandate, by) -> WeekRow:
    """Place `mandate` in the expert's grid for the week, after the rows placed before it."""
    _check_may_edit(by, expert)
    rows = WeekRow.objects.select_for_update().filter(expert=expert, week_start=week_start)
    row = rows.filter(mandate=mandate).first()
    if row is not None and not row.hidden:
        return row
    last = rows.filter(hidden=False).aggregate(last=Max("position"))["last"]
    position = 0 if last is None else last + 1
    if row is None:
        row = WeekRow(expert=expert, week_start=week_start, mandate=mandate)
    row.hidden = False
    row.position = position
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def week_row_remove(*, expert: Expert, week_start: dt.date, mandate: Mandate, by) -> WeekRow:
    """Take `mandate` out of the expert's grid for the week; refused while it holds hours."""
    _check_may_edit(by, expert)
    has_hours = TimeEntry.objects.filter(
        expert=expert,
        mandate=mandate,
        date__range=(week_start, week_start + dt.timedelta(days=6)),
    ).exists()
    if has_hours:
        raise ValidationError(
            _("La ligne %(code)s a des heures cette semaine : videz ses cases avant de la retirer.")
            % {"code": mandate.code}
        )
    row, _created = WeekRow.objects.update_or_create(
        expert=expert, week_start=week_start, mandate=mandate, defaults={"hidden": True}
    )
    return row


@transaction.atomic
def mandate_pin_set(*, expert: Expert, mandate: Mandate, pinned: bool, by) -> bool:
    """Pin `mandate` to every week of the expert's grid, or unpin it; returns whether pinned."""
    _check_may_edit(by, expert)
    if pinned:
        pin = PinnedMandate(expert=expert, mandate=mandate)
        if not PinnedMandate.objects.filter(expert=expert, mandate=mandate).exists():
            pin.full_clean()
            pin.save()
    else:
        PinnedMandate.objects.filter(expert=expert, mandate=mandate).delete()
    return pinned
