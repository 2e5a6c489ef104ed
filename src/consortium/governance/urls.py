"""The workspace's governance pages, under /gouvernance/."""

from django.urls import path

from consortium.governance import views

app_name = "governance"

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("rencontres/nouvelle/", views.meeting_create, name="meeting_create"),
    path("rencontres/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("rencontres/<int:meeting_id>/modifier/", views.meeting_update, name="meeting_update"),
    path(
        "rencontres/<int:meeting_id>/presences/",
        views.meeting_attendance,
        name="meeting_attendance",
    ),
    path(
        "rencontres/<int:meeting_id>/resolutions/",
        views.resolution_add,
        name="resolution_add",
    ),
    path(
        "rencontres/<int:meeting_id>/proces-verbal.pdf",
        views.meeting_minutes,
        name="meeting_minutes",
    ),
    path("sieges/", views.board_seat_list, name="board_seat_list"),
    path("sieges/nouveau/", views.board_seat_create, name="board_seat_create"),
    path("sieges/<int:seat_id>/modifier/", views.board_seat_update, name="board_seat_update"),
    path("composition/", views.board_composition, name="board_composition"),
]
