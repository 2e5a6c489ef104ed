"""`consortium invoices draft|issue|list|pdf|export`: the invoice run from the command line.

- `draft --through DATE`: drafts the invoices of every approved, billable, not yet invoiced
  hour up to DATE (billing.services.drafting) and prints what it did and what it left out;
- `issue (--draft ID … | --all) [--on DATE]`: issues drafts, each in its own transaction;
- `list --year 2020-2021 [--format table|json]`: every issued invoice and credit note of a
  fiscal year;
- `pdf NUMBER -o FILE`: an issued invoice or credit note as a PDF, in its language;
- `export --from DATE --to DATE -o FILE.csv`: the accounting journal of the period (issued
  invoices, credit notes and payments as balanced entries, billing.exports).

Each subcommand is one method (`_draft`, `_issue`, `_list`…), added to SUBCOMMANDS: `pdf` and
`export` join them the same way.
"""

import datetime as dt
import json
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from consortium.billing.exports import journal_csv_lines, journal_rows
from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus
from consortium.billing.pdf import invoice_pdf
from consortium.billing.selectors.invoices import invoice_listing
from consortium.billing.services.drafting import invoices_draft
from consortium.billing.services.issuing import invoice_issue
from consortium.core.commands import TranslatedCommand
from consortium.core.fiscal_years import (
    fiscal_year_bounds,
    is_supported_day,
    unsupported_day_message,
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            _("« %(value)s » n'est pas une date AAAA-MM-JJ.") % {"value": text}
        ) from None


def _day(text: str, option: str) -> dt.date:
    """A day given to `option`, within the years the centre holds."""
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
        "Facturation : prépare les brouillons des heures approuvées, émet les factures, "
        "liste les factures et notes de crédit d'un exercice, imprime un document en PDF, "
        "exporte le journal comptable d'une période."
    )
    SUBCOMMANDS = ("draft", "issue", "list", "pdf", "export")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--lang", choices=["fr", "en"], default="fr", help=_("langue des messages")
        )
        actions = parser.add_subparsers(dest="action", required=True)
        draft = actions.add_parser(
            "draft", help=_("prépare les brouillons des heures approuvées non facturées")
        )
        draft.add_argument(
            "--through", required=True, help=_("dernier jour des heures facturées (AAAA-MM-JJ)")
        )
        issue = actions.add_parser("issue", help=_("émet des brouillons"))
        which = issue.add_mutually_exclusive_group(required=True)
        which.add_argument(
            "--draft", type=int, nargs="+", dest="drafts", help=_("numéros des brouillons")
        )
        which.add_argument("--all", action="store_true", help=_("tous les brouillons"))
        issue.add_argument("--on", help=_("date d'émission (AAAA-MM-JJ; par défaut : aujourd'hui)"))
        listing = actions.add_parser(
            "list", help=_("liste les factures et notes de crédit d'un exercice")
        )
        listing.add_argument("--year", required=True, help=_("exercice, p. ex. 2020-2021"))
        listing.add_argument(
            "--format", dest="list_format", choices=["table", "json"], default="table"
        )
        self.add_more_arguments(actions)

    def add_more_arguments(self, actions) -> None:
        """The documents' subcommands: pdf and export."""
        pdf = actions.add_parser("pdf", help=_("une facture ou une note de crédit en PDF"))
        pdf.add_argument("number", help=_("numéro de la facture, p. ex. 2020-2021-0001"))
        pdf.add_argument("-o", "--output", required=True, help=_("fichier à écrire (p. ex. f.pdf)"))
        export = actions.add_parser(
            "export", help=_("le journal comptable d'une période (factures, crédits, paiements)")
        )
        export.add_argument(
            "--from", dest="start", required=True, help=_("premier jour, AAAA-MM-JJ")
        )
        export.add_argument("--to", dest="end", required=True, help=_("dernier jour, AAAA-MM-JJ"))
        export.add_argument("-o", "--output", required=True, help=_("fichier CSV à écrire"))

    def handle(self, *args, action: str, lang: str, **options) -> None:
        with translation.override(lang):
            try:
                getattr(self, f"_{action.replace('-', '_')}")(**options)
            except (ValidationError, PermissionDenied) as error:
                messages = getattr(error, "messages", None) or [str(error)]
                raise CommandError("\n".join(messages)) from None

    def _draft(self, *, through: str, **options) -> None:
        run = invoices_draft(through=_date(through))
        self.stdout.write(
            _(
                "Brouillons : %(created)s créés, %(extended)s complétés; %(hours)s h, "
                "%(amount)s $ avant taxes."
            )
            % {
                "created": run.created,
                "extended": run.extended,
                "hours": run.hours,
                "amount": run.amount,
            }
        )
        for problem in run.problems:
            self.stderr.write(problem)

    def _issue(self, *, drafts, all: bool, on: str | None, **options) -> None:
        day = _date(on) if on else None
        invoices = Invoice.objects.filter(status=InvoiceStatus.DRAFT, kind=InvoiceKind.INVOICE)
        if not all:
            invoices = invoices.filter(pk__in=drafts)
            missing = set(drafts) - set(invoices.values_list("pk", flat=True))
            if missing:
                raise CommandError(
                    _("Aucun brouillon n° %(ids)s.")
                    % {"ids": ", ".join(str(pk) for pk in sorted(missing))}
                )
        refused = []
        issued = 0
        for invoice in tqdm(
            list(invoices.order_by("pk")), desc=_("Émission"), disable=not options.get("verbosity")
        ):
            try:
                invoice_issue(invoice=invoice, user=None, on=day)
                issued += 1
            except ValidationError as error:
                refused.append(
                    _("Brouillon n° %(id)s : %(message)s")
                    % {"id": invoice.pk, "message": " ".join(error.messages)}
                )
        self.stdout.write(_("Factures émises : %(count)s.") % {"count": issued})
        if refused:
            raise CommandError("\n".join(refused))

    def _list(self, *, year: str, list_format: str, **options) -> None:
        try:
            fiscal_year_bounds(year)
        except ValueError as error:
            raise CommandError(str(error)) from None
        rows = invoice_listing(fiscal_year=year)
        if list_format == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(
                f"{row['number']:<20} {row['issued_on']}  {row['organisation_code']:<12} "
                f"{row['status']:<12} {row['total']:>14} {row['paid']:>14}"
            )

    def _pdf(self, *, number: str, output: str, **options) -> None:
        invoice = (
            Invoice.objects.exclude(status=InvoiceStatus.DRAFT)
            .filter(number=number.strip())
            .first()
        )
        if invoice is None:
            raise CommandError(
                _("Aucune facture ni note de crédit n° %(number)s.") % {"number": number}
            )
        path = Path(output)
        path.write_bytes(invoice_pdf(invoice))
        self.stdout.write(
            _("%(number)s écrite dans %(path)s.") % {"number": invoice.number, "path": path}
        )

    def _export(self, *, start: str, end: str, output: str, **options) -> None:
        first, last = _day(start, "--from"), _day(end, "--to")
        if last < first:
            raise CommandError(_("La période se termine avant de commencer."))
        rows = journal_rows(start=first, end=last)
        path = Path(output)
        with path.open("w", encoding="utf-8", newline="") as file:
            file.writelines(journal_csv_lines(rows))
        self.stdout.write(
            _("%(entries)s écritures (%(rows)s lignes) écrites dans %(path)s.")
            % {"entries": len({row.entry for row in rows}), "rows": len(rows), "path": path}
        )
