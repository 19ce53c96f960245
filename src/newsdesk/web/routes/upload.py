"""Upload: add input files from the browser through the same ingest path as the CLI."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import secrets
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from newsdesk.settings import Settings
from newsdesk.store import Store
from newsdesk.web.deps import ConfigDep, WriterDep, get_templates
from newsdesk.web.openapi import ERRORS, describe_json, schema_ref

router = APIRouter()

MAX_FILES = 20  # files per upload request
_INGEST_LOCK = threading.Lock()
Emit = Callable[[dict[str, Any] | None], None]
CHUNK = 1 << 20

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}}
                    },
                }
            }
        },
    }
}


@dataclass
class FileResult:
    """What became of one uploaded file."""

    name: str
    saved: Path | None
    articles: int = 0
    error: str | None = None


def make_safe_name(filename: str | None) -> str:
    """Return a file name safe to save: no directories, only plain characters.

    >>> make_safe_name("../../etc/passwd"), make_safe_name("<img onerror=x>.html"), make_safe_name(None)
    ('passwd', 'img_onerror_x_.html', 'upload')
    """
    base = re.split(r"[\\/]", filename or "")[-1]
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")[:100]
    return cleaned or "upload"


def save_upload(source: IO[bytes], name: str, folder: Path, limit: int) -> FileResult:
    """Copy an uploaded stream into ``folder``, refusing it past ``limit`` bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{secrets.token_hex(4)}-{name}"
    size = 0
    with target.open("wb") as out:
        while chunk := source.read(CHUNK):
            size += len(chunk)
            if size > limit:
                break
            out.write(chunk)
    if size > limit:
        target.unlink(missing_ok=True)
        return FileResult(
            name, None, error=f"{name}: larger than the upload limit of {limit:,} bytes"
        )
    if size == 0:
        target.unlink(missing_ok=True)
        return FileResult(name, None, error=f"{name}: empty file")
    return FileResult(name, target)


def run_ingest(
    db_path: str, results: list[FileResult], settings: Settings, emit: Emit | None = None
) -> tuple[int, int]:
    """Ingest the saved files; fill each result's article count or error; return (articles, skipped).

    One ingest runs at a time: the link stage reads, updates and writes back its index, so
    two uploads at once would each lose the other's stories.
    """
    try:
        from newsdesk.pipeline import ingest_files  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        raise HTTPException(503, "ingest is not available in this build of newsdesk") from None
    by_path = {str(r.saved): r for r in results if r.saved is not None}
    done = 0

    def on_file(path: str, articles: int, error: str | None) -> None:
        nonlocal done
        r = by_path.get(str(path))
        if r is None:
            return
        r.articles = articles
        if error:
            shown = error.replace(str(path), r.name)
            r.error = shown if shown.startswith(f"{r.name}:") else f"{r.name}: {shown}"
        done += 1
        if emit:
            emit({"event": "file", **_result_dict(r), "done": done, "total": len(by_path)})
            if done == len(by_path):
                emit({"event": "linking"})

    with _INGEST_LOCK:
        store = Store(db_path, create=False)
        try:
            report = ingest_files(store, [Path(p) for p in by_path], settings, on_file=on_file)
        finally:
            store.close()
    # Errors the callback did not attribute still reach the user, with server paths hidden.
    for err in report.errors:
        owner = next((r for path, r in by_path.items() if str(err).startswith(path)), None)
        if owner is not None and owner.error is None and owner.saved is not None:
            owner.error = str(err).replace(str(owner.saved), owner.name)
    for r in by_path.values():
        # No stored article cites a file that added none (a repeat upload, a bad file): drop it.
        if r.saved is not None and r.articles == 0:
            r.saved.unlink(missing_ok=True)
    return int(report.articles), int(report.skipped)


def _result_dict(r: FileResult) -> dict[str, Any]:
    return {"name": r.name, "articles": r.articles, "error": r.error}


