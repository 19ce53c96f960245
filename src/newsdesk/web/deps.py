"""What route handlers are given: the app's config, a Store per request, templates, the write check."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import jinja2
from fastapi import Depends, HTTPException, Request
from fastapi.templating import Jinja2Templates

from newsdesk.settings import Settings
from newsdesk.store import Store

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"
PAGE_SIZE = 20  # stories or hits per page
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class WebConfig:
    """What ``create_app`` was given: database, write token, settings, where uploads are kept."""

    db_path: str
    token: str | None
    settings: Settings
    upload_dir: Path


def get_config(request: Request) -> WebConfig:
    """Return the config ``create_app`` stored on the app."""
    config: WebConfig = request.app.state.config
    return config


ConfigDep = Annotated[WebConfig, Depends(get_config)]


def get_store(config: ConfigDep) -> Iterator[Store]:
    """Yield a Store for one request and close it after (SQLite connections are cheap)."""
    store = Store(config.db_path, create=False)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(get_store)]


@cache
def get_templates() -> Jinja2Templates:
    """Return the template set, autoescape on for every template whatever its name."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return Jinja2Templates(env=env)


def require_writer(request: Request, config: ConfigDep) -> None:
    """Refuse a write from another site, or without the token when the app has one.

    A form post from a page on another origin is a "simple" request browsers send without
    asking, so the Origin check is what stops a web page from uploading to a local server.
    """
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc.lower() != host.lower():
            raise HTTPException(
                403, "cross-site write refused: send it from this server's own pages"
            )
    elif origin == "null":
        raise HTTPException(403, "cross-site write refused: send it from this server's own pages")
    if config.token is None:
        return
    given = request.headers.get("x-newsdesk-token", "")
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not secrets.compare_digest(given.encode(), config.token.encode()):
        raise HTTPException(
            401, "this server needs a write token: send it as 'Authorization: Bearer TOKEN'"
        )


WriterDep = Depends(require_writer)
