"""The answers given before the survey engine become responses to engine surveys.

- A year's satisfaction survey becomes a closed members' survey of kind « satisfaction » with one
  question, the would-recommend one (yes/no, measure `would_recommend`); each organisation's
  answer becomes its response with that yes or no. The report's rate (yes ÷ answers) is the same.
- A year's engagement survey becomes a closed staff survey of kind « engagement » with its
  benchmark; each anonymous score (0-100, two decimals) is kept as is in the response's
  `legacy_score`. No question of the engine holds such a score exactly (the 0-10 scale would
  round 84,25 to 8), and inventing Likert answers would change the figure; so those surveys keep
  their scores and their rate stays the mean score, as before (`surveys.figures`).

Going back empties the new tables only: the old ones come back empty (their rows were moved).
"""

from django.db import migrations

WOULD_RECOMMEND_FR = "Recommanderiez-vous le Consortium à une autre organisation ?"
WOULD_RECOMMEND_EN = "Would you recommend the Consortium to another organisation?"


def _period(survey_year, day=None):
    opens_on = day or survey_year.start_date
    return opens_on, max(opens_on, survey_year.end_date)


def carry_over(apps, schema_editor):
    Survey = apps.get_model("surveys", "Survey")
    Question = apps.get_model("surveys", "Question")
    Response = apps.get_model("surveys", "Response")
    Answer = apps.get_model("surveys", "Answer")
    SatisfactionSurvey = apps.get_model("surveys", "SatisfactionSurvey")
    SatisfactionAnswer = apps.get_model("surveys", "SatisfactionAnswer")
    EngagementSurvey = apps.get_model("surveys", "EngagementSurvey")
    EngagementResponse = apps.get_model("surveys", "EngagementResponse")

    for old in SatisfactionSurvey.objects.select_related("fiscal_year"):
        opens_on, closes_on = _period(old.fiscal_year, old.sent_on)
        survey = Survey.objects.create(
            fiscal_year=old.fiscal_year,
            kind="satisfaction",
            audience="members",
            title_fr=old.title,
            opens_on=opens_on,
            closes_on=closes_on,
            status="closed",
        )
        question = Question.objects.create(
            survey=survey,
            position=1,
            kind="yes_no",
            measure="would_recommend",
            text_fr=WOULD_RECOMMEND_FR,
            text_en=WOULD_RECOMMEND_EN,
            required=True,
        )
        for answer in SatisfactionAnswer.objects.filter(survey=old).order_by("pk"):
            response = Response.objects.create(
                survey=survey, organisation_id=answer.organisation_id, submitted_at=answer.created_at
            )
            Answer.objects.create(
                response=response, question=question, bool_value=answer.would_recommend
            )

    for old in EngagementSurvey.objects.select_related("fiscal_year"):
        opens_on, closes_on = _period(old.fiscal_year)
        survey = Survey.objects.create(
            fiscal_year=old.fiscal_year,
            kind="engagement",
            audience="staff",
            title_fr=old.title,
            opens_on=opens_on,
            closes_on=closes_on,
            status="closed",
            benchmark_pct=old.benchmark_pct,
        )
        Response.objects.bulk_create(
            Response(survey=survey, legacy_score=row.score, submitted_at=row.created_at)
            for row in EngagementResponse.objects.filter(survey=old).order_by("pk")
        )


def empty_new_tables(apps, schema_editor):
    apps.get_model("surveys", "Survey").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0002_survey_engine")]

    operations = [migrations.RunPython(carry_over, empty_new_tables)]
