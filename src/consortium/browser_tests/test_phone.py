"""Issue 13.14 on a phone (390 × 844): the header takes at most 15 % of the height, whoever
signs in, and the navigation scrolls on its own row rather than the page sideways."""

import pytest
from django.urls import reverse

from consortium.testing.factories import MemberContactFactory
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("who", "address"),
    [
        ("owner", "timesheets:week"),
        ("director", "timesheets:approval_list"),
        ("administrator", "dashboards:dashboard"),
        ("contact", "portal:home"),
    ],
)
def test_the_header_takes_at_most_a_seventh_of_a_phone(phone_page, signed_in, who, address):
    people = make_people()
    user = MemberContactFactory().user if who == "contact" else getattr(people, who)
    signed_in(phone_page, user)

    phone_page.goto(reverse(address))

    header = phone_page.evaluate(
        "() => document.querySelector('header.topbar').getBoundingClientRect().height"
    )
    assert header <= 0.15 * 844, f"the header is {header:.0f} px high"
    assert phone_page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    # The person's menu opens in place and reaches signing out.
    phone_page.locator(".user-menu summary").click()
    assert phone_page.get_by_role("button", name="Se déconnecter").is_visible()


def test_the_centres_other_areas_open_from_the_header_on_a_phone(phone_page, signed_in):
    people = make_people()
    signed_in(phone_page, people.director)
    phone_page.goto(reverse("timesheets:approval_list"))

    phone_page.get_by_text("Le centre", exact=True).click()
    governance = phone_page.get_by_role("link", name="Gouvernance")

    # Shown whole, not clipped by the navigation's sideways-scrolling row.
    box = governance.bounding_box()
    assert governance.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= 390
    governance.click()
    phone_page.wait_for_url("**/gouvernance/**")
    assert phone_page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
