"""Demo business development: the activities of three fiscal years and a few partnerships.

In 2020-2021, as in the seed report: 18 events, 10 AGMs attended, 106 development meetings and
11 presentations of the services, each naming organisations of the report's table. Those the
demo centre lacks are created as organisations that are not members (no federation, no
membership: the ledger's figures do not move). Content, not interface: not wrapped in gettext.
"""

import datetime as dt
from decimal import Decimal

from consortium.development.models import (
    ActivityKind,
    DevelopmentActivity,
    Opportunity,
    OpportunityStage,
    Partnership,
)
from consortium.development.services import development_activity_upsert, partnership_record
from consortium.mandates.models import MandateType
from consortium.members.models import LegalForm, Organisation
from consortium.members.services import organisation_upsert
from consortium.staff.models import Department, Expert

# The organisations of the report's table (name, legal form, region); CQCM, CDRQ, FCCTQ and
# TRESCA are the demo's own. Those outside Quebec take the region where the centre met them.
ORGANISATIONS: dict[str, tuple[str, str, str]] = {
    "DEV-MEI": ("Ministère de l'Économie et de l'Innovation (MEI)", LegalForm.OTHER, "03"),
    "DEV-POLECN": (
        "Pôle des entreprises d'économie sociale de la région de la Capitale-Nationale (Pôle CN)",
        LegalForm.NONPROFIT,
        "03",
    ),
    "DEV-CHANTIER": ("Chantier de l'économie sociale", LegalForm.NONPROFIT, "06"),
    "DEV-CMC": ("Coopératives et mutuelles Canada (CMC)", LegalForm.NONPROFIT, "07"),
    "DEV-ACI": ("Alliance Coopérative Internationale (ACI)", LegalForm.NONPROFIT, "06"),
    "DEV-TIESS": (
        "Territoires innovants en économie sociale et solidaire (TIESS)",
        LegalForm.NONPROFIT,
        "06",
    ),
    "DEV-DCAP": ("Desjardins Capital", LegalForm.OTHER, "06"),
    "DEV-CESD": ("Caisse d'économie solidaire Desjardins (CESD)", LegalForm.COOPERATIVE, "06"),
    "DEV-RISQ": ("Réseau d'investissement social du Québec (RISQ)", LegalForm.NONPROFIT, "06"),
    "DEV-POLEVHSL": (
        "Pôle d'économie sociale Vallée-du-Haut-Saint-Laurent (Pôle VHSL)",
        LegalForm.NONPROFIT,
        "16",
    ),
    "DEV-FEQ": ("Fonds d'emprunt Québec", LegalForm.NONPROFIT, "03"),
    "DEV-RECVAN": ("Recyclage Vanier", LegalForm.NONPROFIT, "03"),
    "DEV-CSMO": (
        "Comité sectoriel de main-d'œuvre économie sociale et action communautaire (CSMO-ÉSAC)",
        LegalForm.NONPROFIT,
        "06",
    ),
    "DEV-SOLLIO": ("Sollio Groupe Coopératif", LegalForm.COOPERATIVE, "06"),
    "DEV-ARBJ": ("Administration régionale Baie-James (ARBJ)", LegalForm.OTHER, "10"),
    "DEV-VMTL": ("Ville de Montréal", LegalForm.OTHER, "06"),
    "DEV-ECOLEADER": ("Fonds Écoleader", LegalForm.NONPROFIT, "06"),
    "DEV-TELESCOPE": ("Téléscope", LegalForm.NONPROFIT, "03"),
    "DEV-CDECQ": (
        "Corporation de développement économique communautaire (CDEC) de Québec",
        LegalForm.NONPROFIT,
        "03",
    ),
    "DEV-SCN": ("Secrétariat à la Capitale-Nationale", LegalForm.OTHER, "03"),
    "DEV-RSADC": (
        "Réseau des Sociétés d'aide au développement des collectivités",
        LegalForm.OTHER,
        "03",
    ),
    "DEV-FILACTION": ("Filaction", LegalForm.NONPROFIT, "06"),
    "DEV-INNOGEC": ("Fonds Innogec", LegalForm.NONPROFIT, "06"),
    "DEV-NOVUM": ("Novum", LegalForm.NONPROFIT, "03"),
    "DEV-CN2I": (
        "Coopérative nationale de l'information indépendante (CN2i)",
        LegalForm.COOPERATIVE,
        "06",
    ),
    "DEV-ACCA": (
        "Alberta Community and Co-operative Association (ACCA)",
        LegalForm.NONPROFIT,
        "06",
    ),
    "DEV-OCA": ("Ontario Co-operative Association (OCA)", LegalForm.NONPROFIT, "06"),
    "DEV-COMSOL": ("Commerce solidaire", LegalForm.NONPROFIT, "06"),
    "DEV-QI": ("Québec international", LegalForm.NONPROFIT, "03"),
    "DEV-FQM": ("Fédération québécoise des municipalités (FQM)", LegalForm.NONPROFIT, "03"),
    "DEV-FAUNENORD": ("FaunENord", LegalForm.NONPROFIT, "10"),
    "DEV-EENOU": ("Centre d'amitié Eenou de Chibougamau", LegalForm.NONPROFIT, "10"),
    "DEV-COMPMTL": ("Compagnons de Montréal", LegalForm.NONPROFIT, "06"),
    "DEV-ESTRAD": ("Ès TRAD", LegalForm.COOPERATIVE, "06"),
    "DEV-EXCELLENCE": ("École de l'Excellence", LegalForm.NONPROFIT, "06"),
    "DEV-RAUQ": ("Réseau d'agriculture urbaine de Québec (RAUQ)", LegalForm.NONPROFIT, "03"),
    "DEV-CAE": ("Chaudière-Appalaches Économique", LegalForm.NONPROFIT, "12"),
    "DEV-OTQ": ("Office du tourisme de Québec (OTQ)", LegalForm.NONPROFIT, "03"),
    "DEV-CIBIM": ("CIBÎM", LegalForm.NONPROFIT, "06"),
}

