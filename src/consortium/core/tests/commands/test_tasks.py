"""`consortium tasks worker`: runs what the queue holds (here `--once`, then it stops)."""

import signal

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from consortium.core.mail import mail_send

pytestmark = pytest.mark.django_db


def test_the_worker_command_sends_the_queued_mail_and_gives_ctrl_c_back():
    handler = signal.getsignal(signal.SIGINT)
    mail_send.enqueue(subject="Bonjour", body="Un courriel en file.", to="ana@example.org")

    call_command("tasks", "worker", "--once", verbosity=0)

    assert [message.subject for message in mail.outbox] == ["Bonjour"]
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert signal.getsignal(signal.SIGINT) is handler
