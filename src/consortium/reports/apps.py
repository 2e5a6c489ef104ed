from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "consortium.reports"
    verbose_name = _("Rapport d'activités")
