"""Tell a rewrite of another outlet's copy by aligning sentences, not by whole-text overlap.

A rewrite paraphrases, shortens and lightly reorders its source sentence by sentence, so
few long shingles survive, yet most of its sentences each have one counterpart in the
source, mostly in the same order. Two articles that merely quote the same wire paragraphs
align only a minority of their sentences. So: each sentence becomes a set of content
terms; pairs are scored by Dice overlap; a one-to-one greedy matching keeps pairs above
the sentence threshold; the longest run of matches in the same order (a longest increasing
subsequence) over the rewrite's sentence count is the aligned share.

Independent reports of one event share more than one might think: the same official
figures, the same spokesperson lines, the same quotes, sometimes in the same house voice.
So a high aligned share is not enough; the source must also *stand out* from the story's
background: a rewrite aligns clearly better with its one source than with any other
article of the story that is not a copy or rewrite of that source
(:func:`choose_source`). Shared source material aligns about equally with many reports.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsdesk.link.features import extract_sentence_terms

MIN_SENTENCE_TERMS = 4  # shorter sentences (datelines, captions) align by chance
MIN_ALIGNED = 3  # fewer aligned sentences than this never make a rewrite

SentenceSets = list[frozenset[str]]


def sketch_sentences(text: str, sentences: list[list[str]] | None = None) -> SentenceSets:
    """Return each sentence of ``text`` as a set of content terms (short ones dropped).

    ``sentences`` are the text's terms per sentence if already extracted.

    >>> len(sketch_sentences("Rebels seized the northern town of Gao. Yes. Troops fled south."))
    1
    """
    if sentences is None:
        sentences = extract_sentence_terms(text)
    out = []
    for terms in sentences:
        unique = frozenset(terms)
        if len(unique) >= MIN_SENTENCE_TERMS:
            out.append(unique)
    return out


def overlap_terms(a: SentenceSets, b: SentenceSets) -> float:
    """Return the share of the smaller text's terms found in the other (a cheap prefilter).

    >>> overlap_terms([frozenset("ab")], [frozenset("bcd")])
    0.5
    """
    ta: frozenset[str] = frozenset().union(*a)
    tb: frozenset[str] = frozenset().union(*b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


TermMarks = tuple[int, int]  # a bitmap of an article's terms, and how many terms it has
MARK_BITS = 8192  # under 2% of the bits set for a 150-term article: few false overlaps


def mark_terms(sketch: SentenceSets) -> TermMarks:
    """Return an article's terms as a bitmap (a one-hash Bloom filter) and their count.

    Python's string hash is salted per process, so the bitmap is never stored: it is
    rebuilt from the sketch (hashes of interned term strings are cached, so this is cheap).

    >>> marks = mark_terms([frozenset("abcd"), frozenset("cdef")])
    >>> marks[1], marks[0].bit_count() <= 6
    (6, True)
    """
    terms: frozenset[str] = frozenset().union(*sketch)
    # MARK_BITS is a power of two: the mask is the (non-negative) modulo, and cheaper.
    where = np.array(list(map(hash, terms)), dtype=np.int64) & (MARK_BITS - 1)
    flags = np.zeros(MARK_BITS, dtype=np.uint8)
    flags[where] = 1  # one big int is built once; OR-ing bits in one by one copies it
    bits = int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")
    return bits, len(terms)


def may_overlap(a: TermMarks, b: TermMarks, share: float) -> bool:
    """Return whether the two articles may share ``share`` of the smaller one's terms.

    Bits set in both bound the shared terms from above (collisions only add), so no
    pair that does share them is ever turned away.

    >>> x, y = mark_terms([frozenset("abcd")]), mark_terms([frozenset("wxyz")])
    >>> may_overlap(x, x, 0.4), may_overlap(x, y, 0.9)
    (True, False)
    """
    return (a[0] & b[0]).bit_count() >= share * min(a[1], b[1])


def score_pair(a: frozenset[str], b: frozenset[str]) -> float:
    """Return the Dice overlap of two sentences' term sets.

    >>> score_pair(frozenset("abcd"), frozenset("abce"))
    0.75
    """
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


def match_sentences(
    rewrite: SentenceSets, source: SentenceSets, min_sim: float
) -> list[tuple[int, int]]:
    """Return one-to-one sentence pairs (rewrite index, source index) above ``min_sim``.

    Greedy on similarity, best pairs first, so each sentence keeps its closest counterpart.
    """
    pairs = []
    sizes = [len(b) for b in source]
    for i, a in enumerate(rewrite):
        size = len(a)
        low, high = size / 2.5, size * 2.5
        for j, b in enumerate(source):
            other = sizes[j]
            if not low <= other <= high:
                continue  # Dice cannot reach the threshold; skip the set intersection
            # score_pair, inlined in this inner loop
            sim = 2.0 * len(a & b) / (size + other) if size and other else 0.0
            if sim >= min_sim:
                pairs.append((sim, i, j))
    pairs.sort(reverse=True)
    used_i: set[int] = set()
    used_j: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((i, j))
    return sorted(out)


def count_in_order(pairs: Sequence[tuple[int, int]]) -> int:
    """Return the length of the longest chain of pairs in the same order in both texts.

    >>> count_in_order([(0, 0), (1, 2), (2, 1), (3, 3)])
    3
    """
    tails: list[int] = []
    for _, j in sorted(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
        else:
            tails[k] = j
    return len(tails)


def share_aligned(rewrite: SentenceSets, source: SentenceSets, min_sim: float) -> float:
    """Return the share of ``rewrite``'s sentences aligned, in order, to ``source``.

    >>> src = sketch_sentences("Rebels seized the northern town of Gao on Sunday. "
    ...     "The army retreated south toward the capital Bamako. "
    ...     "Aid groups warned of hunger across the Sahel region.")
    >>> rw = sketch_sentences("On Sunday rebels seized Gao, a northern town. "
    ...     "The army retreated toward Bamako, the capital in the south. "
    ...     "Hunger across the Sahel region worries aid groups.")
    >>> share_aligned(rw, src, 0.5)
    1.0
    """
    if len(rewrite) < MIN_ALIGNED or not source:
        return 0.0
    in_order = count_in_order(match_sentences(rewrite, source, min_sim))
    if in_order < MIN_ALIGNED:
        return 0.0
    return in_order / len(rewrite)


def align_both(a: SentenceSets, b: SentenceSets, min_sim: float) -> tuple[float, float]:
    """Return the shares of ``a``'s and of ``b``'s sentences aligned in order to the other.

    The one-to-one matching is symmetric, so one matching gives both directions.

    >>> x = [frozenset(w) for w in ("abcd", "efgh", "ijkl", "mnop")]
    >>> align_both(x, x[:3], 0.5)
    (0.75, 1.0)
    """
    if len(a) < MIN_ALIGNED or len(b) < MIN_ALIGNED:
        return 0.0, 0.0
    in_order = count_in_order(match_sentences(a, b, min_sim))
    if in_order < MIN_ALIGNED:
        return 0.0, 0.0
    return in_order / len(a), in_order / len(b)


@dataclass(frozen=True)
class PairLink:
    """How one article aligns with another of its story (the other's view, for a choice)."""

    other: str
    forward: float  # share of this article's sentences aligned to the other
    backward: float  # share of the other's sentences aligned to this article
    earlier: bool  # the other came first (by date, else by ingest order)
    group: str  # the origin the other counts under (itself, or what it copies)

    @property
    def score(self) -> float:
        """Return the two-way alignment: the smaller of the two shares."""
        return min(self.forward, self.backward)


def choose_source(
    links: Sequence[PairLink], share: float, coverage: float, margin: float
) -> str | None:
    """Return the one article these links say was rewritten, or None.

    A source came first, holds ``share`` of the rewrite's sentences and has ``coverage``
    of its own retold. The best source must beat, by the factor ``margin``, every article
    outside its own origin group (earlier or later): aligning as well with another,
    independent report means the shared sentences are the event's common material.

    >>> a = PairLink("a", 0.9, 0.9, True, "a")
    >>> b = PairLink("b", 0.6, 0.6, False, "b")
    >>> choose_source([a, b], 0.5, 0.5, 1.25), choose_source([a, b], 0.5, 0.5, 1.6)
    ('a', None)
    """
    sources = [x for x in links if x.earlier and x.forward >= share and x.score >= coverage]
    if not sources:
        return None
    best = max(sources, key=lambda x: (x.score, x.forward, x.other))
    background = max((x.score for x in links if x.group != best.group), default=0.0)
    if best.score < margin * background:
        return None
    return best.other
