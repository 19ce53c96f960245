"""Search: full-text search over articles (SQLite FTS5) and quotes, as a page and /api/search."""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsdesk.export import article_to_contract
from newsdesk.web.deps import MAX_PAGE_SIZE, PAGE_SIZE, StoreDep, get_templates
from newsdesk.web.openapi import ERRORS, describe_json
from newsdesk.web.queries import clean_query, count_search
from newsdesk.web.views import Segment, Span, split_segments

router = APIRouter()

SNIPPET_CHARS = 120  # characters either side of the first hit


def mark_snippet(text: str, q: str) -> list[Segment]:
    """Return a window of ``text`` around the first query term, every term in it marked.

    >>> [(s.text, s.css) for s in mark_snippet("The bridge vote passed.", "vote")]
    [('The bridge ', ''), ('vote', 'hit'), (' passed.', '')]
    """
    terms = [re.escape(t) for t in q.split() if t.strip()]
    if not terms:
        return [Segment(text[: 2 * SNIPPET_CHARS])]
    pattern = re.compile(r"\b(?:" + "|".join(terms) + r")\b", re.IGNORECASE)
    first = pattern.search(text)
    at = first.start() if first else 0
    lo, hi = max(0, at - SNIPPET_CHARS), min(len(text), at + SNIPPET_CHARS)
    window = text[lo:hi]
    spans = [Span(m.start(), m.end(), "hit") for m in pattern.finditer(window)]
    segments = split_segments(window, spans)
    if lo > 0:
        segments.insert(0, Segment("… "))
    if hi < len(text):
        segments.append(Segment(" …"))
    return segments


@router.get("/search", response_class=HTMLResponse, tags=["pages"], responses=ERRORS)
def search_page(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """Show articles and quotes matching ``q``."""
    q = clean_query(q)
    offset = (page - 1) * PAGE_SIZE
    hits = store.search_articles(q, PAGE_SIZE, offset) if q.strip() else []
    total = count_search(store, q) if q.strip() else 0
    quotes = store.search_quotes(q) if q.strip() and page == 1 else []
    return get_templates().TemplateResponse(
        request,
        "search.html",
        {
            "q": q,
            "hits": [(a, mark_snippet(a.text, q)) for a, _ in hits],
            "quotes": quotes,
            "total": total,
            "page": page,
            "pages": max(1, -(-total // PAGE_SIZE)),
            "page_link": lambda n: "/search?" + urlencode({"q": q, "page": n}),
        },
    )


@router.get("/api/search", tags=["api"], responses={200: describe_json("SearchPage"), **ERRORS})
def search_api(
    store: StoreDep,
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="words to find (all must occur)")
    ],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Return articles matching ``q`` (best first, with a snippet) and matching quotes."""
    q = clean_query(q)
    hits = store.search_articles(q, limit, offset)
    return {
        "items": [{"article": article_to_contract(a), "snippet": snip} for a, snip in hits],
        "total": count_search(store, q),
        "limit": limit,
        "offset": offset,
        "quotes": store.search_quotes(q, limit) if offset == 0 else [],
    }
