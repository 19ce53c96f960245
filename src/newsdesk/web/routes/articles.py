"""Articles: the article page (highlighted text, removed furniture, source) and /api/articles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsdesk.errors import NewsdeskError
from newsdesk.export import article_to_contract
from newsdesk.model import Article
from newsdesk.web.deps import StoreDep, get_templates
from newsdesk.web.openapi import ERRORS, describe_json
from newsdesk.web.queries import load_article
from newsdesk.web.views import check_web_url, list_annotation_spans, split_segments

router = APIRouter()

Offset = Annotated[
    int | None, Query(ge=0, le=100_000_000, description="character offset into the text")
]


@dataclass(frozen=True)
class RemovedView:
    """A piece of furniture cleaning dropped: why, where, and its text when the input is readable."""

    reason: str
    start: int
    end: int
    text: str | None


def view_removed(article: Article) -> list[RemovedView]:
    """Return the removed furniture of ``article``, with text when the pipeline can re-read it."""
    texts: list[tuple[str, str]] | None = None
    try:
        from newsdesk.pipeline import removed_text  # type: ignore[attr-defined,unused-ignore]

        texts = list(removed_text(article))
    except (ImportError, NewsdeskError, OSError, UnicodeError, ValueError):
        # The input may have moved or the pipeline may not offer it: offsets still tell where.
        texts = None
    if texts is not None and len(texts) != len(article.removed):
        texts = None  # some pieces could not be re-read: pairing by position would mislabel them
    out = []
    for i, r in enumerate(article.removed):
        text = texts[i][1] if texts is not None else None
        out.append(RemovedView(r.reason, r.start, r.end, text))
    return out


@router.get("/articles/{article_id}", response_class=HTMLResponse, tags=["pages"], responses=ERRORS)
def article_page(
    request: Request, store: StoreDep, article_id: str, start: Offset = None, end: Offset = None
) -> HTMLResponse:
    """Show an article's clean text with entities, times and quotes marked; ``start``/``end`` mark a cite."""
    article = load_article(store, article_id)
    mark = (start, end) if start is not None and end is not None and start < end else None
    segments = split_segments(article.text, list_annotation_spans(article), mark)
    ann = article.annotations
    return get_templates().TemplateResponse(
        request,
        "article.html",
        {
            "a": article,
            "segments": segments,
            "marked": any(s.mark for s in segments),
            "url": check_web_url(article.source.url),
            "removed": view_removed(article),
            "counts": {
                "entities": len(ann.entities) if ann else 0,
                "times": len(ann.times) if ann else 0,
                "quotes": len(ann.quotes) if ann else 0,
            },
        },
    )


@router.get(
    "/api/articles/{article_id}", tags=["api"], responses={200: describe_json("Article"), **ERRORS}
)
def get_article_api(store: StoreDep, article_id: str) -> dict[str, Any]:
    """Return one article in the export contract's shape."""
    return article_to_contract(load_article(store, article_id))
