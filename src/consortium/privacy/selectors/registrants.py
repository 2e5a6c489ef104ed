"""What is held about a person who signed up for events: each sign-up, found by e-mail."""

from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from consortium.communications.models import Registration
from consortium.privacy.selectors.sections import Section, streamed


def find_registrant(email: str) -> Registration:
    """The person's first sign-up (any letter case of the e-mail); their sections hold all."""
    registration = (
        Registration.objects.filter(email__iexact=email.strip())
        .order_by("created_at", "pk")
        .first()
    )
    if registration is None:
        raise Http404(
            _("Aucune inscription à un événement n'a le courriel %(email)s.") % {"email": email}
        )
    return registration


def registrant_sections(registration: Registration) -> list[Section]:
    return [
        Section(
            "registrations",
            _("Inscriptions à des événements"),
            streamed(
                Registration.objects.filter(email__iexact=registration.email).order_by(
                    "event__date", "pk"
                ),
                "name",
                "email",
                "organisation",
                "created_at",
                event_title=F("event__title"),
                event_date=F("event__date"),
                event_page=F("event__slug"),
            ),
        ),
    ]
