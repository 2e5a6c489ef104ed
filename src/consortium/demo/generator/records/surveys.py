"""Demo surveys, answered through the survey engine.

- Each report year's satisfaction survey of the members (closed): in 2020-2021, 48 of 50 member
  organisations would recommend the centre (96 %), as the report says; each also gives its 0-10
  likelihood to recommend (the NPS).
- Each report year's engagement survey of the staff (closed, anonymous): 8 Likert items; the
  share of favourable answers is 84,0 % against 76,0 % for similar organisations in 2020-2021
  (« se compare avantageusement »). Every department has 5 respondents or more but Training,
  which has 3: the results page shows why it has no result.
- The current fiscal year's satisfaction survey is open and already answered by MPEESAD (the
  `membre` demo contact's organisation); its staff engagement survey is open too.

The counts do not depend on --scale; the seed decides which organisations answer and how the
answers spread (never the rates).
"""

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils import timezone

from consortium.core.fiscal_years import fiscal_year_bounds, fiscal_year_name_for
from consortium.core.models import FiscalYear
from consortium.members.models import Membership, Organisation
from consortium.staff.models import Department
from consortium.surveys.models import Answer, Audience, Measure, Response, SurveyKind
from consortium.surveys.services import (
    response_submit,
    survey_close,
    survey_create,
    survey_open,
    surveys_delete,
)
from consortium.surveys.starters import ENGAGEMENT, SATISFACTION

# fiscal year: (sent on, answers, of which yes; engagement rate, benchmark, respondents).
SURVEYS = {
    "2019-2020": (dt.date(2020, 2, 10), 44, 41, Decimal("79.0"), Decimal("75.5"), 48),
    "2020-2021": (dt.date(2021, 2, 15), 50, 48, Decimal("84.0"), Decimal("76.0"), 52),
    "2021-2022": (dt.date(2022, 2, 14), 58, 56, Decimal("85.5"), Decimal("76.5"), 56),
}
ITEMS = 8
# The department shown without a result (fewer than 5 respondents), and how many answered.
SMALL_DEPARTMENT, SMALL_RESPONDENTS = "FOR", 3
MEMBER_CODE = "MPEESAD"
TENTH = Decimal("0.1")


def _members_on(day: dt.date) -> list[int]:
    return list(
        Membership.objects.filter(start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .order_by("organisation__code")
        .values_list("organisation_id", flat=True)
        .distinct()
    )


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9 + rng.randint(0, 8))))


def favourable_split(rate: Decimal, items: int) -> tuple[int, int]:
    """(answered, favourable): the fewest « ne s'applique pas » among `items` that let a whole
    number of favourable answers give exactly `rate` (% to one decimal, half up)."""
    for answered in range(items, 0, -1):
        for favourable in (int(rate * answered / 100), int(rate * answered / 100) + 1):
            share = (Decimal(favourable) * 100 / answered).quantize(TENTH, ROUND_HALF_UP)
            if share == rate:
                return answered, favourable
    raise ValueError(rate)


def _likelihood(rng: random.Random, yes: bool) -> int:
    if yes:
        return rng.choices([7, 8, 9, 10], weights=[1, 3, 4, 3])[0]
    return rng.randint(2, 6)


def _year(name: str) -> FiscalYear:
    start, end = fiscal_year_bounds(name)
    year, _created = FiscalYear.objects.get_or_create(
        name=name, defaults={"start_date": start, "end_date": end}
    )
    return year


def _satisfaction(year, name, sent_on, answered, yes, rng) -> tuple[list, list]:
    survey = survey_create(
        fiscal_year=year,
        kind=SurveyKind.SATISFACTION,
        audience=Audience.MEMBERS,
        title_fr=f"Sondage de satisfaction des membres {name}",
        title_en=f"Members' satisfaction survey {name}",
        opens_on=sent_on,
        closes_on=sent_on + dt.timedelta(days=28),
        starter=SATISFACTION,
    )
    survey_open(survey=survey)
    survey_close(survey=survey)
    questions = {q.measure: q for q in survey.questions.all()}
    members = _members_on(sent_on)
    chosen = rng.sample(members, min(answered, len(members)))
    # A small demo (--scale below 1) has fewer members: the same share says no.
    noes = set(rng.sample(chosen, round((answered - yes) * len(chosen) / answered)))
    responses = [
        Response(
            survey=survey,
            organisation_id=organisation,
            submitted_at=_moment(sent_on + dt.timedelta(days=rng.randint(0, 20)), rng),
        )
        for organisation in chosen
    ]
    answers = []
    for response, organisation in zip(responses, chosen, strict=True):
        recommends = organisation not in noes
        answers.append((response, questions[Measure.WOULD_RECOMMEND], {"bool_value": recommends}))
        answers.append(
            (response, questions[Measure.LIKELIHOOD], {"int_value": _likelihood(rng, recommends)})
        )
    return responses, answers


