# Improvement Commons: `make run` and `make test` are all a newcomer needs (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-postgres test-search test-browser opensearch install migrate demo check-deploy bench clean

# Create the virtualenv and install the project with its test tools; redone only when
# pyproject.toml changes.
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

migrate: install
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	BASE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest -q

# Needs DATABASE_URL=postgres://...; .ci/run starts a server and sets it.
test-postgres: install
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	$(BIN)/python -m pytest -q

# The search contract suite against a real cluster: OPENSEARCH_URL and/or ELASTICSEARCH_URL
# (e.g. opensearch://127.0.0.1:9250, which `bash scripts/opensearch.sh start` provides).
test-search: install
	$(BIN)/python -m pytest -q tests/test_search_contract.py

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

clean:
	rm -rf $(VENV) var
