"""Demo communications: followers, posts, newsletters, press releases, expert columns, ad
campaigns, the webinar of the Mois de l'économie sociale and the press review.

Fiscal year 2020-2021 carries the figures of the report exactly (seed-figures.md); 2019-2020 and
2021-2022 are plausible around it. The counts do not depend on --scale: a bigger centre does not
publish more. The seed only decides titles and days.
"""

import datetime as dt
import itertools
import random

from babel.dates import format_date
from django.utils.text import slugify

from consortium.communications.models import (
    AdCampaign,
    Channel,
    Event,
    EventKind,
    FollowerSnapshot,
    PressCoverage,
    Publication,
    PublicationKind,
    Registration,
)
from consortium.communications.services import communications_records_delete

# Followers on the last day of each fiscal year (the report's 2020-2021: LinkedIn 554 → 780,
# +226; Facebook 224 → 447, +223, the page relaunched in October 2020).
YEAR_ENDS = [dt.date(2019, 3, 31), dt.date(2020, 3, 31), dt.date(2021, 3, 31), dt.date(2022, 3, 31)]
FOLLOWERS = {
    Channel.LINKEDIN: [431, 554, 780, 968],
    Channel.FACEBOOK: [209, 224, 447, 612],
}
FACEBOOK_RELAUNCH = dt.date(2020, 10, 1)

# Publications of each kind (posts by channel) in each fiscal year, first day of the year first.
PUBLICATIONS: dict[dt.date, dict[tuple[str, str], int]] = {
    dt.date(2019, 4, 1): {
        (PublicationKind.POST, Channel.LINKEDIN): 96,
        (PublicationKind.POST, Channel.FACEBOOK): 8,
        (PublicationKind.NEWSLETTER, Channel.NEWSLETTER): 12,
        (PublicationKind.PRESS_RELEASE, Channel.WEBSITE): 3,
        (PublicationKind.EXPERT_COLUMN, Channel.WEBSITE): 10,
    },
    dt.date(2020, 4, 1): {
        (PublicationKind.POST, Channel.LINKEDIN): 122,
        (PublicationKind.POST, Channel.FACEBOOK): 90,
        (PublicationKind.NEWSLETTER, Channel.NEWSLETTER): 22,
        (PublicationKind.PRESS_RELEASE, Channel.WEBSITE): 5,
        (PublicationKind.EXPERT_COLUMN, Channel.WEBSITE): 22,
    },
    dt.date(2021, 4, 1): {
        (PublicationKind.POST, Channel.LINKEDIN): 134,
        (PublicationKind.POST, Channel.FACEBOOK): 104,
        (PublicationKind.NEWSLETTER, Channel.NEWSLETTER): 24,
        (PublicationKind.PRESS_RELEASE, Channel.WEBSITE): 6,
        (PublicationKind.EXPERT_COLUMN, Channel.WEBSITE): 25,
    },
}

PDSA = "PDSA"
RELANCE = "Accélération-Relance 360°"
# (channel, programme, name, start, days, impressions). 2020-2021: Facebook 10 campaigns and
# 126 200 impressions; PDSA 3 campaigns (Google, Facebook, LinkedIn) and 82 150 impressions, the
# Google Ads one 29 900 for the 25 free hours offered to Montreal's enterprises.
CAMPAIGNS = [
    (Channel.LINKEDIN, "", "Portes ouvertes virtuelles", dt.date(2019, 9, 9), 21, 6_400),
    (Channel.LINKEDIN, "", "Recrutement d'experts", dt.date(2020, 1, 13), 28, 8_100),
    (Channel.FACEBOOK, "", "Relance de la page", dt.date(2020, 10, 1), 14, 11_200),
    (Channel.FACEBOOK, "", "Mois de l'économie sociale", dt.date(2020, 10, 26), 21, 9_700),
    (Channel.FACEBOOK, "", "Webinaire du 18 novembre", dt.date(2020, 11, 4), 14, 8_400),
    (
        Channel.FACEBOOK,
        RELANCE,
        "Accélération-Relance 360° – lancement",
        dt.date(2020, 11, 16),
        21,
        14_200,
    ),
    (Channel.FACEBOOK, "", "Services de paie", dt.date(2020, 12, 1), 14, 10_300),
    (
        Channel.FACEBOOK,
        RELANCE,
        "Accélération-Relance 360° – témoignages",
        dt.date(2020, 12, 14),
        21,
        12_600,
    ),
    (
        Channel.FACEBOOK,
        RELANCE,
        "Accélération-Relance 360° – dernier appel",
        dt.date(2021, 1, 18),
        14,
        9_900,
    ),
    (
        Channel.LINKEDIN,
        RELANCE,
        "Accélération-Relance 360° – OBNL",
        dt.date(2021, 1, 18),
        14,
        9_800,
    ),
    (Channel.FACEBOOK, "", "Fin d'exercice et états financiers", dt.date(2021, 1, 25), 21, 9_600),
    (
        Channel.GOOGLE_ADS,
        PDSA,
        "25 h de soutien gratuit – Montréal",
        dt.date(2021, 2, 1),
        56,
        29_900,
    ),
    (Channel.FACEBOOK, PDSA, "25 h de soutien gratuit – Montréal", dt.date(2021, 2, 1), 42, 31_400),
    (Channel.LINKEDIN, PDSA, "25 h de soutien gratuit – Montréal", dt.date(2021, 2, 8), 42, 20_850),
    (Channel.FACEBOOK, "", "Cellule de soutien COVID-19", dt.date(2021, 3, 1), 21, 8_900),
    (Channel.FACEBOOK, "", "10e anniversaire du Consortium", dt.date(2021, 9, 13), 21, 15_300),
    (Channel.FACEBOOK, PDSA, "PDSA – Montréal, deuxième vague", dt.date(2021, 10, 4), 28, 18_700),
    (Channel.GOOGLE_ADS, PDSA, "PDSA – Montréal, deuxième vague", dt.date(2021, 10, 4), 28, 21_400),
    (Channel.LINKEDIN, "", "Recrutement en région", dt.date(2022, 1, 17), 28, 12_200),
]

