"""The public sign-up page says what is kept about the person, why, for how long, and where the
privacy policy is."""

import pytest

from consortium.testing.factories import EventFactory
from consortium.testing.web import url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "kept", "how_long", "policy"),
    [
        ("fr", "Nous gardons votre nom, votre courriel", "180 jours après", "politique de"),
        ("en", "We keep your name, your e-mail", "180 days after", "privacy policy"),
    ],
)
def test_the_sign_up_form_is_followed_by_the_notice(
    client, settings, language, kept, how_long, policy
):
    settings.REGISTRATIONS_DAYS = 180
    EventFactory(slug="paie", registration_open=True)
    text = client.get(url("events:event_sign_up", "paie", language=language)).content.decode()
    notice = text[text.index("</form>") :]
    assert kept in notice
    assert how_long in notice
    assert policy in notice
    prefix = "/en" if language == "en" else ""
    assert f'href="{prefix}/confidentialite/"' in notice


def test_a_closed_event_shows_no_form_and_no_notice(client):
    EventFactory(slug="paie", registration_open=False)
    text = client.get(url("events:event_sign_up", "paie")).content.decode()
    assert "Nous gardons" not in text
