# Improvement Commons: `make run` and `make test` are all a newcomer needs (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test lint test-postgres test-search test-cache test-browser opensearch install migrate demo check-deploy bench bench-pages bench-import bench-load relevance screening-eval clean need-postgres need-cluster need-redis

# Create the virtualenv and install the project with its test tools; redone only when
# pyproject.toml changes.
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@echo "== Creating the virtualenv in $(VENV) and installing the project (the first time takes a few minutes)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --progress-bar off -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

migrate: install
	@mkdir -p var
	@echo "== Setting up the database (var/)"
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	@echo "== Loading the demo network (the first time takes a minute or two; the search index is built at the end)"
	BASE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py load_demo

run: demo
	@echo "== Starting the site at http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack on this machine (scripts/serve.sh): migrate, collectstatic, gunicorn with
# commons_site/gunicorn.conf.py and the background worker; Ctrl-C stops both. SQLite, embedded search
# and the file cache unless DATABASE_URL, SEARCH_URL and CACHE_URL name other services.
serve: install
	HOST=$(HOST) PORT=$(PORT) bash scripts/serve.sh

# One worker per core (pytest-xdist): each has its own test database, demo and media folder.
test: install
	$(BIN)/python -m pytest -q -n auto

# The house rules: ruff (configured in pyproject.toml), Django's system checks, and no model change
# without its migration.
# (makemigrations --check runs against an empty in-memory database: the check is of the models,
# and a fresh clone has no var/.)
lint: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py check
	DATABASE_URL=sqlite://:memory: $(BIN)/python manage.py makemigrations --check --dry-run

# Needs DATABASE_URL=postgres://...; .ci/run starts a server and sets it. Without it the suite
# would quietly run on SQLite again, so it refuses (before installing anything).
test-postgres: need-postgres install
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	$(BIN)/python -m pytest -q -n auto

# The search contract suite against a real cluster: OPENSEARCH_URL and/or ELASTICSEARCH_URL
# (e.g. opensearch://127.0.0.1:9250, which `bash scripts/opensearch.sh start` provides).
# Without a cluster the engine-specific tests would all be skipped and the run would pass, so it refuses.
test-search: need-cluster install
	$(BIN)/python -m pytest -q tests/test_search_contract.py

# The shared-cache tests against a real Redis: CACHE_URL=redis://127.0.0.1:PORT/0 (.ci/run starts
# Debian's redis-server and sets it). Without one the tests would all be skipped, so it refuses.
test-cache: need-redis install
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e ".[test,redis]"
	$(BIN)/python -m pytest -q tests/test_shared_cache.py

need-redis:
	@case "$$CACHE_URL" in \
	  redis://*|rediss://*|unix://*) ;; \
	  *) echo "make test-cache needs CACHE_URL=redis://HOST:PORT/0 pointing at a Redis server"; \
	     echo "(it is '$$CACHE_URL'). .ci/run starts a throwaway redis-server and sets it."; exit 1 ;; \
	esac

need-postgres:
	@case "$$DATABASE_URL" in \
	  postgres://*|postgresql://*|pgsql://*) ;; \
	  *) echo "make $(MAKECMDGOALS) needs DATABASE_URL=postgres://USER@HOST:PORT/NAME pointing at a PostgreSQL server"; \
	     echo "(it is '$$DATABASE_URL'). .ci/run starts a throwaway server and sets it."; exit 1 ;; \
	esac

need-cluster:
	@if [ -z "$$OPENSEARCH_URL" ] && [ -z "$$ELASTICSEARCH_URL" ]; then \
	  echo "make test-search needs OPENSEARCH_URL and/or ELASTICSEARCH_URL, e.g. OPENSEARCH_URL=opensearch://127.0.0.1:9250"; \
	  echo "(bash scripts/opensearch.sh start runs a local OpenSearch node on that port)."; exit 1; \
	fi

# Real-browser tests (tests/browser): Playwright (the `browser` extra) drives Debian's chromium at
# CHROMIUM through executable_path; `playwright install` is never run. Not part of `make test`.
CHROMIUM ?= /usr/bin/chromium
test-browser: install
	@test -x "$(CHROMIUM)" || { echo "make test-browser needs Debian's chromium at $(CHROMIUM) (apt-get install chromium, or set CHROMIUM)"; exit 1; }
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e ".[test,browser]"
	CHROMIUM="$(CHROMIUM)" $(BIN)/python -m pytest -q -m browser tests/browser

check-deploy: install
	DJANGO_SETTINGS_MODULE=commons_site.settings.production \
	SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(64))") \
	ALLOWED_HOSTS=commons.example.org \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

# The search benchmark (bench/README.md): e.g. make bench BENCH_ARGS="--sizes 10000 --wait-quiet".
bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Pages under the production stack (gunicorn, 2 workers) beside a Django hello-world, with wrk
# (apt-get install wrk); figures into docs/performance.md. See bench/pages.py.
bench-pages: install
	$(BIN)/python bench/pages.py --report $(BENCH_ARGS)

# Bulk import speed (bench/import_bench.py): a manifest of 500 generated resources, each with a real
# PDF, DOCX, CSV or text file, imported into a scratch SQLite site; figures into docs/performance.md.
bench-import: install
	$(BIN)/python bench/import_bench.py --report $(BENCH_ARGS)

# The load test (bench/load.py, bench/locustfile.py): 50 locust users for 60 s against gunicorn and the
# background worker on a scratch database of the PostgreSQL server DATABASE_URL names; figures into
# docs/performance.md. Refuses without DATABASE_URL (before installing anything).
bench-load: need-postgres install
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e ".[bench,postgres]"
	$(BIN)/python bench/load.py --report $(BENCH_ARGS)

# How well search finds what people mean (bench/relevance.yaml, docs/search-quality.md): the embedded
# engine on SQLite, failing below the floor. The other engines, each on its own fresh database:
#   DATABASE_URL=postgres://USER@HOST:PORT/NAME OPENSEARCH_URL=opensearch://127.0.0.1:9250 make relevance
# (the PostgreSQL server needs the `postgres` extra installed; RELEVANCE_ARGS="--engines opensearch" picks one).
relevance: install
	$(BIN)/python bench/relevance.py --floor bench/relevance-floor.json $(RELEVANCE_ARGS)

# The health-information screening against its labelled development set (docs/screening.md):
# writes the set into var/ (the same files each time), scores it and fails when recall or false
# alarms are worse than bench/screening-floor.json. No database.
screening-eval: install
	$(BIN)/python manage.py make_screening_set var/screening-set
	$(BIN)/python manage.py screen --evaluate var/screening-set --json var/screening-eval.json --floor bench/screening-floor.json

clean:
	rm -rf $(VENV) var
