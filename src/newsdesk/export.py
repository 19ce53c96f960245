"""Write the store out: the JSON contract (``newsdesk.export/1``), CSV and Markdown for people.

The JSON shapes here are also the web API's, so the two never drift apart.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from newsdesk.model import Article, Story, to_dict
from newsdesk.store import Store

SCHEMA_ID = "newsdesk.export/1"


def article_to_contract(article: Article) -> dict[str, Any]:
    """Return one article in the export contract's shape.

    >>> from newsdesk.model import Source
    >>> d = article_to_contract(Article(id="a", source=Source("p.txt", 0, 4), text="Body"))
    >>> d["story"], d["duplicate_of"], d["source"]["path"]
    ('a', None, 'p.txt')
    """
    ann = article.annotations
    out: dict[str, Any] = {
        "id": article.id,
        "source": {
            "path": article.source.path,
            "start": article.source.start,
            "end": article.source.end,
            "url": article.source.url,
        },
        "outlet": article.outlet,
        "outlet_country": article.outlet_country,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "updated": article.updated,
        "language": article.language,
        "partial": article.partial,
        "text": article.text,
        # Until stories exist an article is its own story (contract: story is required).
        "story": article.story or article.id,
        "derived_from": list(article.derived_from),
        "duplicate_of": article.duplicate_of,
    }
    if article.source.record:
        out["source"]["record"] = article.source.record
    if ann is not None:
        out["annotations"] = to_dict(ann)
    return out


def _cites(cites: Iterable[Any]) -> list[dict[str, Any]]:
    return [{"article": c.article, "quote": c.quote} for c in cites]


def story_to_contract(story: Story) -> dict[str, Any]:
    """Return one story in the export contract's shape."""
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "origins": story.origins,
        "brief": [{"text": b.text, "cites": _cites(b.cites)} for b in story.brief],
        "quotes": [
            {
                "speaker": q.speaker,
                "text": q.text,
                "variants": [{"text": v.text, "cites": _cites(v.cites)} for v in q.variants],
            }
            for q in story.quotes
        ],
        "claims": [
            {
                "text": c.text,
                "status": c.status,
                "independent_sources": c.independent_sources,
                "positions": [
                    {"value": p.value, "cites": _cites(p.cites), "origins": p.origins}
                    for p in c.positions
                ],
                **({"slot": c.slot} if c.slot else {}),
            }
            for c in story.claims
        ],
        "timeline": [
            {"when": t.when, "text": t.text, "cites": _cites(t.cites)} for t in story.timeline
        ],
    }


def singleton_story(article: Article) -> Story:
    """Return the one-article story an article forms before linking has run."""
    return Story(
        id=article.id, title=article.title or article.text[:80], articles=(article.id,), origins=1
    )


def build_export(articles: Sequence[Article], stories: Sequence[Story]) -> dict[str, Any]:
    """Return the whole export document for ``articles`` and their ``stories``."""
    known = {s.id for s in stories}
    extra = [singleton_story(a) for a in articles if (a.story or a.id) not in known]
    return {
        "schema": SCHEMA_ID,
        "articles": [article_to_contract(a) for a in articles],
        "stories": [story_to_contract(s) for s in [*stories, *extra]],
    }


def export_json(store: Store) -> dict[str, Any]:
    """Return the export document of everything in ``store``."""
    return build_export(store.articles(), store.stories())


@cache
def contract_schema() -> dict[str, Any]:
    """Return the JSON schema this export follows (a copy ships with the package)."""
    text = (
        resources.files("newsdesk").joinpath("data/export.schema.json").read_text(encoding="utf-8")
    )
    return dict(json.loads(text))


CSV_FIELDS = [
    "id",
    "story",
    "outlet",
    "outlet_country",
    "title",
    "authors",
    "published",
    "updated",
    "language",
    "partial",
    "duplicate_of",
    "derived_from",
    "path",
    "start",
    "end",
    "url",
    "words",
    "text",
]


def export_csv(articles: Sequence[Article]) -> str:
    """Return one CSV row per article (authors and derived_from joined with '; ')."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    for a in articles:
        w.writerow(
            {
                "id": a.id,
                "story": a.story or a.id,
                "outlet": a.outlet,
                "outlet_country": a.outlet_country,
                "title": a.title,
                "authors": "; ".join(a.authors),
                "published": a.published,
                "updated": a.updated,
                "language": a.language,
                "partial": int(a.partial),
                "duplicate_of": a.duplicate_of,
                "derived_from": "; ".join(a.derived_from),
                "path": a.source.path,
                "start": a.source.start,
                "end": a.source.end,
                "url": a.source.url,
                "words": len(a.text.split()),
                "text": a.text,
            }
        )
    return buf.getvalue()


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")


def export_markdown(articles: Sequence[Article], stories: Sequence[Story]) -> str:
    """Return a readable Markdown digest: each story's brief, disputes, quotes, then its articles."""
    by_id = {a.id: a for a in articles}
    known = {s.id for s in stories}
    all_stories = [
        *stories,
        *(singleton_story(a) for a in articles if (a.story or a.id) not in known),
    ]
    lines: list[str] = ["# newsdesk export", ""]
    for s in all_stories:
        members = [by_id[i] for i in s.articles if i in by_id]
        lines += [f"## {_md_escape(s.title)}", ""]
        lines.append(
            f"*{len(members)} article(s), {s.origins or len(members)} independent origin(s)*"
        )
        lines.append("")
        for b in s.brief:
            lines.append(f"- {_md_escape(b.text)}")
        if s.brief:
            lines.append("")
        disputed = [c for c in s.claims if c.status == "disputed"]
        if disputed:
            lines += ["### Disputed", ""]
            for c in disputed:
                sides = "; ".join(f"{p.value} ({len(p.cites)} cite(s))" for p in c.positions)
                lines.append(f"- {_md_escape(c.text)} — {_md_escape(sides)}")
            lines.append("")
        if s.quotes:
            lines += ["### Who said what", ""]
            for q in s.quotes:
                lines.append(
                    f"- **{_md_escape(q.speaker or 'unknown')}**: “{_md_escape(q.text)}” ({len(q.variants)} wording(s))"
                )
            lines.append("")
        lines += ["### Articles", ""]
        for a in members:
            when = a.published or "undated"
            lines.append(
                f"- {_md_escape(a.outlet or 'unknown outlet')}, {when}: {_md_escape(a.title or '(untitled)')}"
            )
        lines.append("")
    return "\n".join(lines)
