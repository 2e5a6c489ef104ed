"""The member portal: `/portail/`. The tools' pages (surveys, diagnostic, treasury) live in their
apps and are included by the root URLs under the same prefix."""

from django.urls import path

from consortium.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
]
