"""`consortium demo`: a database ready to show, in one command."""

from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.demo.selectors import billing_counts, ledger_data_counts
from consortium.demo.services import DEMO_PASSWORD, demo_api_token_issue, demo_logins_ensure
from consortium.demo.summary import existing_sentence, login_line
from consortium.privacy.services import login_records_purge

ADDRESS = "http://127.0.0.1:8000/"


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Prépare la démo : met la base à jour, y charge les données de démonstration si elle "
        "est vide et crée un accès par rôle."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seed", type=int, default=2021, help=_("Graine du hasard."))
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help=_("Taille des données (défaut : 1)."),
        )
        parser.add_argument(
            "--address",
            default=ADDRESS,
            help=_("Adresse où la démo sera servie (défaut : %(address)s).") % {"address": ADDRESS},
        )

    def handle(self, *args, seed: int, scale: float, address: str, **options) -> None:
        verbosity = options["verbosity"]
        call_command(
            "migrate", interactive=False, verbosity=max(verbosity - 1, 0), stdout=self.stdout
        )
        # The demo's scheduler: each start purges the sign-in records past their retention
        # (production runs `consortium privacy purge-login-records` nightly, docs/privacy.md).
        login_records_purge()
        existing = ledger_data_counts()
        if any(existing.values()):
            self.stdout.write(
                _("La base contient déjà des données (%(existing)s) : elles sont conservées.")
                % {"existing": existing_sentence(existing)}
            )
        else:
            call_command(
                "demo_data", seed=seed, scale=scale, stdout=self.stdout, stderr=self.stderr
            )
        # Again after a fresh build: idempotent, and it sets the printed password back.
        logins = demo_logins_ensure()
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(_("La démo du Consortium est prête.")))
        self.stdout.write(_("Adresse : %(address)s") % {"address": address})
        self.stdout.write(
            _("Rapport d'activités 2020-2021 : %(address)s")
            % {
                "address": address.rstrip("/")
                + reverse("reports:report_detail", args=["2020-2021"])
            }
        )
        counts = billing_counts()
        self.stdout.write(
            _(
                "Facturation (finances) : %(address)s — %(invoices)s factures émises, "
                "%(credit_notes)s notes de crédit, %(unpaid)s factures à encaisser; les heures "
                "approuvées du mois dernier attendent d'être facturées."
            )
            % {"address": address.rstrip("/") + reverse("billing:invoice_list"), **counts}
        )
        self.stdout.write(
            _(
                "Portail des membres (membre) : %(address)s — services, factures, sondage de "
                "satisfaction, diagnostic organisationnel et trésorerie de l'organisation."
            )
            % {"address": address.rstrip("/") + reverse("portal:home")}
        )
        self.stdout.write(_("Accès de démonstration (identifiant / mot de passe — rôle) :"))
        for login in logins:
            self.stdout.write("  " + login_line(login, DEMO_PASSWORD))
        secret = demo_api_token_issue()
        if secret is not None:
            self.stdout.write(
                _(
                    "Jeton d'API de démo (experte, 30 jours) : %(secret)s — essayez "
                    "curl -H 'Authorization: Bearer %(secret)s' %(address)s"
                )
                % {"secret": secret, "address": address.rstrip("/") + "/api/v1/token"}
            )
