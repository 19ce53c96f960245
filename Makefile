PY ?= .venv/bin/python

.PHONY: check test fmt bench sample

check:
	$(PY) -m ruff format --check --diff src tests bench
	$(PY) -m ruff check src tests bench
	$(PY) -m mypy

fmt:
	$(PY) -m ruff format src tests bench
	$(PY) -m ruff check --fix src tests bench

test:
	$(PY) -m pytest -q

sample:
	$(PY) -m newsdesk.cli demo
