"""The demo as the web benchmarks and the screenshots see it: a database, logins, addresses.

Shared by bench_pages.py, bench_load.py and docs/screenshots/take.py. The demo lives in its own
CONSORTIUM_VAR_DIR (var/bench/web/ by default, never the checkout's var/ itself), is built once
by `consortium demo` and reused; DATABASE_URL, when set, points at another database instead.

Pages still being built are expected: an address whose URL name does not exist yet is reported
as absent, never an error.
"""

import contextlib
import datetime as dt
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_VAR_DIR = ROOT / "var" / "bench" / "web"
DEMO_PASSWORD = "consortium-demo"
# The demo's own logins, one per role (consortium.demo.services.DEMO_ROLES).
LOGINS = {
    "expert": "experte",
    "director": "direction",
    "finance": "finances",
    "communications": "communications",
    "administrator": "admin",
}


def use_var_dir(var_dir: Path, *, rebuild: bool = False) -> None:
    """Point this process (and the servers it starts) at the demo in `var_dir`."""
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["CONSORTIUM_VAR_DIR"] = str(var_dir)
    # The demo signs with its own key, made under var_dir (consortium/secret_key.py).
    os.environ.setdefault("CONSORTIUM_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    if rebuild and "DATABASE_URL" not in os.environ:
        for suffix in ("", "-wal", "-shm"):
            (var_dir / f"consortium.sqlite3{suffix}").unlink(missing_ok=True)


def prepare_demo(var_dir: Path, *, rebuild: bool = False) -> None:
    """Set Django up on the demo in `var_dir`, building it first when the database is empty.

    `consortium demo` runs in its own process, as a person would run it; it keeps a database
    that already has data and resets the demo logins' password.
    """
    use_var_dir(var_dir, rebuild=rebuild)
    started = time.perf_counter()
    print(f"demo in {var_dir}: `consortium demo`…", file=sys.stderr)
    subprocess.run(
        [str(Path(sys.executable).with_name("consortium")), "demo", "--verbosity", "0"],
        check=True,
        stdout=subprocess.DEVNULL,
        env=os.environ,
    )
    print(f"demo ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    import django

    django.setup()
    ensure_role_logins()


def _hashed_demo_password() -> str:
    from django.contrib.auth.hashers import make_password

    return make_password(DEMO_PASSWORD)


def _employed_experts_without_login():
    """Experts still employed first: their recent weeks have time in them."""
    from django.db.models import F

    from consortium.staff.models import Expert

    return Expert.objects.filter(user=None).order_by(F("left_on").desc(nulls_first=True), "code")


def ensure_role_logins() -> dict[str, str]:
    """A login per role with the demo password: the demo's own, or made here when the demo
    does not have it (an older demo without per-role logins). Returns role → username."""
    from django.contrib.auth import get_user_model

    from consortium.accounts.models import RoleKind
    from consortium.accounts.services import staff_role_assign

    users = get_user_model().objects
    existing = set(users.filter(username__in=LOGINS.values()).values_list("username", flat=True))
    missing = {role: name for role, name in LOGINS.items() if name not in existing}
    if not missing:
        return dict(LOGINS)
    hashed = _hashed_demo_password()
    expert = _employed_experts_without_login().first()
    for role, username in missing.items():
        user = users.create(
            username=username,
            password=hashed,
            is_staff=role == RoleKind.ADMINISTRATOR,
            is_superuser=role == RoleKind.ADMINISTRATOR,
        )
        if role == RoleKind.EXPERT and expert is not None:
            expert.user = user
            expert.save(update_fields=["user", "updated_at"])
            staff_role_assign(user=user, role=role)
        elif role == RoleKind.DIRECTOR and expert is not None:
            staff_role_assign(user=user, role=role, departments=[expert.department])
        elif role not in (RoleKind.ADMINISTRATOR, RoleKind.EXPERT, RoleKind.DIRECTOR):
            staff_role_assign(user=user, role=role)
    return dict(LOGINS)


def crowd_logins(role: str, count: int) -> list[str]:
    """`count` logins of `role` (expert or director) with the demo password, for the load test:
    each expert login is a different demo expert, each director directs a department."""
    from django.contrib.auth import get_user_model

    from consortium.accounts.models import RoleKind
    from consortium.accounts.services import staff_role_assign
    from consortium.staff.models import Department

    users = get_user_model().objects
    hashed = _hashed_demo_password()
    names = [f"charge-{role}-{number:02d}" for number in range(1, count + 1)]
    known = set(users.filter(username__in=names).values_list("username", flat=True))
    if role == RoleKind.EXPERT:
        free = list(_employed_experts_without_login()[:count])
    else:
        departments = list(Department.objects.order_by("code"))
    for index, username in enumerate(names):
        if username in known:
            continue
        user = users.create(username=username, password=hashed)
        if role == RoleKind.EXPERT and index < len(free):
            free[index].user = user
            free[index].save(update_fields=["user", "updated_at"])
            staff_role_assign(user=user, role=role)
        elif role == RoleKind.DIRECTOR:
            department = departments[index % len(departments)]
            staff_role_assign(user=user, role=role, departments=[department])
    return names


@dataclass(frozen=True)
class Page:
    label: str
    role: str  # a key of LOGINS: who opens the page
    address: Callable[[], str]  # raises NoReverseMatch while the page does not exist


def _reverse(name: str, *args, **kwargs) -> str:
    from django.urls import reverse

    return reverse(name, args=args or None, kwargs=kwargs or None)


def _expert_of(role: str):
    from consortium.staff.models import Expert

    return Expert.objects.filter(user__username=LOGINS[role]).select_related("department").first()


# A week of the demo's report year (2020-2021), in a locked period.
LOCKED_WEEK = dt.date(2020, 11, 30)


def _week_to_review() -> int:
    from consortium.timesheets.models import TimesheetWeek

    expert = _expert_of("expert")
    weeks = TimesheetWeek.objects.filter(expert__department=expert.department)
    week = weeks.filter(status="submitted").order_by("-week_start").first()
    week = week or weeks.order_by("-week_start").first()
    if week is None:
        raise LookupError("no week to review in the demo")
    return week.pk


def _a_mandate_code() -> str:
    from consortium.mandates.models import Mandate
    from consortium.timesheets.models import TimeEntry

    expert = _expert_of("expert")
    mandate_id = (
        TimeEntry.objects.filter(expert=expert).order_by("-date").values_list("mandate_id").first()
    )
    query = Mandate.objects.filter(pk=mandate_id[0]) if mandate_id else Mandate.objects.all()
    return query.order_by("code").values_list("code", flat=True).first()


def _an_organisation_code() -> str:
    from consortium.mandates.models import Mandate

    return (
        Mandate.objects.filter(code=_a_mandate_code())
        .values_list("organisation__code", flat=True)
        .get()
    )


def _an_invoice_id() -> int:
    from consortium.billing.models import Invoice

    invoice_id = Invoice.objects.order_by("-total").values_list("pk", flat=True).first()
    if invoice_id is None:
        raise LookupError("the demo has no invoice yet")
    return invoice_id


PAGES = [
    Page("accueil (experte)", "expert", lambda: _reverse("home")),
    Page("ma semaine", "expert", lambda: _reverse("timesheets:week")),
    Page("semaine verrouillée", "expert", lambda: _reverse("timesheets:week_of", LOCKED_WEEK)),
    Page("tableau de bord (experte)", "expert", lambda: _reverse("dashboards:dashboard")),
    Page("tableau de bord (direction)", "director", lambda: _reverse("dashboards:dashboard")),
    Page("approbations", "director", lambda: _reverse("timesheets:approval_list")),
    Page(
        "approbation d'une semaine",
        "director",
        lambda: _reverse("timesheets:approval_detail", _week_to_review()),
    ),
    Page("historique", "director", lambda: _reverse("timesheets:audit_trail")),
    Page("périodes", "finance", lambda: _reverse("timesheets:period_lock_list")),
    Page("mandats", "director", lambda: _reverse("mandates:mandate_list")),
    Page("un mandat", "director", lambda: _reverse("mandates:mandate_detail", _a_mandate_code())),
    Page("organisations", "director", lambda: _reverse("members:organisation_list")),
    Page(
        "une organisation",
        "director",
        lambda: _reverse("members:organisation_detail", _an_organisation_code()),
    ),
    Page("tableau de bord (finances)", "finance", lambda: _reverse("dashboards:dashboard")),
    Page("rapports", "administrator", lambda: _reverse("reports:report_list")),
    Page("factures", "finance", lambda: _reverse("billing:invoice_list")),
    Page("une facture", "finance", lambda: _reverse("billing:invoice_detail", _an_invoice_id())),
    Page("soldes âgés", "finance", lambda: _reverse("billing:aged_balance")),
    Page(
        "relevé d'une organisation",
        "finance",
        lambda: _reverse("billing:statement", _an_organisation_code()),
    ),
    Page("banques d'heures", "finance", lambda: _reverse("billing:programme_banks")),
    # The teams' pages (issue 14).
    Page("gouvernance", "director", lambda: _reverse("governance:meeting_list")),
    Page("composition du conseil", "director", lambda: _reverse("governance:board_composition")),
    Page("développement", "director", lambda: _reverse("development:opportunity_list")),
    Page("suivis", "director", lambda: _reverse("development:follow_up_list")),
    Page("projets", "director", lambda: _reverse("projects:project_list")),
    Page("abonnés", "communications", lambda: _reverse("communications:follower_table")),
    Page("événements", "communications", lambda: _reverse("communications:event_list")),
    Page("formation", "director", lambda: _reverse("training:course_list")),
    Page("équipe", "expert", lambda: _reverse("staff:expert_list")),
    Page(
        "préparation du rapport",
        "director",
        lambda: _reverse("reports:report_preparation", "2025-2026"),
    ),
]


def resolve(page: Page) -> str | None:
    """The page's address, or None (said on stderr) while the page is not built yet."""
    from django.urls import NoReverseMatch

    try:
        return page.address()
    except (NoReverseMatch, LookupError, AttributeError) as error:
        print(f"  {page.label}: absent ({type(error).__name__}: {error})", file=sys.stderr)
        return None


# --- a real server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def demo_server(
    *, port: int | None = None, debug: bool = False, command: list[str] | None = None
) -> Iterator[str]:
    """A server on the demo; yields its URL once it answers.

    By default `consortium serve --noreload` (Django's threaded runserver): without DEBUG,
    `--insecure` still serves the static files, which the screenshots need. `command` is another
    server's command line, `{port}` in it standing for the port (e.g. `consortium run`).
    """
    port = port or free_port()
    environment = dict(os.environ, CONSORTIUM_DEBUG="1" if debug else "0")
    command = command or [
        str(Path(sys.executable).with_name("consortium")),
        "serve",
        "--noreload",
        "--insecure",
        "127.0.0.1:{port}",
    ]
    server = subprocess.Popen(
        [part.replace("{port}", str(port)) for part in command],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(address + "/compte/connexion/", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the demo server did not start") from None
                time.sleep(0.2)
        yield address
    finally:
        # gunicorn lets its workers finish their requests first (up to 30 s).
        server.terminate()
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
