"""The report's sentences that state a figure, written from the figure in the active language.

Singular or plural by ngettext; a negative change reads as a decrease, never as "a growth of
-3 %". Figures come formatted by `formatting` (fr-CA or en-CA). A comparison with a year that
has no figure to compare with (None) is not made: the sentence is empty (or leaves that clause
out), never "une croissance de —" nor "une diminution de 100 %".
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consortium.core.formatting import number, percent

Number = Decimal | int


def _is_decrease(value: Number | None) -> bool:
    return value is not None and value < 0


def revenue_growth(growth_pct: Number | None) -> str:
    """Le Consortium a connu une croissance de 2 % de ses produits totaux."""
    if growth_pct is None:
        return ""
    if _is_decrease(growth_pct):
        return _("Le Consortium a connu une diminution de %(pct)s de ses produits totaux.") % {
            "pct": percent(-growth_pct)
        }
    return _("Le Consortium a connu une croissance de %(pct)s de ses produits totaux.") % {
        "pct": percent(growth_pct)
    }


def new_members(count: int, growth_pct: Number | None) -> str:
    """27 nouvelles organisations sont devenues membres…, représentant une croissance du
    membrariat de 30 %."""
    joined = ngettext(
        "%(count)s nouvelle organisation est devenue membre du centre de services partagés",
        "%(count)s nouvelles organisations sont devenues membres du centre de services partagés",
        count,
    ) % {"count": number(count)}
    if growth_pct is None:
        return _("%(joined)s.") % {"joined": joined}
    if _is_decrease(growth_pct):
        clause = _("alors que le membrariat connaît une diminution de %(pct)s") % {
            "pct": percent(-growth_pct)
        }
    else:
        clause = _("représentant une croissance du membrariat de %(pct)s") % {
            "pct": percent(growth_pct)
        }
    return _("%(joined)s, %(clause)s.") % {"joined": joined, "clause": clause}


def enterprises_reached(count: int) -> str:
    """Des interventions auprès de 350 entreprises (…)."""
    return ngettext(
        "Des interventions auprès de %(count)s entreprise (touchée directement ou via son "
        "regroupement sectoriel par les services du Consortium)",
        "Des interventions auprès de %(count)s entreprises (touchées directement ou via leur "
        "regroupement sectoriel par les services du Consortium)",
        count,
    ) % {"count": number(count)}


def diversification(count: int | None) -> str:
    """+50 entreprises (organisations billed this year minus the prior year); empty when the
    prior year billed no one (nothing to compare with)."""
    if count is None:
        return ""
    sign = "+" if count >= 0 else "-"
    return ngettext("%(count)s entreprise", "%(count)s entreprises", abs(count)) % {
        "count": sign + number(abs(count))
    }


def member_business(pct: Number | None) -> str:
    """Article 17 of the regulation under the Cooperatives Act; empty without the figure."""
    if pct is None:
        return ""
    return _(
        "Au cours de l'exercice, la Coopérative a effectué %(pct)s de ses opérations avec ses "
        "membres utilisateurs au sens de l'article 17 du Règlement d'application de la Loi sur "
        "les coopératives."
    ) % {"pct": percent(pct)}


def _change(pct: Number | None) -> str:
    if _is_decrease(pct):
        return _("une diminution de %(pct)s") % {"pct": percent(-pct, 1)}
    return _("une progression de %(pct)s") % {"pct": percent(pct, 1)}


def revenue_progression(other_members_pct: Number | None, auxiliary_pct: Number | None) -> str:
    """Revenue from members other than fully managed, and from auxiliary members; a clause
    whose prior year had no such revenue is left out."""
    if other_members_pct is None and auxiliary_pct is None:
        return ""
    if auxiliary_pct is None:
        return _(
            "Par rapport à l'année précédente, les revenus en provenance des membres autres que "
            "sous entière gestion connaissent %(other)s."
        ) % {"other": _change(other_members_pct)}
    if other_members_pct is None:
        return _(
            "Par rapport à l'année précédente, les revenus des membres auxiliaires connaissent "
            "%(auxiliary)s."
        ) % {"auxiliary": _change(auxiliary_pct)}
    return _(
        "Par rapport à l'année précédente, les revenus en provenance des membres autres que "
        "sous entière gestion connaissent %(other)s et ceux des membres auxiliaires, "
        "%(auxiliary)s."
    ) % {"other": _change(other_members_pct), "auxiliary": _change(auxiliary_pct)}


def price_volume(split: dict | None) -> str:
    """Whether the other members' change in revenue comes more from hours billed (volume) or
    from average rates (price): the larger effect, in absolute value, wins; a tie is volume.
    Empty without a split (a year before the platform billed)."""
    if split is None:
        return ""
    volume, price = split["volume_effect"], split["price_effect"]
    increase = volume + price >= 0
    if abs(volume) >= abs(price):
        if increase:
            return _(
                "Il est intéressant d'observer que ces augmentations dépendent davantage du "
                "volume de services que de la tarification."
            )
        return _(
            "Il est intéressant d'observer que ces diminutions dépendent davantage du volume "
            "de services que de la tarification."
        )
    if increase:
        return _(
            "Il est intéressant d'observer que ces augmentations dépendent davantage de la "
            "tarification que du volume de services."
        )
    return _(
        "Il est intéressant d'observer que ces diminutions dépendent davantage de la "
        "tarification que du volume de services."
    )


def fully_managed_share(current_pct: Number | None, prior_pct: Number | None) -> str:
    """Whether the fully managed members' share of revenue falls or rises."""
    values = {"prior": percent(prior_pct), "current": percent(current_pct)}
    if current_pct is None:
        return ""
    if prior_pct is None or current_pct == prior_pct:
        return (
            _(
                "En regard de leur utilisation des services, la part des membres sous entière "
                "gestion reste stable (%(current)s)."
            )
            % values
        )
    if current_pct < prior_pct:
        return (
            _(
                "En regard de leur utilisation des services, la part des membres sous entière "
                "gestion diminue (de %(prior)s à %(current)s) au profit des autres membres et des "
                "membres auxiliaires. Ainsi, le Consortium continue de diversifier ses revenus."
            )
            % values
        )
    return (
        _(
            "En regard de leur utilisation des services, la part des membres sous entière gestion "
            "augmente (de %(prior)s à %(current)s)."
        )
        % values
    )


