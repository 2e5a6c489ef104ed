"""`{% load surveys_portal %}{% surveys_portal_card organisation %}`: the open members' surveys
of an organisation, to answer or answered, for the portal's overview (one query)."""

from django import template

from consortium.surveys.models import SurveyStatus
from consortium.surveys.selectors import member_surveys_for

register = template.Library()


@register.inclusion_tag("surveys/_portal_card.html")
def surveys_portal_card(organisation) -> dict:
    surveys = list(member_surveys_for(organisation).filter(status=SurveyStatus.OPEN))
    return {
        "organisation": organisation,
        "surveys": surveys,
        "to_answer": sum(1 for survey in surveys if survey.answered_at is None),
    }
