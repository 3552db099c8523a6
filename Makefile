# Clinic Stories — developer commands. Quick start: `make demo`, `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP_APP := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/clinic_bench

.PHONY: backup restore soak bench bench-search demo test lint format migrations-check messages run clean help

help:
	@echo "make demo              install, migrate SQLite, load demo content, serve on 127.0.0.1:$(PORT)"
	@echo "make test              install test tools and run the whole suite (DATABASE_URL for PostgreSQL)"
	@echo "make lint              ruff check + ruff format --check"
	@echo "make migrations-check  fail if models and migrations disagree"
	@echo "make bench             pages under load: gunicorn, PostgreSQL, req/s and p50/p95/p99 (not in CI)"
	@echo "make bench-search      search latency over 5 000 generated stories (PostgreSQL; not in CI)"
	@echo "make messages          rebuild compiled translations (.mo)"
	@echo "make soak              2 minutes of mixed load on gunicorn + PostgreSQL; fails on any 5xx (not in CI)"
	@echo "make backup            pg_dump + media into BACKUP_ROOT (DATABASE_URL, DJANGO_SETTINGS_MODULE)"
	@echo "make restore BACKUP=…  restore a backup folder into an empty database (RESTORE_ARGS=--replace)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_APP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e .
	@touch $@

$(STAMP_TEST): $(STAMP_APP)
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	@touch $@

demo: $(STAMP_APP)
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=clinic_site.settings.dev $(MANAGE) migrate --no-input
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=clinic_site.settings.dev $(MANAGE) seed_demo
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=clinic_site.settings.dev $(MANAGE) runserver 127.0.0.1:$(PORT)

# On SQLite, two pytest-xdist workers, each with its own test database and Redis database, a
# test file at a time and the browser tests together (groups: tests/conftest.py). On PostgreSQL (DATABASE_URL set, as in
# CI) one process: its transactional tests (gunicorn instances, backups) flush the database,
# which only pytest-django's one-process order keeps from the others. PYTEST_WORKERS=N chooses.
PYTEST_WORKERS ?= $(if $(DATABASE_URL),0,2)

test: $(STAMP_TEST)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: $(STAMP_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP_TEST)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(STAMP_APP)
	DJANGO_SETTINGS_MODULE=clinic_site.settings.test $(MANAGE) makemigrations --check --dry-run

messages: $(STAMP_APP)
	DJANGO_SETTINGS_MODULE=clinic_site.settings.dev $(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

bench-search: $(STAMP_APP)
	DATABASE_URL="$${DATABASE_URL:-$(BENCH_DATABASE_URL)}" $(BIN)/python bench/search_bench.py

bench: $(STAMP_APP)
	DATABASE_URL="$${DATABASE_URL:-$(BENCH_DATABASE_URL)}" $(BIN)/python bench/pages_bench.py $(BENCH_ARGS)

SOAK_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/clinic_soak

soak: $(STAMP_APP)
	DATABASE_URL="$${DATABASE_URL:-$(SOAK_DATABASE_URL)}" $(BIN)/python bench/soak.py $(SOAK_ARGS)

backup: $(STAMP_APP)
	$(MANAGE) backup $(BACKUP_ARGS)

restore: $(STAMP_APP)
	@test -n "$(BACKUP)" || (echo "make restore: name the folder, e.g. make restore BACKUP=backups/clinic-20261130-1900" >&2; exit 2)
	$(MANAGE) restore "$(BACKUP)" $(RESTORE_ARGS)
