"""Build a story's timeline: dated events in order, each cited."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdesk.model import Claim, TimelineEntry
from newsdesk.settings import Settings

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def build_timeline(claims: Sequence[Claim], settings: Settings) -> list[TimelineEntry]:
    """Return one entry per dated claim, in date order, the best-sourced kept.

    A claim whose date is disputed is placed at the date most origins give, and says so.

    >>> from newsdesk.model import Article, Cite, Position, Source
    >>> a = Article(id="a", source=Source("p", 0, 1), text="The bridge opened on July 3.")
    >>> c = Claim("The bridge opened on July 3.", "single-source", 1,
    ...           (Position("2025-07-03", (Cite.from_span(a, 0, 28),), 1),))
    >>> [(e.when, e.text) for e in build_timeline([c], Settings())]
    [('2025-07-03', 'The bridge opened on July 3.')]
    """
    entries: list[tuple[int, int, TimelineEntry]] = []
    seen: set[tuple[str, str]] = set()
    for rank, claim in enumerate(claims):
        position = claim.positions[0]
        if not _DAY.match(position.value):
            continue
        text = position.cites[0].quote
        if claim.status == "disputed" and claim.slot == "date":
            text += " (date disputed)"
        key = (position.value, text)
        if key in seen:
            continue
        seen.add(key)
        entries.append(
            (-position.origins, rank, TimelineEntry(position.value, text, position.cites))
        )
    entries.sort(key=lambda e: (e[0], e[1]))
    kept = [e[2] for e in entries[: settings.timeline_max_entries]]
    return sorted(kept, key=lambda e: e.when)
