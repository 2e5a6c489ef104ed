"""The workspace's structuring projects, under /projets/."""

from django.urls import path

from consortium.projects import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("nouveau/", views.project_create, name="project_create"),
    path("<int:project_id>/", views.project_detail, name="project_detail"),
    path("<int:project_id>/modifier/", views.project_update, name="project_update"),
    path("<int:project_id>/ajouter/<str:part>/", views.project_part_add, name="project_part_add"),
    path(
        "<int:project_id>/volets/<int:phase_id>/modifier/",
        views.phase_update,
        name="phase_update",
    ),
    path("<int:project_id>/rapport.pdf", views.project_progress_pdf, name="project_progress_pdf"),
    path("livrables/<int:deliverable_id>/", views.deliverable_detail, name="deliverable_detail"),
    path(
        "livrables/<int:deliverable_id>/modifier/",
        views.deliverable_update,
        name="deliverable_update",
    ),
    path(
        "livrables/<int:deliverable_id>/soumettre/",
        views.deliverable_submit,
        name="deliverable_submit",
    ),
    path(
        "livrables/<int:deliverable_id>/valider/",
        views.deliverable_validate,
        name="deliverable_validate",
    ),
    path(
        "livrables/<int:deliverable_id>/retourner/",
        views.deliverable_return,
        name="deliverable_return",
    ),
]
