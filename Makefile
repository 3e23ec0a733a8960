# svduty — the two commands a newcomer needs are `make demo` and `make test`.
# Both create .venv if it is missing and install svduty with its development tools.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.svduty-installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check
export PYTHONDONTWRITEBYTECODE := 1
export HYPOTHESIS_PROFILE ?= $(if $(CI),ci,dev)

.PHONY: help install demo test lint format typecheck unit docs doctest bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "svduty needs Python 3.11 or newer; set PYTHON=python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install svduty with its development tools

demo: $(STAMP) ## run the main job on the bundled Warwickshire data
	$(BIN)/svduty info
	$(BIN)/svduty classify src/svduty/data/policeuk/

test: lint typecheck unit docs ## everything CI runs: lint, types, tests with coverage, docs

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check src tests docs $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests docs $(wildcard benchmarks)

format: $(STAMP) ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix src tests docs $(wildcard benchmarks)
	$(BIN)/ruff format src tests docs $(wildcard benchmarks)

typecheck: $(STAMP) ## mypy --strict on src
	$(BIN)/mypy --strict src/svduty

unit: $(STAMP) ## pytest (tests and docstring examples) with the branch coverage gate
	$(BIN)/python -m pytest --cov=svduty --cov-branch --cov-report=term --cov-fail-under=97 -q

docs: $(STAMP) ## the tutorials' figures, Sphinx HTML with warnings as errors, the docs' doctests
	$(BIN)/python docs/_scripts/make_figures.py
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html
	$(BIN)/sphinx-build -W --keep-going -q -b doctest docs docs/_build/doctest

.PHONY: fuzz
fuzz: $(STAMP) ## the generative fuzz suite with the long budget (40x the examples CI runs)
	SVDUTY_FUZZ=long $(BIN)/python -m pytest tests/fuzz -q -p no:cacheprovider -rxX

bench: $(STAMP) ## the throughput and memory benchmarks against bare pyarrow, polars, DuckDB, pandas (a report, not a test)
	$(PIP) install --quiet polars duckdb pandas
	$(BIN)/python benchmarks/run.py

clean: ## remove build products (keeps .venv)
	rm -rf docs/_build docs/_static/generated .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov dist build
