"""Find disputes: the same event given different dates, the same count different values.

Values are aligned one by one, not sentence by sentence: each date or number of every
checkable sentence is compared with those of other articles by the words of its own clause
(see :mod:`newsdesk.compare.mentions`). Values whose clauses tell of the same event form a
group (one value per article); a group whose values cannot all be true is a dispute. So
"ran aground late on Wednesday" disputes "struck the reef at 11:40 p.m. on Thursday" even
when the two sentences say other things too, while "had leaked by early Friday" (a bound
on another event) disputes nothing, and "about 1,200 tonnes" agrees with "more than 1,000".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from newsdesk.compare.align import group_by_article
from newsdesk.compare.mentions import Mention, are_compatible, format_amount
from newsdesk.compare.text import Unit, content_words
from newsdesk.model import Article, Cite, Claim, Position
from newsdesk.settings import Settings

_IDF_FLOOR = 0.25
# Joining a side only adds agreement, so it asks less than opening a dispute.
_EXTEND = 0.75


def count_documents(units: Sequence[Unit]) -> tuple[dict[str, int], int]:
    """Return in how many of ``units`` each content word occurs, and how many units there are.

    >>> count_documents([Unit(0, 0, 0, 9, "Ship sank"), Unit(1, 0, 0, 9, "Ship left")])
    ({'ship': 2, 'sank': 1, 'left': 1}, 2)
    """
    df: dict[str, int] = {}
    for u in units:
        for word in dict.fromkeys(content_words(u.text)):
            df[word] = df.get(word, 0) + 1
    return df, len(units)


def compare_contexts(
    mentions: Sequence[Mention], df: Mapping[str, int] | None = None, n_docs: int = 0
) -> np.ndarray:
    """Return the cosine similarity of the mentions' clause contexts (IDF-weighted).

    ``df``/``n_docs`` give the word counts of the whole story (see :func:`count_documents`),
    so words every outlet repeats (the place, the ship) weigh little; by default the
    mentions themselves are counted.

    >>> m = lambda *ws: Mention("date", "d", 0, 1, context=tuple((w, 1.0) for w in ws))
    >>> s = compare_contexts([m("ship", "aground"), m("ship", "aground", "reef"), m("oil")])
    >>> bool(s[0, 1] > 0.5), float(s[0, 2])
    (True, 0.0)
    """
    n = len(mentions)
    if df is None:
        counts: dict[str, int] = {}
        for m in mentions:
            for word, _ in m.context:
                counts[word] = counts.get(word, 0) + 1
        df, n_docs = counts, n
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, m in enumerate(mentions):
        for word, weight in m.context:
            j = vocab.setdefault(word, len(vocab))
            rows.append(i)
            cols.append(j)
            # Little smoothing: a word in nearly every sentence tells few events apart.
            idf = math.log((1 + n_docs) / (1 + df.get(word, 0))) + _IDF_FLOOR
            vals.append(weight * idf)
    if not vocab:
        return np.zeros((n, n), dtype=np.float32)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float32)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.diags(1.0 / norms) @ x
    return np.asarray((x @ x.T).toarray(), dtype=np.float32)


def _split_positions(
    members: Sequence[int], mentions: Sequence[Mention], tolerance: float
) -> list[list[int]]:
    """Return the members grouped into values that can all be true together.

    Point values ("1,200", "about 1,200") come first, most common first; a bound ("more
    than 1,000") then joins the first position it fits, so it never opens a dispute it
    does not need.
    """
    points = [i for i in members if mentions[i].qualifier not in ("over", "under")]
    bounds = [i for i in members if i not in points]
    count: dict[str, int] = {}
    for i in points:
        count[mentions[i].value] = count.get(mentions[i].value, 0) + 1
    points.sort(key=lambda i: -count[mentions[i].value])
    positions: list[list[int]] = []
    for i in [*points, *bounds]:
        for p in positions:
            if all(are_compatible(mentions[i], mentions[j], tolerance) for j in p):
                p.append(i)
                break
        else:
            positions.append([i])
    return positions


def _extend_positions(
    split: list[list[int]],
    mentions: Sequence[Mention],
    arts: Sequence[int],
    sim: np.ndarray,
    threshold: float,
    by_value: Mapping[str, Sequence[int]],
) -> None:
    """Add to each side of a dispute the articles that give its value for the same event.

    Grouping is strict (every pair must be close), so an event told in several wordings
    splits into groups; a side then takes in, link by link, other mentions of *its own*
    value close to one of its members. Only agreement is added: no new side appears.
    """
    used = {arts[i] for p in split for i in p}
    for p in split:
        value = mentions[p[0]].value
        cands = np.array(
            [c for c in by_value.get(value, ()) if arts[c] not in used], dtype=np.int64
        )
        if not len(cands):
            continue
        close = sim[np.ix_(cands, np.asarray(p, dtype=np.int64))].max(axis=1)
        taken = np.zeros(len(cands), dtype=bool)
        while True:
            free = np.where(taken, -1.0, close)
            j = int(np.argmax(free))
            if free[j] < threshold:
                break
            c = int(cands[j])
            taken[j] = True
            if arts[c] in used:
                continue
            p.append(c)
            used.add(arts[c])
            close = np.maximum(close, sim[cands, c])


def _is_firm(mention: Mention) -> bool:
    # A bare dateline ("UPDATED: TUESDAY, MARCH 12") says of nothing what day it was.
    return not (mention.anaphoric or mention.listed) and len(mention.context) >= 2


def _opens_dispute(split: list[list[int]], mentions: Sequence[Mention]) -> bool:
    """Return whether at least two sides each hold a value read firsthand.

    A day told through another ("later that day"), a count from a list or range, or a
    value with under two context words backs a side but cannot make one on its own.
    """
    firm = [p for p in split if any(_is_firm(mentions[i]) for i in p)]
    return len(firm) >= 2


def _keep_same_fact(
    split: list[list[int]],
    mentions: Sequence[Mention],
    arts: Sequence[int],
    unit_at: Sequence[int],
    unit_sim: np.ndarray,
    origin_ids: Sequence[str],
    settings: Settings,
) -> list[list[int]]:
    """Return the sides whose sentences report the same statement as the leading side's.

    For the day of a statement similar clauses are not enough: "announced on Thursday
    that he would sign" and "announced on Friday that it would investigate" are two
    announcements. A side stays only if one of its sentences is close to one of the lead
    side's as a whole.
    """
    if len(split) < 2:
        return split
    ranked = sorted(split, key=lambda p: -len({origin_ids[arts[i]] for i in p}))
    lead = [unit_at[i] for i in ranked[0]]
    kept = [ranked[0]]
    # Counts recur across an event's sentences (points, punches, rounds): a count needs
    # sentences as close as its clauses.
    threshold = settings.dispute_similarity
    if mentions[ranked[0][0]].kind == "number":
        threshold = max(threshold, settings.number_similarity)
    for p in ranked[1:]:
        mine = [unit_at[i] for i in p]
        if float(unit_sim[np.ix_(mine, lead)].max()) >= threshold:
            kept.append(p)
    return kept


def _position_value(group: Sequence[int], mentions: Sequence[Mention]) -> str:
    first = mentions[group[0]]
    if first.kind == "date" or first.qualifier not in ("over", "under"):
        return first.value
    sign = ">" if first.qualifier == "over" else "<"
    return f"{sign}{format_amount(first.amount)} {first.unit}".strip()


def find_disputes(
    units: Sequence[Unit],
    unit_of: Sequence[int],
    mentions: Sequence[Mention],
    articles: Sequence[Article],
    origin_ids: Sequence[str],
    unit_sim: np.ndarray,
    settings: Settings,
) -> tuple[list[Claim], set[int]]:
    """Return a disputed claim for each event whose outlets give values that clash.

    ``mentions[k]`` was read from ``units[unit_of[k]]``; ``origin_ids[i]`` is the origin of
    ``articles[i]``; ``unit_sim`` is the sentence similarity matrix of ``units``. Each
    position cites the whole sentences that give its value and counts
    their origins; a copy agreeing with its original counts once, and an article that does
    not give the value (a preview, a brief) is in no position.

    Also returns the units a dispute states in full: those whose disputed value sits in
    their main clause (the sentence is about that event, not only mentions it).
    """
    claims: list[Claim] = []
    covered: set[int] = set()
    seen: set[frozenset[tuple[str, str, int | None]]] = set()
    df, n_docs = count_documents(units)
    for kind in ("date", "number"):
        ks = [k for k, m in enumerate(mentions) if m.kind == kind]
        if len(ks) < 2:
            continue
        sub = [mentions[k] for k in ks]
        sim = compare_contexts(sub, df, n_docs)
        # Values of other units, or a plan against a fact, are never one value.
        if kind == "number":
            codes = {u: n for n, u in enumerate(dict.fromkeys(m.unit for m in sub))}
            kinds = np.array([codes[m.unit] for m in sub])
            threshold = settings.number_similarity
        else:
            kinds = np.array([2 * m.planned + m.telling for m in sub], dtype=np.int64)
            threshold = settings.slot_similarity
        sim = np.where(np.equal.outer(kinds, kinds), sim, 0.0)
        arts = [units[unit_of[k]].article for k in ks]
        by_value: dict[str, list[int]] = {}
        for i, m in enumerate(sub):
            by_value.setdefault(m.value, []).append(i)
        for group in group_by_article(arts, sim, threshold):
            if len({origin_ids[arts[i]] for i in group}) < 2:
                continue
            split = _split_positions(group, sub, settings.number_tolerance)
            unit_at = [unit_of[k] for k in ks]
            first = sub[group[0]]
            # Statements and plans are many, and a count in a list or range is one of
            # several: such values need whole sentences that match, not just clauses.
            if first.telling or first.planned or kind == "number":
                split = _keep_same_fact(split, sub, arts, unit_at, unit_sim, origin_ids, settings)
            if len(split) < 2 or not _opens_dispute(split, sub):
                continue
            _extend_positions(split, sub, arts, sim, _EXTEND * threshold, by_value)
            claim = _make_dispute(split, sub, sim, unit_at, units, articles, origin_ids, kind)
            # Two values of one sentence can land in two groups: state the dispute once.
            key = frozenset(
                (p.value, c.article, c.start) for p in claim.positions[1:] for c in p.cites
            )
            if key not in seen:
                seen.add(key)
                claims.append(claim)
                covered.update(unit_at[i] for p in split for i in p if sub[i].main)
    return claims, covered


def _make_dispute(
    split: list[list[int]],
    mentions: Sequence[Mention],
    sim: np.ndarray,
    unit_of: Sequence[int],
    units: Sequence[Unit],
    articles: Sequence[Article],
    origin_ids: Sequence[str],
    kind: str,
) -> Claim:
    positions = []
    for group in split:
        # Most typical sentence first (the value in its main clause, closest to the rest):
        # the brief quotes a side by its first cite.
        order = sorted(
            group,
            key=lambda i: (not mentions[i].main, -float(sim[i, group].sum()), unit_of[i]),
        )
        seen: dict[int, None] = dict.fromkeys(unit_of[i] for i in order)
        cites = tuple(
            Cite.from_span(articles[units[u].article], units[u].start, units[u].end) for u in seen
        )
        origins = len({origin_ids[units[u].article] for u in seen})
        positions.append(Position(_position_value(group, mentions), cites, origins))
    positions.sort(key=lambda p: (-p.origins, -len(p.cites), p.value))
    lead = positions[0]
    text = lead.cites[0].quote
    return Claim(text, "disputed", lead.origins, tuple(positions), kind)
