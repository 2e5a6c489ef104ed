"""Mail the platform sends (invitations, notifications): a subject and a body drawn from
templates in the recipient's language, sent through Django's backend (the console in the demo,
SMTP from the environment in production: settings.py) by the task queue's worker, so a request
never waits on the mail server (settings.MAIL_QUEUE)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def mail_send(*, subject: str, body: str, to: str) -> None:
    """The task that sends one rendered mail (run by `consortium tasks worker`)."""
    send_mail(subject, body, None, [to])


def send_templated(
    *, to: str, language: str, subject_template: str, body_template: str, context: dict
) -> None:
    """Render the subject (one line) and the body in `language` now, and have the worker send
    them to `to` (at once when MAIL_QUEUE is off). The task is a row of the same database: it
    is queued only if the current transaction commits, with the change the mail tells of."""
    with translation.override(language):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    if not settings.MAIL_QUEUE:
        send_mail(subject, body, None, [to])
        return
    mail_send.enqueue(subject=subject, body=body, to=to)


def site_address(path: str) -> str:
    """A page's full address for a mail (`path` as `reverse` gives it): the site's own address
    (CONSORTIUM_SITE_URL) in front."""
    return settings.SITE_URL.rstrip("/") + path
