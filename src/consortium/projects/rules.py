"""Pure rules of a deliverable's validation: which moves are allowed, and what each needs."""

from django.utils.translation import gettext as _

from consortium.projects.models import ValidationState

DRAFT, IN_REVIEW, VALIDATED, RETURNED = (
    ValidationState.DRAFT,
    ValidationState.IN_REVIEW,
    ValidationState.VALIDATED,
    ValidationState.RETURNED,
)

# Draft → in review → validated or returned; a returned deliverable goes back to review.
TRANSITIONS: dict[str, frozenset[str]] = {
    DRAFT: frozenset({IN_REVIEW}),
    IN_REVIEW: frozenset({VALIDATED, RETURNED}),
    RETURNED: frozenset({IN_REVIEW}),
    VALIDATED: frozenset(),
}


def transition_problems(from_state: str, to_state: str) -> list[str]:
    """Why a deliverable may not move from `from_state` to `to_state` (empty if it may)."""
    if to_state in TRANSITIONS.get(from_state, frozenset()):
        return []
    return [
        _("Un livrable « %(from)s » ne peut passer à « %(to)s ».")
        % {
            "from": ValidationState(from_state).label,
            "to": ValidationState(to_state).label,
        }
    ]


def validation_problems(
    *, author_id: int | None, validator_id: int, required: set[int], ticked: set[int]
) -> list[str]:
    """Why this validator may not validate with these ticked points (empty if they may)."""
    problems = []
    if author_id is not None and author_id == validator_id:
        problems.append(
            _("L'auteur d'un livrable ne peut le valider : une autre personne doit le faire.")
        )
    missing = required - ticked
    if missing:
        problems.append(
            _("Cochez chaque point de la liste de contrôle pour valider (%(count)s manquant(s)).")
            % {"count": len(missing)}
        )
    if ticked - required:
        problems.append(_("Un point coché n'est pas de la liste de contrôle de ce projet."))
    return problems
