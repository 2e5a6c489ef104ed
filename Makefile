# Consortium — two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo serve test lint bench bench-import bench-kpis bench-admin bench-report docs messages clean

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

demo: install
	$(BIN)/consortium demo --address http://$(HOST):$(PORT)/
	CONSORTIUM_DEBUG=1 $(BIN)/consortium serve $(HOST):$(PORT)

serve: install
	CONSORTIUM_DEBUG=1 $(BIN)/consortium serve $(HOST):$(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/consortium makemigrations --check --dry-run
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Extract French translations after changing user-facing text (needs GNU gettext).
messages: install
	cd src/consortium && ../../$(BIN)/consortium makemessages --locale en --no-obsolete
	$(BIN)/pybabel compile -d src/consortium/locale -D django

bench: bench-import bench-kpis bench-admin bench-report

bench-import: install
	$(BIN)/python benchmarks/bench_import.py

bench-kpis: install
	$(BIN)/python benchmarks/bench_kpis.py

bench-admin: install
	$(BIN)/python benchmarks/bench_admin.py

bench-report: install
	$(BIN)/python benchmarks/bench_report.py

# PNG images of the French report's pages (docs/report/), from the demo.
docs: install
	$(BIN)/python docs/report/render_pages.py

clean:
	rm -rf $(VENV) var/*.sqlite3* .pytest_cache
