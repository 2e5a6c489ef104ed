import pytest

from consortium.testing.web import url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title", "officer"),
    [
        ("fr", "Protection des renseignements personnels", "Personne responsable"),
        ("en", "Protection of personal information", "Person in charge"),
    ],
)
def test_it_shows_signed_out_in_both_languages(client, settings, language, title, officer):
    settings.PRIVACY_OFFICER_NAME = "Camille Responsable"
    settings.PRIVACY_OFFICER_EMAIL = "vie-privee@example.coop"
    response = client.get(url("privacy:privacy_page", language=language))
    text = response.content.decode()
    assert response.status_code == 200
    assert title in text
    assert officer in text
    assert "Camille Responsable" in text
    assert 'href="mailto:vie-privee@example.coop"' in text


def test_it_says_how_to_name_the_person_in_charge_when_nobody_is(client, settings):
    settings.PRIVACY_OFFICER_NAME = settings.PRIVACY_OFFICER_EMAIL = ""
    text = client.get("/confidentialite/").content.decode()
    assert "CONSORTIUM_PRIVACY_OFFICER_NAME" in text


def test_the_sign_in_page_links_to_it_from_its_footer(client):
    text = client.get(url("accounts:login")).content.decode()
    assert 'href="/confidentialite/"' in text


@pytest.mark.parametrize(
    ("language", "sign_ups", "contacts"),
    [
        ("fr", "anonymisés 200 jours après l'événement", "Personnes-ressources des membres"),
        ("en", "anonymised 200 days after the event", "Member contacts"),
    ],
)
def test_it_says_how_long_sign_ups_are_kept_and_what_contacts_leave(
    client, settings, language, sign_ups, contacts
):
    settings.REGISTRATIONS_DAYS = 200
    text = client.get(url("privacy:privacy_page", language=language)).content.decode()
    assert sign_ups in text.replace("&#x27;", "'")
    assert contacts in text
