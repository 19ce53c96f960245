"""Read an article's metadata from the header lines a text scrape keeps around its body.

One small function per field, like trafilatura's ``extract_title``/``extract_author``:
title, authors, outlet, published/updated, language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdesk.clean import patterns as pt
from newsdesk.clean.dates import (
    Stamp,
    find_date,
    read_dateline,
    read_stamp,
    resolve_ago,
)
from newsdesk.clean.outlets import (
    Outlet,
    Registry,
    find_outlet_mentions,
    outlet_by_host,
    outlet_by_name,
    outlet_from_host_unknown,
)
from newsdesk.clean.shapes import Line, is_title_like, words

_GLUED_NAMES = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_OPENING_STAMP = re.compile(
    r"^(?:at|on|updated|published|posted)?\s*[\w:.,+\- ]{0,60}?\b\d{4}\b", re.I
)
_EN_FUNCTION = frozenset(
    [
        "the",
        "an",
        "of",
        "to",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "been",
        "has",
        "have",
        "had",
        "its",
        "that",
        "this",
        "with",
        "for",
        "at",
        "by",
        "from",
        "she",
        "they",
        "we",
        "his",
        "her",
        "their",
        "said",
        "not",
        "will",
        "would",
    ]
)
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)


def extract_title(header: Sequence[tuple[Line, str]]) -> str | None:
    """Return the headline among the header lines: the repeated one, else the first.

    >>> extract_title([(Line(0, 0, 4, "Menu"), "furniture"), (Line(1, 5, 30, "Bridge Reopens After Storm"), "")])
    'Bridge Reopens After Storm'
    """
    repeated = {line.text for line, role in header if role == "title-dup"}
    candidates = [
        line.text
        for line, role in header
        if role in {"", "not-body", "title-dup"} and is_title_like(line.text)
    ]
    for text in candidates:
        if text in repeated:
            return text
    return candidates[0] if candidates else None


def split_names(text: str) -> list[str]:
    """Return person names from a byline, split at separators and glued name boundaries.

    >>> split_names("Paul SonneTyler Pager")
    ['Paul Sonne', 'Tyler Pager']
    >>> split_names("By Ana Lima and Bruno Costa")
    ['Ana Lima', 'Bruno Costa']
    >>> split_names("Alex McFaul")
    ['Alex McFaul']
    """
    m = pt.BY_LINE_RE.match(text.strip())
    body = m.group("names") if m else text
    body = _GLUED_NAMES.sub(", ", body)
    names = []
    for part in pt.NAME_SEPARATORS_RE.split(body):
        part = part.strip(" .;:-–—|")
        ws = part.split()
        if 2 <= len(ws) <= 5 and all(
            w[0].isupper()
            for w in ws
            if w.lower() not in {"de", "van", "von", "da", "al", "bin", "del", "la", "le"}
        ):
            names.append(part)
    return names


def extract_authors(header: Sequence[tuple[Line, str]]) -> list[str]:
    """Return the authors a "By ..." or name byline states (a desk byline names no person)."""
    for line, role in header:
        if role == "names" or (role == "byline" and pt.BY_LINE_RE.match(line.text)):
            names = split_names(line.text)
            if names:
                return names
    return []


def extract_outlet(
    header: Sequence[tuple[Line, str]],
    page_lines: Sequence[str],
    registry: Registry | None,
    single: bool,
) -> Outlet | str | None:
    """Return the outlet a segment names: in its header, else (single-article page) anywhere.

    Returns a registry :class:`Outlet`, or a plain name when the page names an outlet the
    registry does not know (a desk byline, a footer host).
    """
    head_texts = [line.text for line, _ in header]
    for _, outlet, how in find_outlet_mentions(head_texts, registry):
        if how == "name":
            return outlet
    for line, role in header:
        m = pt.DESK_BYLINE_RE.match(line.text)
        if role == "byline" and m:
            known = outlet_by_name(m.group("desk"), registry)
            return known or m.group("desk").strip()
    if not single:
        return None
    mentions = find_outlet_mentions(page_lines, registry)
    if mentions:
        # The most often named outlet wins; among equals the last (footers name the publisher).
        counts: dict[str, int] = {}
        for _, outlet, _how in mentions:
            counts[outlet.name] = counts.get(outlet.name, 0) + 1
        best = max(mentions, key=lambda m: (counts[m[1].name], m[0]))
        return best[1]
    for text in reversed(page_lines):
        if "©" in text or "copyright" in text.lower():
            dm = _DOMAIN.search(text)
            if dm:
                return outlet_by_host(dm.group(1), registry) or outlet_from_host_unknown(
                    dm.group(1), registry
                )
    return None


def extract_dates(
    header: Sequence[tuple[Line, str]],
    dateline: str | None,
    opening: str | None,
    tz: str | None,
    day_first: bool | None,
    fetched: str | None,
) -> tuple[Stamp | None, Stamp | None]:
    """Return (published, updated) from datelines, a glued dateline, or the body's opening.

    >>> p, u = extract_dates([], None, "At 04:33 PM +07 on Friday, July 4, 2025, a stark", None, None, None)
    >>> p.iso()
    '2025-07-04T16:33:00+07:00'
    """
    published: Stamp | None = None
    updated: Stamp | None = None
    texts = [line.text for line, role in header if role in {"dateline", "byline", "stamp", "names"}]
    if dateline:
        texts.append(dateline)
    for text in texts:
        if pt.RELATIVE_STAMP_RE.search(text):
            published = published or resolve_ago(text, fetched)
            continue
        p, u = read_dateline(text, tz, day_first)
        published = published or p
        updated = updated or u
    if published is None and opening:
        m = _OPENING_STAMP.match(opening[:120])
        if m and find_date(m.group(0), day_first):
            published = read_stamp(m.group(0), tz, day_first)
    if published and updated and updated.iso() == published.iso():
        updated = None
    return published, updated


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None for too little text.

    >>> detect_language("The minister said the bridge would reopen in May after repairs.")
    'en'
    """
    ws = words(text[:800])
    if len(ws) < 5:
        return None
    # Fast path: English running text is a third or more function words; langid costs ms.
    if sum(1 for w in ws if w.lower() in _EN_FUNCTION) >= 0.2 * len(ws):
        return "en"
    import py3langid

    lang, _ = py3langid.classify(text[:800])  # cost grows with length; 800 chars decide
    return str(lang)
