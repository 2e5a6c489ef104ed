# Consortium — two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The browser tests drive Debian's Chromium (Playwright never downloads a browser here).
CHROMIUM ?= /usr/bin/chromium
# The suite runs in one process per core (pytest-xdist): `make test PYTEST_WORKERS=0` runs it in one.
# `--dist load` hands the tests out in their order, so each worker runs its demo tests last
# (consortium/testing/demo.py); it beat `loadgroup` (one worker for all of them) on two cores.
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL = -n $(PYTEST_WORKERS) --dist load
# Everything make runs is this checkout's own installation (the demo, a developer's server, the
# benchmarks): it may sign with the key made for it under var/ (src/consortium/secret_key.py).
# A deployment sets CONSORTIUM_SECRET_KEY instead (deploy/production.env.example), which wins.
export CONSORTIUM_DEMO ?= 1

.PHONY: install demo serve dev static wrk test test-browser chromium lint bench bench-import bench-kpis bench-admin \
	bench-report bench-pages bench-portal bench-load bench-integrity bench-billing bench-billing-documents bench-api docs \
	screenshots messages clean

PO := $(wildcard src/consortium/locale/*/LC_MESSAGES/django.po src/consortium/*/locale/*/LC_MESSAGES/django.po)
MO := $(PO:.po=.mo)

install: $(STAMP) $(MO)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	mkdir -p var
	touch $(STAMP)

# Compiled catalogs are built, not committed: rebuilt whenever a .po changes.
%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --statistics -i $< -o $@

# The demo and `make serve` run the production server (gunicorn, `consortium run`): DEBUG off,
# static files served by WhiteNoise from var/static. Workers and threads: CONSORTIUM_WORKERS
# (one per core by default) and CONSORTIUM_THREADS (4).
# `consortium run` also starts the task queue's worker (report PDFs, mail: `consortium tasks
# worker`) beside the server, and Ctrl-C stops both.
demo: install
	$(BIN)/consortium demo --address http://$(HOST):$(PORT)/
	$(MAKE) --no-print-directory serve

serve: static
	HOST=$(HOST) PORT=$(PORT) CONSORTIUM_DEBUG=0 $(BIN)/consortium run

static: install
	$(BIN)/consortium collectstatic --noinput --verbosity 0

# For developers: Django's runserver, reloading on every change, with DEBUG's error pages.
dev: install
	CONSORTIUM_DEBUG=1 $(BIN)/consortium serve $(HOST):$(PORT)

test: install chromium
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/consortium makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_PARALLEL)

# Only the tests that drive the browser (src/consortium/browser_tests/).
test-browser: install chromium
	$(BIN)/pytest $(PYTEST_PARALLEL) -m browser

# Debian's Chromium for the browser tests and the screenshots, installed when missing.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's Chromium for the browser tests…"; \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	else \
		echo "Chromium is missing at $(CHROMIUM) and apt-get is not available: install" \
			"Chromium yourself (or set CHROMIUM=/path/to/chromium and" \
			"CONSORTIUM_CHROMIUM for pytest); the browser tests fail without it." >&2; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Extract French translations after changing user-facing text (needs GNU gettext).
messages: install
	cd src/consortium && ../../$(BIN)/consortium makemessages --locale en --no-obsolete
	$(BIN)/pybabel compile -d src/consortium/locale -D django

bench: bench-import bench-kpis bench-admin bench-report bench-pages bench-portal bench-load bench-billing bench-api

bench-import: install
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_import_tools.py

bench-kpis: install
	$(BIN)/python benchmarks/bench_kpis.py

bench-admin: install
	$(BIN)/python benchmarks/bench_admin.py

bench-report: install
	$(BIN)/python benchmarks/bench_report.py

# A 3-page invoice PDF, and a month's accounting journal of 350 invoices (fresh SQLite).
bench-billing-documents: install
	$(BIN)/python benchmarks/bench_billing_documents.py

# Server time and queries of each page, in-process, on the demo (var/bench/pages/).
bench-pages: install
	$(BIN)/python benchmarks/bench_pages.py

# Server time and queries of each member portal page, signed in as `membre` (var/bench/web/).
bench-portal: install
	$(BIN)/python benchmarks/bench_portal.py

# 20 signed-in users at once (wrk), runserver then the production server, on the same demo.
bench-load: install wrk
	$(BIN)/python benchmarks/bench_load.py

# Debian's wrk for bench-load, installed when missing (like Chromium).
wrk:
	@if command -v wrk >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's wrk for the load benchmark…"; \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; \
	else \
		echo "wrk is missing and apt-get is not available: install wrk yourself." >&2; exit 1; \
	fi

# 20 writers at once on one expert's day over HTTP: the 24 h rule holds, no 5xx (SQLite; with
# DATABASE_URL=postgres://…, a scratch PostgreSQL database beside it).
bench-integrity: install
	$(BIN)/python benchmarks/bench_integrity.py

# Drafting and issuing a month's invoices (350 organisations, 6,000 entries), SQLite and PostgreSQL.
bench-billing: install
	$(BIN)/python benchmarks/bench_billing.py

bench-api: install
	$(BIN)/python benchmarks/bench_api.py

# PNG images of the French report's pages (docs/report/), from the demo.
docs: install
	$(BIN)/python docs/report/render_pages.py

# PNG images of the main pages (docs/screenshots/), from a demo in a temporary folder.
screenshots: install chromium
	$(BIN)/python docs/screenshots/take.py

clean:
	rm -rf $(VENV) var/*.sqlite3* .pytest_cache
