"""The demo report's own words for 2020-2021: the president's and the general manager's
messages, the mission, the vision and the year's objectives.

Adapted from the seed report's texts, in French with a faithful English version. The
signatories are fictional (the seed's people are real): their names come from the seeded Faker.
"""

from consortium.core.models import FiscalYear
from consortium.reports.models import ReportSection, ReportText
from consortium.reports.services import report_text_upsert

FISCAL_YEAR = "2020-2021"

PRESIDENT_FR = """\
Quelle année! Alors que les besoins des membres ont évolué rapidement, le Consortium a fait preuve \
de beaucoup de flexibilité à travers cette période pandémique en assurant une qualité de travail \
correspondant aux besoins de ses membres. La façon de livrer ces services s'est également \
transformée : à distance.

Le membrariat a néanmoins continué d'évoluer de façon enviable au cours de l'année : les \
services rendus aux membres qui ne sont pas sous entière gestion ont progressé plus fortement que \
les années précédentes.

Les résultats financiers de l'année sont d'ailleurs au rendez-vous : les subventions ont été \
d'une grande aide pour garder le cap sur notre mission, mais c'est l'ingéniosité de l'équipe qui a \
permis de tirer des contraintes de l'année un portrait enviable.

Les efforts pour améliorer les conditions de travail, au bénéfice de l'attraction et de la \
rétention du personnel, ont eu des répercussions positives : bonification de la rémunération, \
soutien par de nouveaux outils technologiques, activités et initiatives de santé et de mieux-être. \
Les experts ont ainsi vécu une transition plus harmonieuse vers le numérique.

Nous ressortons de cet exercice en pleine santé et plus prêts que jamais à relever de nouveaux \
défis. Je remercie tous les membres du Consortium, ses experts, les directions, le directeur \
général et les membres du conseil d'administration d'avoir collaboré à cette année hors de \
l'ordinaire!"""

PRESIDENT_EN = """\
What a year! As members' needs changed quickly, the Consortium showed great flexibility \
throughout the pandemic while keeping the quality of its work up to its members' needs. The way \
its services were delivered changed too: remotely.

Membership nevertheless kept growing at an enviable pace during the year: services to members \
that are not fully managed grew faster than in previous years.

The year's financial results are also there: grants were a great help in staying on course with \
our mission, but it is the team's ingenuity that turned the year's constraints into an enviable \
picture.

Efforts to improve working conditions, to attract and retain staff, paid off: better pay, support \
through new technological tools, and health and wellness activities and initiatives. The experts \
thus went through a smoother digital transition.

We come out of this fiscal year in full health and readier than ever to take on new challenges. \
I thank all the Consortium's members, its experts, the directors, the general manager and the \
members of the board of directors for their work together in this extraordinary year!"""

GENERAL_MANAGER_FR = """\
La dernière année nous a permis de nous positionner auprès de nos membres, ainsi que de leurs \
membres, comme jamais auparavant! L'apport du Consortium et le travail de ses experts ont suscité \
un degré d'appréciation inégalé jusqu'à présent.

Ce succès résulte de l'implication des experts, qui ont fait preuve d'une grande persévérance : \
certains ont assuré volontairement leur rôle de soutien sept jours par semaine pour traverser \
cette période avec les membres.

À travers les trois vagues de la pandémie, le Consortium a assuré son rôle de soutien en \
fournissant une cellule de crise afin de rassurer, d'accompagner et de diriger. L'adhésion de nos \
membres s'est consolidée pendant cette période : le Consortium existe par la volonté de ses \
membres de partager des ressources.

La poursuite de l'évolution vers le télétravail fait partie de nos objectifs pour l'année à venir. \
Le Consortium, qui recrute maintenant des experts sur tout le territoire du Québec, continue de \
promouvoir la mise en commun des savoirs entre ses employés.

Pour conclure, je souhaite attirer votre attention sur le lancement du 10e anniversaire du \
Consortium dans l'année qui vient."""

