"""Demo treasury: the demo member organisation (MPEESAD, La mutuelle de prévention des EÉSAD)
has a treasury plan whose summer is lean (months 4 to 6, July to September, each lose
35 000 $) and an investment policy adopted in French. Its contact `membre` signs for them when
the portal's demo has created that login; otherwise they are the organisation's alone.

The figures do not depend on --scale or the seed: they are the example a new contact reads.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from consortium.members.models import Organisation
from consortium.treasury.models import InvestmentPolicy, TreasuryPlan
from consortium.treasury.services import (
    ProjectInput,
    investment_policy_adopt,
    investment_policy_draft,
    investment_policy_section_update,
    treasury_plan_flows_save,
    treasury_plan_projects_save,
    treasury_plan_save,
)

ORGANISATION = "MPEESAD"
CONTACT = "membre"
AS_OF = dt.date(2022, 4, 1)
LEAN_MONTHS = {4, 5, 6}  # July, August, September
PROJECTS = [
    ("Renouvellement du parc informatique", Decimal("25000"), dt.date(2022, 11, 1)),
    ("Refonte du site Web et de la formation en ligne", Decimal("60000"), dt.date(2024, 9, 1)),
    ("Achat de locaux", Decimal("250000"), dt.date(2028, 6, 1)),
]


def write(context) -> dict[str, int]:
    organisation = Organisation.objects.filter(code=ORGANISATION).first()
    if organisation is None:  # a demo built without the registry's members
        return {"treasury_plans": 0, "investment_policies": 0}
    contact = get_user_model().objects.filter(username=CONTACT).first()
    plan = treasury_plan_save(
        organisation=organisation,
        by=contact,
        as_of=AS_OF,
        annual_expenses=Decimal("840000"),
        cash=Decimal("185000"),
        short_term_investments=Decimal("120000"),
        restricted_funds=Decimal("60000"),
        largest_source_pct=Decimal("62"),
        grants_pct=Decimal("35"),
    )
    treasury_plan_flows_save(
        plan=plan,
        by=contact,
        flows=[
            (Decimal("35000"), Decimal("70000"))
            if month in LEAN_MONTHS
            else (Decimal("75000"), Decimal("70000"))
            for month in range(1, 13)
        ],
    )
    treasury_plan_projects_save(
        plan=plan,
        by=contact,
        projects=[ProjectInput(name, amount, day) for name, amount, day in PROJECTS],
    )
    draft = investment_policy_draft(organisation=organisation, by=contact, language="fr", plan=plan)
    investment_policy_section_update(
        policy=draft,
        by=contact,
        key="review",
        paragraphs=[
            "La politique est révisée chaque année par le comité des finances, avant "
            "l'assemblée générale annuelle, avec le plan de trésorerie de l'exercice.",
            "Elle l'est aussi dès qu'un changement important touche les revenus de la "
            "mutuelle, ses charges ou ses projets.",
        ],
    )
    investment_policy_adopt(policy=draft, by=contact, adopted_on=dt.date(2022, 6, 15))
    return {"treasury_plans": 1, "investment_policies": 1}


def delete() -> None:
    """The area's demo rows, for a rebuilt demo."""
    InvestmentPolicy.objects.all().delete()
    TreasuryPlan.objects.all().delete()
