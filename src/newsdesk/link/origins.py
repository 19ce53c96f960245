"""Group articles by origin: a copy or a rewrite counts once, with its original."""

from __future__ import annotations

from collections.abc import Sequence

from newsdesk.model import Article


def group_origins(articles: Sequence[Article]) -> dict[str, str]:
    """Return article id -> origin id, following ``duplicate_of`` and ``derived_from``.

    Copies and rewrites are joined with what they copy (union-find), so articles tied
    through a shared original share one origin. The origin id is the earliest-listed
    article of the group that copies nothing itself.

    >>> from newsdesk.model import Source
    >>> s = Source("x", 0, 1)
    >>> arts = [Article(id="a", source=s, text=""),
    ...         Article(id="b", source=s, text="", duplicate_of="a"),
    ...         Article(id="c", source=s, text="", derived_from=("b",)),
    ...         Article(id="d", source=s, text="")]
    >>> group_origins(arts)
    {'a': 'a', 'b': 'a', 'c': 'a', 'd': 'd'}
    """
    parent: dict[str, str] = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[rx] = ry

    for a in articles:
        for other in (a.duplicate_of, *a.derived_from):
            if other is not None and other in parent:
                union(a.id, other)
    rank = {a.id: i for i, a in enumerate(articles)}
    roots: dict[str, str] = {}
    for a in articles:
        if a.duplicate_of is None and not a.derived_from:
            r = find(a.id)
            if r not in roots or rank[a.id] < rank[roots[r]]:
                roots[r] = a.id
    out = {}
    for a in articles:
        r = find(a.id)
        out[a.id] = roots.get(r, r)
    return out


def count_origins(articles: Sequence[Article]) -> int:
    """Return how many independent origins back these articles.

    >>> from newsdesk.model import Source
    >>> s = Source("x", 0, 1)
    >>> count_origins([Article(id="a", source=s, text=""),
    ...                Article(id="b", source=s, text="", duplicate_of="a")])
    1
    """
    return len(set(group_origins(articles).values()))
