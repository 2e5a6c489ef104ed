from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimesheetsConfig(AppConfig):
    name = "consortium.timesheets"
    verbose_name = _("Heures de services")
