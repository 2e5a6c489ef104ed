from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "consortium.staff"
    verbose_name = _("Personnel")
