from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "consortium.members"
    verbose_name = _("Membres")

    def ready(self) -> None:
        from consortium.members.overlap_sql import MEMBERSHIP_OVERLAP_TRIGGERS

        MEMBERSHIP_OVERLAP_TRIGGERS.reinstall_after_migrate(sender=self)
