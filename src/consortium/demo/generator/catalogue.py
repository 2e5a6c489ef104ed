"""The words of the demo centre: departments, fields, mandate types, places, names, titles.

Content, not interface: these strings are stored as data (French, with an English name where
the model has one), so they are not wrapped in gettext.
"""

# code, French name, English name
DEPARTMENTS: list[tuple[str, str, str]] = [
    ("GD", "Gestion déléguée", "Delegated management"),
    ("CPT", "Comptabilité et finances", "Accounting and finance"),
    ("RH", "Ressources humaines", "Human resources"),
    ("TI", "Technologies de l'information", "Information technology"),
    ("COM", "Communications et marketing", "Communications and marketing"),
    ("GP", "Gestion de projets", "Project management"),
    ("FOR", "Formation", "Training"),
]

# code, department, French name, English name
FIELDS_OF_EXPERTISE: list[tuple[str, str, str, str]] = [
    ("DGD", "GD", "Direction générale déléguée", "Delegated general management"),
    ("GOUV", "GD", "Secrétariat corporatif et gouvernance", "Corporate secretariat and governance"),
    ("OPS", "GD", "Gestion des opérations", "Operations management"),
    ("TDL", "CPT", "Tenue de livres", "Bookkeeping"),
    ("PAIE", "CPT", "Paie", "Payroll"),
    ("EF", "CPT", "États financiers et fin d'exercice", "Financial statements and year-end"),
    ("FISC", "CPT", "Fiscalité", "Taxation"),
    ("BUDG", "CPT", "Analyse financière et budgets", "Financial analysis and budgeting"),
    ("DOT", "RH", "Dotation et recrutement", "Staffing and recruitment"),
    ("RT", "RH", "Relations de travail", "Labour relations"),
    ("SST", "RH", "Santé et sécurité du travail", "Occupational health and safety"),
    ("REM", "RH", "Rémunération et avantages sociaux", "Compensation and benefits"),
    ("SOUTI", "TI", "Soutien informatique", "IT support"),
    ("CYBER", "TI", "Infrastructure et cybersécurité", "Infrastructure and cybersecurity"),
    ("WEB", "TI", "Développement Web", "Web development"),
    ("COMS", "COM", "Communications stratégiques", "Strategic communications"),
    ("MKT", "COM", "Marketing numérique", "Digital marketing"),
    ("GRAPH", "COM", "Graphisme", "Graphic design"),
    ("GPROJ", "GP", "Gestion de projets", "Project management"),
    ("PLAN", "GP", "Planification stratégique", "Strategic planning"),
    ("FORM", "FOR", "Formation et développement des compétences", "Training and skills"),
    ("ANIM", "FOR", "Animation et facilitation", "Facilitation"),
]

# code, French name, English name
MANDATE_TYPES: list[tuple[str, str, str]] = [
    ("GD", "Gestion déléguée", "Delegated management"),
    ("ACC", "Soutien et accompagnement", "Support and coaching"),
    ("FOR", "Formation", "Training"),
    ("DIA", "Diagnostic organisationnel", "Organisational diagnostic"),
    ("PRJ", "Projet", "Project"),
    ("PSS", "Programme de soutien (25 h gratuites)", "Subsidised support (25 free hours)"),
]

# The departments a fully managed member's administration is spread over, and their weight.
FULLY_MANAGED_DEPARTMENTS: dict[str, float] = {
    "GD": 0.38,
    "CPT": 0.34,
    "RH": 0.13,
    "TI": 0.09,
    "COM": 0.06,
}

# Which department runs a mandate of each type (weights).
TYPE_DEPARTMENTS: dict[str, dict[str, float]] = {
    "GD": {"GD": 0.6, "CPT": 0.4},
    "ACC": {"CPT": 0.45, "RH": 0.25, "TI": 0.18, "COM": 0.12},
    "FOR": {"FOR": 1.0},
    "DIA": {"GP": 0.6, "GD": 0.4},
    "PRJ": {"GP": 0.5, "TI": 0.25, "COM": 0.25},
    "PSS": {"CPT": 0.4, "RH": 0.2, "GP": 0.2, "COM": 0.2},
}