# The report's events of 2020-2021 (title, organisations), then four more, 18 in all.
EVENTS: list[tuple[str, list[str]]] = [
    (
        "Conférence de presse : Plan d'action gouvernemental en économie sociale",
        ["DEV-MEI"],
    ),
    ("Café Web du Pôle CN", ["DEV-POLECN"]),
    ("Place de l'économie sociale dans la relance des activités", ["DEV-CHANTIER"]),
    ("Présentation des programmes de développement provincial de CMC", ["DEV-CMC"]),
    ("Présentation des programmes de développement de la francophonie du CQCM", ["CQCM"]),
    ("Webinaire de l'Alliance Coopérative Internationale", ["DEV-ACI"]),
    ("Formation et sensibilisation des ressources du Consortium par le TIESS", ["DEV-TIESS"]),
    (
        "Formation et sensibilisation des ressources du Consortium par Desjardins Capital",
        ["DEV-DCAP"],
    ),
    ("50e anniversaire de la Caisse d'économie solidaire Desjardins", ["DEV-CESD"]),
    ("Rencontre régionale de la CDRQ", ["CDRQ"]),
    ("Forum du Réseau d'investissement social du Québec", ["DEV-RISQ"]),
    ("Rendez-vous coopératif du CQCM", ["CQCM"]),
    ("Rendez-vous de l'économie sociale du Pôle VHSL", ["DEV-POLEVHSL"]),
    ("Sommet coopératif de CMC", ["DEV-CMC"]),
    (
        "Webinaire « Service à la clientèle et grands changements » (Mois de l'économie sociale)",
        ["DEV-CHANTIER", "DEV-POLECN"],
    ),
    ("Lancement d'Accélération-Relance 360°", ["DEV-CDECQ", "CDRQ"]),
    ("Colloque du TIESS sur la relance", ["DEV-TIESS"]),
    ("Assemblée du Chantier de l'économie sociale sur la relance", ["DEV-CHANTIER"]),
]
# The AGMs attended in 2020-2021: ten, naming the report's organisations.
AGMS_ATTENDED: list[list[str]] = [
    ["DEV-FEQ"],
    ["DEV-POLECN"],
    ["DEV-RECVAN"],
    ["DEV-CSMO", "DEV-VMTL"],
    ["DEV-CHANTIER"],
    ["DEV-TIESS", "DEV-ECOLEADER"],
    ["CDRQ", "DEV-SOLLIO"],
    ["DEV-ARBJ", "DEV-RSADC"],
    ["CQCM", "DEV-CESD"],
    ["DEV-TELESCOPE", "DEV-CDECQ", "DEV-SCN"],
]
DEVELOPMENT_MEETINGS = 106
MET_IN_DEVELOPMENT: list[list[str]] = [
    ["DEV-FILACTION", "DEV-INNOGEC"],
    ["FCCTQ"],
    ["DEV-POLEVHSL"],
    ["DEV-POLECN"],
    ["TRESCA"],
    ["DEV-NOVUM"],
    ["DEV-CN2I"],
    ["DEV-ACCA"],
    ["DEV-OCA"],
    ["DEV-COMSOL"],
    ["DEV-CMC"],
    ["DEV-QI"],
]
PRESENTED_TO: list[str] = [
    "DEV-FQM",
    "DEV-FAUNENORD",
    "DEV-EENOU",
    "DEV-COMPMTL",
    "DEV-ESTRAD",
    "DEV-EXCELLENCE",
    "DEV-RAUQ",
    "DEV-CAE",
    "DEV-OTQ",
    "DEV-CIBIM",
    "DEV-MEI",
]
# The years around the report: plausible counts of each kind.
OTHER_YEARS: dict[int, dict[str, int]] = {
    2019: {"event": 14, "agm_attended": 8, "development_meeting": 72, "service_presentation": 7},
    2021: {"event": 16, "agm_attended": 9, "development_meeting": 94, "service_presentation": 9},
}
# code, title, start, end
PARTNERSHIPS: list[tuple[str, str, dt.date, dt.date | None]] = [
    (
        "DEV-POLECN",
        "Entente de services aux entreprises de la Capitale-Nationale",
        dt.date(2018, 4, 1),
        dt.date(2020, 3, 31),
    ),
    (
        "DEV-CMC",
        "Entente de développement des compétences linguistiques",
        dt.date(2020, 5, 1),
        None,
    ),
    (
        "DEV-CESD",
        "Optimisation des épargnes des réseaux coopératifs",
        dt.date(2020, 6, 1),
        dt.date(2021, 6, 30),
    ),
    ("DEV-CDECQ", "Accélération-Relance 360°", dt.date(2020, 10, 1), dt.date(2022, 3, 31)),
    (
        "DEV-OCA",
        "Offre de soutien spécialisé aux coopératives de l'Ontario",
        dt.date(2021, 2, 18),
        None,
    ),
]
TITLES = {
    "event": "Événement",
    "agm_attended": "AGA",
    "development_meeting": "Rencontre de développement",
    "service_presentation": "Présentation des services",
}


