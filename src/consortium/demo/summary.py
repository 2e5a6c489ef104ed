"""What the demo commands print about the data they made, in the active language."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consortium.core.formatting import exact_number


def _number(value: int | float | Decimal) -> str:
    return exact_number(value)


def counts_sentence(counts: dict, seconds: float) -> str:
    """« Centre de démonstration créé en 3,2 s : 436 organisations, … »"""
    return _(
        "Centre de démonstration créé en %(seconds)s s : %(organisations)s organisations, "
        "%(memberships)s adhésions, %(experts)s experts, %(mandates)s mandats, "
        "%(time_entries)s entrées de temps (%(hours)s h), %(period_locks)s périodes verrouillées."
    ) % {
        "seconds": _number(round(seconds, 1)),
        **{
            name: _number(value)
            for name, value in counts.items()
            if isinstance(value, int | float | Decimal)
        },
    }


def recent_sentence(counts: dict) -> str:
    """« Semaines récentes : … » when the demo goes on past the report years."""
    if not counts.get("recent_time_entries"):
        return ""
    return _(
        "Semaines récentes : %(entries)s entrées de temps du %(start)s au %(end)s, "
        "%(weeks)s semaines de temps dont %(awaiting)s à approuver par la direction de démo."
    ) % {
        "entries": _number(counts["recent_time_entries"]),
        "start": counts["recent_start"].isoformat(),
        "end": counts["recent_end"].isoformat(),
        "weeks": _number(counts["timesheet_weeks"]),
        "awaiting": _number(counts["weeks_awaiting_approval"]),
    }


def login_line(login, password: str) -> str:
    """« experte / consortium-demo — experte (saisie du temps) : Émilie Pilon, Comptabilité »"""
    line = _("%(username)s / %(password)s — %(role)s") % {
        "username": login.user.get_username(),
        "password": password,
        "role": login.description,
    }
    if login.expert is not None:
        line += _(" : %(expert)s, %(department)s") % {
            "expert": login.expert.full_name,
            "department": login.expert.department.name,
        }
    if login.organisation is not None:
        line += _(" : %(person)s, %(organisation)s") % {
            "person": login.user.get_full_name(),
            "organisation": login.organisation.name,
        }
    return line


def existing_sentence(existing: dict[str, int]) -> str:
    """« 1 organisation, 3 experts, … » for the kinds of rows that are there."""
    names = {
        "organisations": lambda n: ngettext("%(n)s organisation", "%(n)s organisations", n),
        "experts": lambda n: ngettext("%(n)s expert", "%(n)s experts", n),
        "mandates": lambda n: ngettext("%(n)s mandat", "%(n)s mandats", n),
        "time_entries": lambda n: ngettext("%(n)s entrée de temps", "%(n)s entrées de temps", n),
        "period_locks": lambda n: ngettext(
            "%(n)s période verrouillée", "%(n)s périodes verrouillées", n
        ),
        "departments": lambda n: ngettext("%(n)s département", "%(n)s départements", n),
        "mandate_types": lambda n: ngettext("%(n)s type de mandat", "%(n)s types de mandat", n),
    }
    return ", ".join(
        names[name](count) % {"n": _number(count)} for name, count in existing.items() if count
    )
