"""`consortium kpis --year 2020-2021 | --from DATE --to DATE [--format table|json] [--lang fr|en]`:
the figures of the service ledger for a fiscal year or any period."""

import datetime as dt

from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.core.fiscal_years import Period, fiscal_year_period
from consortium.kpis.formatting import kpis_as_json, kpis_as_table
from consortium.kpis.selectors import ledger_dimension_names, ledger_kpis


def _day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("%(option)s : « %(value)s » n'est pas une date AAAA-MM-JJ (p. ex. 2020-01-01).")
            % {"option": option, "value": value}
        ) from None


def _period(year: str | None, first: str | None, last: str | None) -> Period:
    if year is not None and (first is not None or last is not None):
        raise CommandError(_("Indiquez soit --year, soit --from et --to, pas les deux."))
    if year is not None:
        try:
            return fiscal_year_period(year)
        except ValueError as error:
            raise CommandError(str(error)) from None
    if first is None and last is None:
        raise CommandError(
            _(
                "Indiquez un exercice (--year 2020-2021) "
                "ou une période (--from 2020-01-01 --to 2020-12-31)."
            )
        )
    if first is None or last is None:
        raise CommandError(_("Indiquez --from et --to ensemble."))
    start, end = _day(first, "--from"), _day(last, "--to")
    if start > end:
        raise CommandError(
            _("--from (%(start)s) est après --to (%(end)s).")
            % {"start": start.isoformat(), "end": end.isoformat()}
        )
    return Period(start, end)


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Affiche les indicateurs du registre des services (heures, entreprises, membres, "
        "effectif) pour un exercice ou une période."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", help=_("exercice financier, p. ex. 2020-2021"))
        parser.add_argument(
            "--from", dest="first", help=_("premier jour de la période (AAAA-MM-JJ)")
        )
        parser.add_argument("--to", dest="last", help=_("dernier jour de la période (AAAA-MM-JJ)"))
        parser.add_argument(
            "--format",
            dest="output_format",
            choices=["table", "json"],
            default="table",
            help=_("tableau lisible (par défaut) ou JSON"),
        )
        parser.add_argument(
            "--lang",
            choices=["fr", "en"],
            default="fr",
            help=_("langue du tableau et des messages (fr par défaut)"),
        )

    def handle(
        self,
        *args,
        year: str | None,
        first: str | None,
        last: str | None,
        output_format: str,
        lang: str,
        **options,
    ) -> None:
        with translation.override(lang):
            period = _period(year, first, last)
            kpis = ledger_kpis(period)
            if output_format == "json":
                self.stdout.write(kpis_as_json(kpis))
            else:
                self.stdout.write(kpis_as_table(kpis, period, ledger_dimension_names()), ending="")
