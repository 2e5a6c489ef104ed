"""Each object type's reach, helper and query cost, as every kind of user: the expert (owner),
a colleague of their department, an outsider (expert of another department), a director of
another department, the expert's director, finance, communications, an administrator and an
anonymous visitor."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from consortium.accounts import access
from consortium.testing.factories import (
    DepartmentFactory,
    ExpertFactory,
    MandateFactory,
    OrganisationFactory,
    StaffRoleFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
    UserFactory,
)
from consortium.testing.people import make_people

pytestmark = pytest.mark.django_db

# The ledger's models, handed to accounts' rules as the ledger's callers do; named through the
# factories since accounts (and its tests) sit below the ledger.
TimesheetWeek = TimesheetWeekFactory._meta.get_model_class()
TimeEntry = TimeEntryFactory._meta.get_model_class()
WEEKS = TimesheetWeek.objects
ENTRIES = TimeEntry.objects

EVERYONE = (
    "owner",
    "colleague",
    "outsider",
    "director_elsewhere",
    "director",
    "finance",
    "communications",
    "administrator",
    "anonymous",
)
STAFF = set(EVERYONE) - {"anonymous"}


@dataclass
class World:
    users: dict
    expert: object
    week: object
    entry: object
    mandate: object
    organisation: object


@pytest.fixture
def world() -> World:
    people = make_people()
    outsider = UserFactory(username="outsider")
    ExpertFactory(department=DepartmentFactory(code="TI"), user=outsider)
    StaffRoleFactory(user=outsider, role="expert")
    users = {name: getattr(people, name, None) for name in EVERYONE}
    users["outsider"] = outsider
    users["anonymous"] = AnonymousUser()
    mandate = MandateFactory(department=people.expert.department)
    return World(
        users=users,
        expert=people.expert,
        week=TimesheetWeekFactory(
            expert=people.expert,
            week_start=dt.date(2020, 6, 1),
            status="submitted",
            submitted_at=timezone.now(),
        ),
        entry=TimeEntryFactory(expert=people.expert, mandate=mandate, date=dt.date(2020, 6, 1)),
        mandate=mandate,
        organisation=mandate.organisation,
    )


def _among(rule, model):
    """`rule` for the rows of `model` (the ledger's models are handed to accounts' rules)."""
    return lambda user: rule(user, among=model.objects.all())


def _holding(world: World, queryset_of, target) -> set[str]:
    """Who finds `target` in the queryset `queryset_of(user)` returns."""
    return {
        name
        for name, user in world.users.items()
        if queryset_of(user).filter(pk=target.pk).exists()
    }


def _reaching(world: World, helper) -> dict[str, str]:
    """What `helper(user)` does for each user: "ok", "404" or "403"."""
    outcomes = {}
    for name, user in world.users.items():
        try:
            helper(user)
        except Http404:
            outcomes[name] = "404"
        except PermissionDenied:
            outcomes[name] = "403"
        else:
            outcomes[name] = "ok"
    return outcomes


def _only(outcome: str, names: set[str], otherwise: str) -> dict[str, str]:
    return {name: outcome if name in names else otherwise for name in EVERYONE}


# --- the one directed-departments subquery ------------------------------------------------------


def test_a_directors_departments_are_read_in_the_statement_that_filters_on_them(
    world, django_assert_num_queries
):
    director = world.users["director"]
    with django_assert_num_queries(1):
        directed = list(
            access.weeks_approvable_by(director, among=WEEKS.all(), roles={"director"}).values_list(
                "pk", flat=True
            )
        )
    assert directed == [world.week.pk]
    assert set(access.directed_departments(director)) == {world.expert.department_id}
    assert set(access.directed_departments(world.users["finance"])) == set()


# --- weeks ---------------------------------------------------------------------------------------


def test_the_experts_director_and_an_administrator_may_approve_the_week(world):
    assert _holding(world, _among(access.weeks_approvable_by, TimesheetWeek), world.week) == {
        "director",
        "administrator",
    }


def test_the_week_is_seen_by_its_expert_its_director_and_the_centres_figure_readers(world):
    assert _holding(world, _among(access.weeks_visible_to, TimesheetWeek), world.week) == {
        "owner",
        "director",
        "finance",
        "communications",
        "administrator",
    }


def test_the_review_page_of_a_week_is_a_404_for_whoever_may_not_approve_it(world):
    outcomes = _reaching(
        world, lambda user: access.week_for_approval(user, world.week.pk, among=WEEKS.all())
    )
    assert outcomes == _only("ok", {"director", "administrator"}, "404")


def test_a_week_that_does_not_exist_is_a_404_even_for_an_administrator(world):
    with pytest.raises(Http404):
        access.week_for_approval(
            world.users["administrator"], world.week.pk + 1000, among=WEEKS.all()
        )


def test_nobody_may_approve_their_own_week(world):
    world.expert.user = world.users["director"]
    world.expert.save()
    assert not access.weeks_approvable_by(world.users["director"], among=WEEKS.all()).exists()
    with pytest.raises(Http404):
        access.week_for_approval(world.users["director"], world.week.pk, among=WEEKS.all())


def test_a_week_is_decided_in_the_departments_its_reviewer_directs(world):
    reviewed = {
        name: {department.code for department in access.departments_reviewed_by(user)}
        for name, user in world.users.items()
    }
    assert reviewed["director"] == {"CPT"}
    assert reviewed["director_elsewhere"] == {"RH"}
    assert reviewed["administrator"] == {"CPT", "RH", "TI"}
    assert {name for name, codes in reviewed.items() if codes} == {
        "director",
        "director_elsewhere",
        "administrator",
    }


def test_only_directors_and_administrators_approve_weeks_at_all():
    assert access.may_approve_weeks({"director"})
    assert access.may_approve_weeks({"administrator"})
    assert not access.may_approve_weeks({"finance", "communications", "expert"})


def test_a_week_for_approval_costs_two_queries_and_one_with_the_roles(
    world, django_assert_num_queries
):
    director = world.users["director"]
    with django_assert_num_queries(2):
        assert (
            access.week_for_approval(
                director, world.week.pk, among=WEEKS.all()
            ).expert.department.code
            == "CPT"
        )
    with django_assert_num_queries(1):
        access.week_for_approval(director, world.week.pk, among=WEEKS.all(), roles={"director"})


# --- time entries -------------------------------------------------------------------------------


def test_an_entry_is_read_by_its_expert_and_those_who_read_their_audit_trail(world):
    assert _holding(world, _among(access.time_entries_visible_to, TimeEntry), world.entry) == {
        "owner",
        "director",
        "finance",
        "administrator",
    }


def test_an_entry_is_changed_by_its_expert_and_an_administrator_only(world):
    assert _holding(world, _among(access.time_entries_editable_by, TimeEntry), world.entry) == {
        "owner",
        "administrator",
    }


def test_an_entrys_comment_is_a_404_for_whoever_may_not_edit_it(world):
    outcomes = _reaching(
        world, lambda user: access.time_entry_for_edit(user, world.entry.pk, among=ENTRIES.all())
    )
    assert outcomes == _only("ok", {"owner", "administrator"}, "404")


# --- experts ------------------------------------------------------------------------------------


def test_every_staff_role_sees_the_experts(world):
    assert _holding(world, access.experts_visible_to, world.expert) == STAFF


def test_an_experts_time_is_edited_by_themself_and_an_administrator(world):
    assert _holding(world, access.experts_time_editable_by, world.expert) == {
        "owner",
        "administrator",
    }


def test_an_experts_audit_trail_is_read_by_their_director_finance_and_an_administrator(world):
    assert _holding(world, access.experts_audit_readable_by, world.expert) == {
        "director",
        "finance",
        "administrator",
    }


def test_asking_for_an_experts_week_is_a_404_for_whoever_may_not_edit_their_time(world):
    outcomes = _reaching(world, lambda user: access.expert_for_time(user, str(world.expert.pk)))
    assert outcomes == _only("ok", {"owner", "administrator"}, "404")
    with pytest.raises(Http404):
        access.expert_for_time(world.users["administrator"], "not-a-number")


def test_an_expert_is_picked_only_among_those_the_rules_allowed(world):
    allowed = list(access.experts_audit_readable_by(world.users["director"]))
    assert access.pick_or_404(allowed, str(world.expert.pk)) == world.expert
    for asked in ("", "x", " 1", str(world.expert.pk + 1000)):
        with pytest.raises(Http404):
            access.pick_or_404(allowed, asked)


# --- mandates -----------------------------------------------------------------------------------


def test_a_mandate_is_read_by_staff_except_experts_of_other_departments(world):
    assert _holding(world, access.mandates_visible_to, world.mandate) == STAFF - {"outsider"}


def test_an_outsider_reads_a_mandate_once_they_logged_hours_on_it(world):
    outsider = world.users["outsider"]
    TimeEntryFactory(expert=outsider.expert, mandate=world.mandate, date=dt.date(2020, 6, 2))
    assert access.mandate_for_read(outsider, world.mandate.code) == world.mandate


def test_a_mandate_is_changed_by_its_departments_director_and_an_administrator(world):
    assert _holding(world, access.mandates_changeable_by, world.mandate) == {
        "director",
        "administrator",
    }


def test_a_mandates_page_is_a_404_for_whoever_may_not_read_it(world):
    outcomes = _reaching(world, lambda user: access.mandate_for_read(user, world.mandate.code))
    assert outcomes == _only("ok", STAFF - {"outsider"}, "404")


def test_the_mandate_read_says_whether_its_reader_may_change_it(world):
    may_change = {
        name: access.mandate_for_read(world.users[name], world.mandate.code).user_may_change
        for name in STAFF - {"outsider"}
    }
    assert {name for name, yes in may_change.items() if yes} == {"director", "administrator"}


def test_changing_a_mandate_is_403_for_roles_that_only_read_and_404_outside_ones_departments(
    world,
):
    outcomes = _reaching(world, lambda user: access.mandate_for_change(user, world.mandate.code))
    assert outcomes == {
        "owner": "403",
        "colleague": "403",
        "outsider": "403",
        "director_elsewhere": "404",
        "director": "ok",
        "finance": "403",
        "communications": "403",
        "administrator": "ok",
        "anonymous": "403",
    }


def test_mandates_are_opened_in_the_departments_one_directs(world):
    opened = {
        name: {department.code for department in access.departments_open_to(user)}
        for name, user in world.users.items()
    }
    assert opened["director"] == {"CPT"}
    assert opened["director_elsewhere"] == {"RH"}
    assert opened["administrator"] == {"CPT", "RH", "TI"}
    assert {name for name, codes in opened.items() if codes} == {
        "director",
        "director_elsewhere",
        "administrator",
    }


# --- organisations ------------------------------------------------------------------------------


def test_every_staff_role_reads_every_organisation(world):
    assert _holding(world, access.organisations_visible_to, world.organisation) == STAFF


def test_an_organisations_page_is_a_404_for_anybody_without_a_staff_role(world):
    code = world.organisation.code
    outcomes = _reaching(world, lambda user: access.organisation_for_read(user, code))
    assert outcomes == _only("ok", STAFF, "404")
    with pytest.raises(Http404):
        access.organisation_for_read(world.users["administrator"], "NOPE")


def test_an_organisation_is_read_among_the_rows_its_page_asks_for(world, django_assert_num_queries):
    other = OrganisationFactory()
    rows = type(other).objects.filter(pk=other.pk)
    with pytest.raises(Http404):
        access.organisation_for_read(
            world.users["finance"], world.organisation.code, roles={"finance"}, among=rows
        )
    with django_assert_num_queries(1):
        found = access.organisation_for_read(
            world.users["finance"], other.code, roles={"finance"}, among=rows
        )
    assert found == other
