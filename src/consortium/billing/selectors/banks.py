"""The hour banks a mandate's page shows: those of the organisation it serves, in the
programmes that cover its mandate type."""

from consortium.billing.models import Programme
from consortium.billing.selectors.programmes import BankBalance, bank_balances
from consortium.mandates.models import Mandate


def mandate_bank_balances(mandate: Mandate) -> list[BankBalance]:
    """The served organisation's banks in the programmes covering the mandate's type: the
    queries of `bank_balances` for one organisation, and one more."""
    covering = set(
        Programme.objects.filter(mandate_types=mandate.mandate_type_id).values_list("pk", flat=True)
    )
    if not covering:
        return []
    return [
        bank
        for bank in bank_balances(organisation_ids=[mandate.organisation_id])
        if bank.programme.pk in covering
    ]
