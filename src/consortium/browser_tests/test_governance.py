"""The governance pages in a browser: a director records a board meeting, its attendance (the
quorum shown) and a resolution, then reads the board's composition on a past date; axe-core finds
no serious or critical violation on any governance page, on a desktop or a phone."""

import datetime as dt

import pytest
from django.urls import reverse

from consortium.governance.models import Meeting, Resolution
from consortium.testing.factories import BoardSeatFactory, BoardSeatHolderFactory, MeetingFactory
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser


def _board():
    """A board of five seats since June 2019 (the presidency shared by two people), and a
    president who held the seat before, until June 2019."""
    president = BoardSeatFactory(
        role="president", is_executive=True, term_start=dt.date(2019, 6, 12), order=0
    )
    president.holders.update(first_name="Nadia", last_name="Roy")
    BoardSeatHolderFactory(seat=president, first_name="Paul", last_name="Roy")
    others = [BoardSeatFactory(term_start=dt.date(2019, 6, 12), order=n) for n in range(1, 5)]
    former = BoardSeatFactory(
        role="president",
        is_executive=True,
        term_start=dt.date(2017, 6, 1),
        term_end=dt.date(2019, 6, 11),
    )
    former.holders.update(first_name="Ancien", last_name="Président")
    return president, others


def test_a_director_records_a_board_meeting_with_quorum_and_a_resolution(
    page, signed_in, axe_check
):
    people = make_people()
    _president, others = _board()
    second = others[0].holders.get()
    signed_in(page, people.director)
    page.goto(reverse("governance:meeting_list"))
    page.get_by_role("link", name="Nouvelle rencontre").click()
    page.get_by_label("Instance").select_option("board")
    page.get_by_label("Date").fill("2020-09-16")
    page.get_by_label("Titre").fill("Rencontre de septembre")
    page.get_by_label("Ordre du jour").fill("1. Ouverture\n2. États financiers")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/gouvernance/rencontres/*/")
    assert "Quorum non atteint" in page.locator("#quorum-status").inner_text()
    axe_check(page)

    page.get_by_label("Nadia Roy (président(e))").check()
    page.get_by_label("Paul Roy (président(e))").check()
    page.get_by_label(f"{second.full_name} (administrateur(trice))").check()
    page.get_by_label("Autres personnes présentes").fill("Julie Invitée")
    page.get_by_role("button", name="Enregistrer les présences").click()
    # A shared seat counts once: 2 seats of 5, 3 needed.
    assert (
        "2 sièges sur 5 représentés; il en faut 3." in page.locator("#quorum-status").inner_text()
    )
    page.get_by_label(f"{others[1].holders.get().full_name} (administrateur(trice))").check()
    page.get_by_role("button", name="Enregistrer les présences").click()
    status = page.locator("#quorum-status").inner_text()
    assert "Quorum atteint" in status and "3 sièges sur 5" in status

    page.get_by_label("Numéro").fill("CA-2020-07")
    page.get_by_label("Texte").fill("Adopter les états financiers audités.")
    page.get_by_label("Adoptée").check()
    page.get_by_role("button", name="Ajouter la résolution").click()
    resolutions = page.locator("#resolutions")
    assert "CA-2020-07" in resolutions.inner_text()
    assert "Adopter les états financiers audités." in resolutions.inner_text()
    assert Resolution.objects.get().meeting == Meeting.objects.get(date=dt.date(2020, 9, 16))
    axe_check(page)

    page.get_by_role("link", name="Composition du conseil").click()
    page.get_by_role("textbox", name="Date").fill("2019-01-15")
    page.get_by_role("button", name="Afficher").click()
    board = page.get_by_role("region", name="Conseil d'administration le 15 janvier 2019")
    assert "Ancien Président" in board.inner_text()
    assert "Nadia Roy" not in board.inner_text()
    axe_check(page)


PAGES = [
    ("governance:meeting_list", None),
    ("governance:meeting_create", None),
    ("governance:meeting_detail", "meeting"),
    ("governance:board_seat_list", None),
    ("governance:board_seat_create", None),
    ("governance:board_seat_update", "seat"),
    ("governance:board_composition", None),
]


@pytest.mark.parametrize(("name", "kind"), PAGES)
def test_the_governance_page_is_accessible_and_fits_a_phone(
    phone_page, signed_in, axe_check, name, kind
):
    people = make_people()
    president, _others = _board()
    meeting = MeetingFactory(kind="board", date=dt.date(2020, 9, 16))
    args = {"meeting": [meeting.pk], "seat": [president.pk]}.get(kind, [])
    page = signed_in(phone_page, people.director)
    response = page.goto(reverse(name, args=args))
    assert response.status == 200
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    axe_check(page)
