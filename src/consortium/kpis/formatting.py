"""The ledger figures written out: JSON for programs, a table for people (fr-CA or en-CA)."""

import json
from decimal import Decimal

from django.utils.translation import gettext as _

from consortium.core import formatting
from consortium.core.fiscal_years import Period
from consortium.core.numbers import percentage
from consortium.kpis.selectors import NON_MEMBER, LedgerKpis
from consortium.members.models import MemberCategory
from consortium.staff.models import Gender, Role


def kpis_as_json(kpis: LedgerKpis) -> str:
    """The figures under their own names; hours, percentages and ages as JSON numbers."""

    def number(value: object) -> float:
        if isinstance(value, Decimal):
            return float(value)
        raise TypeError(f"{type(value).__name__} n'est pas un nombre")

    return json.dumps(kpis.as_dict(), default=number, ensure_ascii=False, indent=2)


def _share(part: Decimal, total: Decimal) -> str:
    """Part of the total in %, rounded half up like every percentage of the report."""
    return formatting.percent(percentage(part, total), 1)


def _years(value: Decimal | None) -> str:
    if value is None:
        return formatting.NOTHING
    return f"{formatting.number(value, 1)}{formatting.NO_BREAK_SPACE}{_('ans')}"


Row = tuple[str, str, str]  # label, value, share of the hours (or "")


def _share_rows(hours: dict[str, Decimal], names: dict[str, str], total: Decimal) -> list[Row]:
    """Largest first, as the report's charts show them."""
    ordered = sorted(hours.items(), key=lambda item: (-item[1], names.get(item[0], item[0])))
    return [
        (names.get(code, code), formatting.hours_to_the_cent(value), _share(value, total))
        for code, value in ordered
    ]


def _sections(kpis: LedgerKpis, period: Period, names: dict[str, dict[str, str]]) -> list:
    """The table's content: (heading or None, rows); rows under a heading are indented."""
    total = kpis.service_hours
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
                (_("Heures de services rendues"), formatting.hours_to_the_cent(total), ""),
                (
                    _("Entreprises soutenues directement"),
                    formatting.number(kpis.enterprises_served),
                    "",
                ),
                (
                    _("Entreprises touchées (directement ou via leur regroupement sectoriel)"),
                    formatting.number(kpis.enterprises_reached),
                    "",
                ),
            ],
        ),
        (
            _("Heures par département"),
            _share_rows(kpis.hours_by_department, names["departments"], total),
        ),
        (
            _("Heures par type de mandat"),
            _share_rows(kpis.hours_by_mandate_type, names["mandate_types"], total),
        ),
        (
            _("Heures par catégorie de membre"),
            [
                (category_names[key], formatting.hours_to_the_cent(value), _share(value, total))
                for key, value in kpis.hours_by_member_category.items()
            ],
        ),
        (
            _("Organisations membres"),
            [
                (_("Au début de la période"), formatting.number(kpis.members_at_start), ""),
                (_("Nouvelles"), formatting.number(kpis.new_members), ""),
                (_("Parties"), formatting.number(kpis.departed_members), ""),
                (_("À la fin de la période"), formatting.number(kpis.members_at_end), ""),
                (
                    _("Croissance du membrariat"),
                    formatting.percent(kpis.membership_growth_pct, 1),
                    "",
                ),
            ],
        ),
        (
            _("Effectif au %(day)s") % {"day": formatting.long_date(period.end)},
            [
                (role_names[role], formatting.number(count), "")
                for role, count in kpis.headcount.items()
            ],
        ),
        (
            _("Genre, parmi les personnes qui l'ont déclaré"),
            [
                (gender_names[gender], formatting.percent(share, 1), "")
                for gender, share in kpis.gender_pct.items()
            ],
        ),
        (None, [(_("Moyenne d'âge"), _years(kpis.average_age), "")]),
    ]


def _title(period: Period) -> str:
    dates = {"start": formatting.long_date(period.start), "end": formatting.long_date(period.end)}
    if period.label:
        return _("Exercice %(name)s, du %(start)s au %(end)s") % {"name": period.label, **dates}
    return _("Du %(start)s au %(end)s") % dates


def kpis_as_table(kpis: LedgerKpis, period: Period, names: dict[str, dict[str, str]]) -> str:
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
