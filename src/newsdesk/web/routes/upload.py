"""Upload: add input files from the browser through the same ingest path as the CLI."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from newsdesk.settings import Settings
from newsdesk.store import Store
from newsdesk.web.deps import ConfigDep, StoreDep, WriterDep, get_templates
from newsdesk.web.openapi import ERRORS, json_response

router = APIRouter()

MAX_FILES = 20  # files per upload request
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


def safe_name(filename: str | None) -> str:
    """Return a file name safe to save: no directories, only plain characters.

    >>> safe_name("../../etc/passwd"), safe_name("<img onerror=x>.html"), safe_name(None)
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


def run_ingest(store: Store, results: list[FileResult], settings: Settings) -> tuple[int, int]:
    """Ingest the saved files; fill each result's article count or error; return (articles, skipped)."""
    try:
        from newsdesk.pipeline import ingest_files  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        raise HTTPException(503, "ingest is not available in this build of newsdesk") from None
    by_path = {str(r.saved): r for r in results if r.saved is not None}

    def on_file(path: str, articles: int, error: str | None) -> None:
        r = by_path.get(str(path))
        if r is not None:
            r.articles = articles
            if error:
                shown = error.replace(str(path), r.name)
                r.error = shown if shown.startswith(f"{r.name}:") else f"{r.name}: {shown}"

    report = ingest_files(store, [Path(p) for p in by_path], settings, on_file=on_file)
    # Errors the callback did not attribute still reach the user, with server paths hidden.
    for err in report.errors:
        owner = next((r for path, r in by_path.items() if str(err).startswith(path)), None)
        if owner is not None and owner.error is None and owner.saved is not None:
            owner.error = str(err).replace(str(owner.saved), owner.name)
    return int(report.articles), int(report.skipped)


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
    responses={
        200: json_response("UploadReport"),
        **ERRORS,
        401: json_response("Error", "Write token missing or wrong"),
        403: json_response("Error", "Cross-site write refused"),
        413: json_response("Error", "Upload too large"),
    },
)
async def upload_api(request: Request, config: ConfigDep, store: StoreDep) -> dict[str, Any]:
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
        folder = config.upload_dir
        results = [
            await run_in_threadpool(save_upload, f.file, safe_name(f.filename), folder, limit)
            for f in uploads
        ]
    finally:
        await form.close()
    articles, skipped = 0, 0
    if any(r.saved for r in results):
        articles, skipped = await run_in_threadpool(run_ingest, store, results, config.settings)
    errors = [r.error for r in results if r.error]
    return {
        "ok": not errors,
        "files": len(results),
        "articles": articles,
        "skipped": skipped,
        "errors": errors,
        "results": [{"name": r.name, "articles": r.articles, "error": r.error} for r in results],
    }
