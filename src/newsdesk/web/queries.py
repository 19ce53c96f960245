"""Small reads the web pages need that the Store does not offer (yet): filter options, hit counts.

They use the Store's connection read-only; if the store grows these, they move there.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Sequence

from fastapi import HTTPException

from newsdesk.export import singleton_story
from newsdesk.model import Article, Source, Story
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


def load_story_articles(store: Store, ids: Sequence[str]) -> list[Article]:
    """Return the articles ``ids`` without annotations or removed pieces, in ``ids`` order.

    The story page shows text, outlet, dates and links only; skipping the annotation JSON
    makes a 200-article story several times faster to read.
    """
    found: dict[str, Article] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        rows = store.conn.execute(
            'SELECT id, path, start, "end", url, record, outlet, outlet_country, title, published, updated, '
            "language, text, partial, story, duplicate_of, derived_from FROM articles "
            f"WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        for r in rows:
            found[r["id"]] = Article(
                id=r["id"],
                source=Source(r["path"], r["start"], r["end"], r["url"], r["record"]),
                text=r["text"],
                outlet=r["outlet"],
                outlet_country=r["outlet_country"],
                title=r["title"],
                published=r["published"],
                updated=r["updated"],
                language=r["language"],
                partial=bool(r["partial"]),
                story=r["story"],
                duplicate_of=r["duplicate_of"],
                derived_from=tuple(json.loads(r["derived_from"] or "[]")),
            )
    return [found[i] for i in ids if i in found]


def load_article(store: Store, article_id: str) -> Article:
    """Return the article ``article_id`` or answer 404."""
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article


# Filter options per database, with the newest article seq they were read at: the countries
# query scans every article, too slow to repeat on each home page of a large store.
_OPTIONS: dict[str, tuple[int, list[str], list[str]]] = {}


def list_filter_options(store: Store) -> tuple[list[str], list[str]]:
    """Return every outlet name and outlet country code in the store, sorted."""
    newest = int(store.conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0])
    known = _OPTIONS.get(store.path)
    if known is not None and known[0] == newest:
        return known[1], known[2]
    outlets = [
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
        )
    ]
    countries = [
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT outlet_country FROM articles WHERE outlet_country IS NOT NULL ORDER BY outlet_country"
        )
    ]
    _OPTIONS[store.path] = (newest, outlets, countries)
    return outlets, countries


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
