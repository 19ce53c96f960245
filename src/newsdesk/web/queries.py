"""Small reads the web pages need that the Store does not offer (yet): filter options, hit counts.

They use the Store's connection read-only; if the store grows these, they move there.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from fastapi import HTTPException

from newsdesk.export import singleton_story
from newsdesk.model import Article, Story
from newsdesk.store import Store
from newsdesk.store.sqlite import _fts_query


def load_story(store: Store, story_id: str) -> Story:
    """Return a story; an article not linked yet is its own story; 404 otherwise."""
    story = store.get_story(story_id)
    if story is None:
        article = store.get_article(story_id)
        if article is None or (article.story not in (None, article.id)):
            raise HTTPException(404, f"no story with id {story_id!r}")
        story = singleton_story(article)
    return story


def load_article(store: Store, article_id: str) -> Article:
    """Return the article ``article_id`` or answer 404."""
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article


def list_outlets(store: Store) -> list[str]:
    """Return every outlet name in the store, sorted."""
    rows = store.conn.execute(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
    )
    return [r[0] for r in rows]


def list_countries(store: Store) -> list[str]:
    """Return every outlet country code in the store, sorted."""
    rows = store.conn.execute(
        "SELECT DISTINCT outlet_country FROM articles WHERE outlet_country IS NOT NULL ORDER BY outlet_country"
    )
    return [r[0] for r in rows]


def clean_query(q: str) -> str:
    r"""Return ``q`` with control characters turned into spaces (SQLite ends a string at NUL).

    >>> clean_query("bridge\x00vote\n")
    'bridge vote '
    """
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in q)


def count_search(store: Store, q: str) -> int:
    """Return how many articles the full-text search ``q`` matches."""
    fq = _fts_query(clean_query(q))
    if not fq:
        return 0
    row = store.conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (fq,)
    ).fetchone()
    return int(row[0])


def parse_day(value: str | None, name: str) -> str | None:
    """Return ``value`` as an ISO date, None when empty, or answer 422 naming the parameter.

    >>> parse_day("2025-07-03", "since"), parse_day("", "since")
    ('2025-07-03', None)
    """
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise HTTPException(
            422, f"{name}: expected a date like 2025-07-03, got {value[:40]!r}"
        ) from None


def parse_country(value: str | None) -> str | None:
    """Return a two-letter country code upper-cased, None when empty, or answer 422."""
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha() or not code.isascii():
        raise HTTPException(422, f"country: expected a two-letter code like GB, got {value[:40]!r}")
    return code
