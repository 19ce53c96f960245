"""Claims: checkable statements aligned across articles, their positions and status.

A claim is a group of aligned sentences (one per article). Outlets that give the same
value for its slot (date, number, negation) form one position; a different value is another
position. Origins are counted per position, so a copy or rewrite counts once with its
original; an article that does not mention the fact (say, a paywalled preview) is simply
not a member and never disagrees by omission.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newsdesk.compare.align import attach_leftovers, group_aligned
from newsdesk.compare.disputes import find_disputes
from newsdesk.compare.mentions import Mention, read_mentions
from newsdesk.compare.slots import Slots, is_checkable, negated_words, read_slots
from newsdesk.compare.text import Unit, content_words
from newsdesk.model import Article, Cite, Claim, ClaimStatus, Position
from newsdesk.settings import Settings


@dataclass(frozen=True)
class Member:
    """One sentence of a claim, with what it states and the origin of its article."""

    unit: int
    cite: Cite
    origin: str
    slots: Slots


def _negation_of(slots: Slots) -> str:
    return "denied" if slots.negated else "affirmed"


def _positions(
    members: Sequence[Member], value_of: Callable[[Member], str | None]
) -> list[Position]:
    by_value: dict[str, list[Member]] = {}
    for m in members:
        value = value_of(m)
        if value is not None:
            by_value.setdefault(value, []).append(m)
    positions = [
        Position(value, tuple(m.cite for m in ms), len({m.origin for m in ms}))
        for value, ms in by_value.items()
    ]
    return sorted(positions, key=lambda p: (-p.origins, -len(p.cites), p.value))


def _common_value(members: Sequence[Member]) -> str:
    """Return the value most origins of the claim state: a date, else a count, else a name."""
    best: tuple[int, int] = (0, 0)
    value = "stated"
    for rank, field in enumerate(("dates", "numbers", "names")):
        support: dict[str, set[str]] = {}
        for m in members:
            values: tuple[str, ...] = getattr(m.slots, field)
            for v in values:
                support.setdefault(v, set()).add(m.origin)
        for v, origins in support.items():
            if (len(origins), -rank) > best:
                best, value = (len(origins), -rank), v
    return value


def _representative(group: Sequence[int], sim: np.ndarray) -> int:
    if len(group) == 1:
        return group[0]
    sub = sim[np.ix_(group, group)]
    return group[int(np.argmax(sub.sum(axis=1)))]


def make_claim(
    members: Sequence[Member], units: Sequence[Unit], sim: np.ndarray, settings: Settings
) -> Claim:
    """Return the claim of one aligned group: its positions, slot and status.

    Dates and counts are compared value by value (see :mod:`newsdesk.compare.disputes`);
    here only negation splits a group, and only between near-identical sentences, since
    paraphrase flips wording.
    """
    rep = _representative([m.unit for m in members], sim)
    text = units[rep].text
    slot: str | None = None
    close = [
        m for m in members if m.unit == rep or sim[m.unit, rep] >= settings.negation_similarity
    ]
    affirmed = set().union(*(content_words(m.cite.quote) for m in close if not m.slots.negated))

    def polarity(m: Member) -> str:
        # A negation in a clause the others do not have ("..., and it is not automatic")
        # adds a fact; it denies theirs only when most of its clause is theirs too.
        if not m.slots.negated:
            return "affirmed"
        words = negated_words(m.cite.quote)
        return "denied" if words and len(words & affirmed) * 2 >= len(words) else "affirmed"

    positions = _positions(close, polarity)
    if len(positions) >= 2:
        slot = "negation"
    else:
        value = _common_value(members)
        positions = [
            Position(value, tuple(m.cite for m in members), len({m.origin for m in members}))
        ]
    status: ClaimStatus
    if len(positions) >= 2:
        status = "disputed"
        # State the claim in the words of the side most origins take.
        lead = {(c.article, c.start) for c in positions[0].cites}
        text = units[
            _representative(
                [m.unit for m in members if (m.cite.article, m.cite.start) in lead], sim
            )
        ].text
    elif positions[0].origins >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    return Claim(text, status, positions[0].origins, tuple(positions), slot)


def _split_off_denials(
    group: list[int], slots: Sequence[Slots], sim: np.ndarray, settings: Settings
) -> list[list[int]]:
    """Return ``group`` with loosely aligned sentences of the other polarity split off.

    "Brask Lines did not respond" shares words with "Brask Lines hired a salvage company"
    but states something else: it neither backs nor disputes it.
    """
    rep = _representative(group, sim)
    same = [
        i
        for i in group
        if slots[i].negated == slots[rep].negated or sim[i, rep] >= settings.negation_similarity
    ]
    rest = [[i] for i in group if i not in same]
    return [same, *rest]


_RANK = {"disputed": 0, "corroborated": 1, "single-source": 2}


def build_claims(
    units: Sequence[Unit],
    sim: np.ndarray,
    articles: Sequence[Article],
    origin_ids: Sequence[str],
    settings: Settings,
) -> list[Claim]:
    """Return the story's claims, disputed first, then by independent sources.

    ``origin_ids[i]`` is the origin of ``articles[i]``; ``sim`` is the similarity matrix
    of ``units`` (see :func:`newsdesk.compare.align.compute_similarity`). A sentence claim
    whose every sentence is mainly about a disputed value is left out (the dispute states it).
    """
    slots = [read_slots(u, articles[u.article]) for u in units]
    keep = [i for i, u in enumerate(units) if is_checkable(u, slots[i])]
    mentions: list[Mention] = []
    unit_of: list[int] = []
    for i in keep:
        found = read_mentions(units[i], articles[units[i].article])
        mentions.extend(found)
        unit_of.extend([i] * len(found))
    disputes, covered = find_disputes(units, unit_of, mentions, articles, origin_ids, sim, settings)
    claims: list[tuple[int, Claim]] = [(-1, d) for d in disputes]
    aligned_groups = attach_leftovers(
        units,
        sim,
        group_aligned(units, sim, settings.claim_similarity, keep),
        settings.claim_similarity,
    )
    for aligned in aligned_groups:
        for group in _split_off_denials(aligned, slots, sim, settings):
            members = [
                Member(
                    i,
                    Cite.from_span(articles[units[i].article], units[i].start, units[i].end),
                    origin_ids[units[i].article],
                    slots[i],
                )
                for i in group
            ]
            if all(i in covered for i in group):
                continue
            claims.append((min(group), make_claim(members, units, sim, settings)))
    claims.sort(key=lambda pair: (_RANK[pair[1].status], -pair[1].independent_sources, pair[0]))
    return [c for _, c in claims[: settings.claim_max]]
