# newsdesk: the two set-up commands are `make demo` and `make test` (see README).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test check fmt bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (newsdesk needs Python 3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	@touch $(STAMP)

## Run the whole job on the bundled sample corpus, export it, and serve it on 127.0.0.1:8000.
demo: $(STAMP)
	$(VENV)/bin/newsdesk demo --db demo.db

## Run the test suite.
test: $(STAMP)
	$(PY) -m pytest -q

## Format check, lint and types.
check: $(STAMP)
	$(PY) -m ruff format --check src tests bench
	$(PY) -m ruff check src tests bench
	$(PY) -m mypy

fmt: $(STAMP)
	$(PY) -m ruff format src tests bench
	$(PY) -m ruff check --fix src tests bench

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm demo.json artifacts
