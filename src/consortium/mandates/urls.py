from django.urls import path

from consortium.mandates import views

app_name = "mandates"

# "nouveau" comes before the codes: no mandate code may take its place.
urlpatterns = [
    path("", views.mandate_list, name="mandate_list"),
    path("nouveau/", views.mandate_create, name="mandate_create"),
    path("<str:code>/", views.mandate_detail, name="mandate_detail"),
    path("<str:code>/modifier/", views.mandate_update, name="mandate_update"),
    path("<str:code>/fermer/", views.mandate_close, name="mandate_close"),
    path(
        "<str:code>/experts/affecter/",
        views.mandate_assignment_add,
        name="mandate_assignment_add",
    ),
    path(
        "<str:code>/experts/<int:assignment_id>/retirer/",
        views.mandate_assignment_remove,
        name="mandate_assignment_remove",
    ),
]
