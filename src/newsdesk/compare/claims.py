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

from newsdesk.compare.align import group_aligned
from newsdesk.compare.slots import Slots, is_checkable, read_slots
from newsdesk.compare.text import Unit
from newsdesk.model import Article, Cite, Claim, ClaimStatus, Position
from newsdesk.settings import Settings


@dataclass(frozen=True)
class Member:
    """One sentence of a claim, with what it states and the origin of its article."""

    unit: int
    cite: Cite
    origin: str
    slots: Slots


def _single(values: tuple[str, ...]) -> str | None:
    return values[0] if len(values) == 1 else None


def _number_of(slots: Slots) -> str | None:
    # "6 km" and "4 miles" do not disagree: the unit stays part of the value.
    return _single(slots.numbers)


def _unit_of(value: str) -> str:
    return value.split(" ", 1)[1] if " " in value else ""


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


def _close_positions(
    positions: list[Position], members: Sequence[Member], sim: np.ndarray, settings: Settings
) -> list[Position]:
    """Return ``positions`` without minority sides too loosely aligned to call a dispute."""
    if len(positions) < 2:
        return positions
    unit_of = {(m.cite.article, m.cite.start): m.unit for m in members}
    lead = [unit_of[(c.article, c.start)] for c in positions[0].cites]
    kept = [positions[0]]
    for p in positions[1:]:
        mine = [unit_of[(c.article, c.start)] for c in p.cites]
        if float(sim[np.ix_(mine, lead)].max()) >= settings.dispute_similarity:
            kept.append(p)
    return kept


def _common_value(members: Sequence[Member]) -> str:
    for read in (lambda s: _single(s.dates), _number_of):
        values = {read(m.slots) for m in members} - {None}
        if len(values) == 1:
            return values.pop() or "stated"
    shared = set(members[0].slots.names)
    for m in members[1:]:
        shared &= set(m.slots.names)
    return sorted(shared)[0] if shared else "stated"


def _representative(group: Sequence[int], sim: np.ndarray) -> int:
    if len(group) == 1:
        return group[0]
    sub = sim[np.ix_(group, group)]
    return group[int(np.argmax(sub.sum(axis=1)))]


def make_claim(
    members: Sequence[Member], units: Sequence[Unit], sim: np.ndarray, settings: Settings
) -> Claim:
    """Return the claim of one aligned group: its positions, slot and status.

    The slot that varies decides the positions: first the date, then a count, then
    negation (only between near-identical sentences, since paraphrase flips wording).
    """
    rep = _representative([m.unit for m in members], sim)
    text = units[rep].text
    slot: str | None = None
    positions: list[Position] = []
    for name, value_of in (
        ("date", lambda m: _single(m.slots.dates)),
        ("number", lambda m: _number_of(m.slots)),
    ):
        found = _close_positions(_positions(members, value_of), members, sim, settings)
        if name == "number" and found:
            # Only values in the same unit disagree ("4 miles" and "6 km" may both be right).
            unit = _unit_of(found[0].value)
            found = [p for p in found if _unit_of(p.value) == unit]
        if len(found) >= 2:
            slot, positions = name, found
            break
    if slot is None:
        close = [
            m for m in members if m.unit == rep or sim[m.unit, rep] >= settings.negation_similarity
        ]
        found = _positions(close, lambda m: _negation_of(m.slots))
        if len(found) >= 2:
            slot, positions = "negation", found
    if slot is None:
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
    of ``units`` (see :func:`newsdesk.compare.align.compute_similarity`).
    """
    slots = [read_slots(u, articles[u.article]) for u in units]
    keep = [i for i, u in enumerate(units) if is_checkable(u, slots[i])]
    groups = group_aligned(units, sim, settings.claim_similarity, keep)
    claims = []
    for group in groups:
        members = [
            Member(
                i,
                Cite.from_span(articles[units[i].article], units[i].start, units[i].end),
                origin_ids[units[i].article],
                slots[i],
            )
            for i in group
        ]
        claims.append((min(group), make_claim(members, units, sim, settings)))
    claims.sort(key=lambda pair: (_RANK[pair[1].status], -pair[1].independent_sources, pair[0]))
    return [c for _, c in claims[: settings.claim_max]]
