"""What a year's report has and lacks, section by section, for its preparation page.

Read from the `AnnualReport` itself (no query of its own): each section the report prints or
leaves out (`report.shown`), the records behind it that the year holds, and those it lacks with
where to enter them. The workspace pages of the other teams are linked by their fixed paths
(governance, development, projects, communications, training, staff); the financial statements,
which have no page yet, by the admin.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from consortium.reports.models import ReportSection
from consortium.reports.selectors import AnnualReport

GOVERNANCE = "/gouvernance/"
DEVELOPMENT = "/developpement/"
PROJECTS = "/projets/"
COMMUNICATIONS = "/communications/"
TRAINING = "/formation/"
STAFF = "/equipe/"


@dataclass(frozen=True)
class Lack:
    """A record the year lacks, and the page where it is entered."""

    label: str
    href: str


@dataclass(frozen=True)
class SectionCheck:
    key: str
    label: str
    shown: bool  # the report prints this section
    has: list[str] = field(default_factory=list)
    lacks: list[Lack] = field(default_factory=list)


def _text_link(report: AnnualReport, section: str) -> str:
    return reverse("reports:report_text_edit", args=[report.fiscal_year, section])


def _texts(report: AnnualReport) -> list[SectionCheck]:
    entries = [
        ("mot_presidence", _("Le mot de la présidence"), [ReportSection.PRESIDENT_MESSAGE]),
        (
            "mot_direction",
            _("Le mot de la direction générale"),
            [ReportSection.GENERAL_MANAGER_MESSAGE],
        ),
        (
            "mission",
            _("Mission, vision et objectifs"),
            [ReportSection.MISSION, ReportSection.VISION, ReportSection.OBJECTIVES],
        ),
    ]
    written = {
        ReportSection.PRESIDENT_MESSAGE: report.texts.president,
        ReportSection.GENERAL_MANAGER_MESSAGE: report.texts.general_manager,
        ReportSection.MISSION: report.texts.mission,
        ReportSection.VISION: report.texts.vision,
        ReportSection.OBJECTIVES: report.texts.objectives,
    }
    checks = []
    for key, label, sections in entries:
        has, lacks = [], []
        for section in sections:
            name = ReportSection(section).label
            if written[section] is not None:
                has.append(_("Texte écrit : %(section)s") % {"section": name})
                continue
            lacks.append(
                Lack(
                    _("Texte à écrire : %(section)s") % {"section": name},
                    _text_link(report, section),
                )
            )
        checks.append(SectionCheck(key, label, report.shown[key], has, lacks))
    return checks


def report_checks(report: AnnualReport, finance_link: str) -> list[SectionCheck]:
    """Each section of the report, in its order, with what the year has and lacks."""
    checks = _texts(report)
    governance = report.governance
    meetings = sum(governance["meetings"].values())
    has, lacks = [], []
    if meetings:
        has.append(_("Rencontres des instances : %(count)s") % {"count": meetings})
    else:
        lacks.append(
            Lack(_("Aucune rencontre des instances (AGA, conseil, comité exécutif)"), GOVERNANCE)
        )
    if governance["board_seats"]:
        has.append(_("Composition du conseil d'administration"))
    else:
        lacks.append(Lack(_("Aucun siège au conseil d'administration"), GOVERNANCE))
    checks.append(
        SectionCheck(
            "vie_associative", _("Vie associative"), report.shown["vie_associative"], has, lacks
        )
    )

    membership = report.membership
    checks.append(
        SectionCheck(
            "membrariat",
            _("Membrariat"),
            report.shown["membrariat"],
            [membership.sentence] if membership.new_members else [],
            []
            if membership.new_members
            else [
                Lack(
                    _("Aucune adhésion datée dans l'exercice"), reverse("members:organisation_list")
                )
            ],
        )
    )

    services = report.services
    has = [_("Heures de services")] if services.hours else []
    lacks = []
    if services.satisfaction_respondents:
        has.append(_("Sondage de satisfaction des membres"))
    else:
        lacks.append(
            Lack(_("Aucun sondage de satisfaction des membres"), reverse("surveys:survey_list"))
        )
    if services.diversification is None:
        lacks.append(
            Lack(
                _(
                    "L'exercice précédent n'a aucune facture : les entreprises facturées ne "
                    "sont pas comparées"
                ),
                finance_link,
            )
        )
    checks.append(
        SectionCheck("services", _("Services aux membres"), report.shown["services"], has, lacks)
    )

    finance = report.finance
    has, lacks = [], []
    if finance.has_actuals:
        has.append(_("Résultats financiers de l'exercice (montants réels)"))
    else:
        lacks.append(
            Lack(_("Aucun résultat financier de l'exercice (montants réels)"), finance_link)
        )
    if finance.has_budget:
        has.append(_("Budget de l'exercice"))
    else:
        lacks.append(Lack(_("Aucun budget de l'exercice"), finance_link))
    if not finance.has_prior:
        lacks.append(
            Lack(_("Aucun résultat de l'exercice précédent : pas de comparaison"), finance_link)
        )
    checks.append(
        SectionCheck("finances", _("Affaires financières"), report.shown["finances"], has, lacks)
    )

    people = report.human_capital
    has = [_("Effectif de l'équipe")] if any(role.count for role in people.headcount) else []
    lacks = [] if has else [Lack(_("Aucun expert en poste"), STAFF)]
    if people.engagement_respondents:
        has.append(_("Sondage d'engagement du personnel"))
    else:
        lacks.append(
            Lack(_("Aucun sondage d'engagement du personnel"), reverse("surveys:survey_list"))
        )
    if people.experts_trained:
        has.append(_("Formations suivies"))
    else:
        lacks.append(Lack(_("Aucune formation suivie"), TRAINING))
    checks.append(
        SectionCheck(
            "capital_humain", _("Capital humain"), report.shown["capital_humain"], has, lacks
        )
    )

    development = report.development
    has, lacks = [], []
    if report.shown["developpement_activities"]:
        has.append(_("Activités de développement"))
    else:
        lacks.append(Lack(_("Aucune activité de développement"), DEVELOPMENT))
    if development["partnerships"]:
        has.append(_("Ententes de partenariat"))
    else:
        lacks.append(Lack(_("Aucune entente de partenariat"), DEVELOPMENT))
    checks.append(
        SectionCheck(
            "developpement",
            _("Développement des affaires"),
            report.shown["developpement"],
            has,
            lacks,
        )
    )

    checks.append(
        SectionCheck(
            "projets",
            _("Projets structurants"),
            report.shown["projets"],
            [_("Projets structurants en cours")] if report.projects else [],
            [] if report.projects else [Lack(_("Aucun projet structurant"), PROJECTS)],
        )
    )

    communications = report.communications
    has, lacks = [], []
    snapshots = any(channel["followers"] for channel in communications["channels"])
    if snapshots:
        has.append(_("Relevés d'abonnés"))
    else:
        lacks.append(Lack(_("Aucun relevé d'abonnés"), COMMUNICATIONS))
    if any(communications.get("publications", {}).values()):
        has.append(_("Publications"))
    else:
        lacks.append(Lack(_("Aucune publication"), COMMUNICATIONS))
    if communications["events"]:
        has.append(_("Événements"))
    else:
        lacks.append(Lack(_("Aucun événement"), COMMUNICATIONS))
    checks.append(
        SectionCheck(
            "communications", _("Les communications"), report.shown["communications"], has, lacks
        )
    )
    return checks
