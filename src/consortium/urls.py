from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from consortium.dashboards.views import home

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("compte/", include("consortium.accounts.urls")),
    path("temps/", include("consortium.timesheets.urls")),
    path("mandats/", include("consortium.mandates.urls")),
    path("organisations/", include("consortium.members.urls")),
    path("tableau-de-bord/", include("consortium.dashboards.urls")),
    path("rapports/", include("consortium.reports.urls")),
    path("facturation/", include("consortium.billing.urls")),
    path("confidentialite/", include("consortium.privacy.urls")),
    path("", home, name="home"),
    prefix_default_language=False,
)

# A database kept busy by another writer is a 503 "try again" even outside the views.
handler500 = "consortium.core.errors.server_error"
