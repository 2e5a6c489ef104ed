"""The member portal's surveys, under /portail/<code>/sondages/ (included by the root URLs)."""

from django.urls import path

from consortium.surveys.views import portal

app_name = "surveys_portal"

urlpatterns = [
    path("", portal.survey_list, name="list"),
    path("<int:survey_id>/", portal.survey_answer, name="answer"),
]
