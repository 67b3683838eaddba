# Two commands: `make run` (install, migrate, demo data, serve) and `make test`.
SHELL := /bin/bash
PORT ?= 8000
UV := python3 -m uv
PY := .venv/bin/python
export UV_LINK_MODE := copy

.PHONY: run test install lint check deploycheck browsers worker clean

install:
	@python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen

# Demo on the embedded default: SQLite, Celery tasks in-process, demo data, one user per role.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo $(if $(WACHTWOORD),--wachtwoord $(WACHTWOORD),)
	@echo "inkoop draait op http://127.0.0.1:$(PORT)/  (stoppen met Ctrl+C)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(PY) -m ruff check .
	.venv/bin/lint-imports
	# Security lint; .bandit-baseline.json holds the reviewed findings (SECURITY.md), new ones fail.
	$(PY) -m bandit -q -r inkoop beleid api uitgaven meldingen adviezen contracten rechtmatigheid jaarverslag \
	  -x '*/migrations/*' -b .bandit-baseline.json

check: install
	DJANGO_SETTINGS_MODULE=inkoop.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(MAKE) deploycheck

deploycheck:
	DJANGO_SETTINGS_MODULE=inkoop.settings.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  ALLOWED_HOSTS=inkoop.example.nl $(PY) manage.py check --deploy --fail-level WARNING

# The browser tests need Debian's Chromium (/usr/bin/chromium); .ci/run installs it.
test: install lint check
	$(PY) -m pytest $(PYTEST_ARGS)

worker: install
	$(PY) -m celery -A inkoop worker -l info

clean:
	rm -rf .venv staticfiles db.sqlite3 media
