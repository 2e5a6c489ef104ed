"""`consortium report --year 2020-2021 [--lang fr|en] [--format html|pdf] -o FILE`: the annual
activity report of a fiscal year, as a PDF or a standalone HTML document."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.core.fiscal_years import fiscal_year_bounds
from consortium.reports.rendering import report_html, report_pdf
from consortium.reports.selectors import report_has_data


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Produit le rapport d'activités d'un exercice, en PDF ou en HTML, en français ou en "
        "anglais."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", required=True, help=_("exercice financier, p. ex. 2020-2021"))
        parser.add_argument(
            "--lang",
            choices=["fr", "en"],
            default="fr",
            help=_("langue du rapport (fr par défaut)"),
        )
        parser.add_argument(
            "--format",
            dest="output_format",
            choices=["pdf", "html"],
            default="pdf",
            help=_("PDF (par défaut) ou HTML"),
        )
        parser.add_argument(
            "-o", "--output", required=True, help=_("fichier à écrire (p. ex. rapport.pdf)")
        )

    def handle(
        self, *args, year: str, lang: str, output_format: str, output: str, **options
    ) -> None:
        with translation.override(lang):
            try:
                fiscal_year_bounds(year)
            except ValueError as error:
                raise CommandError(str(error)) from None
            if not report_has_data(year):
                raise CommandError(
                    _("L'exercice %(year)s n'a pas de données : aucun rapport à produire.")
                    % {"year": year}
                )
            path = Path(output)
            if output_format == "pdf":
                path.write_bytes(report_pdf(year, lang))
            else:
                path.write_text(report_html(year, lang), encoding="utf-8")
            self.stdout.write(
                _("Rapport %(year)s écrit dans %(path)s.") % {"year": year, "path": path}
            )
