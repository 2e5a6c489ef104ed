"""The ledger's e-mails: a returned week to its expert, with the director's reason; on Mondays,
a reminder to each expert whose last week is not submitted and to each director with weeks
waiting. Each person turns them off on their notifications page (`accounts`)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from consortium.accounts.models import RoleKind, StaffRole
from consortium.accounts.selectors import notified_users
from consortium.core.mail import send_templated, site_address
from consortium.core.weeks import week_start_of
from consortium.staff.models import Expert
from consortium.timesheets.models import TimesheetWeek, WeekStatus


def _address(name: str, *args) -> str:
    return site_address(reverse(name, args=args))


def week_returned_notify(week_id: int) -> bool:
    """Tell the expert their week came back, and why; False when they do not want it (or have
    no login or address)."""
    week = TimesheetWeek.objects.select_related("expert__user", "decided_by").get(pk=week_id)
    user = week.expert.user
    if user is None:
        return False
    language = notified_users([user.pk], "week_returned").get(user.pk)
    if language is None:
        return False
    send_templated(
        to=user.email,
        language=language,
        subject_template="timesheets/mail/week_returned_subject.txt",
        body_template="timesheets/mail/week_returned.txt",
        context={
            "week": week,
            "link": _address("timesheets:week_of", week.week_start),
            "settings_link": _address("accounts:notification_settings"),
        },
    )
    return True


@dataclass(frozen=True)
class RemindersSent:
    experts: int
    directors: int


def reminders_send(today: dt.date) -> RemindersSent:
    """Monday's reminders: to each employed expert whose week before `today`'s is neither
    submitted nor approved, and to each director whose departments have weeks waiting for
    approval. Five queries whatever the number of people (the sending aside)."""
    last_week = week_start_of(today) - dt.timedelta(days=7)
    handed_in = TimesheetWeek.objects.filter(
        week_start=last_week, status__in=[WeekStatus.SUBMITTED, WeekStatus.APPROVED]
    ).values("expert_id")
    experts = list(
        Expert.objects.filter(user__isnull=False, hired_on__lte=last_week)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=last_week + dt.timedelta(days=6)))
        .exclude(pk__in=handed_in)
        .select_related("user")
    )
    languages = notified_users([expert.user_id for expert in experts], "reminders")
    link = _address("timesheets:week_of", last_week)
    sent_experts = 0
    for expert in experts:
        language = languages.get(expert.user_id)
        if language is None:
            continue
        send_templated(
            to=expert.user.email,
            language=language,
            subject_template="timesheets/mail/week_reminder_subject.txt",
            body_template="timesheets/mail/week_reminder.txt",
            context={
                "expert": expert,
                "week_start": last_week,
                "link": link,
                "settings_link": _address("accounts:notification_settings"),
            },
        )
        sent_experts += 1
    return RemindersSent(experts=sent_experts, directors=_remind_directors())


def _remind_directors() -> int:
    """Three queries: the directors with their departments, the weeks waiting (with their
    experts' departments and logins), the directors' mail settings."""
    departments_of: dict[int, set[int]] = {}
    directors = {}
    links = StaffRole.departments.through.objects.filter(staffrole__role=RoleKind.DIRECTOR)
    for link in links.select_related("staffrole__user"):
        user = link.staffrole.user
        directors[user.pk] = user
        departments_of.setdefault(user.pk, set()).add(link.department_id)
    waiting = list(
        TimesheetWeek.objects.filter(status=WeekStatus.SUBMITTED).values_list(
            "expert__department_id", "expert__user_id"
        )
    )
    languages = notified_users(directors, "reminders")
    sent = 0
    for user_id, user in directors.items():
        count = sum(
            1
            for department_id, expert_user_id in waiting
            if department_id in departments_of[user_id] and expert_user_id != user_id
        )
        if not count or user_id not in languages:
            continue
        send_templated(
            to=user.email,
            language=languages[user_id],
            subject_template="timesheets/mail/approvals_reminder_subject.txt",
            body_template="timesheets/mail/approvals_reminder.txt",
            context={
                "user": user,
                "waiting": count,
                "link": _address("timesheets:approval_list"),
                "settings_link": _address("accounts:notification_settings"),
            },
        )
        sent += 1
    return sent
