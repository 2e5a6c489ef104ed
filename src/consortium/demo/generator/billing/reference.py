"""The demo centre's billing reference data: its settings, the funder of the Montreal programme,
the two programmes of the seed and the rate table.

The report years' rates are those that, with the hours each category billed, give the report's
revenue (records/finance.py SERVICE_REVENUE); they change on 2020-04-01 and again on 2021-04-01,
when the centre adopted the table it still uses (narrowed for training mandates and directors),
raised by 3 % on 2026-04-01. Names and numbers are fictional.
"""

import datetime as dt
from decimal import Decimal

from consortium.billing.models import BillingSettings, Programme, ProgrammeEligibility, Rate
from consortium.mandates.models import MandateType
from consortium.members.models import Membership, Organisation

SETTINGS = {
    "legal_name": "Consortium de services partagés, coopérative de solidarité",
    "address": "2100, boulevard de la Coopération, bureau 300\nQuébec (Québec)  G1K 0A1",
    "email": "facturation@consortium-demo.coop",
    "phone": "418 555-0170",
    "gst_number": "784512369 RT0001",
    "qst_number": "1228847563 TQ0001",
}
FUNDER_NAME = "Fonds d'économie sociale de Montréal"
FUNDER_REGION = "06"
PROGRAMME_START = dt.date(2020, 4, 1)
# code, French and English names, funder ("" = the Montreal fund), hours, end, rule region
PROGRAMMES = [
    (
        "SOUTIEN-25H",
        "Obtenez 25 h de soutien gratuit",
        "Get 25 hours of free support",
        "",
        Decimal("25"),
        dt.date(2027, 3, 31),
        FUNDER_REGION,
    ),
    (
        "RELANCE-360",
        "Accélération-Relance 360°",
        "Acceleration-Relaunch 360°",
        "CQCM",
        Decimal("25"),
        dt.date(2027, 3, 31),
        "",
    ),
]
TABLE_START = dt.date(2021, 4, 1)
RAISE_START = dt.date(2026, 4, 1)
RAISE = Decimal("1.03")
# From 2021-04-01: (category, mandate type code or "", role or "", hourly rate); with the
# flat fees, 2021-2022's service revenue comes near its budget.
TABLE = [
    ("fully_managed", "", "", Decimal("45.00")),
    ("user", "", "", Decimal("48.00")),
    ("user", "FOR", "", Decimal("52.00")),
    ("user", "", "director", Decimal("60.00")),
    ("auxiliary", "", "", Decimal("50.00")),
    ("auxiliary", "FOR", "", Decimal("54.00")),
    ("support", "", "", Decimal("48.00")),
    ("non_member", "", "", Decimal("62.00")),
]
# Internal time: never billed (the demo logs none of it in the report years).
INTERNAL_TYPES = [
    ("CONGE", "Congés et absences", "Leave and absences"),
    ("FORMINT", "Formation du personnel", "Staff training"),
    ("CRISE", "Cellule de crise", "Crisis cell"),
]


def write_settings() -> BillingSettings:
    settings = BillingSettings(pk=1, **SETTINGS)
    settings.full_clean()
    settings.save()
    return settings


def write_internal_types() -> int:
    rows = [
        MandateType(code=code, name_fr=fr, name_en=en, billable=False)
        for code, fr, en in INTERNAL_TYPES
    ]
    for row in rows:
        row.full_clean()
    MandateType.objects.bulk_create(rows)
    return len(rows)


def montreal_funder() -> Organisation:
    """The support member that funds the Montreal programme: the first support member since
    before the data that uses no service, renamed (support members back the co-op). A small
    demo (--scale) may have none: then the first organisation never served, or CDRQ."""
    member = (
        Membership.objects.filter(category="support", end=None, start__lt=dt.date(2019, 1, 1))
        .exclude(organisation__mandates__isnull=False)
        .order_by("organisation__code")
        .select_related("organisation")
        .first()
    )
    organisation = (
        member.organisation
        if member
        else Organisation.objects.filter(mandates__isnull=True).order_by("code").first()
    )
    if organisation is None:
        return Organisation.objects.get(code="CDRQ")
    organisation.name, organisation.region = FUNDER_NAME, FUNDER_REGION
    organisation.full_clean(exclude=["federation"])
    organisation.save(update_fields=["name", "region", "updated_at"])
    return organisation


def write_programmes(funder: Organisation, eligible: dict[str, list[int]]) -> dict[str, Programme]:
    """The two programmes; `eligible`: programme code → listed organisations."""
    pss = MandateType.objects.get(code="PSS")
    codes = dict(Organisation.objects.filter(code="CQCM").values_list("code", "pk"))
    programmes = {}
    for code, name_fr, name_en, funder_code, hours, end, region in PROGRAMMES:
        programme = Programme(
            code=code,
            name_fr=name_fr,
            name_en=name_en,
            funder_id=codes[funder_code] if funder_code else funder.pk,
            hours_per_organisation=hours,
            start=PROGRAMME_START,
            end=end,
            rule_region=region,
            rule_member_category="non_member" if region else "",
        )
        programme.full_clean()
        programme.save()
        programme.mandate_types.set([pss])
        rows = [
            ProgrammeEligibility(programme=programme, organisation_id=pk)
            for pk in eligible.get(code, [])
        ]
        ProgrammeEligibility.objects.bulk_create(rows)
        programmes[code] = programme
    return programmes


def write_rates(report_rates: dict[tuple[str, str], Decimal], years: dict[str, tuple]) -> int:
    """The report years' rates by category (`report_rates`: (year, category) → rate; `years`:
    name → first and last day), then the table from 2021-04-01 and its raise."""
    types = dict(MandateType.objects.values_list("code", "pk"))
    rows = [
        Rate(
            member_category=category,
            hourly_rate=rate,
            valid_from=years[year][0],
            valid_until=years[year][1],
        )
        for (year, category), rate in sorted(report_rates.items())
    ]
    for category, type_code, role, rate in TABLE:
        common = {
            "member_category": category,
            "mandate_type_id": types[type_code] if type_code else None,
            "expert_role": role,
        }
        rows.append(
            Rate(
                **common,
                hourly_rate=rate,
                valid_from=TABLE_START,
                valid_until=RAISE_START - dt.timedelta(days=1),
            )
        )
        rows.append(
            Rate(
                **common, hourly_rate=(rate * RAISE).quantize(Decimal("1")), valid_from=RAISE_START
            )
        )
    for row in rows:
        row.clean_fields(exclude=["mandate_type"])
    Rate.objects.bulk_create(rows)
    return len(rows)
