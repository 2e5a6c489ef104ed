"""The people every access rule is tested against, around one expert of one department.

The owner is an expert of department CPT, directed by `director`; `colleague` is an expert of
CPT too. `outsider` is an expert of department RH, directed by `director_elsewhere`. `finance`,
`administrator` and `communications` hold those roles and are no expert.

The outsider is there only when asked for (`add_outsider`, the `outsider` fixture, the scene):
an expert more would change the figures of the tests that count experts.
"""

from dataclasses import dataclass

from django.contrib.auth.models import User

from consortium.staff.models import Department, Expert
from consortium.testing.factories import (
    DepartmentFactory,
    ExpertFactory,
    StaffRoleFactory,
    UserFactory,
)


@dataclass
class People:
    expert: Expert
    owner: User
    colleague: User
    colleague_expert: Expert
    director_elsewhere: User
    director: User
    finance: User
    administrator: User
    communications: User
    outsider: User | None = None
    outsider_expert: Expert | None = None

    @property
    def department(self) -> Department:
        """CPT, the owner's department."""
        return self.expert.department


def make_people() -> People:
    department = DepartmentFactory(code="CPT")
    owner = UserFactory(username="owner")
    expert = ExpertFactory(department=department, user=owner)
    colleague = UserFactory(username="colleague")
    colleague_expert = ExpertFactory(department=department, user=colleague)
    StaffRoleFactory(user=owner, role="expert")
    StaffRoleFactory(user=colleague, role="expert")
    elsewhere = DepartmentFactory(code="RH")
    director_elsewhere = StaffRoleFactory(
        user=UserFactory(username="director_elsewhere"), role="director", director_of=[elsewhere]
    ).user
    director = StaffRoleFactory(
        user=UserFactory(username="director"), role="director", director_of=[department]
    ).user
    finance = StaffRoleFactory(user=UserFactory(username="finance"), role="finance").user
    administrator = StaffRoleFactory(
        user=UserFactory(username="administrator"), role="administrator"
    ).user
    communications = StaffRoleFactory(
        user=UserFactory(username="communications"), role="communications"
    ).user
    return People(
        expert=expert,
        owner=owner,
        colleague=colleague,
        colleague_expert=colleague_expert,
        director_elsewhere=director_elsewhere,
        director=director,
        finance=finance,
        administrator=administrator,
        communications=communications,
    )


def add_outsider(people: People) -> User:
    """Adds `outsider`, an expert of department RH, to the people; returns their user."""
    if people.outsider is None:
        people.outsider = UserFactory(username="outsider")
        people.outsider_expert = ExpertFactory(
            department=DepartmentFactory(code="RH"), user=people.outsider
        )
        StaffRoleFactory(user=people.outsider, role="expert")
    return people.outsider