# The pipeline of the current year (title, organisation, stage, hours, amount): none converted,
# so that the ledger's mandates stay the demo's own.
OPPORTUNITIES: list[tuple[str, str, str, int, int]] = [
    ("Gestion déléguée de la comptabilité", "DEV-NOVUM", OpportunityStage.FIRST_CONTACT, 120, 9600),
    ("Accompagnement en ressources humaines", "DEV-CN2I", OpportunityStage.QUALIFIED, 60, 4800),
    ("Diagnostic organisationnel", "DEV-COMSOL", OpportunityStage.QUALIFIED, 25, 2000),
    ("Soutien aux coopératives de l'Ontario", "DEV-OCA", OpportunityStage.PROPOSAL, 200, 16000),
    ("Plan de communication", "DEV-RAUQ", OpportunityStage.NEGOTIATION, 40, 3200),
    ("Tenue de livres", "DEV-ACCA", OpportunityStage.WON, 80, 6400),
    ("Site Web", "DEV-CIBIM", OpportunityStage.LOST, 50, 4000),
]


def delete() -> None:
    """The area's demo rows, so that a rebuilt demo does not add a second set."""
    Opportunity.objects.all().delete()
    DevelopmentActivity.objects.all().delete()
    Partnership.objects.all().delete()


def _organisations(rng) -> tuple[dict[str, Organisation], int]:
    """The table's organisations by code, those missing created; and how many were.

    Each gets a NEQ of its own, as every demo organisation has (prefix 88: the ledger's are 11).
    """
    by_code = Organisation.objects.in_bulk(
        [*ORGANISATIONS, "CQCM", "CDRQ", "FCCTQ", "TRESCA"], field_name="code"
    )
    created = 0
    for number, (code, (name, legal_form, region)) in enumerate(ORGANISATIONS.items()):
        if code not in by_code:
            by_code[code], _new = organisation_upsert(
                code=code,
                name=name,
                legal_form=legal_form,
                region=region,
                neq=f"88{number:02d}{rng.randrange(10**6):06d}",
            )
            created += 1
    return by_code, created


