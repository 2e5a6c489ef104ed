"""The survey pages in a browser: axe-core finds no serious or critical violation on them, and a
contact answers the satisfaction survey on a phone."""

import pytest
from django.urls import reverse

from consortium.surveys.models import Response
from consortium.testing.factories import (
    ChoiceFactory,
    EngagementResponseFactory,
    EngagementSurveyFactory,
    MemberContactFactory,
    QuestionFactory,
    SatisfactionResponseFactory,
    SatisfactionSurveyFactory,
    SurveyFactory,
)
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser


def _scene():
    people = make_people()
    contact = MemberContactFactory(organisation__code="MPEESAD", organisation__name="Mutuelle")
    satisfaction = SatisfactionSurveyFactory()
    QuestionFactory(survey=satisfaction, kind="likert_5", text_fr="Nos délais vous conviennent.")
    choice = QuestionFactory(survey=satisfaction, kind="multiple", text_fr="Quels services ?")
    ChoiceFactory.create_batch(3, question=choice)
    QuestionFactory(survey=satisfaction, kind="text", text_fr="Un commentaire ?")
    for value in range(6):
        SatisfactionResponseFactory(survey=satisfaction, likelihood=value + 5)
    engagement = EngagementSurveyFactory()
    for _n in range(5):
        EngagementResponseFactory(survey=engagement, department=people.department, scores=[5, 4, 2])
    draft = SurveyFactory(status="draft", title_fr="Brouillon")
    QuestionFactory(survey=draft, kind="single")
    return people, contact, {"satisfaction": satisfaction, "engagement": engagement, "draft": draft}


PAGES = [
    ("surveys:survey_list", None, "director"),
    ("surveys:survey_create", None, "director"),
    ("surveys:survey_detail", "draft", "director"),
    ("surveys:survey_results", "satisfaction", "director"),
    ("surveys:survey_results", "engagement", "director"),
    ("surveys:staff_answer", "engagement", "owner"),
    ("surveys_portal:list", None, "contact"),
    ("surveys_portal:answer", "satisfaction", "contact"),
]


@pytest.mark.parametrize(("name", "survey", "who"), PAGES)
def test_the_survey_page_has_no_serious_accessibility_violation(
    page, signed_in, axe_check, name, survey, who
):
    people, contact, surveys = _scene()
    user = contact.user if who == "contact" else getattr(people, who)
    signed_in(page, user)
    args = [surveys[survey].pk] if survey else []
    if name.startswith("surveys_portal:"):
        args = ["MPEESAD", *args]
    response = page.goto(reverse(name, args=args))
    assert response.status == 200
    axe_check(page)


def test_a_contact_answers_the_satisfaction_survey_on_a_phone(phone_page, signed_in, axe_check):
    _people, contact, _surveys = _scene()
    page = signed_in(phone_page, contact.user)
    page.goto(reverse("surveys_portal:list", args=["MPEESAD"]))
    page.get_by_role("link", name="Répondre").click()
    page.get_by_label("Oui").check()
    page.get_by_label("9", exact=True).check()
    page.get_by_label("Ne s'applique pas").check()
    page.get_by_role("button", name="Envoyer la réponse").click()
    page.wait_for_url("**/sondages/")
    assert "Répondu le" in page.content()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    response = Response.objects.get(organisation=contact.organisation)
    assert response.answers.count() == 3
    axe_check(page)
