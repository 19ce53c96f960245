"""Storage: one SQLite file by default (see :mod:`newsdesk.store.sqlite`)."""

from newsdesk.store.sqlite import Store, StorySummary

__all__ = ["Store", "StorySummary"]
