"""The mandates every mandate and organisation page is tested against, around `make_people()`.

The expert (owner) and their colleague work in department CPT (Comptabilité), whose director is
`director`; `outsider` is an expert of department RH (Ressources humaines), directed by
`director_elsewhere`. Mandate M-CPT (of CPT, 100 h budget) has 60 h logged by the expert (30 h
in May 2020, 30 h in June, the last on 2020-06-04); M-RH (of RH) has none of theirs.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User

from consortium.mandates.models import Mandate
from consortium.members.models import Organisation
from consortium.staff.models import Department, Expert
from consortium.testing.factories import (
    DepartmentFactory,
    MandateFactory,
    MandateTypeFactory,
    OrganisationFactory,
    TimeEntryFactory,
)
from consortium.testing.people import People, add_outsider, make_people


@dataclass
class Scene:
    people: People
    department: Department
    elsewhere: Department
    organisation: Organisation
    mandate: Mandate
    other_mandate: Mandate

    @property
    def outsider(self) -> User:
        return self.people.outsider

    @property
    def outsider_expert(self) -> Expert:
        return self.people.outsider_expert


def make_scene(people: People | None = None) -> Scene:
    people = people or make_people()
    department = people.department
    department.name_fr, department.name_en = "Comptabilité", "Accounting"
    department.save()
    elsewhere = DepartmentFactory(code="RH")
    elsewhere.name_fr, elsewhere.name_en = "Ressources humaines", "HR"
    elsewhere.save()
    add_outsider(people)
    organisation = OrganisationFactory(code="FJORD", name="Coopérative du Fjord")
    mandate = MandateFactory(
        code="M-CPT",
        title="Tenue de livres",
        organisation=organisation,
        department=department,
        mandate_type=MandateTypeFactory(code="GD", name_fr="Gestion déléguée", name_en="Managed"),
        start=dt.date(2020, 4, 1),
        budget_hours=Decimal("100"),
    )
    other_mandate = MandateFactory(
        code="M-RH",
        title="Politique salariale",
        organisation=organisation,
        department=elsewhere,
        mandate_type=MandateTypeFactory(code="ACC", name_fr="Accompagnement", name_en="Support"),
        start=dt.date(2020, 5, 1),
    )
    # 30 h in May 2020 and 30 h in June 2020, the last on June 4.
    for first_day in (dt.date(2020, 5, 4), dt.date(2020, 6, 1)):
        for offset in range(4):
            TimeEntryFactory(
                expert=people.expert,
                mandate=mandate,
                date=first_day + dt.timedelta(days=offset),
                hours=Decimal("7.5"),
            )
    return Scene(
        people=people,
        department=department,
        elsewhere=elsewhere,
        organisation=organisation,
        mandate=mandate,
        other_mandate=other_mandate,
    )
