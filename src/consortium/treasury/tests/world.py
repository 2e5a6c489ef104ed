"""A treasury plan as the tests build it: the seasonal year of tests/figures (lowest in month 7)
for an organisation, with `projects` projects."""

import datetime as dt
from decimal import Decimal as D

from consortium.treasury.services import (
    ProjectInput,
    treasury_plan_flows_save,
    treasury_plan_projects_save,
    treasury_plan_save,
)

AS_OF = dt.date(2026, 4, 1)
SEASONAL = [
    (D("20000"), D("110000")) if month == 7 else (D("100000"), D("90000")) for month in range(1, 13)
]


def seasonal_plan(organisation, by=None, projects: int = 2):
    plan = treasury_plan_save(
        organisation=organisation,
        by=by,
        as_of=AS_OF,
        annual_expenses=D("1200000"),
        cash=D("150000"),
        short_term_investments=D("50000"),
        restricted_funds=D("30000"),
        largest_source_pct=D("55"),
        grants_pct=D("65"),
    )
    treasury_plan_flows_save(plan=plan, by=by, flows=SEASONAL)
    treasury_plan_projects_save(
        plan=plan,
        by=by,
        projects=[
            ProjectInput(f"Projet {number}", D("10000"), dt.date(2026 + number % 8, 6, 1))
            for number in range(1, projects + 1)
        ],
    )
    return plan
