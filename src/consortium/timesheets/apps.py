from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimesheetsConfig(AppConfig):
    name = "consortium.timesheets"
    verbose_name = _("Heures de services")

    def ready(self) -> None:
        from consortium.timesheets.audit_sql import AUDIT_TRIGGERS
        from consortium.timesheets.locks_sql import LOCKED_PERIOD_TRIGGERS
        from consortium.timesheets.rollups_sql import ROLLUP_TRIGGERS

        LOCKED_PERIOD_TRIGGERS.reinstall_after_migrate(sender=self)
        AUDIT_TRIGGERS.reinstall_after_migrate(sender=self)
        ROLLUP_TRIGGERS.reinstall_after_migrate(sender=self)
