import pytest


@pytest.fixture(autouse=True)
def _french_by_default(settings):
    """Every test starts in French, the platform's default language."""
    from django.utils import translation

    with translation.override("fr"):
        yield
