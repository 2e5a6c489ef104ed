"""The questions a new survey starts from: the satisfaction survey's two recommendation
questions and the engagement survey's Likert items, in French and English.
"""

from django.utils.translation import gettext_lazy as _

from consortium.surveys.models import Measure, QuestionKind

BLANK = "blank"
SATISFACTION = "satisfaction"
ENGAGEMENT = "engagement"

STARTERS = {
    SATISFACTION: _("Sondage de satisfaction (recommandation et 0 à 10)"),
    ENGAGEMENT: _("Sondage d'engagement (8 énoncés Likert)"),
    BLANK: _("Sondage vierge"),
}

WOULD_RECOMMEND = (
    "Recommanderiez-vous le Consortium à une autre organisation ?",
    "Would you recommend the Consortium to another organisation?",
)
LIKELIHOOD = (
    "De 0 à 10, quelle est la probabilité que vous recommandiez le Consortium ?",
    "From 0 to 10, how likely are you to recommend the Consortium?",
)

# (kind, measure, French, English, required)
STARTER_QUESTIONS = {
    SATISFACTION: [
        (QuestionKind.YES_NO, Measure.WOULD_RECOMMEND, *WOULD_RECOMMEND, True),
        (QuestionKind.SCALE_0_10, Measure.LIKELIHOOD, *LIKELIHOOD, True),
        (
            QuestionKind.TEXT,
            Measure.NONE,
            "Que pourrions-nous améliorer ?",
            "What could we do better?",
            False,
        ),
    ],
    ENGAGEMENT: [
        (QuestionKind.LIKERT_5, Measure.ENGAGEMENT, french, english, True)
        for french, english in [
            ("Je suis fier de travailler au Consortium.", "I am proud to work at the Consortium."),
            (
                "Je recommanderais le Consortium comme employeur.",
                "I would recommend the Consortium as an employer.",
            ),
            ("Mon travail a du sens pour moi.", "My work is meaningful to me."),
            (
                "J'ai les outils et les ressources pour bien faire mon travail.",
                "I have the tools and resources to do my job well.",
            ),
            (
                "Ma direction reconnaît mon travail.",
                "My manager recognises my work.",
            ),
            (
                "Je peux concilier mon travail et ma vie personnelle.",
                "I can balance my work and my personal life.",
            ),
            (
                "J'ai des occasions d'apprendre et de me développer.",
                "I have opportunities to learn and grow.",
            ),
            (
                "Je me vois encore au Consortium dans deux ans.",
                "I see myself still at the Consortium in two years.",
            ),
        ]
    ],
    BLANK: [],
}
