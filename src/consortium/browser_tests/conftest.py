"""A real browser against a live server: one Chromium for all browser tests, a fresh context each.

Playwright drives Debian's Chromium (`/usr/bin/chromium`, installed by `make test`), never a
browser it downloads itself: installations may be offline. A missing Chromium fails the tests
instead of skipping them, so a green run always means the pages were really checked.
"""

import datetime as dt
import os
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from consortium.testing.factories import MandateFactory, TimeEntryFactory
from consortium.testing.people import make_people

ROOT = Path(__file__).resolve().parents[3]
AXE_SCRIPT = ROOT / "vendor" / "axe-core" / "axe-4.14.1.min.js"
CHROMIUM = Path(os.environ.get("CONSORTIUM_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
BROWSER_PASSWORD = "Navigateur-de-test-2021"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# axe-core's impacts, from least to most severe; these two fail a page.
FAILING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """One Chromium for every browser test, closed when the package's last test is done.

    Playwright's synchronous API keeps an asyncio loop running on the main thread, which Django
    takes for an async context and refuses database calls in: the test database is created
    before the loop starts, and while it runs Django is told the calls are safe (the test's
    own calls are synchronous; the live server answers from its own threads). Package scope
    stops the loop before the rest of the suite runs.
    """
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Chromium is missing ({CHROMIUM}): run make test (it installs chromium), "
            "or `apt-get install -y chromium`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _new_page(browser, live_server, viewport: dict, **options):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-CA", viewport=viewport, **options
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    # Chromium says on the console what the Content-Security-Policy refused (an inline script or
    # style, an event handler, a resource from elsewhere): any of it fails the test.
    page.refused_by_csp = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.refused_by_csp.append(message.text)
        ),
    )
    return context, page


def _close(context, page) -> None:
    refused = page.refused_by_csp
    context.close()
    if refused:
        pytest.fail("the Content-Security-Policy refused:\n" + "\n".join(refused), pytrace=False)


@pytest.fixture
def page(browser, live_server) -> Iterator:
    """A fresh page (its own cookies) in French, on a desktop screen."""
    context, page = _new_page(browser, live_server, DESKTOP)
    yield page
    _close(context, page)


@pytest.fixture
def phone_page(browser, live_server) -> Iterator:
    """A fresh page on a phone's screen (390 × 844, touch)."""
    context, page = _new_page(
        browser, live_server, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    yield page
    _close(context, page)


@pytest.fixture
def signed_in() -> Callable:
    """`signed_in(page, user)`: signs `user` in through the sign-in form, as a person would.

    The user is given a known password first; returns the page, on the page signing in led to.
    """

    def sign_in(page, user, *, next_url: str | None = None):
        user.set_password(BROWSER_PASSWORD)
        user.save(update_fields=["password"])
        address = "/compte/connexion/" + (f"?next={next_url}" if next_url else "")
        page.goto(address)
        page.get_by_label("Nom d’utilisateur").fill(user.get_username())
        page.get_by_label("Mot de passe").fill(BROWSER_PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Se connecter").click()
        assert "/compte/connexion/" not in page.url, f"{user} could not sign in: {page.url}"
        return page

    return sign_in


def axe_violations(page, *, impacts: set[str] = FAILING_IMPACTS) -> list[dict]:
    """The accessibility violations axe-core finds on the page as shown now, of `impacts`."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does
        # not govern: an injected <script> tag would be refused as inline script.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [rule for rule in results["violations"] if rule["impact"] in impacts]


def describe_violations(violations: list[dict]) -> str:
    """One line per rule broken, then one per element breaking it, with axe's advice."""
    lines = []
    for rule in violations:
        lines.append(f"- [{rule['impact']}] {rule['id']}: {rule['help']} ({rule['helpUrl']})")
        for node in rule["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            advice = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}  {node['html'][:120]}\n      {advice[:400]}")
    return "\n".join(lines)


@pytest.fixture
def axe_check() -> Callable:
    """`axe_check(page)`: fails listing every serious or critical axe-core violation."""

    def check(page) -> None:
        violations = axe_violations(page)
        if violations:
            pytest.fail(
                f"{len(violations)} accessibility violation(s) on {page.url}:\n"
                + describe_violations(violations),
                pytrace=False,
            )

    return check


@pytest.fixture(autouse=True)
def _unlock_periods_before_flush(transactional_db) -> Iterator[None]:
    """After a browser test the database is emptied table by table; on SQLite, a locked
    period's trigger would refuse deleting its entries, so its locks go first."""
    yield
    from consortium.timesheets.models import PeriodLock

    PeriodLock.objects.all().delete()


# The week the grid's tests open: the owner's week of Monday 30 November 2020.
WEEK_MONDAY = dt.date(2020, 11, 30)


@pytest.fixture
def week(transactional_db):
    """The owner's week of 30 November 2020: 7 h on M-0042 and 1 h on M-0043 on Monday; returns
    the people (`make_people()`)."""
    people = make_people()
    department = people.expert.department
    first = MandateFactory(code="M-0042", title="Tenue de livres", department=department)
    second = MandateFactory(code="M-0043", title="Paie", department=department)
    TimeEntryFactory(expert=people.expert, mandate=first, date=WEEK_MONDAY, hours=Decimal(7))
    TimeEntryFactory(expert=people.expert, mandate=second, date=WEEK_MONDAY, hours=Decimal(1))
    return people
