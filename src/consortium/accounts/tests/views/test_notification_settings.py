"""Each person chooses the e-mails they get, and their language, on their own page."""

import pytest

from consortium.accounts.selectors import notification_settings_of
from consortium.testing.factories import StaffRoleFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def test_a_person_turns_off_the_reminders_and_chooses_english(client):
    user = StaffRoleFactory(role="expert").user
    signed_in(client, user)
    page = client.get(url("accounts:notification_settings"))
    assert page.status_code == 200
    assert "Notifications par courriel" in page.text
    response = client.post(
        url("accounts:notification_settings"),
        {"week_returned": "on", "language": "en"},
        follow=True,
    )
    assert "Vos préférences de notification sont enregistrées." in response.text
    settings = notification_settings_of(user)
    assert (settings.week_returned, settings.reminders, settings.language) == (True, False, "en")


def test_the_page_asks_to_sign_in(client):
    assert client.get(url("accounts:notification_settings")).status_code == 302