EVENTS = [
    (
        "Les nouveaux services partagés du Consortium",
        dt.date(2019, 11, 20),
        EventKind.CONFERENCE,
        38,
        "Présentation des services aux membres, à Québec.",
    ),
    (
        "Service à la clientèle et grands changements",
        dt.date(2020, 11, 18),
        EventKind.WEBINAR,
        14,
        "Webinaire de midi à 12 h 30, dans le cadre du Mois de l'économie sociale.",
    ),
    (
        "Conciliation travail-famille-vie personnelle : les meilleures pratiques",
        dt.date(2021, 11, 17),
        EventKind.WEBINAR,
        31,
        "Webinaire présentant les résultats du recensement des meilleures pratiques.",
    ),
    (
        "Les services partagés, quinze ans après",
        dt.date(2026, 11, 18),
        EventKind.WEBINAR,
        0,
        "Webinaire du Mois de l'économie sociale : inscriptions ouvertes.",
    ),
]

PRESS = [
    (
        "Le Consortium ouvre un point de service en région",
        "Le Soleil",
        dt.date(2019, 10, 2),
    ),
    (
        "Le modèle coopératif : une réponse aux nouveaux enjeux économiques",
        "Gestion HEC Montréal",
        dt.date(2020, 9, 16),
    ),
    (
        "Soutenir le développement des entreprises collectives",
        "Les coops de l'information",
        dt.date(2020, 10, 9),
    ),
    (
        "A New Offer of Specialized Support for More than 1,500 Ontario Co-ops",
        "Intrado GlobeNewswire",
        dt.date(2021, 2, 18),
    ),
    (
        "Dix ans au service des entreprises collectives",
        "Les coops de l'information",
        dt.date(2021, 10, 6),
    ),
]

TOPICS = [
    "la paie",
    "la gestion des ressources humaines",
    "la planification financière",
    "la gouvernance des coopératives",
    "le télétravail",
    "la transformation numérique",
    "la gestion de projet",
    "les programmes d'aide COVID-19",
    "la comptabilité des OBNL",
    "la santé et la sécurité au travail",
    "les communications",
    "la formation en entreprise",
]
POST_FORMS = [
    "Nos experts vous parlent de {topic}",
    "Cinq conseils sur {topic}",
    "Le saviez-vous? {topic}",
    "Témoignage d'un membre sur {topic}",
    "Webinaire à revoir : {topic}",
]
KIND_FORMS = {
    PublicationKind.NEWSLETTER: "Infolettre du Consortium – {month}",
    PublicationKind.PRESS_RELEASE: "Communiqué : {sentence}",
    PublicationKind.EXPERT_COLUMN: "Chronique d'expert : {topic}",
}


