"""The ledger's figures for a period, as `consortium kpis --format json` prints them."""

import json

from django.utils.translation import gettext as _
from ninja import Router

from consortium.accounts.access import request_holds
from consortium.accounts.models import RoleKind
from consortium.api.errors import ApiError
from consortium.api.models import Scope
from consortium.api.schemas import Day
from consortium.api.security import require_scope
from consortium.core.fiscal_years import Period
from consortium.kpis.formatting import kpis_as_json
from consortium.kpis.selectors import ledger_kpis

router = Router(tags=["kpis"])

# Those who read the centre's figures on the dashboard.
CENTRE_ROLES = (
    RoleKind.DIRECTOR,
    RoleKind.FINANCE,
    RoleKind.COMMUNICATIONS,
    RoleKind.ADMINISTRATOR,
)


@router.get("/kpis", response=dict)
def kpis_read(request, date_from: Day, date_to: Day):
    """Hours, enterprises reached, members and staff from `date_from` to `date_to` included."""
    require_scope(request, Scope.KPIS_READ)
    if not request_holds(request, CENTRE_ROLES):
        raise ApiError(
            403,
            _(
                "Les indicateurs du centre sont réservés à la direction, aux finances "
                "et aux communications."
            ),
        )
    if date_to < date_from:
        raise ApiError(
            422,
            _("La demande est refusée : voyez chaque champ dans « errors »."),
            errors=[
                {
                    "field": "query.date_to",
                    "message": _("La période se termine avant de commencer."),
                }
            ],
        )
    return json.loads(kpis_as_json(ledger_kpis(Period(date_from, date_to))))
