"""Fuzz every operation of /openapi.json against a real server: no 5xx, responses match the spec.

The spec's response schemas are the export contract's, so this also checks that what the
API sends is contract-valid, for inputs nobody thought of (a hostile story is in the store).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from newsdesk.web.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest_web import LiveServer, live_server, make_db


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    db = make_db(tmp_path_factory.mktemp("fuzz") / "news.db", stories=3)
    with live_server(create_app(str(db))) as s:
        yield s


# The spec does not depend on the data, so it is built in-process (nothing connects); the
# cases are then sent over HTTP to the live server.
schema = schemathesis.openapi.from_dict(create_app("unused.db").openapi())

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_has_no_server_errors(case: schemathesis.Case, server: LiveServer) -> None:
    case.call_and_validate(base_url=server.url, checks=CHECKS)
