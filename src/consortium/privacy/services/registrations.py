"""Sign-ups for events (Law 25): anonymised on request, or once the event is long past.

An anonymised sign-up keeps its row, its event and its date — so the number of sign-ups of an
event, and of the report, does not move — but its name becomes `Anonyme`, its e-mail
`anonyme-<id>@anonyme.invalid` (unique per event, as the model requires; `.invalid` is never
delivered) and its organisation is emptied.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import can_handle_personal_information
from consortium.communications.models import Registration
from consortium.privacy.models import Anonymisation, SubjectKind

ANONYMOUS = "Anonyme"
ANONYMOUS_DOMAIN = "@anonyme.invalid"


def registrant_anonymise(*, registration: Registration, by=None) -> Anonymisation:
    """Anonymises every sign-up made with the e-mail of `registration`; a second call changes
    nothing. The trail names the first sign-up's number, never the e-mail."""
    if by is not None and not can_handle_personal_information(by):
        raise PermissionDenied(_("Seule l'administration anonymise une personne."))
    with transaction.atomic():
        done = Anonymisation.objects.filter(
            subject_kind=SubjectKind.REGISTRANT, subject_id=registration.pk
        ).first()
        if done is not None:
            return done
        _anonymise(Registration.objects.filter(email__iexact=registration.email))
        return Anonymisation.objects.create(
            subject_kind=SubjectKind.REGISTRANT, subject_id=registration.pk, performed_by=by
        )


def registrations_purge(*, days: int | None = None) -> int:
    """Anonymises the sign-ups of events held more than `days` days ago (the setting
    `CONSORTIUM_REGISTRATIONS_DAYS`, 365 by default); returns how many were still named."""
    days = settings.REGISTRATIONS_DAYS if days is None else days
    before = timezone.localdate() - dt.timedelta(days=days)
    with transaction.atomic():
        return _anonymise(Registration.objects.filter(event__date__lt=before))


def _anonymise(registrations: QuerySet[Registration]) -> int:
    return registrations.exclude(email__endswith=ANONYMOUS_DOMAIN).update(
        name=ANONYMOUS,
        email=Concat(
            Value("anonyme-"),
            Cast("pk", output_field=CharField()),
            Value(ANONYMOUS_DOMAIN),
            output_field=CharField(),
        ),
        organisation="",
        updated_at=timezone.now(),
    )
