"""Finance reviews a draft on its page: a line's text, a line added by hand, a discount, the
note, a line or the whole draft removed. A director of the department reads it but changes
nothing (403), a director elsewhere does not see it (404), an expert is refused (403)."""

from decimal import Decimal

import pytest

from consortium.billing.models import Invoice
from consortium.billing.tests.views.world import make_world
from consortium.testing.web import messages_of, signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def _post(client, world, name, data=None, line=False):
    args = (world.draft.pk, world.draft.lines.get().pk) if line else (world.draft.pk,)
    return client.post(url(f"billing:{name}", *args), data or {})


WRITES = [
    ("invoice_line_update", {"description": "x", "tax_code": "taxable"}, True),
    ("invoice_line_add", {"add-kind": "expense", "add-description": "x", "add-amount": "5"}, False),
    ("invoice_line_delete", {}, True),
    ("invoice_discount_set", {"discount-percent": "5"}, False),
    ("invoice_note_set", {"note-note": "x"}, False),
    ("invoice_draft_delete", {}, False),
]


@pytest.mark.parametrize(("name", "data", "line"), WRITES)
@pytest.mark.parametrize(
    ("who", "status"),
    [("director", 403), ("director_elsewhere", 404), ("owner", 403), ("communications", 403)],
)
def test_only_finance_edits_a_draft(client, world, name, data, line, who, status):
    signed_in(client, world.user(who))
    assert _post(client, world, name, data, line).status_code == status
    world.draft.refresh_from_db()
    assert world.draft.total == Decimal("804.83")
    assert world.draft.lines.get().description.startswith("Ligne")


@pytest.mark.parametrize(("name", "data", "line"), WRITES)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, name, data, line):
    response = _post(client, world, name, data, line)
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login"))


def test_finance_edits_a_lines_text_and_tax_code(client, world):
    signed_in(client, world.user("finance"))
    line = world.draft.lines.get()
    form = client.get(url("billing:invoice_line_update", world.draft.pk, line.pk))
    assert form.status_code == 200
    response = client.post(
        url("billing:invoice_line_update", world.draft.pk, line.pk),
        {"description": "Tenue de livres, mai 2020", "tax_code": "exempt"},
    )
    assert response.status_code == 302
    world.draft.refresh_from_db()
    assert world.draft.lines.get().description == "Tenue de livres, mai 2020"
    assert world.draft.total == Decimal("700.00")


def test_finance_adds_an_expense_of_hours_times_a_rate(client, world):
    signed_in(client, world.user("finance"))
    response = _post(
        client,
        world,
        "invoice_line_add",
        {
            "add-kind": "fixed_fee",
            "add-description": "Formation",
            "add-hours": "1,5",
            "add-rate": "80",
            "add-amount": "",
            "add-tax_code": "taxable",
        },
    )
    assert response.status_code == 302
    assert messages_of(response) == ["La ligne est ajoutée."]
    added = world.draft.lines.get(description="Formation")
    assert added.amount == Decimal("120.00")


def test_an_added_line_may_name_a_mandate_billed_to_the_organisation(client, world):
    signed_in(client, world.user("finance"))
    page = client.get(url("billing:invoice_detail", world.draft.pk)).content.decode()
    assert '<option value="M-CPT">M-CPT – Tenue de livres</option>' in page
    _post(
        client,
        world,
        "invoice_line_add",
        {
            "add-kind": "expense",
            "add-description": "Kilométrage",
            "add-amount": "42,10",
            "add-tax_code": "taxable",
            "add-mandate": "M-CPT",
        },
    )
    assert world.draft.lines.get(description="Kilométrage").mandate == world.scene.mandate


def test_a_line_refused_by_the_service_shows_why_on_the_page(client, world):
    signed_in(client, world.user("finance"))
    response = _post(
        client,
        world,
        "invoice_line_add",
        {
            "add-kind": "expense",
            "add-description": "Déplacement",
            "add-hours": "2",
            "add-rate": "30",
            "add-amount": "50",
            "add-tax_code": "taxable",
        },
    )
    assert response.status_code == 200
    assert "ne fait pas 2 h × 30 $ = 60.00 $" in response.content.decode()
    assert world.draft.lines.count() == 1


def test_an_amount_that_is_not_one_is_refused_with_its_value(client, world):
    signed_in(client, world.user("finance"))
    response = _post(
        client,
        world,
        "invoice_line_add",
        {
            "add-kind": "expense",
            "add-description": "x",
            "add-amount": "douze",
            "add-tax_code": "taxable",
        },
    )
    assert "« douze » n&#x27;est pas un montant." in response.content.decode()


def test_finance_sets_a_discount_and_the_taxes_follow(client, world):
    signed_in(client, world.user("finance"))
    response = _post(client, world, "invoice_discount_set", {"discount-percent": "10"})
    assert response.status_code == 302
    world.draft.refresh_from_db()
    assert (world.draft.discount, world.draft.taxable) == (Decimal("70.00"), Decimal("630.00"))
    assert world.draft.total == Decimal("724.34")  # 630 + 31,50 + 62,84


def test_a_discount_over_100_percent_is_refused_on_the_form(client, world):
    signed_in(client, world.user("finance"))
    response = _post(client, world, "invoice_discount_set", {"discount-percent": "150"})
    assert response.status_code == 200
    assert "L&#x27;escompte est un pourcentage de 0 à 100." in response.content.decode()


def test_finance_sets_the_note(client, world):
    signed_in(client, world.user("finance"))
    _post(client, world, "invoice_note_set", {"note-note": "Merci!"})
    world.draft.refresh_from_db()
    assert world.draft.note == "Merci!"


def test_finance_removes_a_line_and_its_hours_are_free_again(client, world):
    signed_in(client, world.user("finance"))
    response = _post(client, world, "invoice_line_delete", line=True)
    assert response.status_code == 302
    assert not world.draft.lines.exists()
    assert not world.scene.mandate.time_entries.filter(invoice_entries__isnull=False).exists()


def test_finance_deletes_a_draft_after_confirming(client, world):
    signed_in(client, world.user("finance"))
    confirm = client.get(url("billing:invoice_draft_delete", world.draft.pk))
    assert "sera supprimé avec ses lignes" in confirm.content.decode()
    response = _post(client, world, "invoice_draft_delete")
    assert response["Location"] == url("billing:invoice_list")
    assert not Invoice.objects.filter(pk=world.draft.pk).exists()


def test_an_issued_invoice_refuses_an_edit_and_says_why(client, world):
    signed_in(client, world.user("finance"))
    response = client.post(url("billing:invoice_note_set", world.issued.pk), {"note-note": "Autre"})
    assert response.status_code == 302
    assert messages_of(response)[0].startswith(f"La facture {world.issued.number} est émise")


@pytest.mark.parametrize("name", ["invoice_line_add", "invoice_discount_set", "invoice_note_set"])
def test_the_edit_actions_take_post_only(client, world, name):
    signed_in(client, world.user("finance"))
    assert client.get(url(f"billing:{name}", world.draft.pk)).status_code == 405