def engagement(rate_pct: Number | None, benchmark_pct: Number | None) -> str:
    """The engagement rate against the benchmark of similar organisations."""
    values = {"benchmark": percent(benchmark_pct)}
    if rate_pct is None or benchmark_pct is None:
        return ""
    if rate_pct >= benchmark_pct:
        return (
            _(
                "Ce résultat se compare avantageusement à celui d'entreprises semblables "
                "(%(benchmark)s)."
            )
            % values
        )
    return _("Ce résultat est inférieur à celui d'entreprises semblables (%(benchmark)s).") % (
        values
    )


def experts_trained(count: int) -> str:
    if not count:
        return ""
    return ngettext(
        "%(count)s employé a suivi une formation au cours de l'exercice.",
        "%(count)s employés ont suivi une formation au cours de l'exercice.",
        count,
    ) % {"count": number(count)}


def calendar_year(hours: Decimal, enterprises: int, year: int) -> str:
    """Le Consortium, c'est : 75 100 heures de services, 300 entreprises soutenues en 2020."""
    return ngettext(
        "Le Consortium, c'est : %(hours)s heures de services, %(count)s entreprise soutenue "
        "en %(year)s.",
        "Le Consortium, c'est : %(hours)s heures de services, %(count)s entreprises soutenues "
        "en %(year)s.",
        enterprises,
    ) % {"hours": number(hours), "count": number(enterprises), "year": year}


def the_consortium(professionals: int, fields: int) -> str:
    """Le Consortium, c'est : 50 professionnels, 20 champs d'expertise."""
    if not professionals:
        return ""
    staff = ngettext("%(count)s professionnel", "%(count)s professionnels", professionals) % {
        "count": number(professionals)
    }
    if not fields:
        return _("Le Consortium, c'est : %(staff)s.") % {"staff": staff}
    expertise = ngettext("%(count)s champ d'expertise", "%(count)s champs d'expertise", fields) % {
        "count": number(fields)
    }
    return _("Le Consortium, c'est : %(staff)s, %(expertise)s.") % {
        "staff": staff,
        "expertise": expertise,
    }


def diagnostics_done(count: int, launched: int | None) -> str:
    """Le diagnostic organisationnel en ligne, lancé en 2024 : 12 diagnostics terminés."""
    if not count or launched is None:
        return ""
    return ngettext(
        "Le diagnostic organisationnel en ligne, lancé en %(year)s : %(count)s diagnostic "
        "terminé au cours de l'exercice.",
        "Le diagnostic organisationnel en ligne, lancé en %(year)s : %(count)s diagnostics "
        "terminés au cours de l'exercice.",
        count,
    ) % {"count": number(count), "year": launched}
