"""Regenerate the PNG images of the French report's pages (docs/report/page-NN.png).

Builds the demo centre in a scratch SQLite database (var/docs-report.sqlite3), renders the
2020-2021 report to PDF, then each page to PNG with pypdfium2 at ~100 dpi. Run by `make docs`:

    .venv/bin/python docs/report/render_pages.py [--year 2020-2021] [--lang fr]
"""

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DATABASE = ROOT / "var" / "docs-report.sqlite3"
DPI = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", default="2020-2021")
    parser.add_argument("--lang", default="fr", choices=["fr", "en"])
    arguments = parser.parse_args()

    DATABASE.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from consortium.demo.generator import generate
    from consortium.reports.rendering import report_pdf

    call_command("migrate", verbosity=0)
    generate(progress=sys.stderr.isatty())
    pdf = report_pdf(arguments.year, arguments.lang)
    (HERE / f"rapport-{arguments.year}-{arguments.lang}.pdf").write_bytes(pdf)

    import pypdfium2

    for old in HERE.glob("page-*.png"):
        old.unlink()
    document = pypdfium2.PdfDocument(pdf)
    for number, page in enumerate(document, start=1):
        image = page.render(scale=DPI / 72).to_pil()
        image.save(HERE / f"page-{number:02d}.png", optimize=True)
    print(f"{len(document)} pages → {HERE.relative_to(ROOT)}/page-NN.png")


if __name__ == "__main__":
    main()
