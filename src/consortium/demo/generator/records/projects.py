"""Demo structuring projects: the three projects of the seed report, with their volets and
deliverables, described in French and English (adapted from the report). Content, not
interface: not wrapped in gettext."""

import datetime as dt
from decimal import Decimal

from django.db.models import Q

from consortium.mandates.models import Mandate
from consortium.projects.models import (
    ChecklistItem,
    DeliverableStatus,
    PhaseMandate,
    ProjectExpense,
    StructuringProject,
)
from consortium.projects.services import (
    deliverable_add,
    project_phase_add,
    structuring_project_upsert,
)
from consortium.staff.models import Expert

DONE, IN_PROGRESS, PLANNED = (
    DeliverableStatus.DONE,
    DeliverableStatus.IN_PROGRESS,
    DeliverableStatus.PLANNED,
)

PROJECTS: list[dict] = [
    {
        "code": "PAEN-CESD-2021",
        "title": "Optimisation des épargnes (20-21)",
        "funder": "Ministère de l'Économie et de l'Innovation (MEI)",
        "programme": "PAEN – en partenariat avec la Caisse d'économie solidaire Desjardins",
        "amount": Decimal("85000.00"),
        "start": dt.date(2020, 6, 1),
        "end": dt.date(2021, 3, 31),
        "description_fr": (
            "Préparer un virage entrepreneurial à fort potentiel par l'optimisation des "
            "épargnes des réseaux coopératifs, mutualistes et de l'économie sociale et de leurs "
            "membres : en obtenant un rendement sur des liquidités excédentaires qu'elles "
            "possèdent déjà, les entreprises trouvent une source de revenus pour soutenir leur "
            "mission. Le projet a financé des travaux sur la faisabilité de cette optimisation."
        ),
        "description_en": (
            "Prepare a high-potential entrepreneurial shift by optimising the savings of "
            "co-operative, mutual and social-economy networks and of their members: by earning "
            "a return on surplus cash they already hold, enterprises find revenue to support "
            "their mission. The project funded a feasibility study of this optimisation."
        ),
        "phases": [
            (
                "Mobilisation des secteurs pilotes",
                "Mobilising pilot sectors",
                [
                    (
                        "Rencontres avec le Réseau de coopération des EÉSAD",
                        "Meetings with the Réseau de coopération des EÉSAD",
                        DONE,
                    ),
                    ("Rencontres avec la FCCTQ", "Meetings with the FCCTQ", DONE),
                    (
                        "Rencontres avec la Fédération des coopératives des paramédics du Québec",
                        "Meetings with the Fédération des coopératives des paramédics du Québec",
                        DONE,
                    ),
                    (
                        "Rencontres avec la Confédération québécoise des coopératives d'habitation",
                        "Meetings with the Confédération québécoise des coopératives d'habitation",
                        DONE,
                    ),
                ],
            ),
            (
                "Outils pour les entreprises participantes",
                "Tools for participating enterprises",
                [
                    (
                        "Outil de détermination des besoins en liquidités",
                        "Liquidity needs assessment tool",
                        DONE,
                    ),
                    ("Modèle de politique de placement", "Investment policy template", DONE),
                ],
            ),
        ],
    },
    {
        "code": "MFA-CTFVP",
        "title": "Recensement des meilleures pratiques CTFVP (interne, regroupements et EÉS)",
        "funder": "Ministère de la Famille (MFA)",
        "programme": "Conciliation famille-travail",
        "amount": Decimal("62500.00"),
        "start": dt.date(2020, 9, 1),
        "end": dt.date(2022, 3, 31),
        "description_fr": (
            "Soutenir le capital humain du Consortium par des mesures de conciliation "
            "travail-famille-vie personnelle (CTFVP) et, comme centre de services partagés des "
            "réseaux coopératifs et de l'économie sociale, recenser parmi ses membres les "
            "meilleures pratiques d'affaires en la matière et en partager les résultats."
        ),
        "description_en": (
            "Support the Consortium's people through work-family-personal life balance "
            "measures and, as the shared-services centre of the co-operative and social-economy "
            "networks, survey its members' best practices in the matter and share the results."
        ),
        "phases": [
            (
                "Volet 1 – Interne Consortium",
                "Part 1 – Within the Consortium",
                [
                    ("Sondage interne – par Concilivi", "Internal survey – by Concilivi", DONE),
                    (
                        "Production de politiques et procédures internes",
                        "Internal policies and procedures",
                        DONE,
                    ),
                    (
                        "Diffusion des politiques et procédures internes",
                        "Sharing the internal policies and procedures",
                        IN_PROGRESS,
                    ),
                    ("Sceau Concilivi", "Concilivi seal", PLANNED),
                    ("Mesurer les bénéfices", "Measuring the benefits", PLANNED),
                ],
            ),
            (
                "Volet 2 – Membres du Consortium",
                "Part 2 – The Consortium's members",
                [
                    ("Webinaire MPA CTFVP", "Best-practices webinar", DONE),
                    (
                        "Sondage MPA CTFVP et analyse de données",
                        "Best-practices survey and data analysis",
                        IN_PROGRESS,
                    ),
                    ("Bilan synthèse", "Summary report", PLANNED),
                    ("Diffusion des MPA en CTFVP", "Sharing the best practices", PLANNED),
                    (
                        "Formations COVID-19 (FDRCMO) – Consortium interne",
                        "COVID-19 training (FDRCMO) – within the Consortium",
                        DONE,
                    ),
                ],
            ),
        ],
    },
    {
        "code": "FDRCMO-RELANCE",
        "title": (
            "Formation de base de développement des compétences techniques en entreprise pour "
            "une relance de services à forte valeur ajoutée"
        ),
        "funder": "Commission des partenaires du marché du travail",
        "programme": "Fonds de développement et de reconnaissance des compétences (FDRCMO)",
        "amount": Decimal("120000.00"),
        "start": dt.date(2020, 5, 1),
        "end": dt.date(2021, 3, 31),
        "description_fr": (
            "Développer les compétences des employés, pendant le ralentissement des activités, "
            "pour être prêts à la relance de l'automne 2020 et soutenir les besoins des membres "
            "et des clients. Une trentaine d'employés ont été formés."
        ),
        "description_en": (
            "Build the employees' skills during the slowdown, to be ready for the fall 2020 "
            "recovery and support the needs of members and clients. About thirty employees "
            "were trained."
        ),
        "phases": [
            (
                "Formation des employés",
                "Employee training",
                [
                    (
                        "Compétences linguistiques et transversales",
                        "Language and cross-functional skills",
                        DONE,
                    ),
                    (
                        "Compétences informatiques et transversales",
                        "Computer and cross-functional skills",
                        DONE,
                    ),
                    (
                        "Gestion de projet et préparation à la certification PMP",
                        "Project management and PMP certification preparation",
                        DONE,
                    ),
                    ("Perfectionnement en soutien TI", "Advanced IT support skills", DONE),
                ],
            ),
        ],
    },
]


