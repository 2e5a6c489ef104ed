# ruff: noqa: E501 (the questionnaire's wording reads best one question a line)
"""The platform's own questionnaire: 40 questions in the seven fields of the centre, French and
English, shipped by a data migration (`migrations/0002_default_questionnaire.py`).

Every option has its points (0 for the weakest practice up to the question's best), every
question its weight (2 for what a director would fix first, 1.5 for what matters a lot, 1 for
the rest). The links from sections to the departments and mandate types whose services answer
them are the centre's to set (the admin, or the demo by codes): a migration knows no department.
"""

from decimal import Decimal as D

# Scales shared by many questions: (French, English, points).
PRACTICE = [
    ("Non", "No", D(0)),
    ("En réflexion", "Being considered", D(1)),
    ("En partie", "Partly", D(2)),
    ("Oui", "Yes", D(3)),
    ("Oui, et revu chaque année", "Yes, and reviewed every year", D(4)),
]
YES_PARTLY_NO = [
    ("Non", "No", D(0)),
    ("En partie", "Partly", D(1)),
    ("Oui", "Yes", D(2)),
]
FREQUENCY = [
    ("Jamais", "Never", D(0)),
    ("Rarement", "Rarely", D(1)),
    ("Parfois", "Sometimes", D(2)),
    ("Toujours", "Always", D(3)),
]
DELAY = [
    (
        "Plus de six mois après la fin de l'exercice, ou jamais",
        "Over six months after year-end, or never",
        D(0),
    ),
    ("De quatre à six mois après la fin de l'exercice", "Four to six months after year-end", D(1)),
    ("Dans les quatre mois suivant la fin de l'exercice", "Within four months of year-end", D(3)),
]

BANDS = [
    (
        D(0),
        D(50),
        "À consolider",
        "To be consolidated",
        "Des pratiques de base manquent : c'est là que l'accompagnement rapporte le plus vite.",
        "Basic practices are missing: this is where support pays off fastest.",
    ),
    (
        D(50),
        D(75),
        "En développement",
        "Developing",
        "Les bases sont en place; certaines pratiques restent à formaliser ou à suivre.",
        "The basics are in place; some practices remain to be formalised or followed up.",
    ),
    (
        D(75),
        D(100),
        "Solide",
        "Solid",
        "Des pratiques établies et suivies : à maintenir et à revoir chaque année.",
        "Established, followed practices: keep them up and review them every year.",
    ),
]

