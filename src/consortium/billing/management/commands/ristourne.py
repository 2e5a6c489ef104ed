"""`consortium ristourne propose|adopt`: the patronage dividend of a fiscal year.

- `propose --year 2020-2021 --amount 25000 [-o FILE.csv]`: shares the amount the board decides
  among the members in proportion to the year's business (billing.services.ristournes), prints
  the allocation and writes it as CSV;
- `adopt --year 2020-2021 [--on DATE] [-o FILE.csv]`: the board adopted it: a credit note of
  the ristourne kind to each member, issued on DATE (default: today); the CSV names them.
"""

import datetime as dt
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.billing.exports import ristourne_csv_lines
from consortium.billing.models import Ristourne
from consortium.billing.services.ristournes import ristourne_adopt, ristourne_propose
from consortium.core import formatting
from consortium.core.commands import TranslatedCommand
from consortium.core.money import parse_amount


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Ristourne : propose la répartition d'un montant entre les membres au prorata de leurs "
        "affaires de l'exercice, puis l'adopte en notes de crédit."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--lang", choices=["fr", "en"], default="fr", help=_("langue des messages")
        )
        actions = parser.add_subparsers(dest="action", required=True)
        propose = actions.add_parser("propose", help=_("propose la répartition d'un montant"))
        propose.add_argument("--year", required=True, help=_("exercice, p. ex. 2020-2021"))
        propose.add_argument("--amount", required=True, help=_("montant décidé par le conseil"))
        propose.add_argument("-o", "--output", help=_("fichier CSV de la répartition"))
        adopt = actions.add_parser(
            "adopt", help=_("adopte la ristourne : une note de crédit par membre")
        )
        adopt.add_argument("--year", required=True, help=_("exercice, p. ex. 2020-2021"))
        adopt.add_argument(
            "--on", help=_("date de l'adoption (AAAA-MM-JJ; par défaut : aujourd'hui)")
        )
        adopt.add_argument(
            "-o", "--output", help=_("fichier CSV de la répartition et des notes de crédit")
        )

    def handle(self, *args, action: str, lang: str, **options) -> None:
        with translation.override(lang):
            try:
                getattr(self, f"_{action}")(**options)
            except (ValidationError, PermissionDenied) as error:
                messages = getattr(error, "messages", None) or [str(error)]
                raise CommandError("\n".join(messages)) from None

    def _propose(self, *, year: str, amount: str, output: str | None, **options) -> None:
        try:
            value = parse_amount(amount)
        except ValueError as error:
            raise CommandError(f"--amount : {error}") from None
        ristourne = ristourne_propose(fiscal_year=year, amount=value, user=None)
        allocations = ristourne.allocations.select_related("organisation").order_by(
            "-business", "organisation__code"
        )
        for allocation in allocations:
            self.stdout.write(
                f"{allocation.organisation.code:<14} "
                f"{formatting.money_to_the_cent(allocation.business):>18} "
                f"{formatting.percent(allocation.share * 100, 2):>10} "
                f"{formatting.money_to_the_cent(allocation.amount):>14}"
            )
        self.stdout.write(
            _("Ristourne %(year)s proposée : %(amount)s entre %(count)s membres.")
            % {
                "year": year,
                "amount": formatting.money_to_the_cent(ristourne.amount),
                "count": len(allocations),
            }
        )
        if output:
            self._write(ristourne, Path(output))

    def _adopt(self, *, year: str, on: str | None, output: str | None, **options) -> None:
        ristourne = Ristourne.objects.filter(fiscal_year__name=year).first()
        if ristourne is None:
            raise CommandError(
                _("Aucune ristourne proposée pour l'exercice %(year)s.") % {"year": year}
            )
        day = None
        if on:
            try:
                day = dt.date.fromisoformat(on)
            except ValueError:
                raise CommandError(
                    _("--on : « %(value)s » n'est pas une date AAAA-MM-JJ.") % {"value": on}
                ) from None
        ristourne = ristourne_adopt(ristourne=ristourne, user=None, on=day)
        self.stdout.write(
            _("Ristourne %(year)s adoptée le %(day)s : %(count)s notes de crédit émises.")
            % {
                "year": year,
                "day": ristourne.adopted_on.isoformat(),
                "count": ristourne.allocations.exclude(credit_note=None).count(),
            }
        )
        if output:
            self._write(ristourne, Path(output))

    def _write(self, ristourne: Ristourne, path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as file:
            file.writelines(ristourne_csv_lines(ristourne))
        self.stdout.write(_("Répartition écrite dans %(path)s.") % {"path": path})
