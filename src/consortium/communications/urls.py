"""The communications pages, under /communications/."""

from django.urls import path

from consortium.communications.views import staff

app_name = "communications"

urlpatterns = [
    path("", staff.follower_table, name="follower_table"),
    path("publications/", staff.publication_list, name="publication_list"),
    path("publications/nouvelle/", staff.publication_create, name="publication_create"),
    path("publications/<int:publication_id>/", staff.publication_update, name="publication_update"),
    path("campagnes/", staff.campaign_list, name="campaign_list"),
    path("campagnes/nouvelle/", staff.campaign_create, name="campaign_create"),
    path("campagnes/<int:campaign_id>/", staff.campaign_update, name="campaign_update"),
    path("presse/", staff.press_list, name="press_list"),
    path("presse/nouveau/", staff.press_create, name="press_create"),
    path("presse/<int:coverage_id>/", staff.press_update, name="press_update"),
    path("evenements/", staff.event_list, name="event_list"),
    path("evenements/nouveau/", staff.event_create, name="event_create"),
    path("evenements/<int:event_id>/", staff.event_detail, name="event_detail"),
    path("evenements/<int:event_id>/modifier/", staff.event_update, name="event_update"),
    path(
        "evenements/<int:event_id>/inscriptions.csv",
        staff.event_registrations_export,
        name="event_registrations_export",
    ),
]
