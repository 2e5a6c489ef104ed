from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "consortium.core"
    verbose_name = _("Fondations")

    def ready(self) -> None:
        # The `folded` lookup and the SQL function behind it on every connection.
        from django.db.models.signals import post_migrate

        from consortium.core import folding

        post_migrate.connect(folding.install_unaccent, sender=self, weak=False)
