import pytest
from django.test import override_settings

# The shared fixtures (people, scene, ledger, demo…) and the ordering that keeps the demo last.
from consortium.testing.fixtures import *  # noqa: F403

# Hashing with the production work factor costs about half a second per password set or checked;
# signing in works the same with a fast hasher.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


@pytest.fixture(autouse=True)
def _french_by_default(settings):
    """Every test starts in French, the platform's default language."""
    from django.utils import translation

    with translation.override("fr"):
        yield