def _departments_of(respondents: int, rng: random.Random) -> list[int | None]:
    """Each respondent's department: the small one gets 3, the others share the rest."""
    departments = list(Department.objects.order_by("code").values_list("pk", "code"))
    small = [pk for pk, code in departments if code == SMALL_DEPARTMENT]
    others = [pk for pk, code in departments if code != SMALL_DEPARTMENT] or [None]
    rest = respondents - len(small) * SMALL_RESPONDENTS
    groups = small * SMALL_RESPONDENTS + [others[index % len(others)] for index in range(rest)]
    rng.shuffle(groups)
    return groups


def _engagement(year, name, sent_on, rate, benchmark, respondents, rng) -> tuple[list, list]:
    survey = survey_create(
        fiscal_year=year,
        kind=SurveyKind.ENGAGEMENT,
        audience=Audience.STAFF,
        title_fr=f"Sondage d'engagement du personnel {name}",
        title_en=f"Staff engagement survey {name}",
        opens_on=sent_on - dt.timedelta(days=21),
        closes_on=sent_on,
        benchmark_pct=benchmark,
        starter=ENGAGEMENT,
    )
    survey_open(survey=survey)
    survey_close(survey=survey)
    items = list(survey.questions.order_by("position"))
    answered, favourable = favourable_split(rate, respondents * ITEMS)
    values: list[int | None] = (
        [rng.choice([4, 5, 5]) for _n in range(favourable)]
        + [rng.choice([1, 2, 3, 3]) for _n in range(answered - favourable)]
        + [None] * (respondents * ITEMS - answered)
    )
    rng.shuffle(values)
    responses = [
        Response(survey=survey, department_id=department, submitted_at=_moment(sent_on, rng))
        for department in _departments_of(respondents, rng)
    ]
    answers = []
    for index, response in enumerate(responses):
        for offset, question in enumerate(items):
            value = values[index * ITEMS + offset]
            fields = {"not_applicable": True} if value is None else {"int_value": value}
            answers.append((response, question, fields))
    return responses, answers


def _current_surveys(today: dt.date, rng: random.Random) -> int:
    """This fiscal year's satisfaction survey (open, answered by MPEESAD) and staff engagement
    survey (open); returns how many responses were written."""
    name = fiscal_year_name_for(today)
    if name in SURVEYS:
        return 0
    year = _year(name)
    satisfaction = survey_create(
        fiscal_year=year,
        kind=SurveyKind.SATISFACTION,
        audience=Audience.MEMBERS,
        title_fr=f"Sondage de satisfaction des membres {name}",
        title_en=f"Members' satisfaction survey {name}",
        intro_fr="Cinq minutes pour nous dire comment nous vous servons.",
        intro_en="Five minutes to tell us how well we serve you.",
        opens_on=today - dt.timedelta(days=14),
        closes_on=today + dt.timedelta(days=30),
        starter=SATISFACTION,
    )
    survey_open(survey=satisfaction)
    engagement = survey_create(
        fiscal_year=year,
        kind=SurveyKind.ENGAGEMENT,
        audience=Audience.STAFF,
        title_fr=f"Sondage d'engagement du personnel {name}",
        title_en=f"Staff engagement survey {name}",
        opens_on=today - dt.timedelta(days=7),
        closes_on=today + dt.timedelta(days=21),
        benchmark_pct=Decimal("76.5"),
        starter=ENGAGEMENT,
    )
    survey_open(survey=engagement)
    member = Organisation.objects.filter(code=MEMBER_CODE).first()
    if member is None:
        return 0
    questions = {q.measure: q for q in satisfaction.questions.all()}
    text = satisfaction.questions.get(measure=Measure.NONE)
    response_submit(
        survey=satisfaction,
        organisation=member,
        values={
            questions[Measure.WOULD_RECOMMEND].pk: "yes",
            questions[Measure.LIKELIHOOD].pk: 9,
            text.pk: "Des rapports mensuels un peu plus tôt dans le mois.",
        },
    )
    return 1


def write(context) -> dict[str, int]:
    rng = context.rng("surveys")
    today = context.today or dt.date.today()
    # The demo owns these records: a rebuilt demo replaces them.
    years = {year.name: year for year in FiscalYear.objects.filter(name__in=SURVEYS)}
    responses: list[Response] = []
    answers: list[tuple[Response, object, dict]] = []
    satisfaction_count = engagement_count = 0
    for name, (sent_on, answered, yes, rate, benchmark, respondents) in SURVEYS.items():
        year = years.get(name)
        if year is None:
            continue
        rows, values = _satisfaction(year, name, sent_on, answered, yes, rng)
        satisfaction_count += len(rows)
        responses += rows
        answers += values
        rows, values = _engagement(year, name, sent_on, rate, benchmark, respondents, rng)
        engagement_count += len(rows)
        responses += rows
        answers += values
    for row in responses:
        row.clean_fields(exclude=("survey", "organisation", "department"))
    Response.objects.bulk_create(responses)
    rows = [
        Answer(response=response, question=question, **fields)
        for response, question, fields in answers
    ]
    for row in rows:
        row.clean_fields(exclude=("response", "question"))
    Answer.objects.bulk_create(rows)
    current = _current_surveys(today, rng)
    return {
        "satisfaction_answers": satisfaction_count + current,
        "engagement_responses": engagement_count,
    }


def delete() -> None:
    """The area's demo rows, for a rebuilt demo."""
    surveys_delete()
