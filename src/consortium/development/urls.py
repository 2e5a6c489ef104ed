"""The business-development pages, under /developpement/."""

from django.urls import path

from consortium.development import views

app_name = "development"

urlpatterns = [
    path("", views.activity_list, name="activity_list"),
    path("activites/nouvelle/", views.activity_create, name="activity_create"),
    path("activites/<int:activity_id>/", views.activity_detail, name="activity_detail"),
    path("activites/<int:activity_id>/modifier/", views.activity_update, name="activity_update"),
    path("activites/<int:activity_id>/suivi-fait/", views.follow_up_done, name="follow_up_done"),
    path("suivis/", views.follow_up_list, name="follow_up_list"),
    path("organisations/chercher/", views.organisation_picker, name="organisation_picker"),
    path(
        "organisations/<int:organisation_id>/choisir/",
        views.organisation_pick,
        name="organisation_pick",
    ),
    path("organisations/prospect/", views.prospect_create, name="prospect_create"),
    path("occasions/", views.opportunity_list, name="opportunity_list"),
    path("occasions/nouvelle/", views.opportunity_create, name="opportunity_create"),
    path("occasions/<int:opportunity_id>/", views.opportunity_detail, name="opportunity_detail"),
    path(
        "occasions/<int:opportunity_id>/modifier/",
        views.opportunity_update,
        name="opportunity_update",
    ),
    path(
        "occasions/<int:opportunity_id>/convertir/",
        views.opportunity_convert,
        name="opportunity_convert",
    ),
    path("partenariats/", views.partnership_list, name="partnership_list"),
    path("partenariats/nouveau/", views.partnership_create, name="partnership_create"),
    path("partenariats/<int:partnership_id>/", views.partnership_detail, name="partnership_detail"),
    path(
        "partenariats/<int:partnership_id>/modifier/",
        views.partnership_update,
        name="partnership_update",
    ),
    path(
        "partenariats/<int:partnership_id>/documents/",
        views.document_add,
        name="document_add",
    ),
    path(
        "partenariats/<int:partnership_id>/documents/<int:document_id>/",
        views.document_download,
        name="document_download",
    ),
]
