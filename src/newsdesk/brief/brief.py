"""Write a story's brief: a few cited sentences, disputes stated as disputes, then timeline and title."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

import numpy as np

from newsdesk.brief.compress import compress_sentence
from newsdesk.brief.select import select_units
from newsdesk.brief.timeline import build_timeline
from newsdesk.brief.titles import choose_title
from newsdesk.compare.align import split_and_compare
from newsdesk.compare.text import Unit
from newsdesk.model import Article, BriefSentence, Cite, Claim, Story
from newsdesk.settings import Settings

SUPPORT_SIMILARITY = 0.3  # another origin's sentence this similar backs a brief sentence
MAX_DISPUTES = 2  # disputes stated in the brief; the rest are in the claims
_CLAUSE_END = re.compile(r"[,;:—–]\s")


def cite_unit(article: Article, unit: Unit) -> Cite:
    """Return the cite of one sentence."""
    return Cite.from_span(article, unit.start, unit.end)


def find_support(
    i: int, units: Sequence[Unit], sim: np.ndarray, origin_ids: Sequence[str]
) -> list[int]:
    """Return the best-matching sentence of every other origin that backs unit ``i``."""
    own = origin_ids[units[i].article]
    best: dict[str, tuple[float, int]] = {}
    for hit in np.nonzero(sim[i] >= SUPPORT_SIMILARITY)[0]:
        j = int(hit)
        origin = origin_ids[units[j].article]
        if origin == own:
            continue
        if origin not in best or sim[i, j] > best[origin][0]:
            best[origin] = (float(sim[i, j]), j)
    return [j for _, j in sorted(best.values(), reverse=True)]


def shorten_cite(article: Article, cite: Cite, limit: int = 160) -> Cite:
    """Return ``cite`` cut at a clause end near ``limit`` characters (still verbatim)."""
    if cite.start is None or cite.end is None or len(cite.quote) <= limit:
        return cite
    ends = [m.start() for m in _CLAUSE_END.finditer(cite.quote, 40, limit)]
    cut = ends[-1] if ends else max(1, cite.quote.rfind(" ", 0, limit))
    return Cite.from_span(article, cite.start, cite.start + cut)


def state_dispute(claim: Claim, by_id: Mapping[str, Article]) -> BriefSentence | None:
    """Return a sentence stating ``claim`` as disputed, each side quoted and cited.

    >>> from newsdesk.model import Position, Source
    >>> a = Article(id="a", source=Source("p", 0, 1), text="It opened on July 3.", outlet="A")
    >>> b = Article(id="b", source=Source("p", 0, 1), text="It opened on July 2.", outlet="B")
    >>> c = Claim("It opened.", "disputed", 1, (Position("2025-07-03", (Cite.from_span(a, 0, 20),), 1),
    ...     Position("2025-07-02", (Cite.from_span(b, 0, 20),), 1)), "date")
    >>> state_dispute(c, {"a": a, "b": b}).text
    'Reports differ on the date: “It opened on July 3.” versus “It opened on July 2.”'
    """
    sides = []
    cites: list[Cite] = []
    for position in claim.positions[:2]:
        first = position.cites[0]
        article = by_id.get(first.article)
        if article is None:
            return None
        short = shorten_cite(article, first)
        # Outlet names stay in the cites (the reader sees them there), not in the text,
        # so every content word of the sentence comes from what it cites.
        sides.append(f"“{short.quote}”")
        cites.append(short)
        cites.extend(c for c in position.cites[1:])
    what = {"number": "number", "negation": "facts"}.get(claim.slot or "", claim.slot or "facts")
    return BriefSentence(f"Reports differ on the {what}: {' versus '.join(sides)}", tuple(cites))


def brief_story(
    story: Story, articles: Sequence[Article], origins: Mapping[str, str], settings: Settings
) -> Story:
    """Return ``story`` with its brief, timeline and title filled.

    Brief sentences are article sentences chosen for coverage of what several origins
    report (see :mod:`newsdesk.brief.select`), lightly compressed (see
    :mod:`newsdesk.brief.compress`), each cited (whole) to its own article and to the
    closest sentence of every other origin that backs it; disputed claims (from
    ``compare_story``) follow, stated as disputes with both sides cited.

    >>> from newsdesk.model import Source
    >>> s = Source("p", 0, 1)
    >>> arts = [Article(id=i, source=s, text=t) for i, t in [
    ...     ("a", "Heavy rain flooded the old town of Split on Monday. Shops closed."),
    ...     ("b", "Rain flooded the old town of Split on Monday, officials said.")]]
    >>> story = brief_story(Story("s", "", ("a", "b")), arts, {"a": "a", "b": "b"}, Settings())
    >>> [len(b.cites) for b in story.brief][:1]
    [2]
    """
    units, sim = split_and_compare(articles)
    by_id = {a.id: a for a in articles}
    origin_ids = [origins.get(a.id, a.id) for a in articles]
    titles = [a.title for a in articles if a.title]
    stated = [state_dispute(c, by_id) for c in story.claims if c.status == "disputed"]
    disputes = [b for b in stated if b is not None][:MAX_DISPUTES]
    # Disputes count toward the sentence cap; the selector fills the rest.
    room = max(settings.brief_min_sentences, settings.brief_max_sentences - len(disputes))
    # Sentences are chosen as they will read (compressed); cites keep the whole sentence.
    short = [dataclasses.replace(u, text=compress_sentence(u.text)) for u in units]
    picked = select_units(
        short, origin_ids, titles, dataclasses.replace(settings, brief_max_sentences=room), sim=sim
    )
    brief: list[BriefSentence] = []
    for i in picked:
        unit = units[i]
        cites = [cite_unit(articles[unit.article], unit)]
        cites += [
            cite_unit(articles[units[j].article], units[j])
            for j in find_support(i, units, sim, origin_ids)
        ]
        brief.append(BriefSentence(short[i].text, tuple(cites)))
    brief.extend(disputes[: max(0, settings.brief_max_sentences - len(brief))])
    timeline = build_timeline(story.claims, settings)
    title = choose_title(articles, origin_ids, story.title or (brief[0].text if brief else ""))
    return dataclasses.replace(story, brief=tuple(brief), timeline=tuple(timeline), title=title)
