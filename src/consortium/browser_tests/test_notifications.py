"""Issue 13.12 in Chromium: a person turns off Monday's reminders on their own page."""

import pytest
from django.urls import reverse

from consortium.accounts.selectors import notification_settings_of
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser


def test_an_expert_turns_off_the_reminders_from_the_user_menu(page, signed_in, axe_check):
    owner = make_people().owner
    signed_in(page, owner)
    page.goto(reverse("timesheets:week"))

    page.locator(".user-menu summary").click()
    page.get_by_role("link", name="Notifications").click()
    axe_check(page)
    page.get_by_label("les rappels du lundi").uncheck()
    page.get_by_label("langue des courriels").select_option("en")
    page.get_by_role("button", name="Enregistrer").click()

    assert (
        "préférences de notification sont enregistrées" in page.get_by_role("status").inner_text()
    )
    settings = notification_settings_of(owner)
    assert (settings.reminders, settings.week_returned, settings.language) == (False, True, "en")
