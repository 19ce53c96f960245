"""Open one input: read its bytes, tell its kind from the content, decode its text.

This module and its siblings are the only code that opens inputs. Problems become
:class:`~newsdesk.errors.InputError` naming the file and saying what is wrong.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from newsdesk.errors import InputError
from newsdesk.model import InputKind
from newsdesk.settings import DEFAULT, Settings

_CONTROL = bytes([*range(9), *range(14, 32)])
_HTML_HINT = re.compile(
    rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|article[\s>]|div[\s>]|p[\s>])", re.I
)
_FEED_HINT = re.compile(rb"<(rss[\s>]|feed[\s>][^>]*|rdf:RDF[\s>])", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)


@dataclass(frozen=True)
class RawInput:
    """An input file's bytes (gunzipped unless it is a WARC), its kind and decoded text."""

    path: str
    kind: InputKind
    data: bytes
    sha256: str
    text: str = ""  # decoded text; empty for WARC (records are decoded one by one)
    warnings: tuple[str, ...] = field(default=())


def read_input(path: str | Path, settings: Settings = DEFAULT) -> RawInput:
    """Return the input at ``path`` with its kind and decoded text, or raise InputError.

    Kinds are told by content (a WARC named .txt is still a WARC), the extension only
    breaks ties between text and HTML.
    """
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > settings.max_file_bytes:
            raise InputError(
                name,
                f"file of {size:,} bytes is larger than the limit of {settings.max_file_bytes:,}",
            )
        raw = p.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    return decode_input(name, raw, p.suffix.lower(), settings)


def decode_input(name: str, raw: bytes, suffix: str = "", settings: Settings = DEFAULT) -> RawInput:
    """Return an input already in memory (an upload, a benchmark page) as :func:`read_input` would.

    ``suffix`` is the lower-cased file extension ("" when there is none).

    >>> decode_input("note.txt", b"Bridge reopens", ".txt").kind
    'text'
    """
    if len(raw) > settings.max_file_bytes:
        raise InputError(
            name,
            f"file of {len(raw):,} bytes is larger than the limit of {settings.max_file_bytes:,}",
        )
    if not raw.strip():
        raise InputError(name, "empty file")
    sha = hashlib.sha256(raw).hexdigest()
    data = raw
    if raw[:2] == b"\x1f\x8b":
        if _gunzip_head(raw, name).startswith(b"WARC/"):
            _check_gzip(raw, name)
            return RawInput(name, "warc", raw, sha)
        data = _gunzip_all(raw, name)
    if data.startswith(b"WARC/"):
        return RawInput(name, "warc", data, sha)
    kind = _sniff_kind(data, suffix)
    if kind is None:
        raise InputError(name, "binary file: not text, HTML, WARC, RSS/Atom or JSONL")
    text, warnings = decode_bytes(data, name, kind)
    return RawInput(name, kind, data, sha, text, tuple(warnings))


def _gunzip_head(raw: bytes, name: str) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw[:65536], 64)
    except zlib.error as exc:
        raise InputError(name, f"corrupt gzip data ({exc})") from exc


def _check_gzip(raw: bytes, name: str) -> None:
    """Raise InputError unless every gzip member of ``raw`` is complete (output discarded).

    warcio stops quietly at a cut final member; a truncated crawl must be reported.
    """
    chunk = 1 << 20
    pos = 0
    while pos < len(raw):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while not d.eof:
            if pos >= len(raw):
                raise InputError(
                    name, "truncated or corrupt WARC.gz: the last gzip member is cut off"
                )
            piece = raw[pos : pos + chunk]
            pos += len(piece)
            try:
                d.decompress(piece)
            except zlib.error as exc:
                raise InputError(name, f"truncated or corrupt gzip data ({exc})") from exc
        pos -= len(d.unused_data)


def _gunzip_all(raw: bytes, name: str) -> bytes:
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(name, f"truncated or corrupt gzip file ({exc})") from exc


def _sniff_kind(data: bytes, suffix: str) -> InputKind | None:
    head = data[:4096]
    if _looks_binary(head):
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and _is_jsonl(data):
        return "jsonl"
    if (stripped.startswith(b"<?xml") or _FEED_HINT.search(head[:1024])) and _FEED_HINT.search(
        head
    ):
        return "feed"
    if suffix in {".txt", ".text", ".md"} and not stripped.startswith(b"<"):
        return "text"
    if (
        stripped.startswith(b"<")
        or len(_HTML_HINT.findall(head)) >= 3
        or suffix in {".html", ".htm", ".xhtml"}
    ) and _HTML_HINT.search(data[:200_000]):
        return "html"
    return "text"


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        # UTF-16 text has NULs too; it carries a BOM.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL))
    return control / len(head) > 0.1


def _is_jsonl(data: bytes) -> bool:
    for line in data.split(b"\n", 3)[:3]:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            return False
        if not isinstance(obj, dict):
            return False
    return True


def decode_bytes(data: bytes, name: str, kind: str = "text") -> tuple[str, list[str]]:
    """Return ``data`` decoded and any warnings; never raises on undecodable bytes.

    UTF-8 first (most of the web), then a declared charset, then charset-normalizer's
    best guess; as a last resort UTF-8 with replacement characters, and a warning
    saying how many bytes were replaced.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data, kind)
    if declared and declared.lower().replace("-", "") not in {"utf8"}:
        try:
            return data.decode(declared), []
        except (UnicodeDecodeError, LookupError):
            pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F) - bad
    # Mostly good UTF-8 with a few broken bytes: keep UTF-8, do not re-read it all as cp125x.
    if multibyte > bad:
        return lenient, [
            f"{name}: {bad} undecodable byte(s) replaced with U+FFFD (not valid UTF-8)"
        ]
    best = from_bytes(data[:2_000_000]).best()
    if best is not None and best.encoding and best.chaos < 0.2:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            return text, [f"{name}: not valid UTF-8; decoded as {best.encoding} (best guess)"]
    return lenient, [f"{name}: {bad} undecodable byte(s) replaced with U+FFFD (not valid UTF-8)"]


def _declared_charset(data: bytes, kind: str) -> str | None:
    head = data[:4096]
    pattern = _XML_ENCODING if kind == "feed" else _META_CHARSET
    m = pattern.search(head)
    return m.group(1).decode("ascii", "ignore") if m else None


def walk_inputs(paths: list[str]) -> tuple[list[str], list[InputError]]:
    """Return the files under ``paths`` (folders walked, sorted, hidden files skipped).

    A path that does not exist, or a dangling link inside a folder, is returned as an
    error so the rest of the batch goes on.
    """
    files: list[str] = []
    errors: list[InputError] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                rel = sub.relative_to(p)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if sub.is_dir():
                    continue
                if not sub.exists():
                    errors.append(InputError(str(sub), "cannot read: broken link or vanished file"))
                    continue
                files.append(str(sub))
        elif p.exists():
            files.append(given)
        elif p.is_symlink():
            errors.append(InputError(given, "cannot read: broken link"))
        else:
            errors.append(InputError(given, "no such file or folder"))
    return files, errors