# What a funder asks the centre to check on every deliverable before it is reported.
CHECKLIST = [
    ("Conforme à la convention de financement", "In line with the funding agreement"),
    ("Relu par une seconde personne", "Proofread by a second person"),
    ("Versé au dossier du projet, en français et en anglais", "Filed in French and English"),
]

# Expenses of each project other than the experts' hours: (volet index or None, day, text, $).
EXPENSES = {
    "PAEN-CESD-2021": [
        (0, dt.date(2020, 9, 15), "Frais de déplacement – rencontres sectorielles", "1840.00"),
        (1, dt.date(2021, 1, 20), "Révision linguistique des outils", "2350.00"),
        (None, dt.date(2021, 3, 15), "Graphisme du rapport final", "3200.00"),
    ],
    "MFA-CTFVP": [
        (0, dt.date(2020, 11, 10), "Accompagnement Concilivi", "7500.00"),
        (1, dt.date(2021, 2, 4), "Plateforme de webinaire", "480.00"),
    ],
    "NUM-COOP": [(0, None, "Licences d'outils de diagnostic", "2400.00")],
    "FDRCMO-RELANCE": [
        (0, dt.date(2020, 6, 30), "Formateurs externes – compétences linguistiques", "18400.00"),
        (0, dt.date(2020, 8, 31), "Licences de formation en ligne", "6200.00"),
    ],
}

PLANNED_HOURS_PER_DELIVERABLE = Decimal("60")