# Main mandate types by kind of client (weights), and their pull on the month's hours.
CLIENT_TYPES: dict[str, dict[str, float]] = {
    "user": {"ACC": 0.45, "GD": 0.15, "PRJ": 0.15, "DIA": 0.08, "FOR": 0.17},
    "auxiliary": {"ACC": 0.45, "PRJ": 0.25, "DIA": 0.1, "GD": 0.05, "FOR": 0.15},
    "non_member": {"ACC": 0.55, "PRJ": 0.12, "DIA": 0.15, "FOR": 0.18},
}
TYPE_WEIGHTS: dict[str, float] = {
    "GD": 1.6,
    "ACC": 1.0,
    "FOR": 1.6,
    "DIA": 0.7,
    "PRJ": 1.2,
    "PSS": 1.0,
}
CATEGORY_WEIGHTS: dict[str, float] = {
    "fully_managed": 2.0,  # their delegated mandates have a share of their own; this is extra
    "user": 3.0,
    "auxiliary": 2.0,
    "support": 0.3,
    "non_member": 0.45,
}

# Size of one day's entry on a mandate of each type, in quarter hours (min, max).
ENTRY_UNITS: dict[str, tuple[int, int]] = {
    "GD": (8, 28),
    "ACC": (4, 18),
    "FOR": (12, 28),
    "DIA": (8, 24),
    "PRJ": (8, 26),
    "PSS": (6, 16),
}

MANDATE_TITLES: dict[tuple[str, str], list[str]] = {
    ("GD", "GD"): ["Gestion déléguée – direction générale"],
    ("GD", "CPT"): ["Gestion déléguée – comptabilité et paie"],
    ("GD", "RH"): ["Gestion déléguée – ressources humaines"],
    ("GD", "TI"): ["Gestion déléguée – soutien informatique"],
    ("GD", "COM"): ["Gestion déléguée – communications"],
    ("ACC", "CPT"): [
        "Soutien comptable mensuel",
        "Accompagnement à la fin d'exercice",
        "Préparation du budget annuel",
        "Soutien à la paie",
        "Suivi des subventions salariales",
    ],
    ("ACC", "RH"): [
        "Accompagnement en dotation",
        "Soutien en relations de travail",
        "Révision de la politique salariale",
        "Programme de prévention en santé et sécurité",
        "Mesures de conciliation travail-famille",
    ],
    ("ACC", "TI"): [
        "Soutien informatique",
        "Passage au télétravail",
        "Migration vers l'infonuagique",
        "Sécurité informatique",
    ],
    ("ACC", "COM"): [
        "Plan de communication",
        "Soutien aux réseaux sociaux",
        "Refonte de l'image de marque",
    ],
    ("FOR", "FOR"): [
        "Formation : rôles et responsabilités du conseil d'administration",
        "Formation : gestion financière pour administrateurs",
        "Formation : santé et sécurité du travail",
        "Formation : outils collaboratifs en télétravail",
        "Formation : service à la clientèle et grands changements",
        "Formation : gestion du changement",
    ],
    ("DIA", "GP"): ["Diagnostic organisationnel"],
    ("DIA", "GD"): ["Diagnostic organisationnel et plan d'action"],
    ("PRJ", "GP"): [
        "Projet : planification stratégique",
        "Projet : étude de faisabilité",
        "Projet : changement d'échelle",
        "Projet : optimisation des liquidités",
    ],
    ("PRJ", "TI"): [
        "Projet : implantation d'un logiciel comptable",
        "Projet : nouveau site Web",
    ],
    ("PRJ", "COM"): [
        "Projet : campagne de recrutement de membres",
        "Projet : plan de développement des affaires",
    ],
    ("PSS", "CPT"): ["Programme de soutien – 25 h gratuites (finances)"],
    ("PSS", "RH"): ["Programme de soutien – 25 h gratuites (ressources humaines)"],
    ("PSS", "GP"): ["Programme de soutien – 25 h gratuites (relance)"],
    ("PSS", "COM"): ["Programme de soutien – 25 h gratuites (communications)"],
}

