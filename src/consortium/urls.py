from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from consortium.api.site import api
from consortium.api.views import api_not_found
from consortium.dashboards.views import home
from consortium.diagnostics.views.portal import entry as diagnostics_portal_entry

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # The API: one address whatever the language, bearer tokens rather than a session.
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("compte/jetons/", include("consortium.api.web_urls")),
    path("compte/", include("consortium.accounts.urls")),
    path("temps/", include("consortium.timesheets.urls")),
    path("mandats/", include("consortium.mandates.urls")),
    path("organisations/", include("consortium.members.urls")),
    path("tableau-de-bord/", include("consortium.dashboards.urls")),
    path("rapports/", include("consortium.reports.urls")),
    path("facturation/", include("consortium.billing.urls")),
    # The tools' portal pages come before the portal's own, whose `<code>/` would take a
    # tool's slug (`portail/tresorerie/`) for an organisation's code.
    path("portail/tresorerie/", include("consortium.treasury.start_urls")),
    path("portail/<str:code>/tresorerie/", include("consortium.treasury.portal_urls")),
    path("portail/<str:code>/sondages/", include("consortium.surveys.portal_urls")),
    path("portail/diagnostic/", diagnostics_portal_entry, name="diagnostics_portal_entry"),
    path("portail/<str:code>/diagnostic/", include("consortium.diagnostics.portal_urls")),
    path("portail/", include("consortium.portal.urls")),
    path("tresorerie/", include("consortium.treasury.urls")),
    path("sondages/", include("consortium.surveys.urls")),
    path("gouvernance/", include("consortium.governance.urls")),
    path("developpement/", include("consortium.development.urls")),
    path("equipe/", include("consortium.staff.urls")),
    path("projets/", include("consortium.projects.urls")),
    path("diagnostics/", include("consortium.diagnostics.urls")),
    path("confidentialite/", include("consortium.privacy.urls")),
    path("communications/", include("consortium.communications.urls")),
    path("evenements/", include("consortium.communications.public_urls")),
    path("formation/", include("consortium.training.urls")),
    path("", home, name="home"),
    prefix_default_language=False,
)

# A database kept busy by another writer is a 503 "try again" even outside the views.
handler500 = "consortium.core.errors.server_error"
# The other error pages in the workspace's look, with a way back.
handler400 = "consortium.core.errors.bad_request"
handler403 = "consortium.core.errors.permission_denied"
handler404 = "consortium.core.errors.page_not_found"
