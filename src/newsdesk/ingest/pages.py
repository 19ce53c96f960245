"""Cut one input into pages, one reader per kind: text, HTML, WARC, RSS/Atom, JSONL.

Every reader yields :class:`~newsdesk.model.Page` objects whose ``start``/``end`` index
the decoded text of the input (or of the WARC record named by ``record``).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any

from newsdesk.errors import InputError
from newsdesk.ingest.read import RawInput, decode_bytes
from newsdesk.model import Page
from newsdesk.settings import DEFAULT, Settings

_FEED_ITEM = re.compile(r"<(item|entry)\b[^>]*>.*?</\1\s*>", re.S | re.I)


def read_pages(raw: RawInput, settings: Settings = DEFAULT) -> Iterator[Page]:
    """Yield the pages of one input, or raise InputError for the whole file."""
    if raw.kind == "text":
        yield from text_pages(raw, settings)
    elif raw.kind == "html":
        yield Page(raw.path, "html", raw.text, 0, len(raw.text))
    elif raw.kind == "warc":
        yield from warc_pages(raw)
    elif raw.kind == "feed":
        yield from feed_pages(raw)
    elif raw.kind == "jsonl":
        yield from jsonl_pages(raw)
    else:  # pragma: no cover - RawInput.kind is a Literal
        raise InputError(raw.path, f"unknown kind {raw.kind}")


def text_pages(raw: RawInput, settings: Settings = DEFAULT) -> Iterator[Page]:
    """Yield a text scrape as one page (the cleaner splits aggregator pages later)."""
    text = raw.text
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > settings.max_line_chars:
        raise InputError(
            raw.path,
            f"a single line of {longest:,} characters: not a text scrape "
            f"(lines over {settings.max_line_chars:,} characters are refused)",
        )
    yield Page(raw.path, "text", text, 0, len(text))


def warc_pages(raw: RawInput) -> Iterator[Page]:
    """Yield the HTML response records of a WARC or WARC.gz (CC-NEWS style)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    pages: list[Page] = []
    try:
        for record in ArchiveIterator(io.BytesIO(raw.data)):
            if record.rec_type != "response":
                continue
            ctype = (
                record.http_headers.get_header("Content-Type") if record.http_headers else ""
            ) or ""
            if "html" not in ctype.lower():
                continue
            body = record.content_stream().read()
            count += 1
            if not body.strip():
                continue
            text, _ = decode_bytes(body, raw.path, "html")
            headers = record.rec_headers
            pages.append(
                Page(
                    raw.path,
                    "html",
                    text,
                    0,
                    len(text),
                    url=headers.get_header("WARC-Target-URI"),
                    record=headers.get_header("WARC-Record-ID"),
                    hints={"fetched": headers.get_header("WARC-Date")},
                )
            )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        raise InputError(
            raw.path, f"truncated or corrupt WARC after {count} HTML record(s): {exc}"
        ) from exc
    except Exception as exc:  # zlib.error and friends from a cut gzip member
        raise InputError(
            raw.path, f"truncated or corrupt WARC after {count} HTML record(s): {exc}"
        ) from exc
    if not pages:
        raise InputError(raw.path, "WARC holds no HTML response records")
    yield from pages


def feed_pages(raw: RawInput) -> Iterator[Page]:
    """Yield each RSS/Atom entry's own content (nothing is fetched)."""
    import feedparser

    parsed = feedparser.parse(raw.text)
    entries = parsed.get("entries") or []
    if not entries:
        problem = (
            getattr(parsed.get("bozo_exception"), "args", [""])[0] if parsed.get("bozo") else ""
        )
        raise InputError(
            raw.path, f"RSS/Atom feed with no entries{': ' + str(problem) if problem else ''}"
        )
    spans = [(m.start(), m.end()) for m in _FEED_ITEM.finditer(raw.text)]
    feed_title = (parsed.get("feed") or {}).get("title")
    feed_link = (parsed.get("feed") or {}).get("link")
    for i, entry in enumerate(entries):
        content, partial = _entry_content(entry)
        if not content.strip():
            continue
        start, end = spans[i] if i < len(spans) else (0, len(raw.text))
        # dict.get, not entry.get: feedparser maps a missing "updated" to "published" with a warning.
        published = dict.get(entry, "published") or dict.get(entry, "dc_date")
        updated = dict.get(entry, "updated")
        hints: dict[str, Any] = {
            "title": entry.get("title"),
            "published": published or updated,
            "updated": updated if published and updated != published else None,
            "authors": [a.get("name") for a in entry.get("authors", []) if a.get("name")]
            or ([entry["author"]] if entry.get("author") else []),
            "outlet": feed_title,
            "site": feed_link,
            "partial": partial,
        }
        yield Page(
            raw.path,
            "feed",
            content,
            start,
            end,
            url=entry.get("link"),
            record=entry.get("id"),
            hints=hints,
        )


def _entry_content(entry: Any) -> tuple[str, bool]:
    # Full content when the feed carries it; a summary alone is a partial article.
    contents = entry.get("content") or []
    if contents:
        return max((c.get("value", "") for c in contents), key=len), False
    return entry.get("summary", "") or "", True


def jsonl_pages(raw: RawInput) -> Iterator[Page]:
    """Yield one page per JSONL line (``text`` required; url, outlet, title, published, authors optional)."""
    pos = 0
    pages: list[Page] = []
    for number, line in enumerate(raw.text.split("\n"), start=1):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise InputError(raw.path, f"line {number}: not valid JSON ({exc.args[0]})") from exc
        if (
            not isinstance(obj, dict)
            or not isinstance(obj.get("text"), str)
            or not obj["text"].strip()
        ):
            raise InputError(raw.path, f"line {number}: needs a non-empty string field 'text'")
        authors = obj.get("authors") or []
        if isinstance(authors, str):
            authors = [authors]
        hints = {
            "title": obj.get("title"),
            "outlet": obj.get("outlet"),
            "published": obj.get("published"),
            "updated": obj.get("updated"),
            "authors": [str(a) for a in authors],
            "language": obj.get("language"),
            "partial": obj.get("partial") is True,
        }
        pages.append(
            Page(
                raw.path,
                "jsonl",
                obj["text"],
                start,
                end,
                url=obj.get("url"),
                record=str(number),
                hints=hints,
            )
        )
    if not pages:
        raise InputError(raw.path, "JSONL file with no records")
    yield from pages
