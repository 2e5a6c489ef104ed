"""The events' public pages, /evenements/<slug>/: no login."""

from django.urls import path

from consortium.communications.views import public

app_name = "events"

urlpatterns = [
    path("<slug:slug>/", public.event_sign_up, name="event_sign_up"),
    path("<slug:slug>/merci/", public.event_thanks, name="event_thanks"),
]
