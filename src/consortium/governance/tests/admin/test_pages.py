import pytest
from django.urls import reverse

from consortium.governance.models import BoardSeat, BoardSeatHolder, Meeting, Resolution
from consortium.testing.factories import BoardSeatHolderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["meeting", "boardseat", "boardseatholder"])
def test_every_list_and_its_search_and_add_form_open_for_an_administrator(admin_client, model):
    MeetingFactory()
    BoardSeatHolderFactory(seat__organisation__name="Réseau de coopération des EÉSAD")
    changelist = reverse(f"admin:governance_{model}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "EÉSAD"}).status_code == 200
    assert admin_client.get(reverse(f"admin:governance_{model}_add")).status_code == 200


def _seat_post(holders: list[tuple[str, str]], role: str = "director", executive: bool = False):
    data = {
        "role": role,
        "term_start": "2020-06-17",
        "order": "0",
        "holders-TOTAL_FORMS": str(len(holders)),
        "holders-INITIAL_FORMS": "0",
        "holders-MIN_NUM_FORMS": "0",
        "holders-MAX_NUM_FORMS": "2",
    }
    if executive:
        data["is_executive"] = "on"
    for index, (first_name, last_name) in enumerate(holders):
        data[f"holders-{index}-first_name"] = first_name
        data[f"holders-{index}-last_name"] = last_name
    return data


def test_a_seat_is_added_with_its_two_holders_through_the_services(admin_client):
    response = admin_client.post(
        reverse("admin:governance_boardseat_add"),
        _seat_post([("Manon", "Loranger"), ("Martin", "St-Pierre")]),
    )
    assert response.status_code == 302
    seat = BoardSeat.objects.get()
    assert sorted(holder.first_name for holder in seat.holders.all()) == ["Manon", "Martin"]


def test_an_officer_off_the_executive_is_refused_on_the_form(admin_client):
    response = admin_client.post(
        reverse("admin:governance_boardseat_add"),
        _seat_post([("Pascal", "Rivard")], role="secretary_treasurer"),
    )
    assert response.status_code == 200
    assert "Les dirigeants siègent au comité exécutif." in response.content.decode()
    assert not BoardSeat.objects.exists()
    assert not BoardSeatHolder.objects.exists()


def test_a_third_holder_is_refused_on_the_form_and_nothing_is_saved(admin_client):
    seat = BoardSeatHolderFactory().seat
    BoardSeatHolderFactory(seat=seat)
    response = admin_client.post(
        reverse("admin:governance_boardseatholder_add"),
        {"seat": seat.pk, "first_name": "Troisième", "last_name": "Personne"},
    )
    assert response.status_code == 200
    assert "Un siège est occupé par une ou deux personnes." in response.content.decode()
    assert seat.holders.count() == 2


def _inline(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def test_a_meeting_is_added_with_its_agenda_and_a_resolution_through_the_services(admin_client):
    response = admin_client.post(
        reverse("admin:governance_meeting_add"),
        {
            "kind": "board",
            "date": "2020-09-16",
            "title": "CA",
            "agenda": "1. Ouverture",
            **_inline("attendances", []),
            **_inline(
                "resolutions",
                [{"number": "CA-1", "text": "Adopter le budget.", "outcome": "adopted"}],
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    assert meeting.agenda == "1. Ouverture"
    assert Resolution.objects.get().meeting == meeting
