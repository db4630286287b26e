# The two quick-start commands are `make demo` and `make test`; both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: demo test lint typecheck imports pytest doctest docs bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "ledarskap needs Python 3.11+")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade "pip>=25.1"

# Stamps re-run an install when pyproject.toml changes.
# The demo pairs the example cohort: the matching extra (scipy).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --editable ".[matching]"
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install --editable ".[xlsx,fast]" --group dev
	touch $@

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(PIP) install --editable ".[xlsx,fast]" --group dev --group bench
	touch $@

demo: $(VENV)/.installed
	$(BIN)/ledarskap demo

test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/coverage run -m pytest
	$(BIN)/coverage report
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

bench: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) docs/_build .coverage coverage.xml .mypy_cache .ruff_cache
