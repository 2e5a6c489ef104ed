from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreasuryConfig(AppConfig):
    name = "consortium.treasury"
    verbose_name = _("Trésorerie")