# code, French title, English title, threshold, questions:
# (French, English, weight, allows "ne s'applique pas", options, French help, English help)
SECTIONS = [
    (
        "gouvernance",
        "Gouvernance",
        "Governance",
        D(60),
        [
            (
                "Le conseil d'administration se réunit-il au moins quatre fois par année, avec ordre du jour et procès-verbal ?",
                "Does the board meet at least four times a year, with an agenda and minutes?",
                D(2),
                False,
                FREQUENCY,
                "",
                "",
            ),
            (
                "Les rôles du conseil et de la direction générale sont-ils décrits par écrit ?",
                "Are the roles of the board and of the executive director described in writing?",
                D("1.5"),
                False,
                PRACTICE,
                "Par exemple une politique de délégation de pouvoirs ou une description de fonctions.",
                "For instance a delegation of authority policy or job descriptions.",
            ),
            (
                "Le conseil évalue-t-il chaque année la direction générale ?",
                "Does the board appraise the executive director every year?",
                D(1),
                True,
                PRACTICE,
                "",
                "",
            ),
            (
                "Les administrateurs déclarent-ils leurs conflits d'intérêts par écrit ?",
                "Do board members declare their conflicts of interest in writing?",
                D("1.5"),
                False,
                PRACTICE,
                "",
                "",
            ),
            (
                "Le conseil reçoit-il des états financiers intermédiaires à chacune de ses réunions ?",
                "Does the board receive interim financial statements at each meeting?",
                D(2),
                False,
                FREQUENCY,
                "",
                "",
            ),
            (
                "Les nouveaux administrateurs reçoivent-ils une formation ou une trousse d'accueil ?",
                "Do new board members receive training or an orientation kit?",
                D(1),
                False,
                YES_PARTLY_NO,
                "",
                "",
            ),
        ],
    ),
    (
        "finances",
        "Finances et comptabilité",
        "Finance and accounting",
        D(60),
        [
            (
                "Les états financiers annuels sont-ils produits dans les délais ?",
                "Are the annual financial statements produced on time?",
                D(2),
                False,
                DELAY,
                "",
                "",
            ),
            (
                "Un budget annuel est-il adopté par le conseil avant le début de l'exercice ?",
                "Is an annual budget adopted by the board before the fiscal year starts?",
                D(2),
                False,
                PRACTICE,
                "",
                "",
            ),
            (
                "Les résultats sont-ils comparés au budget chaque mois ou chaque trimestre ?",
                "Are results compared with the budget every month or quarter?",
                D("1.5"),
                False,
                FREQUENCY,
                "",
                "",
            ),
            (
                "Les comptes bancaires sont-ils conciliés chaque mois ?",
                "Are bank accounts reconciled every month?",
                D("1.5"),
                False,
                FREQUENCY,
                "",
                "",
            ),
            (
                "Deux signatures sont-elles exigées pour les paiements importants ?",
                "Are two signatures required for large payments?",
                D(1),
                False,
                YES_PARTLY_NO,
                "",
                "",
            ),
            (
                "Les remises gouvernementales (TPS, TVQ, DAS) sont-elles faites à temps ?",
                "Are government remittances (GST, QST, source deductions) made on time?",
                D(2),
                True,
                FREQUENCY,
                "",
                "",
            ),
        ],
    ),
    (
        "ressources-humaines",
        "Ressources humaines",
        "Human resources",
        D(60),
        [
            (
                "Chaque poste a-t-il une description de tâches à jour ?",
                "Does every position have an up-to-date job description?",
                D(1),
                True,
                PRACTICE,
                "",
                "",
            ),
            (
                "Une politique de conditions de travail ou un guide de l'employé est-il en vigueur ?",
                "Is a working conditions policy or employee handbook in force?",
                D("1.5"),
                True,
                PRACTICE,
                "",
                "",
            ),
            (
                "Une politique de prévention du harcèlement psychologique et sexuel est-elle adoptée et connue ?",
                "Is a policy on preventing psychological and sexual harassment adopted and known?",
                D(2),
                False,
                PRACTICE,
                "Obligatoire pour tout employeur au Québec.",
                "Mandatory for every employer in Quebec.",
            ),
            (
                "Les employés ont-ils une rencontre d'évaluation au moins une fois par année ?",
                "Do employees have a performance review at least once a year?",
                D(1),
                True,
                FREQUENCY,
                "",
                "",
            ),
            (
                "Les salaires sont-ils établis selon une échelle connue ?",
                "Are salaries set according to a known pay scale?",
                D(1),
                True,
                YES_PARTLY_NO,
                "",
                "",
            ),
            (
                "Un plan de relève existe-t-il pour les postes clés ?",
                "Is there a succession plan for key positions?",
                D("1.5"),
                False,
                [
                    ("Non", "No", D(0)),
                    ("Nous en avons parlé", "We have discussed it", D(1)),
                    ("Pour certains postes", "For some positions", D(2)),
                    ("Pour tous les postes clés", "For every key position", D(3)),
                ],
                "",
                "",
            ),
        ],
    ),
    (
        "technologies",
        "Technologies de l'information",
        "Information technology",
        D(60),
        [
            (
                "Les données de l'organisation sont-elles sauvegardées automatiquement, avec une copie hors site ?",
                "Is the organisation's data backed up automatically, with an off-site copy?",
                D(2),
                False,
                [
                    ("Aucune sauvegarde régulière", "No regular backup", D(0)),
                    ("Sauvegarde manuelle, à l'occasion", "Manual backup, now and then", D(1)),
                    ("Sauvegarde automatique sur place", "Automatic backup on site", D(2)),
                    (
                        "Sauvegarde automatique avec copie hors site testée",
                        "Automatic backup with a tested off-site copy",
                        D(4),
                    ),
                ],
                "",
                "",
            ),
            (
                "Les comptes sont-ils protégés par l'authentification à deux facteurs ?",
                "Are accounts protected by two-factor authentication?",
                D("1.5"),
                False,
                [
                    ("Aucun", "None", D(0)),
                    ("Quelques comptes", "A few accounts", D(1)),
                    (
                        "Les comptes sensibles (courriel, banque)",
                        "Sensitive accounts (e-mail, bank)",
                        D(2),
                    ),
                    ("Tous les comptes", "Every account", D(3)),
                ],
                "",
                "",
            ),
            (
                "Les postes de travail et logiciels sont-ils tenus à jour ?",
                "Are workstations and software kept up to date?",
                D(1),
                False,
                FREQUENCY,
                "",
                "",
            ),
            (
                "Le personnel est-il sensibilisé à l'hameçonnage et à la sécurité ?",
                "Are staff trained to recognise phishing and security risks?",
                D(1),
                False,
                PRACTICE,
                "",
                "",
            ),
            (
                "Un responsable de la protection des renseignements personnels est-il désigné (Loi 25) ?",
                "Is a person in charge of protecting personal information designated (Law 25)?",
                D(2),
                False,
                YES_PARTLY_NO,
                "",
                "",
            ),
        ],
    ),
    (
        "communications",
        "Communications et marketing",
        "Communications and marketing",
        D(55),
        [
            (
                "L'organisation a-t-elle un plan de communication annuel ?",
                "Does the organisation have an annual communication plan?",
                D("1.5"),
                False,
                PRACTICE,
                "",
                "",
            ),
            (
                "Le site Web présente-t-il une information à jour sur les services ?",
                "Does the website show up-to-date information about the services?",
                D(1),
                True,
                [
                    ("Pas de site Web", "No website", D(0)),
                    ("Site rarement mis à jour", "Site rarely updated", D(1)),
                    (
                        "Site mis à jour quelques fois par année",
                        "Site updated a few times a year",
                        D(2),
                    ),
                    ("Site tenu à jour en continu", "Site kept up to date continuously", D(3)),
                ],
                "",
                "",
            ),
            (
                "Les membres et usagers reçoivent-ils des nouvelles régulièrement (infolettre, réseaux sociaux) ?",
                "Do members and users receive news regularly (newsletter, social media)?",
                D(1),
                False,
                FREQUENCY,
                "",
                "",
            ),
            (
                "La satisfaction des membres ou usagers est-elle mesurée ?",
                "Is the satisfaction of members or users measured?",
                D("1.5"),
                False,
                PRACTICE,
                "",
                "",
            ),
            (
                "Une image de marque (logo, gabarits) est-elle appliquée de façon constante ?",
                "Is a brand identity (logo, templates) applied consistently?",
                D(1),
                False,
                YES_PARTLY_NO,
                "",
                "",
            ),
        ],
    ),
    (
        "strategie",
        "Stratégie et projets",
        "Strategy and projects",
        D(60),
        [
            (
                "L'organisation a-t-elle un plan stratégique de trois à cinq ans ?",
                "Does the organisation have a three-to-five-year strategic plan?",
                D(2),
                False,
                PRACTICE,
                "",
                "",
            ),
            (
                "Le plan d'action annuel découle-t-il du plan stratégique et est-il suivi ?",
                "Does the annual action plan follow from the strategic plan, and is it followed up?",
                D("1.5"),
                False,
                PRACTICE,
                "",
                "",
            ),
            (
                "Les projets ont-ils un budget, un échéancier et un responsable ?",
                "Do projects have a budget, a schedule and a person in charge?",
                D("1.5"),
                True,
                FREQUENCY,
                "",
                "",
            ),
            (
                "Les résultats des projets sont-ils évalués à leur fin ?",
                "Are project results evaluated when they end?",
                D(1),
                True,
                FREQUENCY,
                "",
                "",
            ),
            (
                "Les sources de revenus sont-elles diversifiées ?",
                "Are revenue sources diversified?",
                D("1.5"),
                False,
                [
                    (
                        "Une source fournit plus de 75 % des revenus",
                        "One source provides over 75 % of revenue",
                        D(0),
                    ),
                    (
                        "Une source fournit de 50 % à 75 % des revenus",
                        "One source provides 50 % to 75 % of revenue",
                        D(1),
                    ),
                    (
                        "Aucune source ne dépasse 50 % des revenus",
                        "No source exceeds 50 % of revenue",
                        D(3),
                    ),
                ],
                "",
                "",
            ),
            (
                "Les risques principaux sont-ils recensés, avec des mesures pour les réduire ?",
                "Are the main risks identified, with measures to reduce them?",
                D(1),
                False,
                PRACTICE,
                "",
                "",
            ),
        ],
    ),
    (
        "conformite",
        "Conformité juridique et coopérative",
        "Legal and co-operative compliance",
        D(70),
        [
            (
                "L'assemblée générale annuelle est-elle tenue dans les délais prévus par la loi ?",
                "Is the annual general meeting held within the time the law allows?",
                D(2),
                False,
                [
                    ("Non, ou pas chaque année", "No, or not every year", D(0)),
                    ("Oui, mais en retard", "Yes, but late", D(1)),
                    ("Oui, dans les délais", "Yes, on time", D(3)),
                ],
                "Dans les quatre mois suivant la fin de l'exercice pour une coopérative.",
                "Within four months of year-end for a co-operative.",
            ),
            (
                "Le registre des membres est-il à jour ?",
                "Is the register of members up to date?",
                D(2),
                False,
                PRACTICE,
                "",
                "",
            ),
            (
                "La déclaration annuelle au Registraire des entreprises est-elle produite à temps ?",
                "Is the annual declaration to the Registraire des entreprises filed on time?",
                D("1.5"),
                False,
                FREQUENCY,
                "",
                "",
            ),
            (
                "Les règlements de régie interne sont-ils à jour et conformes à la loi ?",
                "Are the by-laws up to date and in line with the law?",
                D("1.5"),
                False,
                PRACTICE,
                "",
                "",
            ),
            (
                "Les ristournes sont-elles calculées et attribuées selon les règles adoptées ?",
                "Are rebates (ristournes) calculated and allocated according to the adopted rules?",
                D(1),
                True,
                YES_PARTLY_NO,
                "Ne s'applique pas à un OBNL ou à une coopérative qui n'en verse pas.",
                "Does not apply to a non-profit or a co-op that pays none.",
            ),
            (
                "Le rapport annuel est-il transmis au ministère dans les délais (coopératives) ?",
                "Is the annual report sent to the ministry on time (co-operatives)?",
                D(1),
                True,
                FREQUENCY,
                "",
                "",
            ),
        ],
    ),
]

