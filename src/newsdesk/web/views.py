"""Turn model objects into what templates show: text cut at offsets, cite contexts, origin groups.

Templates never mark up article text themselves: text is split here at annotation
offsets into plain-string segments, and Jinja2's autoescape escapes each one, so a page
carrying ``<script>`` shows it as text.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from newsdesk.model import Article, Cite

CONTEXT_CHARS = 160  # characters of article text shown either side of a cited quote


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of article text: CSS class and a tooltip."""

    start: int
    end: int
    css: str
    note: str = ""


@dataclass(frozen=True)
class Segment:
    """A piece of text with the classes and notes of every span covering it."""

    text: str
    css: str = ""
    note: str = ""
    mark: bool = False


@dataclass(frozen=True)
class CiteView:
    """A cite as the story page shows it: its words in context and a link to the article."""

    number: int
    article: str
    quote: str
    before: str
    after: str
    outlet: str
    title: str
    href: str
    found: bool


@dataclass
class OriginGroup:
    """An original article with the copies and rewrites of it."""

    original: Article
    copies: list[Article] = field(default_factory=list)
    rewrites: list[Article] = field(default_factory=list)


@dataclass(frozen=True)
class Bar:
    """One day of the coverage chart, with its SVG geometry."""

    day: str
    count: int
    x: int
    y: int
    width: int
    height: int


