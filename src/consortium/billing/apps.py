from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BillingConfig(AppConfig):
    name = "consortium.billing"
    verbose_name = _("Facturation")

    def ready(self) -> None:
        from consortium.billing.rate_overlap_sql import RATE_OVERLAP_TRIGGERS
        from consortium.billing.triggers_sql import ISSUED_DOCUMENT_TRIGGERS

        for triggers in (RATE_OVERLAP_TRIGGERS, ISSUED_DOCUMENT_TRIGGERS):
            triggers.reinstall_after_migrate(sender=self)
