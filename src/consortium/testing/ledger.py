"""A small ledger whose every figure is known by hand, around the people of `make_people()`.

Fiscal years from April: 2020-2021 against 2019-2020.

| expert    | department | mandate (department, type, organisation) | day        | hours |
|-----------|------------|------------------------------------------|------------|-------|
| owner     | CPT        | alpha (CPT, DEL, Coop Alpha)             | 2020-06-01 | 7     |
| owner     | CPT        | alpha                                    | 2020-06-02 | 3.5   |
| owner     | CPT        | alpha                                    | 2019-06-03 | 5     |
| colleague | CPT        | beta (RH, FOR, Coop Bêta)                | 2020-07-06 | 4     |
| colleague | CPT        | beta                                     | 2019-07-08 | 10    |

2020-2021: CPT 10.5 h, RH 4 h (14.5 h); 2019-2020: CPT 5 h, RH 10 h (15 h).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from consortium.mandates.models import Mandate
from consortium.staff.models import Expert
from consortium.testing.factories import (
    DepartmentFactory,
    FiscalYearFactory,
    MandateFactory,
    MandateTypeFactory,
    OrganisationFactory,
    TimeEntryFactory,
)
from consortium.testing.people import People, make_people

YEAR = "2020-2021"
PRIOR_YEAR = "2019-2020"


@dataclass
class Ledger:
    people: People
    colleague_expert: Expert
    alpha: Mandate
    beta: Mandate


def make_ledger(people: People | None = None) -> Ledger:
    people = people or make_people()
    FiscalYearFactory(name=YEAR)
    FiscalYearFactory(name=PRIOR_YEAR)
    accounting = DepartmentFactory(code="CPT", name_fr="Comptabilité", name_en="Accounting")
    human_resources = DepartmentFactory(
        code="RH", name_fr="Ressources humaines", name_en="Human resources"
    )
    accounting.name_fr, accounting.name_en = "Comptabilité", "Accounting"
    accounting.save()
    human_resources.name_fr, human_resources.name_en = "Ressources humaines", "Human resources"
    human_resources.save()
    alpha = MandateFactory(
        code="ALPHA",
        department=accounting,
        mandate_type=MandateTypeFactory(code="DEL", name_fr="Gestion déléguée"),
        organisation=OrganisationFactory(name="Coop Alpha"),
    )
    beta = MandateFactory(
        code="BETA",
        department=human_resources,
        mandate_type=MandateTypeFactory(code="FOR", name_fr="Formation"),
        organisation=OrganisationFactory(name="Coop Bêta"),
    )
    colleague_expert = people.colleague_expert
    for expert, mandate, day, hours in [
        (people.expert, alpha, dt.date(2020, 6, 1), "7"),
        (people.expert, alpha, dt.date(2020, 6, 2), "3.5"),
        (people.expert, alpha, dt.date(2019, 6, 3), "5"),
        (colleague_expert, beta, dt.date(2020, 7, 6), "4"),
        (colleague_expert, beta, dt.date(2019, 7, 8), "10"),
    ]:
        TimeEntryFactory(expert=expert, mandate=mandate, date=day, hours=Decimal(hours))
    return Ledger(people=people, colleague_expert=colleague_expert, alpha=alpha, beta=beta)


def add_more_of_everything(count: int = 5) -> None:
    """More departments, mandates, organisations, experts and entries in both years: a page's
    query count must not change with them."""
    for number in range(count):
        department = DepartmentFactory()
        mandate = MandateFactory(department=department)
        for day in (dt.date(2020, 5, 4 + number), dt.date(2019, 5, 6 + number)):
            TimeEntryFactory(mandate=mandate, date=day, expert__department=department)