def _current_project(today: dt.date) -> dict:
    """A project running now, so that its volets show hours of weeks already approved and its
    deliverables wait for their validation."""
    start = (today - dt.timedelta(days=300)).replace(day=1)
    return {
        "code": "NUM-COOP",
        "title": "Virage numérique des coopératives",
        "funder": "Ministère de l'Économie, de l'Innovation et de l'Énergie (MEIE)",
        "programme": "Offensive de transformation numérique",
        "amount": Decimal("95000.00"),
        "start": start,
        "end": None,
        "description_fr": (
            "Accompagner les coopératives membres dans leur virage numérique : diagnostic de "
            "leurs outils, feuille de route et formation de leurs équipes."
        ),
        "description_en": (
            "Support member co-operatives through their digital shift: a review of their "
            "tools, a roadmap and training for their teams."
        ),
        "phases": [
            (
                "Diagnostic des outils numériques",
                "Review of digital tools",
                [
                    ("Grille de diagnostic", "Review grid", DONE),
                    ("Portrait des outils de dix coopératives", "Ten co-ops' tools", IN_PROGRESS),
                ],
            ),
            (
                "Feuille de route et formation",
                "Roadmap and training",
                [
                    ("Feuille de route type", "Roadmap template", PLANNED),
                    ("Atelier de formation", "Training workshop", PLANNED),
                ],
            ),
        ],
    }


def _owners(count: int) -> list[Expert]:
    """Experts of project management (or any, if the demo has none there) to own deliverables."""
    experts = list(Expert.objects.filter(department__code="GP").order_by("code")[:count])
    return experts or list(Expert.objects.order_by("code")[:count])


def _project_mandates(project: StructuringProject, count: int) -> list[Mandate]:
    """Project mandates running during the project that no volet has yet."""
    running = Q(end__isnull=True) | Q(end__gte=project.start)
    if project.end:
        running &= Q(start__lte=project.end)
    return list(
        Mandate.objects.filter(
            running, mandate_type__code="PRJ", project_link__isnull=True
        ).order_by("code")[:count]
    )


def _structure(project: StructuringProject, owners: list[Expert]) -> dict[str, int]:
    """The project's checklist, its volets' planned hours, mandates and deliverables' owners and
    due dates, and its expenses."""
    ChecklistItem.objects.bulk_create(
        ChecklistItem(project=project, order=order, label_fr=fr, label_en=en)
        for order, (fr, en) in enumerate(CHECKLIST, start=1)
    )
    phases = list(project.phases.order_by("order").prefetch_related("deliverables"))
    mandates = _project_mandates(project, len(phases))
    for position, phase in enumerate(phases):
        deliverables = list(phase.deliverables.all())
        phase.planned_hours = PLANNED_HOURS_PER_DELIVERABLE * len(deliverables)
        phase.save(update_fields=["planned_hours", "updated_at"])
        for index, deliverable in enumerate(deliverables):
            if owners:
                deliverable.owner = owners[(position + index) % len(owners)]
            deliverable.due_date = project.end or project.start + dt.timedelta(days=365)
            deliverable.save(update_fields=["owner", "due_date", "updated_at"])
    links = PhaseMandate.objects.bulk_create(
        PhaseMandate(phase=phase, mandate=mandate)
        for phase, mandate in zip(phases, mandates, strict=False)
    )
    expenses = ProjectExpense.objects.bulk_create(
        ProjectExpense(
            project=project,
            phase=phases[index] if index is not None else None,
            date=day or project.start,
            description=text,
            amount=Decimal(amount),
        )
        for index, day, text, amount in EXPENSES.get(project.code, [])
    )
    return {
        "checklist_items": len(CHECKLIST),
        "phase_mandates": len(links),
        "project_expenses": len(expenses),
    }


def delete() -> None:
    """The area's demo rows (volets, deliverables, checklists, expenses go with their project)."""
    StructuringProject.objects.all().delete()


def write(context) -> dict[str, int]:
    phases = deliverables = 0
    counts = {"checklist_items": 0, "phase_mandates": 0, "project_expenses": 0}
    owners = _owners(4)
    today = context.today or dt.date.today()
    for data in [*PROJECTS, _current_project(today)]:
        fields = {key: value for key, value in data.items() if key != "phases"}
        project, _created = structuring_project_upsert(**fields)
        for title_fr, title_en, items in data["phases"]:
            phase = project_phase_add(project=project, title_fr=title_fr, title_en=title_en)
            phases += 1
            for item_fr, item_en, status in items:
                deliverable_add(phase=phase, title_fr=item_fr, title_en=item_en, status=status)
                deliverables += 1
        for name, count in _structure(project, owners).items():
            counts[name] += count
    return {
        **counts,
        "structuring_projects": len(PROJECTS) + 1,
        "project_phases": phases,
        "deliverables": deliverables,
    }