def _snapshots(rng: random.Random) -> list[FollowerSnapshot]:
    """A count on the last day of each month, growing from one year-end figure to the next."""
    rows = []
    for channel, figures in FOLLOWERS.items():
        rows.append(FollowerSnapshot(channel=channel, date=YEAR_ENDS[0], followers=figures[0]))
        for (first, last), (low, high) in zip(
            itertools.pairwise(YEAR_ENDS),
            itertools.pairwise(figures),
            strict=True,
        ):
            month_ends = _month_ends(first, last)
            # The Facebook page sat idle until its relaunch: its followers only grew after.
            growing = [
                day
                for day in month_ends
                if channel != Channel.FACEBOOK or day >= FACEBOOK_RELAUNCH or first.year != 2020
            ]
            steps = sorted(rng.randint(0, high - low) for _ in growing[:-1])
            values = iter([*steps, high - low])
            count = low
            for day in month_ends:
                if day in growing:
                    count = low + next(values)
                rows.append(FollowerSnapshot(channel=channel, date=day, followers=count))
    return rows


def _month_ends(after: dt.date, through: dt.date) -> list[dt.date]:
    """The last day of each month after the month of `after`, up to `through`."""
    days = []
    year, month = after.year, after.month
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
        day = following - dt.timedelta(days=1)
        if day > through:
            return days
        days.append(day)


def _publications(context, rng: random.Random) -> list[Publication]:
    rows = []
    for first, counts in PUBLICATIONS.items():
        last = dt.date(first.year + 1, 3, 31)
        for (kind, channel), count in counts.items():
            start = first
            if channel == Channel.FACEBOOK and first.year == 2020:
                # A handful of posts before the relaunch, the rest after it.
                start = FACEBOOK_RELAUNCH
            span = (last - start).days
            days = sorted(start + dt.timedelta(days=rng.randint(0, span)) for _ in range(count))
            if channel == Channel.FACEBOOK and first.year == 2020:
                days[:4] = sorted(first + dt.timedelta(days=rng.randint(0, 150)) for _ in range(4))
            for day in days:
                topic = rng.choice(TOPICS)
                if kind == PublicationKind.POST:
                    title = rng.choice(POST_FORMS).format(topic=topic)
                else:
                    title = KIND_FORMS[kind].format(
                        topic=topic,
                        month=format_date(day, "MMMM y", locale="fr_CA"),
                        sentence=context.faker.sentence(nb_words=6).rstrip("."),
                    )
                rows.append(
                    Publication(
                        kind=kind, channel=channel, date=day, title=title[:1].upper() + title[1:255]
                    )
                )
    return rows


def write(context) -> dict[str, int]:
    rng = context.rng("communications")
    # The demo owns these records: a rebuilt demo replaces them.
    snapshots = FollowerSnapshot.objects.bulk_create(_checked(_snapshots(rng)))
    publications = Publication.objects.bulk_create(_checked(_publications(context, rng)))
    campaigns = AdCampaign.objects.bulk_create(
        _checked(
            [
                AdCampaign(
                    channel=channel,
                    programme=programme,
                    name=name,
                    start=start,
                    end=start + dt.timedelta(days=days - 1),
                    impressions=impressions,
                )
                for channel, programme, name, start, days, impressions in CAMPAIGNS
            ]
        )
    )
    events = Event.objects.bulk_create(
        _checked(
            [
                Event(
                    title=t,
                    slug=slugify(t)[:80],
                    date=d,
                    kind=k,
                    online=k == EventKind.WEBINAR,
                    place="" if k == EventKind.WEBINAR else "Québec",
                    capacity=100,
                    registration_open=count == 0,
                    description=text,
                )
                for t, d, k, count, text in EVENTS
            ]
        )
    )
    # The registrations are people who signed up: as many rows as the report counts.
    registrations = Registration.objects.bulk_create(
        _checked(
            [
                Registration(
                    event=event,
                    name=(name := context.faker.name()),
                    email=f"{slugify(name)}-{number}@exemple.org",
                    organisation=context.faker.company(),
                )
                for event, (_t, _d, _k, count, _text) in zip(events, EVENTS, strict=True)
                for number in range(1, count + 1)
            ]
        )
    )
    press = PressCoverage.objects.bulk_create(
        _checked([PressCoverage(title=t, outlet=o, date=d) for t, o, d in PRESS])
    )
    return {
        "follower_snapshots": len(snapshots),
        "publications": len(publications),
        "ad_campaigns": len(campaigns),
        "events": len(events),
        "event_registrations": len(registrations),
        "press_coverage": len(press),
    }


def _checked(rows: list) -> list:
    for row in rows:
        row.full_clean(validate_unique=False)
    return rows


def delete() -> None:
    """The area's demo rows, for a rebuilt demo."""
    communications_records_delete()
