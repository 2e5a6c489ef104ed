"""What is held about a member contact: the organisations they represent, what they asked for and
answered on the portal, and their account (found by username or e-mail)."""

from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from consortium.accounts.models import MemberContact
from consortium.diagnostics.models import Diagnostic, DiagnosticAnswer, ServiceRequest
from consortium.privacy.selectors.sections import Section, streamed
from consortium.privacy.selectors.users import user_sections


def find_contact(key: str):
    """The user who represents a member organisation, known by username or e-mail."""
    key = key.strip()
    users = list(
        get_user_model()
        .objects.filter(Q(username=key) | Q(email__iexact=key), member_contacts__isnull=False)
        .distinct()
        .order_by("pk")[:2]
    )
    if len(users) > 1:
        raise Http404(
            _("Plusieurs comptes ont le courriel %(key)s : donnez l'identifiant.") % {"key": key}
        )
    if not users:
        raise Http404(
            _("Aucune personne-ressource d'un membre n'a l'identifiant ou le courriel %(key)s.")
            % {"key": key}
        )
    return users[0]


def contact_sections(user) -> list[Section]:
    """The contact's own sections, then those of their account."""
    return [
        Section(
            "member_contacts",
            _("Organisations représentées"),
            streamed(
                MemberContact.objects.filter(user_id=user.pk).order_by("organisation__code"),
                "title",
                "invited_at",
                "created_at",
                organisation_code=F("organisation__code"),
                organisation_name=F("organisation__name"),
                invited_by_username=F("invited_by__username"),
            ),
        ),
        Section(
            "service_requests",
            _("Demandes de service"),
            streamed(
                ServiceRequest.objects.filter(requested_by_id=user.pk).order_by("requested_at"),
                "requested_at",
                "message",
                "status",
                "decided_at",
                "decline_reason",
                organisation_code=F("organisation__code"),
            ),
        ),
        Section(
            "diagnostics",
            _("Diagnostics commencés ou terminés"),
            streamed(
                Diagnostic.objects.filter(
                    Q(started_by_id=user.pk) | Q(finished_by_id=user.pk)
                ).order_by("created_at", "pk"),
                "status",
                "created_at",
                "finished_at",
                organisation_code=F("organisation__code"),
                started_by_username=F("started_by__username"),
                finished_by_username=F("finished_by__username"),
            ),
        ),
        Section(
            "diagnostic_answers",
            _("Réponses données aux diagnostics"),
            streamed(
                DiagnosticAnswer.objects.filter(answered_by_id=user.pk).order_by(
                    "created_at", "pk"
                ),
                "diagnostic_id",
                "not_applicable",
                "question_id",
                "option_id",
                "updated_at",
            ),
        ),
        *user_sections(user),
    ]
