"""PNG images of the main pages, from the demo, for the documentation: `make screenshots`.

Builds the demo in a temporary CONSORTIUM_VAR_DIR (or reuses `--var-dir`), serves it with
`consortium serve`, signs in through the sign-in form as the demo's logins in Debian's Chromium
and saves each page, in French, into docs/screenshots/. A page not built yet (or answering
other than 200) is reported and skipped: the other images are still made.

    .venv/bin/python docs/screenshots/take.py [--var-dir DIR] [--only NAME ...]
"""

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "benchmarks"))

from demo_web import (  # noqa: E402
    DEMO_PASSWORD,
    LOCKED_WEEK,
    LOGINS,
    PAGES,
    Page,
    _reverse,
    demo_server,
    prepare_demo,
    resolve,
)

CHROMIUM = "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Shot:
    name: str  # the file, without .png
    page: Page | None  # None: the sign-in page, signed out
    viewport: dict


def _page(label: str) -> Page:
    return next(page for page in PAGES if page.label == label)


SHOTS = [
    Shot("connexion", None, DESKTOP),
    Shot("semaine-experte", _page("ma semaine"), DESKTOP),
    Shot(
        "semaine-verrouillee",
        Page("semaine verrouillée", "expert", lambda: _reverse("timesheets:week_of", LOCKED_WEEK)),
        DESKTOP,
    ),
    Shot("approbations", _page("approbations"), DESKTOP),
    Shot("approbation-semaine", _page("approbation d'une semaine"), DESKTOP),
    Shot("periodes", _page("périodes"), DESKTOP),
    Shot("mandats", _page("mandats"), DESKTOP),
    Shot("mandat", _page("un mandat"), DESKTOP),
    Shot("organisation", _page("une organisation"), DESKTOP),
    Shot("tableau-de-bord-direction", _page("tableau de bord (direction)"), DESKTOP),
    Shot("tableau-de-bord-experte", _page("tableau de bord (experte)"), DESKTOP),
    Shot("semaine-telephone", _page("ma semaine"), PHONE),
    # The teams' pages (issue 14).
    Shot("gouvernance", _page("gouvernance"), DESKTOP),
    Shot("developpement", _page("développement"), DESKTOP),
    Shot("projets", _page("projets"), DESKTOP),
    Shot("communications", _page("abonnés"), DESKTOP),
    Shot("equipe", _page("équipe"), DESKTOP),
    Shot("rapport-preparation", _page("préparation du rapport"), DESKTOP),
]


def sign_in(page, username: str) -> None:
    page.goto("/compte/connexion/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("form.stacked button[type=submit]").click()
    if "/compte/connexion/" in page.url:
        raise RuntimeError(f"{username} could not sign in")


def take(shots: list[tuple[Shot, str]], server: str) -> int:
    from playwright.sync_api import Error, sync_playwright

    taken = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fr-CA"],
        )
        for shot, address in shots:
            phone = shot.viewport is PHONE
            context = browser.new_context(
                base_url=server,
                locale="fr-CA",
                viewport=shot.viewport,
                is_mobile=phone,
                has_touch=phone,
                device_scale_factor=2 if phone else 1,
            )
            page = context.new_page()
            try:
                if shot.page is not None:
                    sign_in(page, LOGINS[shot.page.role])
                response = page.goto(address)
                if response is None or response.status != 200:
                    status = response.status if response else "no answer"
                    print(f"  {shot.name}: {address} answered {status}, skipped")
                    continue
                page.wait_for_load_state("networkidle")
                path = HERE / f"{shot.name}.png"
                page.screenshot(path=str(path), full_page=True)
                taken += 1
                print(f"  {shot.name}: {address} -> {path.relative_to(HERE.parent.parent)}")
            except (Error, RuntimeError) as error:
                print(f"  {shot.name}: {address} failed, skipped ({str(error).splitlines()[0]})")
            finally:
                context.close()
        browser.close()
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var-dir", type=Path, help="reuse this demo (default: a new one)")
    parser.add_argument("--only", action="append", help="only these images (file names)")
    options = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium is missing ({CHROMIUM}): run `make chromium`.")

    with tempfile.TemporaryDirectory(prefix="consortium-screenshots-") as temporary:
        prepare_demo(options.var_dir or Path(temporary))
        wanted = [shot for shot in SHOTS if not options.only or shot.name in options.only]
        # Addresses are looked up before the browser starts: Django refuses database calls
        # while Playwright's event loop runs in this thread.
        shots = []
        for shot in wanted:
            address = "/compte/connexion/" if shot.page is None else resolve(shot.page)
            if address is None:
                print(f"  {shot.name}: page not built yet, skipped")
            else:
                shots.append((shot, address))
        from django.db import connections

        connections.close_all()
        with demo_server() as server:
            taken = take(shots, server)
    print(f"{taken} of {len(wanted)} images in {HERE}")


if __name__ == "__main__":
    main()
