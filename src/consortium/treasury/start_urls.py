"""The portal navigation's "Trésorerie" link, /portail/tresorerie/: the tool of the one
organisation the contact represents, or the list to pick from."""

from django.urls import path

from consortium.treasury import portal_views as views

app_name = "treasury_start"

urlpatterns = [path("", views.start, name="start")]