# What an entry says, by the mandate's department (types FOR and DIA have their own).
ENTRY_DESCRIPTIONS: dict[str, list[str]] = {
    "GD": [
        "Préparation du conseil d'administration",
        "Suivi budgétaire",
        "Rencontre avec la présidence",
        "Gestion des opérations",
        "Rédaction du procès-verbal",
        "Cellule de crise COVID-19",
        "Suivi des dossiers courants",
    ],
    "CPT": [
        "Tenue de livres",
        "Conciliations bancaires",
        "Comptes fournisseurs",
        "Paie",
        "Remises gouvernementales",
        "Préparation des états financiers",
        "Rencontre avec la direction",
    ],
    "RH": [
        "Affichage de poste",
        "Entrevues",
        "Rédaction de politique",
        "Suivi d'un dossier d'invalidité",
        "Rencontre avec la direction",
        "Programme de prévention",
    ],
    "TI": [
        "Soutien aux utilisateurs",
        "Mise à jour des postes",
        "Configuration Microsoft 365",
        "Vérification des sauvegardes",
        "Installation du télétravail",
    ],
    "COM": [
        "Rédaction de l'infolettre",
        "Publications sur les réseaux sociaux",
        "Conception graphique",
        "Révision de textes",
        "Communiqué de presse",
    ],
    "GP": [
        "Rencontre de démarrage",
        "Planification",
        "Analyse",
        "Rédaction du rapport",
        "Suivi de projet",
        "Atelier avec l'équipe",
    ],
    "FOR": [
        "Préparation de la formation",
        "Animation de la formation",
        "Évaluation des apprentissages",
        "Formation à distance",
    ],
    "DIA": [
        "Entrevues avec l'équipe",
        "Analyse du questionnaire de diagnostic",
        "Rédaction du diagnostic",
        "Présentation des recommandations",
    ],
}

# Quebec's seventeen regions: a few real municipalities or districts each (the enterprises
# named after them are fictional), and a weight for how many clients are there.
PLACES: dict[str, tuple[float, list[str]]] = {
    "01": (3, ["Rimouski", "Rivière-du-Loup", "Matane", "Amqui", "Mont-Joli", "Trois-Pistoles"]),
    "02": (4, ["Saguenay", "Alma", "Roberval", "Dolbeau-Mistassini", "Saint-Félicien"]),
    "03": (12, ["Québec", "Baie-Saint-Paul", "La Malbaie", "Donnacona", "Saint-Raymond"]),
    "04": (4, ["Trois-Rivières", "Shawinigan", "La Tuque", "Louiseville", "Saint-Tite"]),
    "05": (5, ["Sherbrooke", "Magog", "Coaticook", "Lac-Mégantic", "East Angus"]),
    "06": (18, ["Montréal", "Verdun", "Rosemont", "Lachine", "Villeray", "Ahuntsic"]),
    "07": (4, ["Gatineau", "Maniwaki", "Buckingham", "Aylmer", "Papineauville"]),
    "08": (3, ["Rouyn-Noranda", "Val-d'Or", "Amos", "La Sarre", "Ville-Marie"]),
    "09": (2, ["Baie-Comeau", "Sept-Îles", "Forestville", "Havre-Saint-Pierre"]),
    "10": (1, ["Chibougamau", "Chapais", "Matagami", "Lebel-sur-Quévillon"]),
    "11": (
        3,
        ["Gaspé", "Chandler", "New Richmond", "Carleton-sur-Mer", "Les Îles-de-la-Madeleine"],
    ),
    "12": (6, ["Lévis", "Thetford Mines", "Saint-Georges", "Montmagny", "Sainte-Marie"]),
    "13": (4, ["Laval", "Chomedey", "Sainte-Rose", "Vimont"]),
    "14": (5, ["Joliette", "Terrebonne", "Repentigny", "Berthierville", "Rawdon"]),
    "15": (5, ["Saint-Jérôme", "Mont-Tremblant", "Sainte-Agathe-des-Monts", "Mont-Laurier"]),
    "16": (12, ["Longueuil", "Saint-Hyacinthe", "Granby", "Saint-Jean-sur-Richelieu", "Beloeil"]),
    "17": (4, ["Drummondville", "Victoriaville", "Nicolet", "Bécancour", "Plessisville"]),
}

