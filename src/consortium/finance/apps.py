from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "consortium.finance"
    verbose_name = _("Finances")

    def ready(self) -> None:
        from consortium.finance.actuals_sql import LOCKED_ACTUALS_TRIGGERS

        LOCKED_ACTUALS_TRIGGERS.reinstall_after_migrate(sender=self)
