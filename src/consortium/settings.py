"""Django settings. Every value a deployment may change comes from an environment variable."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from consortium.env import env_bool, env_int, env_list, env_path, env_str
from consortium.secret_key import secret_key

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = env_path("CONSORTIUM_VAR_DIR", BASE_DIR / "var")

DEBUG = env_bool("CONSORTIUM_DEBUG", default=False)
# The demo (`consortium demo`, `make demo`, `make serve`) and developers (CONSORTIUM_DEBUG) may
# run on a key made for this installation under var/; anything else must name its own.
DEMO = env_bool("CONSORTIUM_DEMO", default=False)
SECRET_KEY = secret_key(
    configured=env_str("CONSORTIUM_SECRET_KEY"), demo=DEMO or DEBUG, var_dir=VAR_DIR
)
ALLOWED_HOSTS = env_list("CONSORTIUM_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_filters",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "consortium.core",
    "consortium.accounts",
    "consortium.members",
    "consortium.staff",
    "consortium.mandates",
    "consortium.timesheets",
    "consortium.billing",
    "consortium.imports",
    "consortium.kpis",
    "consortium.governance",
    "consortium.development",
    "consortium.projects",
    "consortium.communications",
    "consortium.training",
    "consortium.finance",
    "consortium.surveys",
    "consortium.diagnostics",
    "consortium.treasury",
    "consortium.reports",
    "consortium.dashboards",
    "consortium.privacy",
    "consortium.api",
    "consortium.portal",
    "consortium.demo",
]

MIDDLEWARE = [
    # A view that meets a database kept busy by another writer answers "try again" (503).
    "consortium.core.middleware.BusyDatabaseMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files straight after the HTTPS rules, before sessions and the database are touched.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The API: its messages follow Accept-Language, a wrong method is a problem document.
    "consortium.api.middleware.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # An HTMX request of an expired session answers 401 instead of the sign-in page.
    "consortium.accounts.middleware.HtmxSignInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "consortium.urls"
WSGI_APPLICATION = "consortium.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "consortium.accounts.context_processors.workspace",
            ],
        },
    },
]

# SQLite under var/ by default (WAL mode); PostgreSQL when DATABASE_URL says so.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'consortium.sqlite3'}"),
        conn_max_age=env_int("CONSORTIUM_DB_CONN_MAX_AGE", 60),
    )
}
# How long a writer waits for a lock another holds (a long import) before it is refused with
# "try again" (core/middleware.py: BusyDatabaseMiddleware) instead of waiting on and on.
DATABASE_BUSY_TIMEOUT = env_int("CONSORTIUM_DB_BUSY_TIMEOUT", 20)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": DATABASE_BUSY_TIMEOUT,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The planner overestimates the KPI queries and JIT-compiles them for more than they cost.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c jit=off -c lock_timeout={DATABASE_BUSY_TIMEOUT}s"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Signing in: django-axes counts failed attempts per username and address and locks that pair
# out for a while after too many.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("CONSORTIUM_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("CONSORTIUM_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Law 25 (Quebec privacy): the person in charge of the protection of personal information, shown
# on /confidentialite/, and how many days django-axes' sign-in records are kept (docs/privacy.md).
PRIVACY_OFFICER_NAME = env_str("CONSORTIUM_PRIVACY_OFFICER_NAME", "")
PRIVACY_OFFICER_EMAIL = env_str("CONSORTIUM_PRIVACY_OFFICER_EMAIL", "")
LOGIN_RECORDS_DAYS = env_int("CONSORTIUM_LOGIN_RECORDS_DAYS", 90)
# Days after an event that its sign-ups keep their names and e-mails (then anonymised).
REGISTRATIONS_DAYS = env_int("CONSORTIUM_REGISTRATIONS_DAYS", 365)

# Mail (password resets, portal invitations): SMTP when a deployment names its server
# (CONSORTIUM_EMAIL_HOST…), the console otherwise (the demo, development).
# CONSORTIUM_EMAIL_BACKEND still overrides either.
# Where the site is served, for the links mail carries (an invitation's).
SITE_URL = env_str("CONSORTIUM_SITE_URL", "http://127.0.0.1:8000")
EMAIL_HOST = env_str("CONSORTIUM_EMAIL_HOST", "")
EMAIL_PORT = env_int("CONSORTIUM_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("CONSORTIUM_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("CONSORTIUM_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("CONSORTIUM_EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 20
EMAIL_BACKEND = env_str(
    "CONSORTIUM_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST and not DEMO
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("CONSORTIUM_DEFAULT_FROM_EMAIL", "consortium@localhost")
# Mail leaves through the task queue (the worker sends it, a request never waits on SMTP);
# CONSORTIUM_MAIL_QUEUE=0 sends it at once (the test environment, which reads Django's outbox).
MAIL_QUEUE = env_bool("CONSORTIUM_MAIL_QUEUE", default=True)

# Long work (report PDFs, mail) goes through a task queue kept in the database (django-tasks, the
# backport of Django 6's tasks framework, with django-tasks-db's DatabaseBackend): no broker to
# install, and on PostgreSQL several workers claim distinct tasks (SELECT … FOR UPDATE SKIP
# LOCKED). `consortium tasks worker` runs them; docs/architecture.md says why this one.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task claimed by a worker that died (killed, machine lost) goes back to the queue once it has
# been running this long: longer than any task takes (a report PDF takes seconds).
TASKS_STALE_AFTER = dt.timedelta(seconds=env_int("CONSORTIUM_TASKS_STALE_AFTER", 600))

# French first (Quebec's Charter of the French language), English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
# Dates and numbers one way per language (OQLF in French, en-CA in English): core/formats/.
FORMAT_MODULE_PATH = ["consortium.core.formats"]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("CONSORTIUM_TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# `consortium collectstatic` (run by `make demo` and `make serve`) copies them here; WhiteNoise
# serves them from the WSGI server itself, compressed, so no other web server is needed.
STATIC_ROOT = VAR_DIR / "static"
# Uploaded files (a meeting's minutes): never under a public URL, each served by the view that
# checks who asks.
MEDIA_ROOT = VAR_DIR / "media"
# Quorum of a body: more than this share of its seats in force on the meeting's day present (a
# shared seat counts once). A body left out (the AGM: its quorum is the members present) has none.
GOVERNANCE_QUORUM_SHARE = {"board": 0.5, "executive": 0.5}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Behind HTTPS (deploy/production.env.example turns every one on). The defaults suit the demo and
# the tests, served over plain http on this machine: cookies marked secure would never come back.
SESSION_COOKIE_SECURE = env_bool("CONSORTIUM_SESSION_COOKIE_SECURE", default=False)
CSRF_COOKIE_SECURE = env_bool("CONSORTIUM_CSRF_COOKIE_SECURE", default=False)
SECURE_SSL_REDIRECT = env_bool("CONSORTIUM_SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env_int("CONSORTIUM_SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("CONSORTIUM_SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("CONSORTIUM_SECURE_HSTS_PRELOAD")
# Only behind a proxy that sets this header itself (and drops the client's): otherwise anyone
# could claim their plain-http request was secure.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("CONSORTIUM_BEHIND_HTTPS_PROXY") else None
)
CSRF_TRUSTED_ORIGINS = env_list("CONSORTIUM_CSRF_TRUSTED_ORIGINS", [])
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env_str("CONSORTIUM_REFERRER_POLICY", "same-origin")
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: every script, style, font and image comes from this server (HTMX and
# the charts included), no inline script, style or event handler; `data:` only for the empty
# favicon. A page that needs more is a bug to fix, not a directive to widen.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# The month the fiscal year starts in (1-12): April by default, so "2020-2021" is
# 2020-04-01..2021-03-31.
FISCAL_YEAR_START_MONTH = env_int("CONSORTIUM_FISCAL_YEAR_START_MONTH", 4)
# Days after a period's end during which it cannot be locked yet, so that experts may still enter
# its last days (Kimai's grace period); a period that reaches into the current week never can.
PERIOD_LOCK_GRACE_DAYS = env_int("CONSORTIUM_LOCK_GRACE_DAYS", 3)

# The standard working day: an expert's available hours are the weekdays they are employed times
# this (utilisation = hours entered ÷ hours available).
WORKDAY_HOURS = Decimal(env_str("CONSORTIUM_WORKDAY_HOURS", "7"))

# A refused form (missing or stale security token) in the workspace's look, with a way back; for
# an HTMX request, a 403 the page answers by fetching a fresh token (accounts/views.py).
CSRF_FAILURE_VIEW = "consortium.accounts.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # Without the system's HarfBuzz-Subset, WeasyPrint subsets fonts with fontTools (same
        # PDF) and says so once per font per document.
        "font_subsetting_notice": {
            "()": "consortium.core.logging.DropMessages",
            "fragments": ["HarfBuzz-Subset"],
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"weasyprint": {"filters": ["font_subsetting_notice"]}},
    "root": {"handlers": ["console"], "level": env_str("CONSORTIUM_LOG_LEVEL", "WARNING")},
}

# The API (consortium/api): calls a token may make per minute, counted in the cache (per
# process with the default local-memory cache), beyond which it answers 429 with Retry-After.
API_RATE_PER_MINUTE = env_int("CONSORTIUM_API_RATE", 600)
