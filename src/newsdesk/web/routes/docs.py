"""Docs: the API reference as a plain page built from /openapi.json (no CDN, no script)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsdesk.web.deps import get_templates

router = APIRouter()


@dataclass(frozen=True)
class Operation:
    """One API operation as the docs page lists it."""

    method: str
    path: str
    summary: str
    description: str
    params: list[tuple[str, str, bool, str]]  # name, where, required, description
    responses: list[tuple[str, str]]  # status, schema name or description


def _schema_name(response: dict[str, Any]) -> str:
    for content in response.get("content", {}).values():
        ref = content.get("schema", {}).get("$ref", "")
        if ref:
            return str(ref).rsplit("/", 1)[-1]
    return str(response.get("description", ""))


def list_operations(spec: dict[str, Any]) -> list[Operation]:
    """Return the API operations of an OpenAPI document, pages first left out."""
    out = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            params = [
                (
                    p["name"],
                    p["in"],
                    bool(p.get("required")),
                    p.get("description") or p.get("schema", {}).get("description", ""),
                )
                for p in op.get("parameters", [])
            ]
            responses = [(code, _schema_name(r)) for code, r in op.get("responses", {}).items()]
            summary = op.get("summary", "")
            out.append(
                Operation(
                    method.upper(), path, summary, op.get("description", ""), params, responses
                )
            )
    return sorted(out, key=lambda o: (not o.path.startswith("/api"), o.path, o.method))


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs_page(request: Request) -> HTMLResponse:
    """Show the API reference and the schemas it returns."""
    spec = request.app.openapi()
    schemas = spec.get("components", {}).get("schemas", {})
    return get_templates().TemplateResponse(
        request,
        "docs.html",
        {
            "operations": list_operations(spec),
            "schemas": {k: json.dumps(v, indent=2) for k, v in sorted(schemas.items())},
        },
    )