def _day(rng, first_year: int) -> dt.date:
    """A weekday of fiscal year first_year-(first_year + 1)."""
    while True:
        day = dt.date(first_year, 4, 1) + dt.timedelta(days=rng.randrange(365))
        if day.weekday() < 5:
            return day


def _record(rng, year: int, kind: str, title: str, organisations: list[Organisation]) -> None:
    # A title may come back (several meetings with one organisation): a different day then.
    while True:
        day = _day(rng, year)
        if not DevelopmentActivity.objects.filter(kind=kind, date=day, title=title).exists():
            break
    development_activity_upsert(kind=kind, date=day, title=title, organisations=organisations)


def _report_year(rng, by_code: dict[str, Organisation]) -> int:
    def named(codes: list[str]) -> list[Organisation]:
        return [by_code[code] for code in codes if code in by_code]

    for title, codes in EVENTS:
        _record(rng, 2020, ActivityKind.EVENT, title, named(codes))
    for codes in AGMS_ATTENDED:
        title = f"AGA – {by_code[codes[0]].name}"
        _record(rng, 2020, ActivityKind.AGM_ATTENDED, title, named(codes))
    for number in range(DEVELOPMENT_MEETINGS):
        codes = MET_IN_DEVELOPMENT[number % len(MET_IN_DEVELOPMENT)]
        title = f"Rencontre de développement – {by_code[codes[0]].name}"
        _record(rng, 2020, ActivityKind.DEVELOPMENT_MEETING, title, named(codes))
    for code in PRESENTED_TO:
        title = f"Présentation des services – {by_code[code].name}"
        _record(rng, 2020, ActivityKind.SERVICE_PRESENTATION, title, named([code]))
    return len(EVENTS) + len(AGMS_ATTENDED) + DEVELOPMENT_MEETINGS + len(PRESENTED_TO)


def _other_years(rng, by_code: dict[str, Organisation]) -> int:
    codes = sorted(by_code)
    written = 0
    for year, counts in OTHER_YEARS.items():
        for kind, count in counts.items():
            for _number in range(count):
                organisation = by_code[rng.choice(codes)]
                title = f"{TITLES[kind]} – {organisation.name}"
                _record(rng, year, kind, title, [organisation])
                written += 1
    return written


def write(context) -> dict[str, int]:
    rng = context.rng("development")
    by_code, created = _organisations(rng)
    activities = _report_year(rng, by_code) + _other_years(rng, by_code)
    for code, title, start, end in PARTNERSHIPS:
        partnership_record(organisation=by_code[code], title=title, start=start, end=end)
    _participants(rng)
    opportunities = _opportunities(rng, by_code)
    return {
        # Replaces the ledger's count (records come after it): the organisations added for the
        # table are the demo's too, and what the command prints must match the database.
        "organisations": Organisation.objects.count(),
        "development_activities": activities,
        "development_organisations": created,
        "partnerships": len(PARTNERSHIPS),
        "opportunities": opportunities,
    }


def _participants(rng) -> None:
    """One or two experts at each activity: the staff who took part (no figure reads them)."""
    experts = list(Expert.objects.order_by("pk").values_list("pk", flat=True)[:40])
    if not experts:
        return
    through = DevelopmentActivity.participants.through
    rows = []
    for activity_id in DevelopmentActivity.objects.order_by("pk").values_list("pk", flat=True):
        for expert_id in rng.sample(experts, min(len(experts), rng.choice((1, 2)))):
            rows.append(through(developmentactivity_id=activity_id, expert_id=expert_id))
    through.objects.bulk_create(rows)


def _opportunities(rng, by_code: dict[str, Organisation]) -> int:
    mandate_types = list(MandateType.objects.filter(billable=True).order_by("code"))
    departments = list(Department.objects.order_by("code"))
    if not mandate_types or not departments:
        return 0
    for title, code, stage, hours, amount in OPPORTUNITIES:
        opportunity = Opportunity(
            title=title,
            organisation=by_code[code],
            stage=stage,
            mandate_type=rng.choice(mandate_types),
            department=rng.choice(departments),
            estimated_hours=Decimal(hours),
            estimated_amount=Decimal(amount),
        )
        opportunity.full_clean()
        opportunity.save()
    return len(OPPORTUNITIES)
