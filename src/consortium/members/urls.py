from django.urls import path

from consortium.members import registry_views, views

app_name = "members"

urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("nouvelle/", registry_views.organisation_create, name="organisation_create"),
    path("<str:code>/", views.organisation_detail, name="organisation_detail"),
    path("<str:code>/modifier/", registry_views.organisation_update, name="organisation_update"),
    path(
        "<str:code>/adhesions/ajouter/",
        registry_views.membership_create,
        name="membership_create",
    ),
    path(
        "<str:code>/adhesions/<int:membership_id>/modifier/",
        registry_views.membership_update,
        name="membership_update",
    ),
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
