"""`consortium invoices pdf|export`: invoices from the command line.

- `pdf NUMBER -o FILE`: an issued invoice or credit note as a PDF, in its language;
- `export --from DATE --to DATE -o FILE.csv`: the accounting journal of the period (issued
  invoices, credit notes and payments as balanced entries, billing.exports).

Each subcommand is its own pair of functions (`_add_<name>`, `_<name>`): the drafting, issuing
and listing subcommands sit beside them the same way.
"""

import datetime as dt
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.billing.exports import journal_csv_lines, journal_rows
from consortium.billing.models import Invoice, InvoiceStatus
from consortium.billing.pdf import invoice_pdf
from consortium.core.commands import TranslatedCommand
from consortium.core.fiscal_years import is_supported_day, unsupported_day_message


def _day(text: str, option: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            _("%(option)s : « %(value)s » n'est pas une date AAAA-MM-JJ.")
            % {"option": option, "value": text}
        ) from None
    if not is_supported_day(day):
        raise CommandError(f"{option} : {unsupported_day_message()}")
    return day


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Factures : imprime une facture ou une note de crédit en PDF, exporte le journal "
        "comptable d'une période."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--lang", choices=["fr", "en"], default="fr", help=_("langue des messages")
        )
        actions = parser.add_subparsers(dest="action", required=True)
        _add_pdf(actions)
        _add_export(actions)

    def handle(self, *args, action: str, lang: str, **options) -> None:
        with translation.override(lang):
            handler = {"pdf": _pdf, "export": _export}[action]
            self.stdout.write(handler(**options))


def _add_pdf(actions) -> None:
    pdf = actions.add_parser("pdf", help=_("une facture ou une note de crédit en PDF"))
    pdf.add_argument("number", help=_("numéro de la facture, p. ex. 2020-2021-0001"))
    pdf.add_argument("-o", "--output", required=True, help=_("fichier à écrire (p. ex. f.pdf)"))


def _pdf(*, number: str, output: str, **options) -> str:
    invoice = (
        Invoice.objects.exclude(status=InvoiceStatus.DRAFT).filter(number=number.strip()).first()
    )
    if invoice is None:
        raise CommandError(
            _("Aucune facture ni note de crédit n° %(number)s.") % {"number": number}
        )
    path = Path(output)
    path.write_bytes(invoice_pdf(invoice))
    return _("%(number)s écrite dans %(path)s.") % {"number": invoice.number, "path": path}


def _add_export(actions) -> None:
    export = actions.add_parser(
        "export", help=_("le journal comptable d'une période (factures, crédits, paiements)")
    )
    export.add_argument("--from", dest="start", required=True, help=_("premier jour, AAAA-MM-JJ"))
    export.add_argument("--to", dest="end", required=True, help=_("dernier jour, AAAA-MM-JJ"))
    export.add_argument("-o", "--output", required=True, help=_("fichier CSV à écrire"))


def _export(*, start: str, end: str, output: str, **options) -> str:
    first, last = _day(start, "--from"), _day(end, "--to")
    if last < first:
        raise CommandError(_("La période se termine avant de commencer."))
    rows = journal_rows(start=first, end=last)
    path = Path(output)
    with path.open("w", encoding="utf-8", newline="") as file:
        file.writelines(journal_csv_lines(rows))
    entries = len({row.entry for row in rows})
    return _("%(entries)s écritures (%(rows)s lignes) écrites dans %(path)s.") % {
        "entries": entries,
        "rows": len(rows),
        "path": path,
    }
