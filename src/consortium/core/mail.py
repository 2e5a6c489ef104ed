"""Mail the platform sends (invitations, notifications): a subject and a body drawn from
templates in the recipient's language, sent through Django's backend (the console in the demo,
SMTP from the environment in production: settings.py)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_templated(
    *, to: str, language: str, subject_template: str, body_template: str, context: dict
) -> None:
    """Render the subject (one line) and the body in `language`, and send them to `to`."""
    with translation.override(language):
        subject = render_to_string(subject_template, context)
        body = render_to_string(body_template, context)
    send_mail(" ".join(subject.split()), body, None, [to])


def site_address(path: str) -> str:
    """A page's full address for a mail (`path` as `reverse` gives it): the site's own address
    (CONSORTIUM_SITE_URL) in front."""
    return settings.SITE_URL.rstrip("/") + path
