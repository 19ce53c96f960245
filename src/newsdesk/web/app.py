"""The web app: HTML pages and a JSON API over one newsdesk database.

``create_app(db_path)`` builds it; ``serve(db_path)`` runs it with uvicorn on loopback.
Every API error has one shape, ``{"ok": false, "error": "...", "status": N}`` (datasette's
``handle_exception``); HTML pages show the same message in a page. Nothing here connects
to the database until a request comes.
"""

from __future__ import annotations

import ipaddress
import secrets
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsdesk.errors import InputError, NewsdeskError, StoreError
from newsdesk.settings import DEFAULT, Settings
from newsdesk.web.deps import STATIC, WebConfig, get_templates
from newsdesk.web.openapi import build_openapi
from newsdesk.web.routes import articles, docs, search, stories, upload

# Pages load only this server's own scripts and styles, so even markup that slipped into
# a page could not run: defence behind the escaping.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` and a Server-Timing header to every HTTP response.

    Plain ASGI, no body buffering. Server-Timing (time to the response's first byte) lets
    the speed bench tell the app's own time from the client's and the network's.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["server-timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
                for key, value in SECURITY_HEADERS.items():
                    if key not in headers:
                        headers[key] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class LoopbackHostGuard:
    """Answer only requests addressed to a loopback name (127.0.0.1, localhost, [::1]).

    A web page on another site can make a browser resolve its own name to 127.0.0.1 (DNS
    rebinding) and then read and write here as "same origin"; its requests still carry
    that name in Host, which is how they are told apart.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = Headers(scope=scope).get("host", "")
            name = host[1 : host.find("]")] if host.startswith("[") else host.rsplit(":", 1)[0]
            if not is_loopback(name):
                message = f"unexpected Host {host[:80]!r}: this server answers on 127.0.0.1 or localhost only"
                await JSONResponse(make_error_body(400, message), status_code=400)(
                    scope, receive, send
                )
                return
        await self.app(scope, receive, send)


def make_error_body(status: int, message: str) -> dict[str, Any]:
    """Return the one JSON error shape.

    >>> make_error_body(404, "no story x")
    {'ok': False, 'error': 'no story x', 'status': 404}
    """
    return {"ok": False, "error": message, "status": status}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path in {"/api", "/openapi.json"}:
        return False
    return "text/html" in request.headers.get("accept", "")


def render_error(request: Request, status: int, message: str) -> Response:
    """Answer an error as JSON for the API and programs, as a page for browsers."""
    if _wants_html(request):
        return get_templates().TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
    return JSONResponse(make_error_body(status, message), status_code=status)


def _format_validation(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in {"query", "path", "body"})
        parts.append(
            f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid"))
        )
    return "; ".join(parts) or "invalid request"


def _add_error_handlers(app: FastAPI) -> None:
    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "error"
        response = render_error(request, exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return render_error(request, 422, _format_validation(exc))

    async def on_newsdesk(request: Request, exc: Exception) -> Response:
        status = 400 if isinstance(exc, InputError) else 503 if isinstance(exc, StoreError) else 500
        return render_error(request, status, str(exc))

    async def on_crash(request: Request, exc: Exception) -> Response:
        # The traceback goes to the server log, never to the client.
        return render_error(request, 500, "internal error: the server log has the details")

    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(NewsdeskError, on_newsdesk)
    app.add_exception_handler(Exception, on_crash)


def locate_upload_dir(db_path: str) -> Path:
    """Return where uploaded files are kept: beside the database, so articles can cite them."""
    db = Path(db_path)
    return db.parent / f"{db.name}.uploads"


def create_app(
    db_path: str, *, token: str | None = None, settings: Settings | None = None
) -> FastAPI:
    """Return the web app over the database at ``db_path``; writes need ``token`` when given.

    >>> app = create_app("news.db")
    >>> sorted(p for p in app.openapi()["paths"] if p.startswith("/api/stories"))
    ['/api/stories', '/api/stories/{story_id}', '/api/stories/{story_id}/articles']
    """
    app = FastAPI(
        title="newsdesk",
        summary="Clean, cross-checked, cited news stories from many outlets.",
        version="1",
        docs_url=None,  # the stock /docs loads Swagger UI from a CDN; ours is served locally
        redoc_url=None,
    )
    app.state.config = WebConfig(db_path, token, settings or DEFAULT, locate_upload_dir(db_path))
    app.add_middleware(SecurityHeaders)
    _add_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (stories, articles, search, upload, docs):
        app.include_router(module.router)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def is_loopback(host: str) -> bool:
    """Return True when ``host`` is only reachable from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def ensure_token(host: str, token: str | None) -> str | None:
    """Return the write token to use: ``token``, or a new one when ``host`` is not loopback.

    >>> ensure_token("127.0.0.1", None) is None, ensure_token("0.0.0.0", "t"), len(ensure_token("0.0.0.0", None))
    (True, 't', 32)
    """
    if token or is_loopback(host):
        return token or None
    return secrets.token_urlsafe(24)


def serve(
    db_path: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None
) -> None:
    """Run the app with uvicorn; a non-loopback host gets a write token (printed) if none was given."""
    import uvicorn

    from newsdesk.store import Store

    chosen = ensure_token(host, token)
    if chosen and chosen != token:
        print(
            f"newsdesk: {host} is reachable from other machines; uploads need this token: {chosen}"
        )
    Store(db_path).close()  # create an empty database so the upload page can fill it
    app = create_app(db_path, token=chosen)
    if is_loopback(host):
        app.add_middleware(LoopbackHostGuard)
    uvicorn.run(app, host=host, port=port)