def check_web_url(url: str | None) -> str | None:
    """Return ``url`` when it is an http(s) link, else None (a ``javascript:`` link stays text).

    >>> check_web_url("https://example.org/a"), check_web_url("javascript:alert(1)"), check_web_url(" JavaScript:x")
    ('https://example.org/a', None, None)
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in {"http", "https"} and parts.netloc else None


def split_segments(
    text: str, spans: Iterable[Span], mark: tuple[int, int] | None = None
) -> list[Segment]:
    """Cut ``text`` at every span edge; each piece carries the classes of the spans over it.

    Overlapping spans (an entity inside a quote) simply add their classes to the shared
    pieces, so no span has to nest inside another.

    >>> segs = split_segments("Ann said hi", [Span(0, 3, "ent"), Span(9, 11, "quote")], mark=(4, 8))
    >>> [(s.text, s.css, s.mark) for s in segs]
    [('Ann', 'ent', False), (' ', '', False), ('said', '', True), (' ', '', False), ('hi', 'quote', False)]
    """
    size = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= size]
    cuts = {0, size}
    for s in valid:
        cuts.update((s.start, s.end))
    if mark is not None and 0 <= mark[0] < mark[1] <= size:
        cuts.update(mark)
    else:
        mark = None
    edges = sorted(cuts)
    # Sweep the edges once, keeping the spans open at each piece (linear in spans and cuts).
    pending = sorted(valid, key=lambda s: s.start)
    active: list[Span] = []
    nxt = 0
    out = []
    for a, b in itertools.pairwise(edges):
        while nxt < len(pending) and pending[nxt].start <= a:
            active.append(pending[nxt])
            nxt += 1
        active = [s for s in active if s.end > a]
        css = " ".join(dict.fromkeys(s.css for s in active))
        note = "; ".join(dict.fromkeys(s.note for s in active if s.note))
        marked = mark is not None and mark[0] <= a and b <= mark[1]
        out.append(Segment(text[a:b], css, note, marked))
    return out


def list_annotation_spans(article: Article) -> list[Span]:
    """Return the entity, time and quote spans of ``article`` for highlighting."""
    ann = article.annotations
    if ann is None:
        return []
    spans = [
        Span(e.start, e.end, f"ent ent-{_css_word(e.label)}", f"{e.label}: {e.canonical}")
        for e in ann.entities
    ]
    spans += [Span(t.start, t.end, "time", f"time: {t.value}") for t in ann.times]
    for q in ann.quotes:
        who = q.speaker or "unknown speaker"
        spans.append(
            Span(q.start, q.end, "quote" if q.direct else "quote reported", f"said by {who}")
        )
        if q.speaker_start is not None and q.speaker_end is not None:
            spans.append(Span(q.speaker_start, q.speaker_end, "speaker", f"speaker: {who}"))
    return spans


def _css_word(label: str) -> str:
    # Labels come from models, not users, but a class name must never carry spaces or quotes.
    return "".join(ch for ch in label if ch.isalnum()) or "X"


def locate_cite(article: Article, cite: Cite) -> tuple[int, int] | None:
    """Return the offsets of ``cite`` in ``article`` (its own offsets if they hold, else a search)."""
    s, e = cite.start, cite.end
    if s is not None and e is not None and article.text[s:e] == cite.quote:
        return s, e
    at = article.text.find(cite.quote)
    return (at, at + len(cite.quote)) if at >= 0 and cite.quote else None


def make_article_href(article_id: str, span: tuple[int, int] | None = None) -> str:
    """Return the article page link, marking ``span`` when given.

    >>> make_article_href("a1", (3, 9))
    '/articles/a1?start=3&end=9#cite'
    """
    if span is None:
        return f"/articles/{article_id}"
    return f"/articles/{article_id}?{urlencode({'start': span[0], 'end': span[1]})}#cite"


def view_cite(number: int, cite: Cite, articles: dict[str, Article]) -> CiteView:
    """Return ``cite`` with the text around it in its article, for the citation panel."""
    article = articles.get(cite.article)
    if article is None:
        return CiteView(
            number, cite.article, cite.quote, "", "", "", "", make_article_href(cite.article), False
        )
    span = locate_cite(article, cite)
    if span is None:
        before = after = ""
    else:
        before = article.text[max(0, span[0] - CONTEXT_CHARS) : span[0]]
        after = article.text[span[1] : span[1] + CONTEXT_CHARS]
    return CiteView(
        number,
        article.id,
        cite.quote,
        ("…" if span and span[0] > CONTEXT_CHARS else "") + before,
        after + ("…" if span and span[1] + CONTEXT_CHARS < len(article.text) else ""),
        article.outlet or "unknown outlet",
        article.title or "",
        make_article_href(article.id, span),
        span is not None,
    )


def find_original(article: Article, by_id: dict[str, Article]) -> Article:
    """Follow ``duplicate_of`` and ``derived_from`` to the first article in the chain."""
    seen = {article.id}
    current = article
    while True:
        parent_id = current.duplicate_of or (
            current.derived_from[0] if current.derived_from else None
        )
        parent = by_id.get(parent_id) if parent_id else None
        if parent is None or parent.id in seen:
            return current
        seen.add(parent.id)
        current = parent


def group_by_origin(articles: Sequence[Article]) -> list[OriginGroup]:
    """Return one group per original, copies and rewrites under it, originals by date.

    >>> from newsdesk.model import Source
    >>> a = Article(id="a", source=Source("p", 0, 1), text="x")
    >>> b = Article(id="b", source=Source("p", 0, 1), text="x", duplicate_of="a")
    >>> c = Article(id="c", source=Source("p", 0, 1), text="y", derived_from=("b",))
    >>> [(g.original.id, [x.id for x in g.copies], [x.id for x in g.rewrites]) for g in group_by_origin([a, b, c])]
    [('a', ['b'], ['c'])]
    """
    by_id = {a.id: a for a in articles}
    groups: dict[str, OriginGroup] = {}
    for a in articles:
        root = find_original(a, by_id)
        group = groups.setdefault(root.id, OriginGroup(root))
        if a.id == root.id:
            continue
        (group.copies if a.duplicate_of else group.rewrites).append(a)
    return sorted(groups.values(), key=lambda g: (g.original.published or "~", g.original.id))


def count_outlets(articles: Sequence[Article]) -> list[tuple[str, str, int]]:
    """Return (outlet, country, articles) rows, most articles first."""
    counts = Counter((a.outlet or "unknown outlet", a.outlet_country or "") for a in articles)
    return [(o, c, n) for (o, c), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def count_countries(articles: Sequence[Article]) -> list[tuple[str, int]]:
    """Return (country, articles) rows, most articles first ("?" when unknown)."""
    counts = Counter(a.outlet_country or "?" for a in articles)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def build_chart_bars(articles: Sequence[Article], width: int = 600, height: int = 120) -> list[Bar]:
    """Return one bar per day from the first to the last publication date (empty days kept).

    >>> from newsdesk.model import Source
    >>> arts = [Article(id=str(i), source=Source("p", 0, 1), text="x", published=d)
    ...         for i, d in enumerate(["2025-07-03", "2025-07-03T10:00:00+02:00", "2025-07-05"])]
    >>> [(b.day, b.count) for b in build_chart_bars(arts)]
    [('2025-07-03', 2), ('2025-07-04', 0), ('2025-07-05', 1)]
    """
    days = Counter(d for d in (_day_of(a.published) for a in articles) if d is not None)
    if not days:
        return []
    first, last = min(days), max(days)
    span = min((last - first).days + 1, 366)  # a year of bars at most keeps the chart readable
    top = max(days.values())
    step = max(1, min(40, width // span))  # a few days should not make slabs
    bars = []
    for i in range(span):
        day = first + dt.timedelta(days=i)
        n = days.get(day, 0)
        h = round(n / top * (height - 10)) if n else 0
        bars.append(Bar(day.isoformat(), n, i * step, height - h, max(1, step - 1), h))
    return bars


def _day_of(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def format_date_span(first: str | None, last: str | None) -> str:
    """Return "first – last" in dates, or one date, or "" when unknown.

    >>> format_date_span("2025-07-03T10:00:00+00:00", "2025-07-04")
    '2025-07-03 – 2025-07-04'
    """
    a, b = (first or "")[:10], (last or "")[:10]
    if a and b and a != b:
        return f"{a} – {b}"
    return a or b
