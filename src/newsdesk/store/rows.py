"""Article rows: an :class:`~newsdesk.model.Article` as the ``articles`` table holds it, and back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from newsdesk.model import Article, Removed, from_dict, to_dict

ARTICLE_COLS = (
    'id, page, path, start, "end", url, record, outlet, outlet_country, title, authors, '
    "published, updated, language, text, partial, story, duplicate_of, derived_from, "
    "annotations, removed"
)


def article_row(a: Article) -> tuple[Any, ...]:
    """Return the ``articles`` row of ``a``, in ARTICLE_COLS order (JSON for lists)."""
    s = a.source
    return (
        a.id,
        a.page,
        s.path,
        s.start,
        s.end,
        s.url,
        s.record,
        a.outlet,
        a.outlet_country,
        a.title,
        json.dumps(list(a.authors), ensure_ascii=False),
        a.published,
        a.updated,
        a.language,
        a.text,
        int(a.partial),
        a.story,
        a.duplicate_of,
        json.dumps(list(a.derived_from)),
        json.dumps(to_dict(a.annotations), ensure_ascii=False)
        if a.annotations is not None
        else None,
        _removed_json(a.removed),
    )


def _removed_json(removed: Sequence[Removed]) -> str:
    """Return ``removed`` as ``to_dict`` would give it in JSON, without its generic walk."""
    # A text page has tens of removed spans: to_dict's per-field reflection was a tenth
    # of the time of storing an article.
    return json.dumps(
        [{"start": r.start, "end": r.end, "reason": r.reason} for r in removed],
        ensure_ascii=False,
    )


def row_article(r: sqlite3.Row) -> Article:
    """Return the article an ``articles`` row holds."""
    data: dict[str, Any] = {
        "id": r["id"],
        "page": r["page"],
        "source": {
            "path": r["path"],
            "start": r["start"],
            "end": r["end"],
            "url": r["url"],
            "record": r["record"],
        },
        "outlet": r["outlet"],
        "outlet_country": r["outlet_country"],
        "title": r["title"],
        "authors": json.loads(r["authors"]),
        "published": r["published"],
        "updated": r["updated"],
        "language": r["language"],
        "text": r["text"],
        "partial": bool(r["partial"]),
        "story": r["story"],
        "duplicate_of": r["duplicate_of"],
        "derived_from": json.loads(r["derived_from"]),
        "annotations": json.loads(r["annotations"]) if r["annotations"] else None,
        "removed": json.loads(r["removed"]),
    }
    return from_dict(Article, data)
