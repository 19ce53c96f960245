"""Keep the article body of one text-scrape segment and say why everything else went.

Lines get a role from the furniture patterns (paywall, caption, dateline, byline, chip,
...); running text after the header block is the body, from its first to its last body
line; inside paragraphs, a dateline glued to the start and headlines, copyright notices
or prompts glued to the end are cut off. Cleaning only removes: the kept pieces are spans
of the input, in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsdesk.clean import patterns as pt
from newsdesk.clean.line_patterns import EMBED_ATTRIBUTION_RE
from newsdesk.clean.shapes import (
    Line,
    capital_share,
    is_article_prose,
    is_bullet_chip,
    is_date_line,
    is_prose,
    is_symbol_line,
    is_title_like,
    words,
)
from newsdesk.model import Removed

HEADER_REACH = 14  # the header block (title, byline, dates) sits within this many lines
# Past a "Related"/"Read more" marker, a line the classifier is this sure of is still body
# (the marker sat inside the article, between two paragraphs).
ENDED_SURE = 0.9
META_ROLES = frozenset({"dateline", "stamp", "byline", "chip", "outlet", "title-dup", "names"})
_CUT = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[A-Z“\"‘'(])")
_PARAGRAPH_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'’.\-]+(?:\s+|(?<=[a-z])(?=[A-Z]))){1,7}[A-Z][\w'’.\-]+$")


@dataclass
class Scraped:
    """The outcome of cleaning one segment."""

    pieces: list[tuple[int, int]] = field(
        default_factory=list
    )  # absolute spans kept, one per paragraph
    removed: list[Removed] = field(default_factory=list)
    header: list[tuple[Line, str]] = field(
        default_factory=list
    )  # lines before the body, with roles
    roles: dict[int, str] = field(default_factory=dict)  # line position -> role
    first_body: Line | None = None
    dateline: str | None = None  # a dateline cut from the start of the first paragraph
    partial: bool = False


def assign_roles(lines: Sequence[Line], is_outlet_name: object = None) -> list[str | None]:
    """Return the furniture role of each line, or None for a line that may be content."""
    outlet_test = is_outlet_name if callable(is_outlet_name) else None
    roles: list[str | None] = []
    for line in lines:
        role, n = line_role(line.text)
        if role is None and outlet_test is not None and n <= 6 and outlet_test(line.text):
            role = "outlet"
        roles.append(role)
    _mark_neighbours(lines, roles)
    return roles


@lru_cache(maxsize=1 << 14)  # navigation and footer lines recur on every page of an outlet
def line_role(t: str) -> tuple[str | None, int]:
    """Return the furniture role ``t`` has on its own (outlet names aside) and its word count."""
    n = len(words(t))
    opening = t if len(t) <= 400 else t[:160]
    if n < 60 and pt.PAYWALL_RE.search(opening):
        return "paywall", n
    if pt.END_MARKER_RE.match(t):
        return "end-marker", n
    if pt.IMAGE_FILE_RE.match(t):
        return "image", n
    if n < 60 and pt.CAPTION_RE.search(opening):
        return "caption", n
    if pt.FURNITURE_RE.search(opening):
        return "furniture", n
    if pt.RELATIVE_STAMP_RE.search(t):
        return "stamp", n
    if is_date_line(t):
        return "dateline", n
    if n <= 12 and (pt.DESK_BYLINE_RE.match(t) or pt.BY_LINE_RE.match(t)):
        return "byline", n
    if is_bullet_chip(t):
        return "chip", n
    if is_symbol_line(t):
        return "symbol", n
    return None, n


def _mark_neighbours(lines: Sequence[Line], roles: list[str | None]) -> None:
    seen_titles: set[str] = set()
    dated = [r == "dateline" or r == "stamp" for r in roles]
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if roles[i] is not None:
            continue
        t = line.text
        if t in seen_titles:
            roles[i] = "title-dup"
        elif is_title_like(t):
            seen_titles.add(t)
        # The line after an image file name is its caption unless it is a long paragraph.
        if i and roles[i - 1] == "image" and roles[i] is None and len(words(t)) <= 40:
            roles[i] = "caption"
        # A name-shaped line beside a dateline is a byline ("Paul SonneTyler Pager").
        near_date = (i > 0 and dated[i - 1]) or (i < last and dated[i + 1])
        if roles[i] is None and near_date and len(words(t)) <= 8 and _NAME_LINE.match(t):
            roles[i] = "names"


def clean_segment(
    lines: Sequence[Line],
    scores: Sequence[float] | None = None,
    threshold: float = 0.5,
    is_outlet_name: object = None,
    fallback: bool = True,
) -> Scraped:
    """Return the body pieces and the removed furniture of one article's lines.

    ``scores`` are the line classifier's body probabilities (None: shape rules alone).
    """
    out = Scraped()
    if not lines:
        return out
    roles = assign_roles(lines, is_outlet_name)
    out.partial = any(r == "paywall" for r in roles)
    header_end = _header_end(lines, roles)
    body = [False] * len(lines)
    ended = False
    # The classifier reads a line by its neighbours; a lone paragraph among furniture (an
    # aggregator card) scores low. When it finds no body at all, long running text is body.
    trust = scores is not None and (
        not fallback
        or any(
            scores[i] >= threshold and roles[i] is None for i in range(header_end + 1, len(lines))
        )
    )
    for i in range(header_end + 1, len(lines)):
        role, t = roles[i], lines[i].text
        if role == "end-marker" and any(body):
            ended = True
        if role is not None:
            continue
        p = scores[i] if scores is not None else None
        if ended:  # past a "Related" marker only strong running text is body
            body[i] = (p is not None and p >= ENDED_SURE) or (
                is_article_prose(t, 25) and (p is None or p >= threshold)
            )
        elif p is None:
            body[i] = is_prose(t)
        else:
            body[i] = p >= threshold if trust else is_article_prose(t, 12)
    # A headline-shaped first line with no title above it is the headline, whatever the score.
    first = next((i for i, b in enumerate(body) if b), None)
    if (
        first is not None
        and header_end < 0
        and not is_prose(lines[first].text)
        and is_title_like(lines[first].text)
        and not any(is_title_like(ln.text) for ln in lines[:first])
    ):
        body[first] = False
    idx = [i for i, b in enumerate(body) if b]
    if idx:
        lo, hi = idx[0], idx[-1]
        for i in range(lo + 1, hi):
            # A short line between two body paragraphs is a subheading, unless it is furniture.
            if not body[i] and roles[i] is None and body[i - 1] and (i + 1 <= hi and body[i + 1]):
                body[i] = scores is not None and scores[i] >= 0.35
    first = True
    for i, line in enumerate(lines):
        role = roles[i] or ("" if body[i] else "not-body")
        out.roles[i] = role
        if not body[i]:
            reason = role if role else "not-body"
            out.removed.append(Removed(line.start, line.end, reason))
            if out.first_body is None:
                out.header.append((line, role))
            continue
        start, end = line.start, line.end
        if first:
            start = _trim_dateline(line, out)
            out.first_body = line
            first = False
        end = _trim_tail(line.text, start - line.start, line, out, last=(i == idx[-1]))
        if end > start:
            out.pieces.append((start, end))
    return out


def _header_end(lines: Sequence[Line], roles: list[str | None]) -> int:
    """Return the position of the last header line (title, byline, dates), or -1.

    An embedded post's attribution ("— Name (@handle) November 4, 2019") reads as a
    dateline but sits inside the body, so it never marks the header. Nor does a stamp
    after running text with no running text after it ("First published on <date>" closing
    a short article): it ends the article, it does not head it.
    """
    end = -1
    prose_seen = 0
    for i, line in enumerate(lines[:HEADER_REACH]):
        if roles[i] is None and is_article_prose(line.text, 20):
            prose_seen += 1
            if prose_seen >= 2:
                break
        if roles[i] in META_ROLES and not EMBED_ATTRIBUTION_RE.match(line.text):
            if prose_seen and _closes_article(lines, roles, i):
                continue
            end = i
    return end


def _closes_article(lines: Sequence[Line], roles: Sequence[str | None], i: int) -> bool:
    """Return True when line ``i`` follows a finished paragraph and no running text follows it.

    A stamp after "<name> says:" heads the next comment of a thread; after a full stop it
    closes the article above.
    """
    before = i - 1
    if before < 0 or roles[before] is not None or not _PARAGRAPH_END.search(lines[before].text):
        return False
    return not any(roles[j] is None and is_prose(lines[j].text) for j in range(i + 1, len(lines)))


def _trim_dateline(line: Line, out: Scraped) -> int:
    m = pt.DATELINE_PREFIX_RE.match(line.text)
    if not m:
        return line.start
    out.dateline = m.group(0).strip()
    out.removed.append(Removed(line.start, line.start + m.end(), "dateline"))
    return line.start + m.end()


def _trim_tail(text: str, offset: int, line: Line, out: Scraped, last: bool) -> int:
    """Return the absolute end of the kept part of a body line, recording what was cut."""
    end = len(text)
    m = pt.GLUED_PROMPT_RE.search(text, offset)
    if m and m.start() > offset:
        out.removed.append(Removed(line.start + m.start(), line.start + end, "glued-prompt"))
        end = m.start()
    if last:
        m = pt.GLUED_COPYRIGHT_RE.search(text[:end], offset)
        if m and m.start() > offset:
            out.removed.append(
                Removed(line.start + m.start(1), line.start + end, "glued-copyright")
            )
            end = m.start()
        cut = glued_headlines_cut(text[:end], offset)
        if cut is not None:
            out.removed.append(Removed(line.start + cut, line.start + end, "glued-headlines"))
            end = cut
    while end > offset and text[end - 1].isspace():
        end -= 1
    return line.start + end


def glued_headlines_cut(text: str, offset: int = 0) -> int | None:
    """Return where a run of Title Case headlines glued after the last sentence starts.

    >>> s = "The council met on Monday. Harbour Bridge Reopens Early As Repairs End Ahead Of Schedule"
    >>> s[:glued_headlines_cut(s)]
    'The council met on Monday.'
    >>> glued_headlines_cut("The council met on Monday. It will meet again in May.") is None
    True
    """
    for m in _CUT.finditer(text, offset):
        tail = text[m.end() :]
        ws = words(tail)
        if (
            len(ws) >= 6
            and capital_share(ws) >= 0.85
            and not re.search(r"[.!?…][\"'”’)]*\s*$", tail)
        ):
            return m.start() + len(m.group(0).rstrip())
    return None
