"""Demo structuring projects: the three projects of the seed report, with their volets and
deliverables, described in French and English (adapted from the report). Content, not
interface: not wrapped in gettext."""

import datetime as dt
from decimal import Decimal

from consortium.projects.models import DeliverableStatus, StructuringProject
from consortium.projects.services import (
    deliverable_add,
    project_phase_add,
    structuring_project_upsert,
)

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


def delete() -> None:
    """The area's demo rows (volets and deliverables go with their project)."""
    StructuringProject.objects.all().delete()


def write(context) -> dict[str, int]:
    phases = deliverables = 0
    for data in PROJECTS:
        fields = {key: value for key, value in data.items() if key != "phases"}
        project, _created = structuring_project_upsert(**fields)
        for title_fr, title_en, items in data["phases"]:
            phase = project_phase_add(project=project, title_fr=title_fr, title_en=title_en)
            phases += 1
            for item_fr, item_en, status in items:
                deliverable_add(phase=phase, title_fr=item_fr, title_en=item_en, status=status)
                deliverables += 1
    return {
        "structuring_projects": len(PROJECTS),
        "project_phases": phases,
        "deliverables": deliverables,
    }
