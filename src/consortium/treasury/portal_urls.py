"""The treasury tool in the member portal, under /portail/<code>/tresorerie/ (root urls.py)."""

from django.urls import path

from consortium.treasury import portal_views as views

app_name = "treasury_portal"

urlpatterns = [
    path("", views.plan, name="plan"),
    path("plan/situation/", views.plan_edit, name="plan_edit"),
    path("plan/nouveau/", views.plan_new, name="plan_new"),
    path("plan/mois/", views.plan_months, name="plan_months"),
    path("plan/projets/", views.plan_projects, name="plan_projects"),
    path("politique/rediger/", views.policy_draft, name="policy_draft"),
    path("politique/brouillon/", views.policy_edit, name="policy_edit"),
    path("politique/brouillon/adopter/", views.policy_adopt, name="policy_adopt"),
    path("politique/brouillon/<slug:key>/", views.policy_section, name="policy_section"),
    path("politique/<int:version>/", views.policy_detail, name="policy_detail"),
    path("politique/<int:version>/pdf/", views.policy_pdf_view, name="policy_pdf"),
]
