"""The ledger figures written out: JSON for programs, a table for people (fr-CA or en-CA)."""

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from consortium.core.fiscal_years import Period
from consortium.kpis.selectors import NON_MEMBER, TENTH
from consortium.members.models import MemberCategory
from consortium.staff.models import Gender, Role

BABEL_LOCALES = {"fr": "fr_CA", "en": "en_CA"}
NO_BREAK_SPACE = "\u00a0"
NOTHING = "—"


def kpis_as_json(kpis: dict) -> str:
    """The figures under their own names; hours, percentages and ages as JSON numbers."""

    def number(value: object) -> float:
        if isinstance(value, Decimal):
            return float(value)
        raise TypeError(f"{type(value).__name__} n'est pas un nombre")

    return json.dumps(kpis, default=number, ensure_ascii=False, indent=2)


class _Numbers:
    """Numbers as the active language writes them (fr-CA: 62 800 h, 30,0 %)."""

    def __init__(self) -> None:
        self.locale = BABEL_LOCALES.get((get_language() or "fr")[:2], "fr_CA")
        percent = Locale.parse(self.locale).percent_formats[None].pattern
        self.percent_pattern = percent.replace("#,##0", "#,##0.0", 1)

    def count(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def hours(self, value: Decimal) -> str:
        """Whole hours without decimals (62 800 h), others with two (1 234,50 h)."""
        pattern = "#,##0" if value == value.to_integral_value() else "#,##0.00"
        return f"{format_decimal(value, format=pattern, locale=self.locale)}{NO_BREAK_SPACE}h"

    def percent(self, value: Decimal | None) -> str:
        if value is None:
            return NOTHING
        return format_percent(value / 100, format=self.percent_pattern, locale=self.locale)

    def share(self, part: Decimal, total: Decimal) -> str:
        """Part of the total in %, rounded half up like every percentage of the report."""
        if not total:
            return NOTHING
        return self.percent((part * 100 / total).quantize(TENTH, rounding=ROUND_HALF_UP))

    def years(self, value: Decimal | None) -> str:
        if value is None:
            return NOTHING
        number = format_decimal(value, format="#,##0.0", locale=self.locale)
        return f"{number}{NO_BREAK_SPACE}{_('ans')}"

    def day(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.locale)


Row = tuple[str, str, str]  # label, value, share of the hours (or "")


def _share_rows(
    numbers: _Numbers, hours: dict[str, Decimal], names: dict[str, str], total: Decimal
) -> list[Row]:
    """Largest first, as the report's charts show them."""
    ordered = sorted(hours.items(), key=lambda item: (-item[1], names.get(item[0], item[0])))
    return [
        (names.get(code, code), numbers.hours(value), numbers.share(value, total))
        for code, value in ordered
    ]


def _sections(kpis: dict, period: Period, names: dict[str, dict[str, str]]) -> list:
    """The table's content: (heading or None, rows); rows under a heading are indented."""
    numbers = _Numbers()
    total = kpis["service_hours"]
    category_names = {
        MemberCategory.FULLY_MANAGED.value: _("Membres sous entière gestion"),
        MemberCategory.USER.value: _("Membres utilisateurs"),
        MemberCategory.AUXILIARY.value: _("Membres auxiliaires"),
        MemberCategory.SUPPORT.value: _("Membres de soutien"),
        NON_MEMBER: _("Non-membres"),
    }
    role_names = {
        Role.PROFESSIONAL.value: _("Ressources professionnelles"),
        Role.TRAINER.value: _("Formateurs"),
        Role.DIRECTOR.value: _("Directions"),
    }
    gender_names = {
        Gender.WOMAN.value: _("Femmes"),
        Gender.MAN.value: _("Hommes"),
        Gender.OTHER.value: _("Autres"),
    }
    return [
        (
            None,
            [
                (_("Heures de services rendues"), numbers.hours(total), ""),
                (
                    _("Entreprises soutenues directement"),
                    numbers.count(kpis["enterprises_served"]),
                    "",
                ),
                (
                    _("Entreprises touchées (directement ou via leur regroupement sectoriel)"),
                    numbers.count(kpis["enterprises_reached"]),
                    "",
                ),
            ],
        ),
        (
            _("Heures par département"),
            _share_rows(numbers, kpis["hours_by_department"], names["departments"], total),
        ),
        (
            _("Heures par type de mandat"),
            _share_rows(numbers, kpis["hours_by_mandate_type"], names["mandate_types"], total),
        ),
        (
            _("Heures par catégorie de membre"),
            [
                (category_names[key], numbers.hours(value), numbers.share(value, total))
                for key, value in kpis["hours_by_member_category"].items()
            ],
        ),
        (
            _("Organisations membres"),
            [
                (_("Au début de la période"), numbers.count(kpis["members_at_start"]), ""),
                (_("Nouvelles"), numbers.count(kpis["new_members"]), ""),
                (_("Parties"), numbers.count(kpis["departed_members"]), ""),
                (_("À la fin de la période"), numbers.count(kpis["members_at_end"]), ""),
                (
                    _("Croissance du membrariat"),
                    numbers.percent(kpis["membership_growth_pct"]),
                    "",
                ),
            ],
        ),
        (
            _("Effectif au %(day)s") % {"day": numbers.day(period.end)},
            [
                (role_names[role], numbers.count(count), "")
                for role, count in kpis["headcount"].items()
            ],
        ),
        (
            _("Genre, parmi les personnes qui l'ont déclaré"),
            [
                (gender_names[gender], numbers.percent(share), "")
                for gender, share in kpis["gender_pct"].items()
            ],
        ),
        (None, [(_("Moyenne d'âge"), numbers.years(kpis["average_age"]), "")]),
    ]


def _title(period: Period) -> str:
    numbers = _Numbers()
    dates = {"start": numbers.day(period.start), "end": numbers.day(period.end)}
    if period.label:
        return _("Exercice %(name)s, du %(start)s au %(end)s") % {"name": period.label, **dates}
    return _("Du %(start)s au %(end)s") % dates


def kpis_as_table(kpis: dict, period: Period, names: dict[str, dict[str, str]]) -> str:
    """The figures as a table in the active language; `names` from `ledger_dimension_names`."""
    sections = _sections(kpis, period, names)
    indent = "  "
    width = {
        "label": max(
            len(label) + (len(indent) if heading else 0)
            for heading, rows in sections
            for label, _value, _share in rows
        ),
        "value": max(len(value) for _h, rows in sections for _l, value, _s in rows),
        "share": max(len(share) for _h, rows in sections for _l, _v, share in rows),
    }
    title = _title(period)
    lines = [title, "=" * len(title)]
    for number, (heading, rows) in enumerate(sections):
        if number:
            lines.append("")
        if heading:
            lines.append(heading)
        prefix = indent if heading else ""
        for label, value, share in rows:
            line = f"{(prefix + label).ljust(width['label'])}  {value.rjust(width['value'])}"
            if share:
                line += f"  {share.rjust(width['share'])}"
            lines.append(line)
    return "\n".join(lines) + "\n"
