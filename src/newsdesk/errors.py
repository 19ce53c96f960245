"""Errors newsdesk raises on purpose.

::

    NewsdeskError            anything newsdesk reports to the user
    ├── InputError           one input file is unusable (path + problem); the batch goes on
    └── StoreError           the database is missing, locked, or of an unknown schema

Each shell converts these once: the CLI prints ``error: PATH: problem`` and exits 1, the web
app answers ``{"ok": false, "error": ..., "status": ...}``, batch and Spark count and skip.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every error newsdesk reports to the user."""


class InputError(NewsdeskError):
    """An input file cannot be used: ``str(err)`` is ``PATH: problem``."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class StoreError(NewsdeskError):
    """The store cannot be opened or written."""
