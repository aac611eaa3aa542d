# KIM platform – the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export KIM_DEMO ?= 1

.PHONY: run test lint unit browser bench messages clean-db help

help:
	@echo "make run    – set up everything and serve the demo on http://127.0.0.1:8000"
	@echo "make test   – the whole test suite (ruff, unit/integration, browser tests)"
	@echo "make bench  – benchmarks that print figures"

# The virtual environment is rebuilt only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

# axe-core for the accessibility checks of the browser tests (npm registry; optional for `make run`).
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; else echo "npm not found: the browser tests use the axe-core bundled with axe-playwright-python"; fi
	@touch -c $@

var:
	@mkdir -p var

# Development settings for manage.py/kim on this machine (never committed; production uses real env vars).
.env:
	@echo "# Written by make run for local development; see README (Configuration)." > .env
	@echo "DEBUG=1" >> .env
	@echo "KIM_DEMO=1" >> .env
	@echo "SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" >> .env

run: $(VENV)/.installed .env | var
	DEBUG=1 $(PY) manage.py migrate --no-input -v 0
	DEBUG=1 $(PY) manage.py seed-demo
	@echo ""
	@echo "KIM platform: http://127.0.0.1:8000  (stop with Ctrl+C)"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

# Unit and integration tests against DATABASE_URL (SQLite by default; CI sets a PostgreSQL URL too).
unit: $(VENV)/.installed
	KIM_DEMO=0 KIM_TESTING=1 $(PY) -m pytest -m "not browser" -q -p no:cacheprovider

browser: $(VENV)/.installed node_modules/axe-core/axe.min.js
	KIM_DEMO=0 KIM_TESTING=1 $(PY) -m pytest -m browser -q -p no:cacheprovider

test: lint unit browser

bench: $(VENV)/.installed
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

messages: $(VENV)/.installed
	bash scripts/messages.sh

clean-db:
	rm -f var/kim.sqlite3 var/kim.sqlite3-wal var/kim.sqlite3-shm
