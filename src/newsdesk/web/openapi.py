"""The OpenAPI document: FastAPI's, plus the export contract's article and story schemas.

The API returns the contract's shapes, so the spec takes them from the contract file
itself; schemathesis then checks every response against the contract.
"""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from newsdesk.export import contract_schema

_NAMES = {"article": "Article", "story": "Story", "cite": "Cite"}


def schema_ref(name: str) -> dict[str, str]:
    """Return a JSON reference to the component schema ``name``."""
    return {"$ref": f"#/components/schemas/{name}"}


def describe_json(name: str, description: str = "OK") -> dict[str, Any]:
    """Return an OpenAPI response whose JSON body is the component ``name``."""
    return {
        "description": description,
        "content": {"application/json": {"schema": schema_ref(name)}},
    }


ERRORS: dict[int | str, dict[str, Any]] = {
    400: describe_json("Error", "Bad request"),
    404: describe_json("Error", "Not found"),
    422: describe_json("Error", "Invalid parameters"),
}


def _rename_refs(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                out[key] = "#/components/schemas/" + _NAMES[value.removeprefix("#/$defs/")]
            else:
                out[key] = _rename_refs(value)
        return out
    if isinstance(node, list):
        return [_rename_refs(x) for x in node]
    return node


def _page(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["items", "total", "limit", "offset"],
        "properties": {
            "items": {"type": "array", "items": item},
            "total": {"type": "integer", "minimum": 0},
            "limit": {"type": "integer", "minimum": 1},
            "offset": {"type": "integer", "minimum": 0},
        },
    }


def build_component_schemas() -> dict[str, Any]:
    """Return the schemas the API's responses use: the contract's, pages of them, the error."""
    defs = copy.deepcopy(contract_schema()["$defs"])
    schemas: dict[str, Any] = {_NAMES[k]: _rename_refs(v) for k, v in defs.items()}
    nullable_text = {"type": ["string", "null"]}
    schemas["StorySummary"] = {
        "allOf": [schema_ref("Story")],
        "type": "object",
        "description": "a story in the contract's shape plus the list's summary fields",
        "properties": {
            "outlets": {"type": "array", "items": {"type": "string"}},
            "countries": {"type": "array", "items": {"type": "string"}},
            "disputed": {"type": "integer"},
            "first_date": nullable_text,
            "last_date": nullable_text,
        },
    }
    schemas["StoryPage"] = _page(schema_ref("StorySummary"))
    schemas["ArticlePage"] = _page(schema_ref("Article"))
    hit = {
        "type": "object",
        "required": ["article", "snippet"],
        "properties": {"article": schema_ref("Article"), "snippet": {"type": "string"}},
    }
    quote_hit = {
        "type": "object",
        "required": ["story", "speaker", "text"],
        "properties": {
            "story": {"type": "string"},
            "speaker": {"type": "string"},
            "text": {"type": "string"},
        },
    }
    search = _page(hit)
    search["required"] = [*search["required"], "quotes"]
    search["properties"]["quotes"] = {"type": "array", "items": quote_hit}
    schemas["SearchPage"] = search
    schemas["UploadReport"] = {
        "type": "object",
        "required": ["ok", "files", "articles", "skipped", "errors", "results"],
        "properties": {
            "ok": {"type": "boolean"},
            "files": {"type": "integer"},
            "articles": {"type": "integer"},
            "skipped": {"type": "integer"},
            "errors": {"type": "array", "items": {"type": "string"}},
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "articles", "error"],
                    "properties": {
                        "name": {"type": "string"},
                        "articles": {"type": "integer"},
                        "error": nullable_text,
                    },
                },
            },
        },
    }
    schemas["Error"] = {
        "type": "object",
        "required": ["ok", "error", "status"],
        "properties": {
            "ok": {"const": False},
            "error": {"type": "string"},
            "status": {"type": "integer"},
        },
    }
    return schemas


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """Return the app's OpenAPI document with the contract's schemas as components."""
    doc = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        routes=app.routes,
        description=app.description,
    )
    components = doc.setdefault("components", {}).setdefault("schemas", {})
    components.update(build_component_schemas())
    # FastAPI's own validation-error schemas are never sent: every error uses the one shape.
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    return doc
