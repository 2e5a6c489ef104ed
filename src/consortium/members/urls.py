from django.urls import path

from consortium.members import views

app_name = "members"

urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("<str:code>/", views.organisation_detail, name="organisation_detail"),
    path(
        "<str:code>/personnes-ressources/inviter/",
        views.organisation_contact_invite,
        name="organisation_contact_invite",
    ),
    path(
        "<str:code>/personnes-ressources/<int:contact_id>/retirer/",
        views.organisation_contact_remove,
        name="organisation_contact_remove",
    ),
]
