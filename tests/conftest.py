"""Shared fixtures: where ../shared is, the seed pages, a fresh database file per test."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSDESK_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"{SEEDS} is missing: the tests read the seed pages from ../shared/seeds")
    return SEEDS


@pytest.fixture(scope="session")
def contract_schema() -> dict:
    return json.loads((SHARED / "contract" / "export.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.db"
