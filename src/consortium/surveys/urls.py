"""The workspace's surveys, under /sondages/."""

from django.urls import path

from consortium.surveys.views import answer, staff

app_name = "surveys"

urlpatterns = [
    path("", staff.survey_list, name="survey_list"),
    path("nouveau/", staff.survey_create, name="survey_create"),
    path("<int:survey_id>/", staff.survey_detail, name="survey_detail"),
    path("<int:survey_id>/modifier/", staff.survey_update, name="survey_update"),
    path("<int:survey_id>/supprimer/", staff.survey_delete, name="survey_delete"),
    path(
        "<int:survey_id>/ouvrir/",
        staff.survey_status_change,
        {"action": "ouvrir"},
        name="survey_open",
    ),
    path(
        "<int:survey_id>/fermer/",
        staff.survey_status_change,
        {"action": "fermer"},
        name="survey_close",
    ),
    path("<int:survey_id>/resultats/", staff.survey_results_page, name="survey_results"),
    path("<int:survey_id>/reponses.csv", staff.survey_export, name="survey_export"),
    path("<int:survey_id>/repondre/", answer.staff_answer, name="staff_answer"),
    path("<int:survey_id>/questions/", staff.question_add, name="question_add"),
    path(
        "<int:survey_id>/questions/<int:question_id>/",
        staff.question_update,
        name="question_update",
    ),
    path(
        "<int:survey_id>/questions/<int:question_id>/supprimer/",
        staff.question_delete,
        name="question_delete",
    ),
    path(
        "<int:survey_id>/questions/<int:question_id>/deplacer/",
        staff.question_move,
        name="question_move",
    ),
]