def build_report(results: list[FileResult], articles: int, skipped: int) -> dict[str, Any]:
    """Return the upload report: totals, every error, and one result per file."""
    errors = [r.error for r in results if r.error]
    return {
        "ok": not errors,
        "files": len(results),
        "articles": articles,
        "skipped": skipped,
        "errors": errors,
        "results": [_result_dict(r) for r in results],
    }


async def stream_ingest(
    db_path: str, results: list[FileResult], settings: Settings
) -> AsyncIterator[bytes]:
    """Yield NDJSON progress events while the ingest runs in a worker thread, the report last."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()

    def emit(event: dict[str, Any] | None) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, event)

    def work() -> None:
        try:
            articles, skipped = (
                run_ingest(db_path, results, settings, emit)
                if any(r.saved for r in results)
                else (0, 0)
            )
            emit({"event": "done", "report": build_report(results, articles, skipped)})
        except HTTPException as exc:
            emit({"event": "error", "error": str(exc.detail), "status": exc.status_code})
        except Exception:  # the client must hear that the upload ended; the log has the rest
            logging.getLogger(__name__).exception("upload ingest failed")
            emit(
                {
                    "event": "error",
                    "error": "internal error: the server log has the details",
                    "status": 500,
                }
            )
        finally:
            emit(None)

    yield _line(
        {"event": "received", "files": len(results), "total": sum(1 for r in results if r.saved)}
    )
    for r in results:
        if r.saved is None:
            yield _line({"event": "file", **_result_dict(r)})
    threading.Thread(target=work, name="newsdesk-upload", daemon=True).start()
    while (event := await queue.get()) is not None:
        yield _line(event)


def _line(event: dict[str, Any]) -> bytes:
    return (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")


@router.get("/upload", response_class=HTMLResponse, tags=["pages"])
def upload_page(request: Request, config: ConfigDep) -> HTMLResponse:
    """Show the upload form."""
    return get_templates().TemplateResponse(
        request,
        "upload.html",
        {
            "needs_token": config.token is not None,
            "limit": config.settings.upload_max_bytes,
            "max_files": MAX_FILES,
        },
    )


@router.post(
    "/api/upload",
    tags=["api"],
    dependencies=[WriterDep],
    openapi_extra=_UPLOAD_BODY,
    response_model=None,
    responses={
        200: {
            "description": "The upload report; with stream=true, NDJSON progress events ending in the report",
            "content": {
                "application/json": {"schema": schema_ref("UploadReport")},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        },
        **ERRORS,
        401: describe_json("Error", "Write token missing or wrong"),
        403: describe_json("Error", "Cross-site write refused"),
        413: describe_json("Error", "Upload too large"),
    },
)
async def upload_api(
    request: Request,
    config: ConfigDep,
    stream: Annotated[
        bool, Query(description="send NDJSON progress events, one line per file")
    ] = False,
) -> dict[str, Any] | StreamingResponse:
    """Ingest uploaded files (multipart field ``files``); report articles and per-file errors."""
    limit = config.settings.upload_max_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit * MAX_FILES + CHUNK:
        raise HTTPException(
            413, f"upload too large: at most {MAX_FILES} files of {limit:,} bytes each"
        )
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
    try:
        uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
        if not uploads:
            raise HTTPException(
                400, "no files: send multipart/form-data with one or more 'files' parts"
            )
        results = [
            await run_in_threadpool(
                save_upload, f.file, make_safe_name(f.filename), config.upload_dir, limit
            )
            for f in uploads
        ]
    finally:
        await form.close()
    if stream:
        return StreamingResponse(
            stream_ingest(config.db_path, results, config.settings),
            media_type="application/x-ndjson",
        )
    articles, skipped = 0, 0
    if any(r.saved for r in results):
        articles, skipped = await run_in_threadpool(
            run_ingest, config.db_path, results, config.settings
        )
    return build_report(results, articles, skipped)
