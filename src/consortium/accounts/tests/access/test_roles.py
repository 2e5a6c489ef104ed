import pytest
from django.contrib.auth.models import AnonymousUser

from consortium.accounts.access import (
    can_approve_for,
    can_edit_time_of,
    can_lock_periods,
    can_read_audit_of,
    directed_departments,
)
from consortium.accounts.selectors import expert_for_user, user_roles
from consortium.testing.factories import DepartmentFactory, StaffRoleFactory, UserFactory

pytestmark = pytest.mark.django_db

PEOPLE = (
    "owner",
    "colleague",
    "director_elsewhere",
    "director",
    "finance",
    "administrator",
    "communications",
)


def _allowed(people, rule, with_expert: bool) -> set[str]:
    allowed = set()
    for name in PEOPLE:
        user = getattr(people, name)
        if rule(user, people.expert) if with_expert else rule(user):
            allowed.add(name)
    return allowed


def test_only_the_expert_themself_and_an_administrator_may_edit_their_time(people):
    assert _allowed(people, can_edit_time_of, True) == {"owner", "administrator"}


def test_only_the_director_of_the_experts_department_and_an_administrator_may_approve(people):
    assert _allowed(people, can_approve_for, True) == {"director", "administrator"}


def test_only_finance_and_an_administrator_may_lock_periods(people):
    assert _allowed(people, can_lock_periods, False) == {"finance", "administrator"}


def test_the_experts_director_finance_and_an_administrator_may_read_the_audit_trail(people):
    assert _allowed(people, can_read_audit_of, True) == {"director", "finance", "administrator"}


def test_a_director_never_approves_their_own_week(people):
    people.expert.user = people.director
    people.expert.save()
    assert not can_approve_for(people.director, people.expert)


def test_an_administrator_never_approves_their_own_week_either(people):
    people.expert.user = people.administrator
    people.expert.save()
    assert not can_approve_for(people.administrator, people.expert)


def test_a_superuser_counts_as_an_administrator(people):
    superuser = UserFactory(username="root", is_superuser=True)
    assert can_approve_for(superuser, people.expert)
    assert can_lock_periods(superuser)
    assert "administrator" in user_roles(superuser)


@pytest.mark.parametrize(
    "rule", [can_edit_time_of, can_approve_for, can_read_audit_of, lambda user, _expert: False]
)
def test_an_anonymous_or_inactive_user_may_do_nothing(people, rule):
    people.administrator.is_active = False
    people.owner.is_active = False
    for user in (AnonymousUser(), people.administrator, people.owner):
        assert not rule(user, people.expert)
    assert not can_lock_periods(AnonymousUser())


def test_user_roles_lists_every_role_a_user_holds():
    user = UserFactory()
    StaffRoleFactory(user=user, role="expert")
    StaffRoleFactory(user=user, role="director", director_of=[DepartmentFactory()])
    assert user_roles(user) == {"expert", "director"}


def test_directed_departments_lists_the_departments_a_director_directs():
    first, second = DepartmentFactory(), DepartmentFactory()
    director = StaffRoleFactory(role="director", director_of=[first, second]).user
    assert set(directed_departments(director)) == {first.pk, second.pk}
    assert set(directed_departments(StaffRoleFactory(role="finance").user)) == set()


def test_expert_for_user_finds_the_expert_a_user_is(people):
    assert expert_for_user(people.owner) == people.expert
    assert expert_for_user(people.finance) is None


@pytest.mark.parametrize(
    "rule", [can_edit_time_of, can_approve_for, can_read_audit_of], ids=lambda rule: rule.__name__
)
def test_each_access_rule_costs_at_most_one_query(people, rule, django_assert_max_num_queries):
    for name in PEOPLE:
        with django_assert_max_num_queries(1):
            rule(getattr(people, name), people.expert)


def test_the_role_selectors_cost_one_query_each(people, django_assert_num_queries):
    with django_assert_num_queries(1):
        user_roles(people.director)
    with django_assert_num_queries(1):
        set(directed_departments(people.director))
    with django_assert_num_queries(1):
        expert_for_user(people.owner)
    with django_assert_num_queries(1):
        can_lock_periods(people.finance)
