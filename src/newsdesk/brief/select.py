"""Choose brief sentences by coverage of what several independent outlets report.

Concepts are stemmed content words and word pairs. A concept's weight is the number of
independent origins that use it (plus a bonus when a headline uses it); concepts only one
origin uses weigh nothing, so the brief favours corroborated content. Sentences are picked
greedily by the weight of concepts not yet covered, divided by a power of their length, so
the brief covers much without saying anything twice (the redundancy side of MMR is the
"not yet covered"). Another outlet's paraphrase of a chosen sentence shares few concepts
with it but says the same, so a sentence's gain also shrinks with its highest similarity
to the chosen ones.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from newsdesk.compare.text import STOP, Unit, is_truncated, stem, tokenize
from newsdesk.settings import Settings


def extract_concepts(text: str) -> frozenset[str]:
    """Return the concepts of ``text``: content-word stems and word pairs.

    >>> sorted(extract_concepts("Trump called Putin"))
    ['call', 'call putin', 'putin', 'trump', 'trump call']
    """
    toks = [stem(t) for t in tokenize(text)]
    concepts = {t for t in toks if t not in STOP and len(t) > 1}
    for a, b in itertools.pairwise(toks):
        if a not in STOP or b not in STOP:
            concepts.add(f"{a} {b}")
    return frozenset(concepts)


def weigh_concepts(
    units: Sequence[Unit],
    unit_concepts: Sequence[frozenset[str]],
    origin_ids: Sequence[str],
    titles: Sequence[str],
    settings: Settings,
) -> dict[str, float]:
    """Return concept -> weight: independent origins using it, plus a headline bonus."""
    by_origin: dict[str, set[str]] = {}
    for u, cs in zip(units, unit_concepts, strict=True):
        by_origin.setdefault(origin_ids[u.article], set()).update(cs)
    counts: dict[str, float] = {}
    for used in by_origin.values():
        for c in used:
            counts[c] = counts.get(c, 0.0) + 1.0
    for title in titles:
        for c in extract_concepts(title):
            if c in counts:
                counts[c] += settings.brief_title_weight
    floor = settings.brief_concept_origins if len(by_origin) > 1 else 1
    return {c: w for c, w in counts.items() if w >= floor}


def _words(text: str) -> int:
    return len(text.split())


def select_units(
    units: Sequence[Unit],
    origin_ids: Sequence[str],
    titles: Sequence[str],
    settings: Settings,
    budget: int | None = None,
    sim: np.ndarray | None = None,
) -> list[int]:
    """Return indices of the units to use as brief sentences, most important first.

    ``origin_ids[i]`` is the origin of article ``i``; ``budget`` (words) defaults to
    ``settings.brief_max_words``; ``sim`` (unit by unit similarity) scales a sentence's
    gain down by ``settings.brief_redundancy`` x its highest similarity to those chosen.
    Stops at the budget or ``brief_max_sentences``, and gives at least
    ``brief_min_sentences`` when there are enough sentences.

    >>> us = [Unit(0, 0, 0, 1, "Rain hit Paris on Monday."), Unit(0, 1, 0, 1, "Cafes shut."),
    ...       Unit(1, 0, 0, 1, "Heavy rain hit Paris on Monday night.")]
    >>> select_units(us, ["a", "b"], [], Settings(), budget=8)
    [0, 2, 1]
    """
    budget = settings.brief_max_words if budget is None else budget
    concepts = [extract_concepts(u.text) for u in units]
    weight = weigh_concepts(units, concepts, origin_ids, titles, settings)
    covered: set[str] = set()
    chosen: list[int] = []
    words = 0
    left = set(range(len(units)))

    def gain(i: int) -> tuple[float, int]:
        g = sum(weight.get(c, 0.0) for c in concepts[i] - covered)
        g /= max(1, _words(units[i].text)) ** settings.brief_length_power
        if is_truncated(units[i].text):
            g *= settings.brief_truncated_factor
        if sim is not None and chosen:
            g *= max(0.0, 1.0 - settings.brief_redundancy * float(sim[i, chosen].max()))
        # Ties (e.g. nothing left to cover) go to the earlier sentence: leads matter.
        return g, -units[i].index

    while left and len(chosen) < settings.brief_max_sentences:
        if words >= budget and len(chosen) >= settings.brief_min_sentences:
            break
        best = max(sorted(left), key=gain)
        chosen.append(best)
        left.discard(best)
        covered |= concepts[best]
        words += _words(units[best].text)
    return chosen
