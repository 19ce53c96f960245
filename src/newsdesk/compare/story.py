"""Compare a story's articles: group quotes across outlets, align claims, decide status."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from newsdesk.compare.align import split_and_compare
from newsdesk.compare.claims import build_claims
from newsdesk.compare.quotes import build_quotes
from newsdesk.model import Article, Story
from newsdesk.settings import Settings


def compare_story(
    story: Story, articles: Sequence[Article], origins: Mapping[str, str], settings: Settings
) -> Story:
    """Return ``story`` with its quotes and claims filled.

    ``origins`` maps article id to origin id (a copy or rewrite shares its original's);
    an article missing from it is its own origin. Works without annotations (rule-based
    dates, numbers and quotes) and gets better with them (canonical names and speakers).

    >>> from newsdesk.model import Source
    >>> s = Source("p", 0, 1)
    >>> arts = [Article(id=i, source=s, text=t, published="2025-07-04") for i, t in [
    ...     ("a", "The mayor of Springfield opened the new bridge on July 3."),
    ...     ("b", "The mayor of Springfield opened the new bridge on July 2.")]]
    >>> story = compare_story(Story("s", "t", ("a", "b")), arts, {"a": "a", "b": "b"}, Settings())
    >>> [(c.status, [p.value for p in c.positions]) for c in story.claims]
    [('disputed', ['2025-07-02', '2025-07-03'])]
    """
    units, sim = split_and_compare(articles)
    origin_ids = [origins.get(a.id, a.id) for a in articles]
    claims = build_claims(units, sim, articles, origin_ids, settings)
    quotes = build_quotes(articles, origins, settings)
    return dataclasses.replace(story, claims=tuple(claims), quotes=tuple(quotes))
