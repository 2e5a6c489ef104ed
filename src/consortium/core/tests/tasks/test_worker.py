"""The task queue: mail leaves through the worker, a killed worker loses no task, and two
workers on one database never run the same task."""

import datetime as dt
import time

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from consortium.core.mail import send_templated
from consortium.core.tasks import _claim_next, requeue_stale_tasks, run_worker
from consortium.testing.concurrency import concurrent_db, run_together  # noqa: F401

pytestmark = pytest.mark.django_db

INVITATION = {
    "subject_template": "registration/contact_invitation_subject.txt",
    "body_template": "registration/contact_invitation_email.txt",
}


@task()
def slow_note(*, number: int) -> int:
    """A task that takes a little time, so that two workers overlap."""
    time.sleep(0.02)
    return number


def invite(to: str) -> None:
    send_templated(
        to=to,
        language="fr",
        context={
            "user": {"first_name": "Ana", "get_full_name": "Ana Roy", "email": to},
            "organisation": {"name": "Coop Test"},
            "link": "http://127.0.0.1:8000/invitation/",
            "first_time": True,
        },
        **INVITATION,
    )


def test_a_mail_is_queued_in_the_request_and_sent_by_the_worker(settings):
    settings.MAIL_QUEUE = True
    invite("ana@example.org")

    assert mail.outbox == []  # the request did not wait on the mail server
    queued = DBTaskResult.objects.get()
    assert queued.status == TaskResultStatus.READY
    assert queued.task_path == "consortium.core.mail.mail_send"

    assert run_worker(once=True) == 1

    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert mail.outbox[0].subject
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_without_the_queue_a_mail_leaves_at_once(settings):
    settings.MAIL_QUEUE = False
    invite("ana@example.org")
    assert len(mail.outbox) == 1
    assert not DBTaskResult.objects.exists()


def test_a_task_of_a_killed_worker_is_run_again_by_the_next_worker(settings):
    settings.MAIL_QUEUE = True
    invite("ana@example.org")
    claimed = _claim_next("worker-killed", "default")  # claimed, then the worker dies
    assert claimed.status == TaskResultStatus.RUNNING

    # Still within its time: another worker leaves it to the one that claimed it.
    assert run_worker(once=True) == 0
    assert mail.outbox == []

    # Once it has been running longer than any task takes, it goes back to the queue.
    DBTaskResult.objects.update(
        started_at=timezone.now() - settings.TASKS_STALE_AFTER - dt.timedelta(seconds=1)
    )
    assert run_worker(once=True, worker_id="worker-next") == 1

    assert len(mail.outbox) == 1
    task_result = DBTaskResult.objects.get()
    assert task_result.status == TaskResultStatus.SUCCESSFUL
    assert task_result.worker_ids == ["worker-killed", "worker-next"]


def test_only_claims_older_than_the_stale_delay_are_put_back(settings):
    settings.MAIL_QUEUE = True
    invite("ana@example.org")
    _claim_next("worker-busy", "default")
    assert requeue_stale_tasks() == 0
    later = timezone.now() + settings.TASKS_STALE_AFTER + dt.timedelta(seconds=1)
    assert requeue_stale_tasks(now=later) == 1
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="several workers share a PostgreSQL database"
)
def test_two_workers_on_postgresql_claim_distinct_tasks(concurrent_db):  # noqa: F811
    for number in range(30):
        slow_note.enqueue(number=number)

    counts = run_together(
        lambda: run_worker(once=True, worker_id="worker-a"),
        lambda: run_worker(once=True, worker_id="worker-b"),
    )

    assert sum(counts) == 30, counts
    results = list(DBTaskResult.objects.all())
    assert {r.status for r in results} == {TaskResultStatus.SUCCESSFUL}
    assert all(len(r.worker_ids) == 1 for r in results)  # no task was claimed twice
    assert sorted(r.return_value for r in results) == list(range(30))
    by_worker = {r.worker_ids[0] for r in results}
    assert by_worker == {"worker-a", "worker-b"}  # both took their share
