"""The demo centre at --scale 1 (the seed's figures), built once per test module, then cleared.

Built with the real `today`: the counts it yields say where its recent weeks start and end.

Import `demo` into a test module (or a conftest) to use it.
"""

import pytest
from django.contrib.auth import get_user_model

from consortium.core.models import FiscalYear
from consortium.demo.generator import generate
from consortium.demo.services import DEMO_USERNAMES, demo_data_delete


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        counts = generate()
    yield counts
    with django_db_blocker.unblock():
        demo_data_delete()
        FiscalYear.objects.all().delete()
        # Built outside any test's transaction: its logins would outlive the module.
        get_user_model().objects.filter(username__in=DEMO_USERNAMES).delete()
