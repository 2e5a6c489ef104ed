"""Finance locks and unlocks months and fiscal years, and sees what each month still waits for."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from consortium.testing.factories import ExpertFactory, TimeEntryFactory, TimesheetWeekFactory
from consortium.timesheets.models import PeriodKind, PeriodLock
from consortium.timesheets.services.locks import first_lock_day, period_lock, period_unlock

pytestmark = pytest.mark.django_db
YEAR = "2020-2021"


def url(name: str, *args, language: str = "fr") -> str:
    with translation.override(language):
        return reverse(f"timesheets:{name}", args=args)


def signed_in(client, user):
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def submitted(expert, monday: dt.date):
    return TimesheetWeekFactory(
        expert=expert, week_start=monday, status="submitted", submitted_at=timezone.now()
    )


def test_finance_sees_the_locks_and_the_lock_form(client, people):
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1), by=people.finance)
    response = signed_in(client, people.finance).get(url("period_lock_list"), {"exercice": YEAR})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Juin 2020" in page
    assert ">Déverrouiller</button>" in page
    assert ">Verrouiller</button>" in page
    assert 'placeholder="2026-11"' in page
    assert ">Mois</label>" in page
    assert ">Exercice financier</label>" in page
    assert '<option value="2020-2021">' in page


def test_the_months_of_the_year_show_hours_pending_weeks_and_locks(client, people):
    TimeEntryFactory(expert=people.expert, date=dt.date(2020, 6, 2), hours="7.5")
    TimeEntryFactory(expert=people.expert, date=dt.date(2020, 6, 30), hours="2")
    # Monday 29 June to Sunday 5 July: waits in June and in July.
    submitted(people.expert, dt.date(2020, 6, 29))
    submitted(people.expert, dt.date(2020, 6, 1))
    submitted(ExpertFactory(), dt.date(2020, 6, 8))
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 5, 1))
    response = signed_in(client, people.finance).get(url("period_lock_list"), {"exercice": YEAR})
    months = {month.period.start: month for month in response.context["overview"].months}
    assert len(months) == 12
    june, july, may = (months[dt.date(2020, m, 1)] for m in (6, 7, 5))
    assert (june.hours, june.weeks_awaiting, june.locked) == (9.5, 3, False)
    assert (july.weeks_awaiting, may.locked) == (1, True)
    assert response.context["overview"].weeks_awaiting == 3
    page = response.content.decode()
    assert "3 semaines attendent encore une approbation" in page
    assert "1 semaine attend encore une approbation" in page


def test_finance_locks_a_month(client, people):
    response = signed_in(client, people.finance).post(
        url("period_lock"), {"kind": "month", "month": "2020-06", "reason": "Fin de mois"}
    )
    assert response.status_code == 302
    assert response["Location"] == url("period_lock_list") + "?exercice=2020-2021"
    assert messages_of(response) == ["Juin 2020 : période verrouillée."]
    lock = PeriodLock.objects.get()
    assert (lock.start, lock.end, lock.locked_by) == (
        dt.date(2020, 6, 1),
        dt.date(2020, 6, 30),
        people.finance,
    )


def test_an_administrator_locks_a_fiscal_year(client, people):
    response = signed_in(client, people.administrator).post(
        url("period_lock"), {"kind": "fiscal_year", "fiscal_year": YEAR}
    )
    assert messages_of(response) == ["Exercice 2020-2021 : période verrouillée."]
    assert PeriodLock.objects.get().end == dt.date(2021, 3, 31)


def test_locking_a_period_already_locked_shows_why_in_the_form(client, people):
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year=YEAR)
    response = signed_in(client, people.finance).post(
        url("period_lock"), {"kind": "month", "month": "2020-06"}
    )
    assert response.status_code == 400
    assert "Cette période est déjà verrouillée." in response.content.decode()
    assert PeriodLock.objects.count() == 1


def test_a_month_lock_without_a_month_is_refused_in_the_form(client, people):
    response = signed_in(client, people.finance).post(url("period_lock"), {"kind": "month"})
    assert response.status_code == 400
    assert "Indiquez le mois à verrouiller." in response.content.decode()
    assert not PeriodLock.objects.exists()


def test_finance_unlocks_a_period_saying_why_and_the_page_shows_it(client, people):
    lock = period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1), by=people.finance)
    finance = signed_in(client, people.finance)
    asked = finance.post(url("period_unlock", lock.pk), {"reason": "Facture oubliée"})
    assert asked.status_code == 200
    assert "Déverrouiller Juin 2020 ?" in asked.content.decode()
    assert PeriodLock.objects.exists()  # nothing happens before the confirmation
    response = finance.post(
        url("period_unlock", lock.pk), {"reason": "Facture oubliée", "confirmed": "1"}
    )
    assert messages_of(response) == ["Juin 2020 : période déverrouillée."]
    assert not PeriodLock.objects.exists()
    page = finance.get(url("period_lock_list"), {"exercice": YEAR}).content.decode()
    assert "Derniers verrouillages et déverrouillages" in page
    assert "Facture oubliée" in page


def test_an_unlock_without_a_reason_is_refused(client, people):
    lock = period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    response = signed_in(client, people.finance).post(
        url("period_unlock", lock.pk), {"reason": " "}
    )
    assert messages_of(response) == ["Indiquez pourquoi la période est déverrouillée."]
    assert list(PeriodLock.objects.all()) == [lock]


@pytest.mark.parametrize("who", ["owner", "colleague", "director", "communications"])
def test_the_lock_pages_are_not_for_other_roles(client, people, who):
    lock = period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    visitor = signed_in(client, getattr(people, who))
    assert visitor.get(url("period_lock_list")).status_code == 403
    assert (
        visitor.post(url("period_lock"), {"kind": "month", "month": "2020-07"}).status_code == 403
    )
    assert visitor.post(url("period_unlock", lock.pk)).status_code == 403
    assert list(PeriodLock.objects.all()) == [lock]


def test_an_anonymous_visitor_is_sent_to_sign_in(client, people):
    response = client.get(url("period_lock_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_services_refuse_a_user_who_may_not_lock(people):
    with pytest.raises(PermissionDenied):
        period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1), by=people.director)
    lock = period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    with pytest.raises(PermissionDenied):
        period_unlock(lock=lock, by=people.owner, reason="Correction")
    assert PeriodLock.objects.get() == lock


def test_the_page_speaks_english_under_en(client, people):
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    response = signed_in(client, people.finance).get(
        url("period_lock_list", language="en"), {"exercice": YEAR}
    )
    assert response.status_code == 200
    assert "June 2020" in response.content.decode()


PAGE_QUERIES = 10  # with the lock history


def test_the_page_costs_a_fixed_number_of_queries(client, people, django_assert_num_queries):
    finance = signed_in(client, people.finance)
    with django_assert_num_queries(PAGE_QUERIES):
        assert finance.get(url("period_lock_list"), {"exercice": YEAR}).status_code == 200
    for month in range(4, 13):
        period_lock(kind=PeriodKind.MONTH, month=dt.date(2019, month, 1))
        TimeEntryFactory(expert=people.expert, date=dt.date(2020, month, 3))
        first = dt.date(2020, month, 1)
        submitted(ExpertFactory(), first - dt.timedelta(days=first.weekday()))
    with django_assert_num_queries(PAGE_QUERIES):
        response = finance.get(url("period_lock_list"), {"exercice": YEAR})
    assert len(response.context["locks"]) == 9


# --- guards -------------------------------------------------------------------------------------


def test_the_month_field_takes_a_typed_year_and_month(client, people):
    response = signed_in(client, people.finance).post(
        url("period_lock"), {"kind": "month", "month": "2020-11"}
    )
    assert response.status_code == 302
    assert PeriodLock.objects.get().start == dt.date(2020, 11, 1)


def test_a_month_that_is_not_a_month_is_refused_with_the_format(client, people):
    response = signed_in(client, people.finance).post(
        url("period_lock"), {"kind": "month", "month": "novembre"}
    )
    assert response.status_code == 400
    assert "Indiquez le mois sous la forme AAAA-MM, p. ex. 2026-11." in response.content.decode()


def test_locking_a_month_with_weeks_awaiting_approval_lists_them_and_asks_first(client, people):
    people.expert.first_name, people.expert.last_name = "Léa", "Roy"
    people.expert.save()
    TimeEntryFactory(expert=people.expert, date=dt.date(2020, 6, 30), hours="6.5")
    submitted(people.expert, dt.date(2020, 6, 29))
    finance = signed_in(client, people.finance)
    asked = finance.post(url("period_lock"), {"kind": "month", "month": "2020-06"})
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "1 semaine de cette période attend encore une approbation" in page
    monday = date_format(dt.date(2020, 6, 29), "SHORT_DATE_FORMAT")
    assert '<th scope="row">Léa Roy</th><td>' + monday + "</td>" in page
    assert ">6,50</td>" in page
    assert not PeriodLock.objects.exists()
    response = finance.post(
        url("period_lock"), {"kind": "month", "month": "2020-06", "confirmed": "True"}
    )
    assert response.status_code == 302
    assert PeriodLock.objects.get().start == dt.date(2020, 6, 1)


def test_locking_a_month_while_an_earlier_one_stays_open_says_so(client, people):
    TimeEntryFactory(expert=people.expert, date=dt.date(2020, 5, 12))
    page = (
        signed_in(client, people.finance)
        .post(url("period_lock"), {"kind": "month", "month": "2020-06"})
        .content.decode()
    )
    assert "Des mois antérieurs du même exercice restent ouverts : mai 2020." in page
    assert not PeriodLock.objects.exists()


def test_a_month_reaching_into_the_current_week_cannot_be_locked_yet(people, settings):
    settings.PERIOD_LOCK_GRACE_DAYS = 3
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refusal:
        period_lock(kind=PeriodKind.MONTH, month=today, by=people.finance)
    assert "ne peut être verrouillée avant le" in str(refusal.value)
    assert not PeriodLock.objects.exists()
    # The system (the demo) is not held to it.
    period_lock(kind=PeriodKind.MONTH, month=today)


@pytest.mark.parametrize(
    ("end", "first_day"),
    [
        # Monday 30 November 2026 ends its month: its week ends Sunday 6 December.
        (dt.date(2026, 11, 30), dt.date(2026, 12, 7)),
        # Sunday 31 January 2027 ends its week: three days of grace after it.
        (dt.date(2027, 1, 31), dt.date(2027, 2, 4)),
    ],
)
def test_the_first_lock_day_waits_for_the_week_and_the_grace_period(settings, end, first_day):
    settings.PERIOD_LOCK_GRACE_DAYS = 3
    assert first_lock_day(end) == first_day


def test_each_open_month_that_may_be_locked_has_its_own_button(client, people):
    page = (
        signed_in(client, people.finance)
        .get(url("period_lock_list"), {"exercice": YEAR})
        .content.decode()
    )
    assert 'aria-label="Verrouiller juin 2020"' in page
    assert page.count('name="kind" value="month"') == 12