TITLE = ("Diagnostic organisationnel", "Organisational diagnostic")


def load(apps) -> None:
    """Write the default questionnaire (active; version 1 in a new database) with the models of
    `apps` (the migration's, or the project's for a demo in a database emptied since), unless a
    questionnaire is active already."""
    Questionnaire = apps.get_model("diagnostics", "Questionnaire")
    Section = apps.get_model("diagnostics", "Section")
    Question = apps.get_model("diagnostics", "Question")
    Option = apps.get_model("diagnostics", "Option")
    Band = apps.get_model("diagnostics", "Band")
    if Questionnaire.objects.filter(is_active=True).exists():
        return
    version = 1 + max(Questionnaire.objects.values_list("version", flat=True), default=0)
    questionnaire = Questionnaire.objects.create(
        title_fr=TITLE[0], title_en=TITLE[1], version=version, is_active=True
    )
    for lower, upper, label_fr, label_en, description_fr, description_en in BANDS:
        Band.objects.create(
            questionnaire=questionnaire,
            lower_pct=lower,
            upper_pct=upper,
            label_fr=label_fr,
            label_en=label_en,
            description_fr=description_fr,
            description_en=description_en,
        )
    for position, (code, title_fr, title_en, threshold, questions) in enumerate(SECTIONS, 1):
        section = Section.objects.create(
            questionnaire=questionnaire,
            position=position,
            code=code,
            title_fr=title_fr,
            title_en=title_en,
            threshold_pct=threshold,
        )
        for number, (text_fr, text_en, weight, na, options, help_fr, help_en) in enumerate(
            questions, 1
        ):
            question = Question.objects.create(
                section=section,
                position=number,
                text_fr=text_fr,
                text_en=text_en,
                help_fr=help_fr,
                help_en=help_en,
                weight=weight,
                allows_not_applicable=na,
            )
            Option.objects.bulk_create(
                Option(
                    question=question,
                    position=index,
                    label_fr=label_fr,
                    label_en=label_en,
                    points=points,
                )
                for index, (label_fr, label_en, points) in enumerate(options, 1)
            )


def unload(apps) -> None:
    Questionnaire = apps.get_model("diagnostics", "Questionnaire")
    Questionnaire.objects.filter(version=1, diagnostics__isnull=True).delete()
