"""The demo centre at --scale 1 (the seed's figures), built once per test module, then cleared.

Import `demo` into a test module (or a conftest) to use it.
"""

import pytest

from consortium.core.models import FiscalYear
from consortium.demo.generator import generate
from consortium.demo.services import demo_data_delete


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        counts = generate()
    yield counts
    with django_db_blocker.unblock():
        demo_data_delete()
        FiscalYear.objects.all().delete()
