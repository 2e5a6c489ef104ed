"""The demo centre at --scale 1 (the seed's figures), built once per test process and shared.

A test asks for it by name (`def test_…(demo)`); `demo` is the counts `generate()` returned.
It is built outside any test's transaction, the first time a test asks for it, and each test
using it runs in a transaction rolled back afterwards: no test can change what the next one reads.

Since the demo's rows are committed, no other test may run once it is built: `order_demo_last`
puts every test using it after all the others. Under pytest-xdist each worker keeps that order
with `--dist load` (`make test`: each worker builds its own demo when its first demo test comes)
or `--dist loadgroup` (one worker runs every demo test); not with `loadfile` or `loadscope`,
which hand out whole modules. Tests that build a demo of their own (other seeds, other scales,
the commands) do not ask for `demo`: they run before it exists, and leave the database empty.
"""

import pytest
from django.contrib.auth import get_user_model

from consortium.core.models import FiscalYear
from consortium.demo.generator import generate
from consortium.demo.services import DEMO_USERNAMES, demo_data_delete

DEMO = "demo"
# The fixtures that commit their writes: a test using one of them would change the shared demo.
TRANSACTIONAL = {"transactional_db", "live_server"}


_built = False


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker) -> dict:
    global _built
    with django_db_blocker.unblock():
        counts = generate()
    _built = True
    yield counts
    with django_db_blocker.unblock():
        demo_data_delete()
        FiscalYear.objects.all().delete()
        get_user_model().objects.filter(username__in=DEMO_USERNAMES).delete()


def uses_demo(item: pytest.Item) -> bool:
    return DEMO in getattr(item, "fixturenames", ())


def mark_demo_tests(items: list[pytest.Item]) -> None:
    """Group the tests using the demo: under `--dist loadgroup`, one worker runs them all."""
    for item in items:
        if uses_demo(item):
            if TRANSACTIONAL & set(item.fixturenames) or _marked_transactional(item):
                raise pytest.UsageError(
                    f"{item.nodeid} commits its writes: it may not use the shared demo."
                )
            item.add_marker(pytest.mark.xdist_group(DEMO))


def order_demo_last(items: list[pytest.Item]) -> None:
    """Every test using the demo after all the others, each group in the order it had."""
    items.sort(key=uses_demo)


def refuse_after_demo(item: pytest.Item) -> None:
    """Fails a test that would run on a database holding the demo without asking for it."""
    if _built and not uses_demo(item):
        pytest.fail(
            f"{item.nodeid} runs after the shared demo was built: run pytest-xdist with "
            "--dist load or --dist loadgroup, which keep the demo's tests last.",
            pytrace=False,
        )


def _marked_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )
