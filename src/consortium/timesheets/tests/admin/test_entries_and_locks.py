import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils.html import escape

from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)
from consortium.testing.factories import ExpertFactory, MandateFactory, TimeEntryFactory
from consortium.timesheets.models import PeriodKind, PeriodLock, TimeEntry
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db

ENTRIES = "timesheets_timeentry_changelist"
LOCKS = "timesheets_periodlock_changelist"
JUNE = dt.date(2020, 6, 1)
LOCKED_FR = "est dans une période verrouillée (du 1er juin 2020 au 30 juin 2020)"


def _entry_form(entry: TimeEntry | None = None, **changes) -> dict:
    """What the time-entry form posts: the entry's values (or a new one's), with `changes`."""
    if entry is None:
        entry = TimeEntryFactory.build(expert=ExpertFactory(), mandate=MandateFactory())
    values = {
        "expert": entry.expert.pk,
        "mandate": entry.mandate.pk,
        "date": entry.date.isoformat(),
        "hours": str(entry.hours),
        "description": entry.description,
    }
    return values | changes


def _add_entry(client, language: str = "fr", **changes):
    return client.post(
        admin_url("timesheets_timeentry_add", language=language), _entry_form(**changes)
    )


@pytest.mark.parametrize(
    ("view", "french", "english"),
    [
        (ENTRIES, "Heures", "Hours"),
        ("timesheets_timeentry_add", "Description", "Description"),
        (LOCKS, "Type de période", "Period type"),
        ("timesheets_periodlock_add", "Pour verrouiller un mois", "To lock a month"),
    ],
)
def test_the_list_and_add_pages_speak_the_language_of_the_address(
    admin_client, view, french, english
):
    TimeEntryFactory()
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2019, 1, 1))
    assert french in page_text(admin_client, view)
    assert english in page_text(admin_client, view, language="en")
    if french != english:
        assert french not in page_text(admin_client, view, language="en")


def test_a_time_entry_change_form_renders_in_both_languages(admin_client):
    entry = TimeEntryFactory()
    french = page_text(admin_client, "timesheets_timeentry_change", entry.pk)
    english = page_text(admin_client, "timesheets_timeentry_change", entry.pk, language="en")
    assert "Modification de entrée de temps" in french
    assert "Change time entry" in english


def test_a_period_lock_page_shows_the_lock_read_only_in_both_languages(admin_client):
    lock = period_lock(kind=PeriodKind.MONTH, month=JUNE, reason="Fin de mois")
    french = page_text(admin_client, "timesheets_periodlock_change", lock.pk)
    english = page_text(admin_client, "timesheets_periodlock_change", lock.pk, language="en")
    assert "Verrouillé par" in french
    assert "Locked by" in english
    assert "Fin de mois" in french
    assert 'name="reason"' not in french


def test_the_lock_form_asks_for_a_month_or_a_fiscal_year(admin_client):
    french = page_text(admin_client, "timesheets_periodlock_add")
    english = page_text(admin_client, "timesheets_periodlock_add", language="en")
    assert '<label for="id_month">Mois\u00a0:</label>' in french
    assert '<label for="id_fiscal_year_name">Fiscal year:</label>' in english


def test_an_entry_added_through_the_admin_is_recorded(admin_client):
    response = _add_entry(admin_client, hours="7.5", description="Tenue de livres")
    assert response.status_code == 302
    entry = TimeEntry.objects.get()
    assert (entry.date, entry.hours, entry.description) == (JUNE, Decimal("7.5"), "Tenue de livres")


def test_an_entry_in_a_locked_period_is_refused_and_nothing_is_recorded(admin_client):
    period_lock(kind=PeriodKind.MONTH, month=JUNE)
    response = _add_entry(admin_client)
    assert response.status_code == 200
    assert LOCKED_FR in response.content.decode()
    assert not TimeEntry.objects.exists()


def test_the_locked_period_refusal_reads_in_english_under_en(admin_client):
    period_lock(kind=PeriodKind.MONTH, month=JUNE)
    response = _add_entry(admin_client, language="en")
    assert "is in a locked period (from June 1, 2020 to June 30, 2020)" in response.content.decode()
    assert not TimeEntry.objects.exists()


def test_changing_an_entry_in_a_locked_period_is_refused_and_changes_nothing(admin_client):
    entry = TimeEntryFactory(date=JUNE, hours=Decimal(7))
    period_lock(kind=PeriodKind.MONTH, month=JUNE)
    response = admin_client.post(
        admin_url("timesheets_timeentry_change", entry.pk), _entry_form(entry, hours="3")
    )
    assert response.status_code == 200
    assert LOCKED_FR in response.content.decode()
    entry.refresh_from_db()
    assert entry.hours == Decimal(7)


def test_moving_an_entry_into_a_locked_period_is_refused(admin_client):
    entry = TimeEntryFactory(date=dt.date(2020, 7, 2))
    period_lock(kind=PeriodKind.MONTH, month=JUNE)
    response = admin_client.post(
        admin_url("timesheets_timeentry_change", entry.pk), _entry_form(entry, date="2020-06-15")
    )
    assert "est dans une période verrouillée" in response.content.decode()
    entry.refresh_from_db()
    assert entry.date == dt.date(2020, 7, 2)


def test_the_change_form_warns_that_a_locked_entry_cannot_change(admin_client):
    entry = TimeEntryFactory(date=JUNE)
    period_lock(kind=PeriodKind.MONTH, month=JUNE)
    text = page_text(admin_client, "timesheets_timeentry_change", entry.pk)
    assert "Cette entrée est dans une période verrouillée" in text


def test_an_entry_is_changed_through_the_admin(admin_client):
    entry = TimeEntryFactory(hours=Decimal(7))
    response = admin_client.post(
        admin_url("timesheets_timeentry_change", entry.pk), _entry_form(entry, hours="6.25")
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.hours == Decimal("6.25")


def test_25_hours_in_one_entry_shows_the_24_hour_error(admin_client):
    response = _add_entry(admin_client, hours="25")
    assert response.status_code == 200
    assert "Les heures doivent être plus de 0 et au plus 24." in response.content.decode()
    assert not TimeEntry.objects.exists()


def test_25_hours_over_two_mandates_in_one_day_shows_the_24_hour_error(admin_client):
    first = TimeEntryFactory(hours=Decimal(20))
    response = _add_entry(admin_client, expert=first.expert.pk, hours="5")
    assert response.status_code == 200
    text = response.content.decode()
    assert f"{escape(first.expert)} aurait 25\xa0h le lundi 1er juin 2020" in text
    assert "24 h au plus par jour" in text
    assert TimeEntry.objects.count() == 1


def test_a_second_entry_for_the_same_cell_is_added_beside_the_first(admin_client):
    first = TimeEntryFactory(hours=Decimal(3))
    response = _add_entry(admin_client, expert=first.expert.pk, mandate=first.mandate.pk, hours="4")
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.hours == Decimal(3)
    cell = TimeEntry.objects.filter(expert=first.expert, mandate=first.mandate, date=first.date)
    assert sorted(cell.values_list("hours", flat=True)) == [Decimal(3), Decimal(4)]


def test_an_entry_outside_the_mandates_dates_is_refused(admin_client):
    mandate = MandateFactory(start=dt.date(2021, 1, 1))
    response = _add_entry(admin_client, mandate=mandate.pk)
    assert "est avant le début du mandat" in response.content.decode()
    assert not TimeEntry.objects.exists()


def test_the_expert_of_an_entry_cannot_be_changed(admin_client):
    entry = TimeEntryFactory()
    other = ExpertFactory()
    admin_client.post(
        admin_url("timesheets_timeentry_change", entry.pk), _entry_form(entry, expert=other.pk)
    )
    entry.refresh_from_db()
    assert entry.expert_id != other.pk


def test_deleting_an_entry_in_a_locked_period_is_refused_with_a_message(admin_client):
    entry = TimeEntryFactory(date=JUNE)
    period_lock(kind=PeriodKind.MONTH, month=JUNE)
    url = admin_url("timesheets_timeentry_delete", entry.pk)
    for response in (
        admin_client.get(url, follow=True),
        admin_client.post(url, {"post": "yes"}, follow=True),
    ):
        assert LOCKED_FR in response.content.decode()
        assert response.redirect_chain[-1][0] == admin_url("timesheets_timeentry_change", entry.pk)
    assert TimeEntry.objects.filter(pk=entry.pk).exists()


def test_an_entry_in_an_open_period_is_deleted(admin_client):
    entry = TimeEntryFactory()
    response = admin_client.post(
        admin_url("timesheets_timeentry_delete", entry.pk), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not TimeEntry.objects.exists()


def _delete_selected(client, entries, confirmed: bool):
    data = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [entry.pk for entry in entries]}
    if confirmed:
        data["post"] = "yes"
    return client.post(admin_url(ENTRIES), data, follow=True)


def test_bulk_delete_refuses_a_selection_touching_a_locked_period(admin_client):
    open_entry = TimeEntryFactory(date=dt.date(2020, 7, 2))
    locked_entry = TimeEntryFactory(date=JUNE)
    period_lock(kind=PeriodKind.MONTH, month=JUNE)
    for confirmed in (False, True):
        response = _delete_selected(admin_client, [open_entry, locked_entry], confirmed)
        text = response.content.decode()
        assert "1 entrée sélectionnée est dans une période verrouillée" in text
        assert "aucune entrée n&#x27;a été supprimée" in text
    assert TimeEntry.objects.count() == 2


def test_bulk_delete_asks_for_confirmation_then_deletes_open_entries(admin_client):
    entries = [TimeEntryFactory(date=dt.date(2020, 7, day)) for day in (1, 2, 3)]
    period_lock(kind=PeriodKind.MONTH, month=JUNE)
    confirmation = _delete_selected(admin_client, entries[:2], confirmed=False)
    assert "Voulez-vous vraiment supprimer" in confirmation.content.decode()
    assert TimeEntry.objects.count() == 3
    _delete_selected(admin_client, entries[:2], confirmed=True)
    assert list(TimeEntry.objects.all()) == [entries[2]]


@pytest.mark.parametrize("term", ["EXP555", "Ouellet", "MAN555", "Coop Alpha"])
def test_the_search_finds_entries_by_expert_mandate_or_organisation(admin_client, term):
    wanted = TimeEntryFactory(
        expert=ExpertFactory(code="EXP555", last_name="Ouellet"),
        mandate=MandateFactory(code="MAN555", organisation__name="Coop Alpha"),
    )
    TimeEntryFactory(expert=ExpertFactory(last_name="Martin"), mandate__organisation__name="Beta")
    assert changelist_rows(admin_client, ENTRIES, f"?q={term}") == [wanted]


def test_a_search_of_several_words_finds_the_entries_matching_them_all(admin_client):
    expert, mandate = ExpertFactory(last_name="Ouellet"), MandateFactory(code="MAN555")
    wanted = TimeEntryFactory(expert=expert, mandate=mandate)
    TimeEntryFactory(expert=expert)
    TimeEntryFactory(mandate=mandate)
    assert changelist_rows(admin_client, ENTRIES, "?q=ouellet+man555") == [wanted]
    assert changelist_rows(admin_client, ENTRIES, '?q="Ouellet"+"man555"') == [wanted]


def test_the_entry_list_filters_by_department_type_and_date(admin_client):
    wanted = TimeEntryFactory(date=dt.date(2021, 3, 31))
    TimeEntryFactory(date=dt.date(2021, 3, 30), mandate__department=wanted.mandate.department)
    TimeEntryFactory(date=dt.date(2021, 3, 31))
    mandate = wanted.mandate
    query = (
        f"?mandate__department__id__exact={mandate.department_id}"
        f"&mandate__mandate_type__id__exact={mandate.mandate_type_id}"
        "&date__year=2021&date__month=3&date__day=31"
    )
    assert changelist_rows(admin_client, ENTRIES, query) == [wanted]


def test_the_entry_list_offers_each_fiscal_year_of_the_ledger(admin_client):
    TimeEntryFactory(date=dt.date(2019, 6, 1))
    TimeEntryFactory(date=dt.date(2021, 4, 1))
    text = page_text(admin_client, ENTRIES)
    for name in ("2019-2020", "2020-2021", "2021-2022"):
        assert f"?fiscal_year={name}" in text
    assert "?fiscal_year=2018-2019" not in text


def test_the_entry_list_shows_one_fiscal_year(admin_client):
    wanted = [
        TimeEntryFactory(date=dt.date(2020, 4, 1)),
        TimeEntryFactory(date=dt.date(2021, 3, 31)),
    ]
    TimeEntryFactory(date=dt.date(2020, 3, 31))
    TimeEntryFactory(date=dt.date(2021, 4, 1))
    rows = changelist_rows(admin_client, ENTRIES, "?fiscal_year=2020-2021")
    assert sorted(rows, key=lambda entry: entry.date) == wanted


def test_a_month_is_locked_from_the_admin_by_the_user(admin_client, admin_user):
    response = admin_client.post(
        admin_url("timesheets_periodlock_add"),
        {"kind": PeriodKind.MONTH, "month": "2020-06", "fiscal_year_name": "", "reason": "Paie"},
    )
    assert response.status_code == 302
    lock = PeriodLock.objects.get()
    assert (lock.start, lock.end, lock.locked_by, lock.reason) == (
        JUNE,
        dt.date(2020, 6, 30),
        admin_user,
        "Paie",
    )


def test_a_fiscal_year_is_locked_from_the_admin(admin_client):
    response = admin_client.post(
        admin_url("timesheets_periodlock_add"),
        {"kind": PeriodKind.FISCAL_YEAR, "month": "", "fiscal_year_name": "2020-2021"},
    )
    assert response.status_code == 302
    lock = PeriodLock.objects.get()
    assert (lock.start, lock.end, lock.fiscal_year.name) == (
        dt.date(2020, 4, 1),
        dt.date(2021, 3, 31),
        "2020-2021",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": PeriodKind.MONTH, "month": ""}, "Indiquez le mois à verrouiller."),
        (
            {"kind": PeriodKind.FISCAL_YEAR, "fiscal_year_name": "2020"},
            "« 2020 » n&#x27;est pas un exercice de la forme AAAA-AAAA",
        ),
        ({"kind": PeriodKind.MONTH, "month": "2020-06"}, "Cette période est déjà verrouillée."),
    ],
)
def test_a_period_that_cannot_be_locked_says_why_on_the_form(admin_client, data, message):
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2020-2021")
    response = admin_client.post(admin_url("timesheets_periodlock_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PeriodLock.objects.count() == 1


def test_unlocking_a_period_from_the_admin_reopens_its_entries(admin_client):
    entry = TimeEntryFactory(date=JUNE, hours=Decimal(7))
    lock = period_lock(kind=PeriodKind.MONTH, month=JUNE)
    response = admin_client.post(
        admin_url("timesheets_periodlock_delete", lock.pk),
        {"post": "yes", "reason": "Correction de la paie"},
    )
    assert response.status_code == 302
    assert not PeriodLock.objects.exists()
    admin_client.post(
        admin_url("timesheets_timeentry_change", entry.pk), _entry_form(entry, hours="3")
    )
    entry.refresh_from_db()
    assert entry.hours == Decimal(3)


def test_several_periods_are_unlocked_at_once(admin_client):
    locks = [period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, m, 1)) for m in (5, 6)]
    admin_client.post(
        admin_url(LOCKS),
        {
            "action": "delete_selected",
            ACTION_CHECKBOX_NAME: [lock.pk for lock in locks],
            "post": "yes",
            "reason": "Réouverture du trimestre",
        },
    )
    assert not PeriodLock.objects.exists()


def test_the_entry_list_costs_the_same_queries_with_5_or_50_rows(admin_client):
    url = admin_url(ENTRIES)
    TimeEntryFactory.create_batch(5)
    with_five = queries_to_render(admin_client, url)
    TimeEntryFactory.create_batch(45)
    assert queries_to_render(admin_client, url) == with_five


def test_the_lock_list_costs_the_same_queries_with_5_or_50_rows(admin_client, admin_user):
    url = admin_url(LOCKS)
    months = [dt.date(2000 + n // 12, n % 12 + 1, 1) for n in range(50)]
    for month in months[:5]:
        period_lock(kind=PeriodKind.MONTH, month=month, by=admin_user)
    with_five = queries_to_render(admin_client, url)
    for month in months[5:]:
        period_lock(kind=PeriodKind.MONTH, month=month, by=admin_user)
    assert queries_to_render(admin_client, url) == with_five


def test_the_admin_unlocks_a_period_only_with_a_reason_and_keeps_the_history(admin_client):
    lock = period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    url = admin_url("timesheets_periodlock_delete", lock.pk)
    assert 'name="reason"' in admin_client.get(url).content.decode()
    admin_client.post(url, {"post": "yes", "reason": ""})
    assert PeriodLock.objects.filter(pk=lock.pk).exists()
    admin_client.post(url, {"post": "yes", "reason": "Correction de la paie"})
    assert not PeriodLock.objects.exists()
    history = page_text(admin_client, "timesheets_periodlockevent_changelist")
    assert "Correction de la paie" in history


def test_the_entry_list_shows_and_filters_where_entries_come_from(admin_client):
    typed = TimeEntryFactory(date=JUNE)
    imported = TimeEntryFactory(date=JUNE, source="toggl", external_id="tg-1001")
    assert changelist_rows(admin_client, ENTRIES, "?source=toggl") == [imported]
    assert changelist_rows(admin_client, ENTRIES, "?source=-") == [typed]
    page = page_text(admin_client, ENTRIES)
    assert "Toggl Track · tg-1001" in page
    assert "espace de travail" in page
