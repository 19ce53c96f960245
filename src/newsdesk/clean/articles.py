"""Turn one page into clean articles, whatever its kind: text scrape, HTML, feed entry, JSONL.

Text scrapes are split (aggregator pages), stripped of furniture by :mod:`.scrape` and read
for metadata by :mod:`.meta`; HTML goes through :func:`newsdesk.clean.html.extract_html`;
feed entries and JSONL rows carry their own metadata, which wins over what the text says.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from newsdesk.clean import patterns as pt
from newsdesk.clean.dates import infer_day_first, normalise_iso
from newsdesk.clean.meta import (
    detect_language,
    extract_authors,
    extract_dates,
    extract_outlet,
    extract_title,
)
from newsdesk.clean.outlets import (
    Outlet,
    Registry,
    outlet_by_host,
    outlet_by_name,
    outlet_from_host_unknown,
)
from newsdesk.clean.scrape import Scraped, clean_segment
from newsdesk.clean.shapes import split_lines
from newsdesk.clean.split import split_page
from newsdesk.errors import InputError
from newsdesk.model import Article, Page, Removed, Source
from newsdesk.settings import DEFAULT, Settings

LineScorer = Callable[[Sequence[str]], list[float]]


@cache
def default_scorer() -> LineScorer | None:
    """Return the learned line classifier, or None when its model is not installed."""
    try:
        from newsdesk.clean.lines import score_lines

        score_lines(["A line of text to load the model."])
    except (ImportError, OSError):
        return None
    scorer: LineScorer = score_lines
    return scorer


def clean_page(
    page: Page,
    registry: Registry | None = None,
    settings: Settings = DEFAULT,
    scorer: LineScorer | None = None,
    page_id: str | None = None,
) -> list[Article]:
    """Return the articles of ``page``; raise InputError when it holds none.

    ``page_id`` is ``page.id`` when the caller has it already (hashing a page is not free).

    >>> page = Page("p.txt", "text", "Harbour Bridge Reopens\\n\\nThe harbour bridge reopened on Monday after three weeks of repairs, the mayor said.", 0, 98)
    >>> [a.title for a in clean_page(page, scorer=None)]
    ['Harbour Bridge Reopens']
    """
    if page.kind == "text":
        articles = clean_text_page(
            page, registry, settings, scorer if scorer is not None else default_scorer(), page_id
        )
    elif page.kind == "html":
        articles = [clean_html_page(page, registry, page_id)]
    elif page.kind == "feed":
        articles = [clean_feed_entry(page, registry)]
    else:
        articles = [clean_jsonl_row(page, registry)]
    articles = [a for a in articles if a.text.strip()]
    if not articles:
        where = f" (record {page.record})" if page.record else ""
        raise InputError(page.path, f"no article text found{where}")
    return articles


def clean_text_page(
    page: Page,
    registry: Registry | None,
    settings: Settings,
    scorer: LineScorer | None,
    page_id: str | None = None,
) -> list[Article]:
    """Return the articles of a text scrape: split, clean and read each segment."""
    lines = split_lines(page.text)
    segments, how = split_page(lines, settings.min_article_words)
    single = len(segments) == 1
    page_texts = [line.text for line in lines]
    # Numeric dates follow the page template, not each card's outlet: read them page-wide.
    day_first = infer_day_first(page_texts, None)
    # Score the page once: the classifier reads lines by their neighbours on the whole page.
    page_scores = scorer(page_texts) if scorer else None
    articles = []
    for n, (lo, hi) in enumerate(segments):
        seg = lines[lo:hi]
        scores = page_scores[lo:hi] if page_scores is not None else None
        scraped = clean_segment(
            seg,
            scores,
            settings.body_threshold,
            lambda t: outlet_by_name(t, registry) is not None,
            fallback=how != "dateline",
        )
        if not scraped.pieces:
            continue
        start = seg[0].start if n else 0
        end = lines[segments[n + 1][0]].start if n + 1 < len(segments) else len(page.text)
        articles.append(
            _scraped_article(
                page, scraped, page_texts, single, day_first, registry, (start, end), page_id
            )
        )
    return articles


def _scraped_article(
    page: Page,
    scraped: Scraped,
    page_texts: list[str],
    single: bool,
    day_first: bool | None,
    registry: Registry | None,
    span: tuple[int, int],
    page_id: str | None = None,
) -> Article:
    text = "\n\n".join(page.text[s:e] for s, e in scraped.pieces)
    header = [(line, role) for line, role in scraped.header]
    # Outlets name themselves in furniture (footers, paywall notices), not in the body.
    furniture = [page.text[r.start : r.end] for r in scraped.removed]
    outlet = _hinted_outlet(page, registry) or extract_outlet(header, furniture, registry, single)
    name, country, tz = _outlet_fields(outlet)
    if day_first is None and single:
        day_first = infer_day_first([], country)
    opening = scraped.first_body.text if scraped.first_body else None
    if opening and scraped.dateline:
        opening = None  # the glued dateline already dated the article
    published, updated = extract_dates(
        header, scraped.dateline, opening, tz, day_first, page.hints.get("fetched")
    )
    hints = page.hints
    base = page.start
    page_id = page_id or page.id  # a hash of the page text, computed on each access
    title = hints.get("title") or extract_title(header)
    reasons = {"names": "byline", "title-dup": "title", "not-body": "not-body"}

    def reason(r: Removed) -> str:
        if title and r.reason in {"not-body", "title-dup"} and page.text[r.start : r.end] == title:
            return "title"  # read as the headline, then dropped from the body
        return reasons.get(r.reason, r.reason)

    return Article(
        id=Article.make_id(page_id, base + span[0], base + span[1]),
        source=Source(page.path, base + span[0], base + span[1], page.url, page.record),
        text=text,
        outlet=name,
        outlet_country=country,
        title=title,
        authors=_people(hints.get("authors")) or tuple(extract_authors(header)),
        published=normalise_iso(hints.get("published"), tz)
        or (published.iso() if published else None),
        updated=normalise_iso(hints.get("updated"), tz) or (updated.iso() if updated else None),
        language=detect_language(text),
        partial=scraped.partial or _looks_truncated(text),
        removed=tuple(Removed(base + r.start, base + r.end, reason(r)) for r in scraped.removed),
        page=page_id,
    )


def _people(names: object) -> tuple[str, ...]:
    """Return the person names among stated authors ("Reuters staff", "agencies" dropped)."""
    if not isinstance(names, (list, tuple)):
        return ()
    return tuple(
        n.strip()
        for n in names
        if isinstance(n, str) and n.strip() and not pt.NOT_PERSON_RE.search(n)
    )


def _looks_truncated(text: str) -> bool:
    tail = text.rstrip()
    return tail.endswith(("...", "…", "[…]", "[...]")) or tail.lower().endswith(
        ("read more", "continue reading")
    )


def _hinted_outlet(page: Page, registry: Registry | None) -> Outlet | str | None:
    hint = page.hints.get("outlet")
    if isinstance(hint, str) and hint.strip():
        return outlet_by_name(hint, registry) or hint.strip()
    for url in (page.url, page.hints.get("site")):
        if url:
            known = outlet_by_host(url, registry)
            if known:
                return known
    return None


def _outlet_fields(outlet: Outlet | str | None) -> tuple[str | None, str | None, str | None]:
    if isinstance(outlet, Outlet):
        return outlet.name, outlet.country, outlet.tz
    return outlet, None, None


def _whole_page_article(
    page: Page,
    text: str,
    fields: dict[str, Any],
    registry: Registry | None,
    page_id: str | None = None,
) -> Article:
    outlet = fields.pop("outlet")
    name, country, tz = _outlet_fields(outlet)
    page_id = page_id or page.id  # a hash of the page text, computed on each access
    return Article(
        id=Article.make_id(page_id, page.start, page.end),
        source=Source(
            page.path, page.start, page.end, fields.pop("url", None) or page.url, page.record
        ),
        text=text,
        outlet=name,
        outlet_country=country,
        published=normalise_iso(fields.pop("published"), tz),
        updated=normalise_iso(fields.pop("updated"), tz),
        language=fields.pop("language", None) or detect_language(text),
        page=page_id,
        **fields,
    )


def clean_html_page(page: Page, registry: Registry | None, page_id: str | None = None) -> Article:
    """Return the article of an HTML page (a file or a WARC record)."""
    from newsdesk.clean.html import extract_html

    ex = extract_html(page.text, page.url)
    outlet: Outlet | str | None = _hinted_outlet(page, registry)
    url = ex.url or page.url
    if outlet is None and url:
        outlet = outlet_by_host(url, registry)
    if outlet is None and ex.sitename:
        outlet = outlet_by_name(ex.sitename, registry) or ex.sitename
    if outlet is None and url:
        outlet = outlet_from_host_unknown(url, registry)
    fields: dict[str, Any] = {
        "outlet": outlet,
        "title": ex.title,
        "authors": _people(ex.authors),
        "published": ex.published,
        "updated": ex.updated,
        "language": ex.language,
        "partial": ex.partial,
        "url": url,
    }
    return _whole_page_article(page, ex.text, fields, registry, page_id)


def clean_feed_entry(page: Page, registry: Registry | None) -> Article:
    """Return the article of one RSS/Atom entry from its own content and fields."""
    return _stated_article(page, fragment_text(page.text), registry)


def clean_jsonl_row(page: Page, registry: Registry | None) -> Article:
    """Return the article of one JSONL row: its fields as given, its text as given."""
    return _stated_article(page, page.text.strip(), registry)


def _stated_article(page: Page, text: str, registry: Registry | None) -> Article:
    """Return an article whose metadata the input states (feed entry fields, JSONL keys)."""
    h = page.hints
    outlet = _hinted_outlet(page, registry)
    if outlet is None and page.url:
        outlet = outlet_from_host_unknown(page.url, registry)
    fields: dict[str, Any] = {
        "outlet": outlet,
        "title": h.get("title"),
        "authors": _people(h.get("authors")),
        "published": h.get("published"),
        "updated": h.get("updated"),
        "language": h.get("language"),
        "partial": bool(h.get("partial")) or _looks_truncated(text),
    }
    return _whole_page_article(page, text, fields, registry)


def fragment_text(fragment: str) -> str:
    """Return the plain text of an HTML fragment, one paragraph per block element.

    >>> fragment_text("<p>One &amp; two.</p><p>Three <b>four</b>.</p><script>x()</script>")
    'One & two.\\n\\nThree four.'
    """
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//iframe|//figure//figcaption"):
        bad.drop_tree()
    blocks = root.xpath(".//p|.//li|.//h2|.//h3|.//h4|.//blockquote|.//pre")
    texts = (
        [" ".join(b.text_content().split()) for b in blocks]
        if blocks
        else [" ".join(root.text_content().split())]
    )
    return "\n\n".join(t for t in texts if t)
