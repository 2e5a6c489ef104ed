"""The investment policy drafted from a plan's figures: sections of structured data (a title,
plain paragraphs, tables), written in the language the contact picks (`translation.override`),
every figure already written out, so that an adopted version reads the same forever.

The permitted investments mark those the Civil Code of Québec presumes sound (art. 1339
C.c.Q., the investments an administrator of the property of others may make without further
justification; art. 1341 adds deposits with a bank or a savings and credit union). The list is
a faithful paraphrase, not the text of the law; the policy says so and sends the reader to it.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from consortium.core import formatting
from consortium.treasury.figures import PlanFigures

PRESUMED_SOUND = "art. 1339"

# The paragraphs a contact edits; the tables come from the figures and the law.
SECTION_KEYS = [
    "purpose",
    "objectives",
    "risk_profile",
    "horizons",
    "permitted",
    "prohibited",
    "rebalancing",
    "roles",
    "review",
]


def _section(key: str, title: str, paragraphs: list[str], tables: list[dict] | None = None):
    return {"key": key, "title": title, "paragraphs": paragraphs, "tables": tables or []}


def _presumed_sound() -> str:
    return _("placement présumé sûr (art. 1339 C.c.Q.)")


def permitted_investments() -> list[list[str]]:
    """[investment, fund(s), status]: the Civil Code's list first, then what the policy adds."""
    sound = _presumed_sound()
    return [
        [
            _(
                "Dépôts dans une banque, une caisse d'épargne et de crédit ou une autre "
                "institution financière, remboursables à vue ou sur un avis d'au plus 30 jours, "
                "ou à plus long terme s'ils sont pleinement garantis (certificats de placement "
                "garanti, dépôts à terme)"
            ),
            _("court, moyen"),
            _("placement présumé sûr (art. 1341 C.c.Q.)"),
        ],
        [
            _(
                "Obligations et autres titres d'emprunt émis ou garantis par le Québec, le "
                "Canada, une province canadienne, les États-Unis ou l'un de leurs États, la "
                "Banque internationale pour la reconstruction et le développement, une "
                "municipalité ou un centre de services scolaire au Canada, ou une fabrique au "
                "Québec"
            ),
            _("court, moyen, long"),
            sound,
        ],
        [
            _(
                "Obligations et titres d'emprunt d'une personne morale exploitant un service "
                "public au Canada et pouvant en fixer le tarif"
            ),
            _("moyen, long"),
            sound,
        ],
        [
            _(
                "Obligations et titres d'emprunt garantis par l'engagement du Québec, du Canada "
                "ou d'une province, pris envers un fiduciaire, de verser des subventions "
                "suffisantes pour en payer l'intérêt et le capital"
            ),
            _("moyen, long"),
            sound,
        ],
        [
            _(
                "Obligations et titres d'emprunt d'une société garantis par une hypothèque de "
                "premier rang, ou d'une société qui remplit les autres conditions de l'article "
                "(régularité des intérêts versés, titres présumés sûrs)"
            ),
            _("moyen, long"),
            sound,
        ],
        [
            _(
                "Titres de propriété sur un immeuble et créances garanties par hypothèque de "
                "premier rang sur un immeuble, aux conditions de l'article"
            ),
            _("long"),
            sound,
        ],
        [
            _(
                "Actions ordinaires ou privilégiées de sociétés inscrites à une bourse reconnue, "
                "aux conditions de l'article"
            ),
            _("long"),
            sound,
        ],
        [
            _(
                "Parts de fonds communs de placement ou de fiducies dont le portefeuille est "
                "fait de placements présumés sûrs pour au moins 60 pour cent, aux autres "
                "conditions de l'article"
            ),
            _("moyen, long"),
            sound,
        ],
        [
            _("Fonds négociés en bourse (FNB) d'obligations ou d'actions largement diversifiés"),
            _("long"),
            _("autorisé par la présente politique"),
        ],
    ]


