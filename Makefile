# svduty — the two commands a newcomer needs are `make demo` and `make test`.
# Both create .venv if it is missing: `make demo` installs svduty alone (its runtime
# dependencies), `make test` adds the development tools (the `dev` extra).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.svduty-installed
RUNTIME := $(VENV)/.svduty-runtime
PIP    := $(BIN)/python -m pip --disable-pip-version-check
export PYTHONDONTWRITEBYTECODE := 1
export HYPOTHESIS_PROFILE ?= $(if $(CI),ci,dev)

.PHONY: help install demo test lint format typecheck unit docs doctest bench spark clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

VENV_NEW = @$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "svduty needs Python 3.11 or newer; set PYTHON=python3.11")' && \
	(test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)) && $(PIP) install --quiet --upgrade pip

$(RUNTIME): pyproject.toml
	$(VENV_NEW)
	$(PIP) install --quiet -e .
	@touch $(RUNTIME)

# one resolution and one editable build: svduty with the development tools at once (svduty
# alone first, then again with them, asked the index for svduty's dependencies twice: ci56)
$(STAMP): pyproject.toml
	$(VENV_NEW)
	$(PIP) install --quiet -e '.[dev]'
	@touch $(RUNTIME) $(STAMP)

install: $(STAMP) ## create .venv and install svduty with its development tools

demo: $(RUNTIME) ## run the main job on the packaged sample month (installs svduty alone)
	$(BIN)/svduty info
	$(BIN)/svduty classify "$$($(BIN)/python -c 'import svduty; print(svduty.sample_path("policeuk-month"))')"

# pytest keeps both cores busy from its start; mypy (~18 s of CPU) and the docs (~95 s on one
# core) run beside it (ci60b: run before it, side by side, they left a core idle for a minute).
# Their output is held (-Otarget, in a file) and shown whole after the tests'; the tests' is
# live. Either failing fails `make test`, and its last line says which.
test: lint ## everything CI runs: lint, types, tests with coverage, docs
	@log=$$(mktemp); trap 'kill $$checks 2>/dev/null' INT TERM; \
	$(MAKE) --no-print-directory -j2 -Otarget typecheck docs >"$$log" 2>&1 & checks=$$!; \
	$(MAKE) --no-print-directory unit; unit=$$?; wait $$checks; both=$$?; \
	echo "--- make typecheck docs (run beside the tests) ---"; cat "$$log"; rm -f "$$log"; \
	test $$unit = 0 || echo "make test: the tests failed (pytest's output above)"; \
	test $$both = 0 || echo "make test: typecheck or docs failed (their output above)"; \
	test $$unit = 0 && test $$both = 0

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check src tests docs conftest.py $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests docs conftest.py $(wildcard benchmarks)

format: $(STAMP) ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix src tests docs conftest.py $(wildcard benchmarks)
	$(BIN)/ruff format src tests docs conftest.py $(wildcard benchmarks)

typecheck: $(STAMP) ## mypy --strict on src and on the client code of tests/typing
	$(BIN)/mypy --strict src/svduty tests/typing

unit: $(STAMP) ## pytest (tests and docstring examples) with the branch coverage gate, on every core
	$(BIN)/python -m pytest --cov=svduty --cov-branch --cov-report=term --cov-fail-under=97 -q -n auto --durations=20

# the doctest build reads the pages the HTML build read (one environment, docs/_build/doctrees)
docs: $(STAMP) ## Sphinx HTML with warnings as errors (figures, notebooks, indexes built inside), the docs' doctests
	$(BIN)/sphinx-build -W --keep-going -q -b html -d docs/_build/doctrees docs docs/_build/html
	$(BIN)/sphinx-build -W --keep-going -q -b doctest -d docs/_build/doctrees docs docs/_build/doctest

.PHONY: fuzz
fuzz: $(STAMP) ## the generative fuzz suite with the long budget (40x the examples CI runs)
	SVDUTY_FUZZ=long $(BIN)/python -m pytest tests/fuzz -q -p no:cacheprovider -rxX

bench: $(STAMP) ## the throughput and memory benchmarks against bare pyarrow, polars, DuckDB, pandas (a report, not a test)
	$(PIP) install --quiet polars duckdb pandas
	$(BIN)/python benchmarks/run.py

spark: $(STAMP) ## the Dask and Spark recipes' tests, Spark included (optional in CI: installs pyspark, needs Java)
	$(PIP) install --quiet pyspark
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_distributed.py

clean: ## remove build products (keeps .venv)
	rm -rf docs/_build docs/_static/generated .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov dist build
