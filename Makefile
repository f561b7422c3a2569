# Two commands for a fresh machine with Python 3.11+ and make:
#   make run    set up, migrate, load demo data, serve http://127.0.0.1:8000
#   make test   set up and run every test
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
PYTEST_ARGS ?=
# Development commands run with DEBUG on unless told otherwise: with DEBUG off the settings
# are production's and refuse to start without DJANGO_SECRET_KEY and CACHE_URL.
DEV := DJANGO_DEBUG=$${DJANGO_DEBUG:-true}

.PHONY: run test setup messages messages-compiled system-deps node-deps migrate seed serve worker beat lint screenshots bench bench-throughput bench-impact loadtest clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv

$(VENV)/.installed: requirements.lock pyproject.toml | $(PY)
	$(UV) pip install --quiet --python $(PY) -r requirements.lock
	touch $@

# Debian packages: WeasyPrint's fast font subsetting (libharfbuzz-subset0) and its
# Pango stack. Skipped quietly where apt-get is not available or not allowed.
system-deps:
	@bash scripts/system-deps.sh

# Node packages of the Open Badges interop test (interop/package-lock.json), when npm exists.
node-deps:
	@bash scripts/node-deps.sh

setup: system-deps $(VENV)/.installed node-deps messages-compiled

# The site's translations (locale/<lang>/LC_MESSAGES/django.po, committed) compiled to .mo.
messages-compiled: $(VENV)/.installed
	@$(DEV) $(PY) manage.py compilemessages --ignore '.venv' --ignore 'interop' --ignore 'node_modules' -v 0

# After changing wording: collect every marked string into locale/es (then translate the
# new entries; tests/academy/test_translations.py fails while any is untranslated).
messages: setup
	$(DEV) $(PY) manage.py makemessages -l es --add-location file --no-obsolete \
		--ignore '.venv/*' --ignore 'interop/*' --ignore 'staticfiles/*' --ignore 'media/*' \
		--ignore 'bench/*' --ignore 'tests/*' --ignore 'docs/*' --ignore '*/demo_data/*'

migrate: setup
	$(DEV) $(PY) manage.py migrate --noinput

seed: migrate
	$(DEV) $(PY) manage.py seed_demo

run: seed
	$(DEV) $(PY) manage.py runserver 127.0.0.1:8000

# Tests run on every core (pytest-xdist); tests that start real Celery workers share a
# group so they never run at the same time.
test: setup
	$(PY) -m pytest -n $${PYTEST_WORKERS:-auto} --dist loadgroup $(PYTEST_ARGS)

worker: setup
	$(DEV) $(VENV)/bin/celery -A academy worker -l info

beat: setup
	$(DEV) $(VENV)/bin/celery -A academy beat -l info

# PNGs of the main pages at desktop and phone widths, in screenshots/ (needs Chromium).
screenshots: setup
	WITH_BROWSER=1 bash scripts/system-deps.sh
	SCREENSHOTS=1 $(PY) -m pytest tests/e2e/test_screenshots.py -q

# Certificate PDF speed against a one-line WeasyPrint page (target: ratio <= 3), memory.
bench: setup
	$(DEV) $(PY) bench/certificates.py $(BENCH_ARGS)

# A cohort's certificates through the Procfile's worker-pdf (2 processes) on PostgreSQL and
# Redis: certificates per second end to end and the workers' memory. THROUGHPUT_ARGS="--learners 1000".
bench-throughput: setup
	$(PY) bench/certificate_throughput.py $(THROUGHPUT_ARGS)

# Impact report on the seed_scale dataset: selectors, page, annual PDF (figures, no asserts).
# DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/academy_scale.
bench-impact: setup
	$(PY) bench/impact.py $(BENCH_ARGS)

# Every page type under wrk against gunicorn (production settings) on a PostgreSQL
# database of the academy's real size (seed_scale): DATABASE_URL, default
# postgres://postgres@127.0.0.1:5432/academy_scale. Options: LOADTEST_ARGS="--duration 20
# --pages roster". Needs wrk (installed here from Debian when run as root).
loadtest: setup
	LOADTEST=1 bash scripts/system-deps.sh
	$(PY) bench/loadtest.py $(LOADTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
