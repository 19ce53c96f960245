"""Choose a story's title among its articles' headlines."""

from __future__ import annotations

from collections.abc import Sequence

from newsdesk.brief.select import extract_concepts
from newsdesk.model import Article


def choose_title(articles: Sequence[Article], origin_ids: Sequence[str], fallback: str) -> str:
    """Return the headline that shares most with the other origins' headlines.

    Prefers complete articles to partial ones; ``fallback`` when no article has a title.

    >>> from newsdesk.model import Source
    >>> s = Source("p", 0, 1)
    >>> arts = [Article(id="a", source=s, text="", title="Storm hits Paris"),
    ...         Article(id="b", source=s, text="", title="Paris storm: cafes shut"),
    ...         Article(id="c", source=s, text="", title="Storm hits Paris, cafes shut")]
    >>> choose_title(arts, ["a", "b", "c"], "")
    'Storm hits Paris, cafes shut'
    """
    titled = [
        (a, o) for a, o in zip(articles, origin_ids, strict=True) if a.title and a.title.strip()
    ]
    if not titled:
        return fallback.strip()[:120]
    concepts = [extract_concepts(a.title or "") for a, _ in titled]

    def score(k: int) -> tuple[float, float, int]:
        article, origin = titled[k]
        shared = sum(
            len(concepts[k] & concepts[j]) for j, (_, o) in enumerate(titled) if o != origin
        )
        return (0.0 if article.partial else 1.0, shared, -k)

    best = max(range(len(titled)), key=score)
    return (titled[best][0].title or fallback).strip()
