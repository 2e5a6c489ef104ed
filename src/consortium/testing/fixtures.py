"""The fixtures every test may ask for by name, registered by `consortium/conftest.py`.

- `people`: the whole cast of `make_people()` (see `consortium.testing.people`), and each person
  on their own: `owner` (an expert of CPT), `colleague` (an expert of CPT too), `outsider` (an
  expert of RH), `director` (directs CPT), `finance`, `administrator`.
- `scene`: the people and the mandates of `make_scene()` (M-CPT with 60 h of the owner, M-RH).
- `ledger`: the people and the small ledger of `make_ledger()`, every figure known by hand.
- `demo`: the demo centre, built once per process and shared read-only (`consortium.testing.demo`).

A test module extends one by declaring a fixture of the same name that asks for it.
"""

import pytest
from django.contrib.auth.models import User

from consortium.testing.concurrency import concurrent_db
from consortium.testing.demo import demo, mark_demo_tests, order_demo_last, refuse_after_demo
from consortium.testing.ledger import Ledger, make_ledger
from consortium.testing.people import People, add_outsider, make_people
from consortium.testing.scene import Scene, make_scene

__all__ = [
    "administrator",
    "colleague",
    "concurrent_db",
    "demo",
    "director",
    "finance",
    "ledger",
    "outsider",
    "owner",
    "people",
    "pytest_collection_modifyitems",
    "pytest_runtest_setup",
    "scene",
]


@pytest.fixture
def people(db) -> People:
    return make_people()


@pytest.fixture
def owner(people: People) -> User:
    return people.owner


@pytest.fixture
def colleague(people: People) -> User:
    return people.colleague


@pytest.fixture
def outsider(people: People) -> User:
    return add_outsider(people)


@pytest.fixture
def director(people: People) -> User:
    return people.director


@pytest.fixture
def finance(people: People) -> User:
    return people.finance


@pytest.fixture
def administrator(people: People) -> User:
    return people.administrator


@pytest.fixture
def scene(people: People) -> Scene:
    return make_scene(people)


@pytest.fixture
def ledger(people: People) -> Ledger:
    return make_ledger(people)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items: list[pytest.Item]):
    # Around pytest-django's ordering (database tests, then transactional ones, then the rest):
    # the demo's tests are marked before xdist reads the marks, and moved last after the sort.
    mark_demo_tests(items)
    result = yield
    order_demo_last(items)
    return result


def pytest_runtest_setup(item: pytest.Item) -> None:
    refuse_after_demo(item)
