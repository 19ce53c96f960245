"""Stories: the home page (list, filters, pages), the story page, and /api/stories."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsdesk.export import article_to_contract, story_to_contract
from newsdesk.store import StorySummary
from newsdesk.web.deps import MAX_PAGE_SIZE, PAGE_SIZE, StoreDep, get_templates
from newsdesk.web.openapi import ERRORS, describe_json
from newsdesk.web.queries import (
    list_filter_options,
    load_story,
    load_story_articles,
    parse_country,
    parse_day,
)
from newsdesk.web.story_view import build_story_view
from newsdesk.web.views import format_date_span

router = APIRouter()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
Day = Annotated[str | None, Query(max_length=40, description="ISO date, e.g. 2025-07-03")]
Text = Annotated[str | None, Query(max_length=200)]


def _summaries(
    store: StoreDep,
    limit: int,
    offset: int,
    since: str | None,
    until: str | None,
    outlet: str | None,
    country: str | None,
) -> tuple[list[StorySummary], int]:
    return store.list_stories(
        limit=limit,
        offset=offset,
        since=parse_day(since, "since"),
        until=parse_day(until, "until"),
        outlet=outlet or None,
        country=parse_country(country),
    )


@router.get("/", response_class=HTMLResponse, tags=["pages"], responses=ERRORS)
def home_page(
    request: Request,
    store: StoreDep,
    since: Day = None,
    until: Day = None,
    outlet: Text = None,
    country: Text = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """Show stories newest first, with filters and pages."""
    items, total = _summaries(
        store, PAGE_SIZE, (page - 1) * PAGE_SIZE, since, until, outlet, country
    )
    filters = {
        k: v
        for k, v in {"since": since, "until": until, "outlet": outlet, "country": country}.items()
        if v
    }
    pages = max(1, -(-total // PAGE_SIZE))
    outlets, countries = list_filter_options(store)
    return get_templates().TemplateResponse(
        request,
        "home.html",
        {
            "stories": items,
            "total": total,
            "page": page,
            "pages": pages,
            "filters": filters,
            "outlets": outlets,
            "countries": countries,
            "articles": store.count("articles"),
            "format_date_span": format_date_span,
            "page_link": lambda n: "/?" + urlencode({**filters, "page": n}),
        },
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse, tags=["pages"], responses=ERRORS)
def story_page(request: Request, store: StoreDep, story_id: str) -> HTMLResponse:
    """Show one story: cited brief, disputed claims side by side, quotes, timeline, coverage."""
    story = load_story(store, story_id)
    articles = load_story_articles(store, story.articles)
    return get_templates().TemplateResponse(
        request, "story.html", {"v": build_story_view(story, articles)}
    )


def _summary_fields(s: StorySummary) -> dict[str, Any]:
    return {
        "outlets": list(s.outlets),
        "countries": list(s.countries),
        "disputed": s.disputed,
        "first_date": s.first_date,
        "last_date": s.last_date,
    }


@router.get("/api/stories", tags=["api"], responses={200: describe_json("StoryPage"), **ERRORS})
def list_stories_api(
    store: StoreDep,
    limit: Limit = PAGE_SIZE,
    offset: Offset = 0,
    since: Day = None,
    until: Day = None,
    outlet: Text = None,
    country: Text = None,
) -> dict[str, Any]:
    """Return a page of stories, newest first, in the export contract's shape."""
    summaries, total = _summaries(store, limit, offset, since, until, outlet, country)
    items = []
    for s in summaries:
        story = store.get_story(s.id)
        if story is not None:
            items.append({**story_to_contract(story), **_summary_fields(s)})
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get(
    "/api/stories/{story_id}", tags=["api"], responses={200: describe_json("Story"), **ERRORS}
)
def get_story_api(store: StoreDep, story_id: str) -> dict[str, Any]:
    """Return one story in the export contract's shape."""
    story = load_story(store, story_id)
    return story_to_contract(story)


@router.get(
    "/api/stories/{story_id}/articles",
    tags=["api"],
    responses={200: describe_json("ArticlePage"), **ERRORS},
)
def list_story_articles_api(
    store: StoreDep, story_id: str, limit: Limit = PAGE_SIZE, offset: Offset = 0
) -> dict[str, Any]:
    """Return a page of one story's articles in the export contract's shape."""
    story = load_story(store, story_id)
    ids = list(story.articles)
    page = store.articles(ids=ids[offset : offset + limit])
    return {
        "items": [article_to_contract(a) for a in page],
        "total": len(ids),
        "limit": limit,
        "offset": offset,
    }