GENERAL_MANAGER_EN = """\
The past year let us position ourselves with our members, and with their own members, as never \
before! The Consortium's contribution and its experts' work earned a level of appreciation never \
reached until now.

This success comes from the commitment of the experts, who showed great perseverance: some \
volunteered to provide support seven days a week to get through this period with the members.

Through the three waves of the pandemic, the Consortium played its supporting role by providing a \
crisis unit to reassure, accompany and lead. Our members' loyalty grew stronger during this \
period: the Consortium exists because its members want to share resources.

Moving further towards remote work is one of our objectives for the coming year. The Consortium, \
which now recruits experts throughout Quebec, keeps promoting the sharing of knowledge among its \
employees.

To conclude, I would like to draw your attention to the launch of the Consortium's 10th \
anniversary in the coming year."""

TEXTS = [
    {
        "section": ReportSection.MISSION,
        "title_fr": "Mission.",
        "title_en": "Mission.",
        "body_fr": "Le Consortium existe pour que chaque entreprise collective puisse avoir accès "
        "à des services spécialisés de qualité.",
        "body_en": "The Consortium exists so that every collective enterprise can have access to "
        "quality specialised services.",
    },
    {
        "section": ReportSection.VISION,
        "title_fr": "Vision.",
        "title_en": "Vision.",
        "body_fr": "Par l'expertise, la qualité et la disponibilité de son capital humain, son "
        "interdisciplinarité et son accessibilité, le Consortium est le partenaire privilégié des "
        "organisations d'économie sociale pour les accompagner dans leurs projets de changement "
        "d'échelle afin de reconstruire le tissu socioéconomique de toutes les régions du Québec "
        "et du Canada.",
        "body_en": "Through the expertise, quality and availability of its human capital, its "
        "interdisciplinarity and its accessibility, the Consortium is the partner of choice of "
        "social economy organisations, supporting their scaling-up projects to rebuild the "
        "socio-economic fabric of every region of Quebec and Canada.",
    },
    {
        "section": ReportSection.OBJECTIVES,
        "title_fr": "Les objectifs pour l'année 2020-2021.",
        "title_en": "Objectives for 2020-2021.",
        "body_fr": "Diversification des utilisateurs de services\n"
        "Résultats financiers avec excédent\n"
        "Amélioration de la qualité des services\n"
        "Amélioration du taux d'engagement des experts",
        "body_en": "Diversifying the users of our services\n"
        "Financial results with a surplus\n"
        "Improving the quality of services\n"
        "Improving the experts' engagement rate",
    },
]


def write(context) -> dict[str, int]:
    year = FiscalYear.objects.get(name=FISCAL_YEAR)
    faker = context.faker
    messages = [
        {
            "section": ReportSection.PRESIDENT_MESSAGE,
            "title_fr": "2020-2021 : une année hors de l'ordinaire",
            "title_en": "2020-2021: an extraordinary year",
            "body_fr": PRESIDENT_FR,
            "body_en": PRESIDENT_EN,
            "signatory_name": f"{faker.first_name_female()} {faker.last_name()}",
            "signatory_title_fr": "Présidente",
            "signatory_title_en": "President",
        },
        {
            "section": ReportSection.GENERAL_MANAGER_MESSAGE,
            "title_fr": "2020-2021 : une année unique dans l'histoire du Consortium",
            "title_en": "2020-2021: a unique year in the Consortium's history",
            "body_fr": GENERAL_MANAGER_FR,
            "body_en": GENERAL_MANAGER_EN,
            "signatory_name": f"{faker.first_name_male()} {faker.last_name()}",
            "signatory_title_fr": "Directeur général",
            "signatory_title_en": "General Manager",
        },
    ]
    for text in messages + TEXTS:
        report_text_upsert(fiscal_year=year, **text)
    return {"report_texts": len(messages) + len(TEXTS)}


def delete() -> None:
    """Remove the demo's report texts (before the ledger and the fiscal years go)."""
    ReportText.objects.all().delete()