# Invented names for the organisations that carry one.
NAMES: list[str] = [
    "L'Entraide", "Le Relais", "La Ruche", "Horizon", "Les Mains tendues", "Le Phare",
    "Harmonie", "La Passerelle", "Le Tournesol", "L'Étoile du Nord", "Le Boisé", "La Source",
    "Les Bâtisseurs", "Le Carrefour", "La Boussole", "L'Envol", "Le Grenier", "La Courtepointe",
    "Les Trois-Pignons", "Le Vieux-Moulin", "La Marée", "Le Sentier", "L'Arc-en-ciel", "Le Quai",
    "La Brunante", "Les Semailles", "Le Fil d'Ariane", "La Clairière", "Le Rucher", "L'Érablière",
    "La Grande Ourse", "Le Cap", "Les Affluents", "La Traverse", "Le Fanal", "La Bourrasque",
    "Le Pont-Couvert", "Les Hirondelles", "La Chaloupe", "Le Jardin partagé", "L'Éclaircie",
    "La Mosaïque", "Le Campanile", "Les Quatre-Vents", "La Rosée", "Le Refuge", "L'Alliance",
    "La Ferme du Coteau", "Le Moulin à paroles", "Les Artisans réunis", "La Corvée", "Le Rivage",
    "La Lanterne", "Le Colibri", "Les Pionniers", "La Volière", "Le Ruisseau", "L'Abri",
    "La Grange", "Le Sillon", "Les Marguerites", "La Falaise", "Le Pignon bleu", "L'Atelier",
]  # fmt: skip

# Name patterns by kind of organisation: "{de}" becomes "de Rimouski", "{name}" an invented name.
AFFILIATE_NAMES: dict[str, tuple[str, list[str]]] = {
    "RCEESAD": ("cooperative", [
        "Coopérative de services à domicile {de}",
        "Coopérative de solidarité en aide domestique {de}",
        "Entreprise d'aide à domicile {name}",
    ]),
    "FCSDSQ": ("cooperative", [
        "Coopérative de services à domicile et de santé {de}",
        "Coopérative de soutien à domicile {name}",
    ]),
    "FQCS": ("cooperative", [
        "Coopérative de santé {de}",
        "Coopérative de solidarité santé {name}",
    ]),
    "FCPQ": ("cooperative", [
        "Coopérative des paramédics {de}",
        "Coopérative des techniciens ambulanciers {de}",
    ]),
    "FCCTQ": ("cooperative", [
        "Coopérative de câblodistribution {de}",
        "Coopérative de télécommunication {name}",
    ]),
    "FCAQ": ("cooperative", [
        "Coopérative d'alimentation {de}",
        "Marché coopératif {name}",
        "Épicerie coopérative {de}",
    ]),
    "CQCH": ("cooperative", [
        "Coopérative d'habitation {name}",
        "Coopérative d'habitation {name} {de}",
    ]),
    "TRESCA": ("nonprofit", [
        "Ressourcerie {de}",
        "Friperie solidaire {name}",
        "Entreprise d'insertion {name}",
        "Centre de la petite enfance {name}",
        "Coopérative de travail {name}",
    ]),
}  # fmt: skip

INDEPENDENT_NAMES: dict[str, tuple[float, list[str]]] = {
    "cooperative": (0.45, [
        "Coopérative de travail {name}",
        "Coopérative de solidarité {name}",
        "Coopérative forestière {de}",
        "Coopérative funéraire {de}",
        "Coopérative de producteurs {name}",
        "Coopérative de solidarité {name} {de}",
    ]),
    "nonprofit": (0.45, [
        "Centre communautaire {name}",
        "Carrefour jeunesse-emploi {de}",
        "Maison des jeunes {name}",
        "Théâtre {name}",
        "Banque alimentaire {de}",
        "Corporation de développement communautaire {de}",
        "Centre de la petite enfance {name}",
        "Ressourcerie {de}",
        "Festival {name} {de}",
    ]),
    "mutual": (0.10, [
        "Mutuelle de prévention {name}",
        "Mutuelle d'assurance {de}",
    ]),
}  # fmt: skip


def of_place(place: str) -> str:
    """French "of" before a place name: de Rimouski, d'Alma, de La Tuque, des Îles…"""
    if place.startswith("Les "):
        return f"des {place[4:]}"
    if place[0] in "AEIOUÉÈÎY":
        return f"d'{place}"
    return f"de {place}"