def draft_sections(figures: PlanFigures, organisation_name: str, language: str) -> list[dict]:
    """The policy's sections, drafted in `language` from the plan's figures."""
    with translation.override(language):
        money = formatting.money
        target = figures.target_amount.value
        months = formatting.exact_number(figures.target_months.value)
        reserve = figures.reserve_months.value
        horizons = {horizon.key: horizon for horizon in figures.horizons}
        risk_paragraphs = [
            _(
                "Au point le plus bas de l'année, la réserve de fonctionnement représente "
                "%(reserve)s mois de charges ; la cible est de %(months)s mois, soit %(target)s."
            )
            % {
                "reserve": formatting.number(reserve, 1) if reserve is not None else "—",
                "months": months,
                "target": money(target),
            },
            _(
                "La tolérance au risque est faible pour les sommes nécessaires dans l'année, "
                "modérée pour celles du moyen terme et plus élevée seulement pour les sommes "
                "dont l'organisation n'aura pas besoin avant cinq ans."
            ),
        ]
        if figures.raises:
            risk_paragraphs.append(
                _("Facteurs de risque qui relèvent la cible : %(raises)s.")
                % {
                    "raises": (" ; " if language == "fr" else "; ").join(
                        item.reason() for item in figures.raises
                    )
                }
            )
        shortfall = -horizons["short"].excess.value
        if shortfall > 0:
            risk_paragraphs.append(
                _(
                    "Les liquidités disponibles ne couvrent pas le besoin à court terme : il "
                    "manque %(shortfall)s. Tant que ce manque n'est pas comblé, aucune somme "
                    "n'est placée à plus d'un an."
                )
                % {"shortfall": money(shortfall)}
            )
        ranges = [
            [
                _("Fonds à court terme"),
                _("moins d'un an"),
                money(horizons["short"].allocated),
                _("encaisse et dépôts 20 à 100 % ; CPG et obligations d'un an ou moins 0 à 80 %"),
            ],
            [
                _("Fonds à moyen terme"),
                _("1 à 5 ans"),
                money(horizons["medium"].allocated),
                _("encaisse 0 à 20 % ; CPG et obligations échéant avant le besoin 80 à 100 %"),
            ],
            [
                _("Fonds à long terme"),
                _("plus de 5 ans"),
                money(horizons["long"].allocated + figures.unallocated),
                _("encaisse 0 à 10 % ; obligations 40 à 70 % ; actions 20 à 50 %"),
            ],
        ]
        header = [_("Fonds"), _("Horizon"), _("Somme affectée"), _("Fourchettes de répartition")]
        return [
            _section(
                "purpose",
                _("Objet"),
                [
                    _(
                        "La présente politique encadre le placement des liquidités de "
                        "%(name)s : les sommes qui ne sont pas nécessaires aux opérations "
                        "courantes, la réserve de fonctionnement et les fonds destinés aux "
                        "projets."
                    )
                    % {"name": organisation_name},
                    _(
                        "Elle s'appuie sur le plan de trésorerie : liquidités disponibles de "
                        "%(available)s, réserve cible de %(target)s."
                    )
                    % {"available": money(figures.available.value), "target": money(target)},
                ],
            ),
            _section(
                "objectives",
                _("Objectifs"),
                [
                    _(
                        "Dans l'ordre : la préservation du capital, la liquidité (les sommes "
                        "sont disponibles quand l'organisation en a besoin), puis le rendement."
                    ),
                    _(
                        "Le fonds à court terme ne vise aucun rendement au prix d'un risque ; "
                        "les fonds à moyen et à long terme cherchent un rendement supérieur à "
                        "l'inflation, dans les limites de la présente politique."
                    ),
                ],
            ),
            _section("risk_profile", _("Profil de risque"), risk_paragraphs),
            _section(
                "horizons",
                _("Horizons et répartition par fonds"),
                [
                    _(
                        "Chaque dollar disponible est affecté à un seul fonds, le plus court "
                        "d'abord : le court terme est couvert avant le moyen terme, et le moyen "
                        "terme avant le long terme."
                    )
                ],
                [{"caption": "", "header": header, "rows": ranges}],
            ),
            _section(
                "permitted",
                _("Placements autorisés"),
                [
                    _(
                        "Les placements marqués « placement présumé sûr » sont ceux que le Code "
                        "civil du Québec présume sûrs (art. 1339 et 1341 C.c.Q.) ; cette liste "
                        "en est un résumé, le texte du Code fait foi."
                    )
                ],
                [
                    {
                        "caption": "",
                        "header": [_("Placement"), _("Fonds"), _("Statut")],
                        "rows": permitted_investments(),
                    }
                ],
            ),
            _section(
                "prohibited",
                _("Placements interdits"),
                [
                    _("Les produits dérivés à des fins de spéculation."),
                    _("Les cryptoactifs."),
                    _("L'achat de titres sur marge et toute forme d'effet de levier."),
                    _(
                        "Les prêts aux administrateurs, aux dirigeants, aux employés ou à des "
                        "personnes qui leur sont liées."
                    ),
                    _("Les placements privés et les titres non cotés, sauf décision du conseil."),
                ],
            ),
            _section(
                "rebalancing",
                _("Rééquilibrage"),
                [
                    _(
                        "Le trésorier compare chaque trimestre la répartition de chaque fonds "
                        "aux fourchettes ; un écart hors fourchette est corrigé dans les 30 jours."
                    ),
                    _(
                        "Les sorties de fonds sont prises d'abord dans le fonds à court terme, "
                        "qui est reconstitué à partir des fonds plus longs lorsqu'il passe sous "
                        "la réserve cible."
                    ),
                ],
            ),
            _section(
                "roles",
                _("Rôles et responsabilités"),
                [
                    _("Le conseil d'administration adopte la politique et ses modifications."),
                    _(
                        "Le comité des finances en surveille l'application et fait rapport au "
                        "conseil au moins une fois l'an."
                    ),
                    _(
                        "Le trésorier gère les fonds au quotidien, dans les limites de la "
                        "politique, et rend compte au comité des finances."
                    ),
                    _(
                        "Un gestionnaire externe, s'il est mandaté, gère les fonds à moyen et à "
                        "long terme selon la politique et rend compte chaque trimestre."
                    ),
                ],
            ),
            _section(
                "review",
                _("Révision"),
                [
                    _(
                        "La politique est révisée chaque année avec le plan de trésorerie, et "
                        "dès qu'un changement important touche les revenus, les charges ou les "
                        "projets de l'organisation."
                    )
                ],
            ),
        ]
