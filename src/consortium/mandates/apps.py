from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandatesConfig(AppConfig):
    name = "consortium.mandates"
    verbose_name = _("Mandats")
