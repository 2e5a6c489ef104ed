"""The people every access rule is tested against, around one expert of one department."""

from dataclasses import dataclass

from consortium.factories import DepartmentFactory, ExpertFactory, StaffRoleFactory, UserFactory
from consortium.staff.models import Expert


@dataclass
class People:
    expert: Expert
    owner: object
    colleague: object
    director_elsewhere: object
    director: object
    finance: object
    administrator: object
    communications: object


def make_people() -> People:
    department = DepartmentFactory(code="CPT")
    owner = UserFactory(username="owner")
    expert = ExpertFactory(department=department, user=owner)
    colleague = UserFactory(username="colleague")
    ExpertFactory(department=department, user=colleague)
    StaffRoleFactory(user=owner, role="expert")
    StaffRoleFactory(user=colleague, role="expert")
    return People(
        expert=expert,
        owner=owner,
        colleague=colleague,
        director_elsewhere=StaffRoleFactory(
            user=UserFactory(username="director_elsewhere"),
            role="director",
            director_of=[DepartmentFactory(code="RH")],
        ).user,
        director=StaffRoleFactory(
            user=UserFactory(username="director"), role="director", director_of=[department]
        ).user,
        finance=StaffRoleFactory(user=UserFactory(username="finance"), role="finance").user,
        administrator=StaffRoleFactory(
            user=UserFactory(username="administrator"), role="administrator"
        ).user,
        communications=StaffRoleFactory(
            user=UserFactory(username="communications"), role="communications"
        ).user,
    )
