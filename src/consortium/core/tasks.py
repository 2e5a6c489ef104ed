"""The task queue's worker: django-tasks-db's worker loop, with the rule that makes a killed
worker lose no task.

django-tasks-db claims a task by marking it RUNNING (inside SELECT … FOR UPDATE SKIP LOCKED on
PostgreSQL, an exclusive transaction on SQLite), then runs it. A worker killed in between leaves
it RUNNING for ever: here, a task RUNNING for longer than settings.TASKS_STALE_AFTER goes back to
READY, and the next pass of any worker runs it again. Tasks are therefore written to be run again
safely (a report PDF is rebuilt; a mail may, rarely, leave twice)."""

import datetime as dt
import signal
import time

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def requeue_stale_tasks(*, now: dt.datetime | None = None) -> int:
    """Put back in the queue the tasks claimed longer ago than TASKS_STALE_AFTER (their worker
    died); return how many."""
    cutoff = (now or timezone.now()) - settings.TASKS_STALE_AFTER
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)


def _claim_next(worker_id: str, backend_name: str) -> DBTaskResult | None:
    """The next ready task, claimed for `worker_id` (django-tasks-db's claim: SELECT … FOR UPDATE
    SKIP LOCKED on PostgreSQL, so two workers never claim the same one)."""
    tasks = DBTaskResult.objects.ready().filter(backend_name=backend_name)
    while True:
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(worker_id)
                return task_result
        except OperationalError as error:
            if not is_locked_database_exception(error):
                raise
            time.sleep(0.05)  # SQLite: another worker holds the write lock; look again


def run_worker(
    *,
    interval: float = 1.0,
    once: bool = False,
    worker_id: str | None = None,
    backend_name: str = "default",
    handle_signals: bool = False,
) -> int:
    """Run the queued tasks, then wait `interval` seconds and look again, until stopped (Ctrl-C,
    SIGTERM: a running task is finished first, a second signal stops at once). `once`: run what
    is queued now, then return. Returns how many tasks it ran."""
    worker = Worker(
        queue_names=["*"],
        interval=interval,
        batch=once,
        backend_name=backend_name,
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id or get_random_string(32),
        excluded_queue_names=[],
    )
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    if handle_signals:
        worker.configure_signals()
    ran = 0
    try:
        while worker.running:
            if not connection.in_atomic_block:  # a test's transaction is kept
                close_old_connections()
            requeue_stale_tasks()
            task_result = _claim_next(worker.worker_id, backend_name)
            if task_result is not None:
                worker.run_task(task_result)  # marks it successful or failed
                ran += 1
            elif once:
                break
            else:
                time.sleep(interval)
    finally:
        if handle_signals:
            for number, handler in previous.items():
                signal.signal(number, handler)
    return ran
