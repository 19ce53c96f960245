"""Cluster articles into stories in one pass: each article joins the best story or opens one.

Each story keeps the *sum* of its members' term vectors (a centroid without the division),
so adding an article costs one vector addition and comparing costs one sparse dot product,
never all pairs. Term weights are TF-IDF with document frequencies counted on the stream so
far, applied when comparing, so early articles are not frozen with an untrained IDF.

A story is a candidate for an article only if they share one of their rarest terms (an
inverted index over each story's key terms) and, when both have dates, only if the story
was active within the time window. Stories that fall out of the window are dropped, which
bounds memory on an endless stream.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, mul, neg, sub
from typing import Any

import numpy as np

from newsdesk.link.embed import Vector, add_vector, blend_scores, load_vector
from newsdesk.link.merge import merge_fragments

KEY_TERMS = 12  # rarest terms of each article that index its story
MAX_CANDIDATES = 12  # stories scored per article, the ones sharing most key terms
MAX_STORY_TERMS = 400  # centroid terms kept per story; the weakest are pruned
NAME_WEIGHT = 1.5  # a named entity counts more than a common word


SHORT_TERMS = 40  # articles with fewer distinct terms get a lower join threshold
SHORT_FLOOR = 0.4  # ... but never below this share of it
AMBIGUOUS_SHARE = 0.6  # a runner-up story this close to the best makes the join ambiguous
AMBIGUOUS_CLEAR = 1.3  # ... unless the best clears the threshold by this factor
GROWTH_PENALTY = 0.1  # a full article's score for a story is divided by 1 + this * log(size)
IDF_REFRESH = 1.02  # cached IDF values are dropped when the stream grows by 2%
PRIOR_DOCS = 100.0  # weight of the general-English prior, in documents
PRIOR_DOC_WORDS = 300.0  # words per pseudo-document of the prior


@functools.cache
def load_frequencies() -> dict[str, float]:
    """Return wordfreq's English word frequencies (shipped in its wheel; loaded once).

    Without wordfreq the prior is empty: every term starts out rare, as in a plain IDF.
    """
    try:
        import wordfreq
    except ImportError:
        return {}
    return dict(wordfreq.get_frequency_dict("en"))


def prior_share(term: str) -> float:
    """Return the share of general-English documents expected to contain ``term``."""
    cached = _PRIOR.get(term)
    if cached is not None:
        return cached
    freqs = load_frequencies()
    words = term[2:].split() if term.startswith("n:") else [term.lstrip("#")]
    freq = min((freqs.get(w, 0.0) for w in words), default=0.0)
    share = min(1.0, freq * PRIOR_DOC_WORDS)
    if len(_PRIOR) < 500_000:
        _PRIOR[term] = share
    return share


_PRIOR: dict[str, float] = {}


@dataclass
class StoryCentroid:
    """A story's running state: member count, summed term weights, first and last time."""

    id: str
    size: int = 0
    sums: dict[str, float] = field(default_factory=dict)
    first: float | None = None
    last: float | None = None
    keys: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    norm: float = 0.0  # |sums ⊙ idf| when last updated; refreshed on each update
    born: int = 0  # stream position of the founding article: the older story survives a merge
    vector: Vector | None = None  # summed unit embeddings of the members (if embedded)

    def to_dict(self) -> dict[str, Any]:
        """Return the story as plain JSON types."""
        return {
            "id": self.id,
            "size": self.size,
            "sums": {k: round(v, 5) for k, v in self.sums.items()},
            "first": self.first,
            "last": self.last,
            "keys": self.keys,
            "members": self.members,
            "born": self.born,
            **(
                {"vector": [round(float(v), 5) for v in self.vector]}
                if self.vector is not None
                else {}
            ),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryCentroid:
        """Rebuild a story from :meth:`to_dict` output (the norm is recomputed by the index)."""
        return cls(
            id=data["id"],
            size=data["size"],
            sums=dict(data["sums"]),
            first=data.get("first"),
            last=data.get("last"),
            keys=list(data.get("keys", [])),
            members=list(data.get("members", [])),
            born=data.get("born", 0),
            vector=load_vector(data.get("vector")),
        )


@dataclass
class StoryIndex:
    """Every story still in the window, document frequencies, and the key-term index."""

    docs: int = 0
    df: dict[str, int] = field(default_factory=dict)
    stories: dict[str, StoryCentroid] = field(default_factory=dict)
    postings: dict[str, set[str]] = field(default_factory=dict)
    member_of: dict[str, str] = field(default_factory=dict)
    idf_cache: dict[str, float] = field(default_factory=dict)
    idf_docs: int = 0
    newest: float | None = None
    merged: dict[str, str] = field(default_factory=dict)  # merged-away story id -> survivor

    def refresh_idf(self) -> None:
        """Drop the cached IDF values once the stream has grown enough to move them.

        IDF moves slowly on a long stream, so the cache lives until the stream grows by
        ``IDF_REFRESH``. Called once per article (by :func:`look_up_idf`), not per term.
        """
        if self.docs > self.idf_docs * IDF_REFRESH + 16:
            self.idf_docs = self.docs
            # The terms used since the last refresh are the ones the next articles will
            # use again: recompute those at once in numpy (one pass, not a call per term);
            # the others are computed when first asked for, as before.
            terms = list(self.idf_cache)
            self.idf_cache = {}
            if terms:
                self.idf_cache = dict(zip(terms, self.compute_idf(terms), strict=True))

    def compute_idf(self, terms: list[str]) -> list[float]:
        """Return the IDF of each of ``terms`` under the current counts (see :meth:`idf`)."""
        priors = list(map(_PRIOR.get, terms))
        if None in priors:
            priors = [
                prior_share(t) if p is None else p for t, p in zip(terms, priors, strict=True)
            ]
        df = np.fromiter(map(self.df.get, terms, repeat(0)), dtype=np.float64, count=len(terms))
        prior = np.asarray(priors, dtype=np.float64)
        values = np.log((self.docs + PRIOR_DOCS) / (df + PRIOR_DOCS * prior + 0.5)) + 1.0
        out: list[float] = values.tolist()
        return out

    def idf(self, term: str) -> float:
        """Return the IDF of ``term``: stream counts smoothed toward general English usage.

        Early in a stream the counts say little, so ``PRIOR_DOCS`` pseudo-documents drawn
        from word frequencies in general English (wordfreq) stand in until real ones arrive.
        The cache is only as fresh as the last :meth:`refresh_idf`.
        """
        value = self.idf_cache.get(term)
        if value is None:
            prior = _PRIOR.get(term)
            if prior is None:
                prior = prior_share(term)
            df = self.df.get(term, 0)
            value = math.log((self.docs + PRIOR_DOCS) / (df + PRIOR_DOCS * prior + 0.5)) + 1.0
            self.idf_cache[term] = value
        return value

    def idf_of(self, terms: Iterable[str]) -> list[float]:
        """Return the IDF of each of ``terms`` in order (cache hits without a method call)."""
        terms = terms if isinstance(terms, list) else list(terms)
        values = list(map(self.idf_cache.get, terms))
        if None in values:
            idf = self.idf
            values = [idf(t) if v is None else v for t, v in zip(terms, values, strict=True)]
        return values  # type: ignore[return-value]  # no None is left

    def to_dict(self) -> dict[str, Any]:
        """Return the index as plain JSON types (postings are rebuilt on load)."""
        return {
            "docs": self.docs,
            "df": self.df,
            "stories": [s.to_dict() for s in self.stories.values()],
            "newest": self.newest,
            "merged": self.merged,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryIndex:
        """Rebuild the index from :meth:`to_dict` output."""
        index = cls(
            docs=data["docs"],
            df=dict(data["df"]),
            newest=data.get("newest"),
            merged=dict(data.get("merged", {})),
        )
        for raw in data["stories"]:
            story = StoryCentroid.from_dict(raw)
            index.stories[story.id] = story
            for key in story.keys:
                index.postings.setdefault(key, set()).add(story.id)
            for member in story.members:
                index.member_of[member] = story.id
        index.refresh_idf()
        for story in index.stories.values():
            story.norm = norm_story(index, story)
        return index


def weigh_terms(counts: Counter[str]) -> dict[str, float]:
    """Return sublinear term weights scaled to unit length (IDF is applied later).

    >>> w = weigh_terms(Counter({"a": 1, "n:b": 1}))
    >>> round(w["a"], 3), round(w["n:b"], 3)
    (0.555, 0.832)
    """
    table = _SUBLINEAR
    top = len(table)
    raw = [
        (table[c] if 0 < c < top else 1.0 + math.log(c)) * (NAME_WEIGHT if t[:2] == "n:" else 1.0)
        for t, c in counts.items()
    ]
    size = math.sqrt(sum([v * v for v in raw])) or 1.0
    return dict(zip(counts, [v / size for v in raw], strict=True))


# 1 + log(count) for the small counts nearly every term has (index 0 is never used).
_SUBLINEAR = [0.0] + [1.0 + math.log(c) for c in range(1, 256)]


def norm_story(index: StoryIndex, story: StoryCentroid) -> float:
    """Return the length of a story's summed vector under the current IDF."""
    sums = story.sums
    total = 0.0
    for v, i in zip(sums.values(), index.idf_of(sums), strict=True):
        x = v * i
        total += x * x
    return math.sqrt(total)


def count_terms(index: StoryIndex, weights: dict[str, float]) -> None:
    """Count an article's terms into the document frequencies."""
    index.docs += 1
    df = index.df
    # One C-level update: each term's count read, incremented and written back.
    df.update(zip(weights, map(add, map(df.get, weights, repeat(0)), repeat(1)), strict=False))


def pick_keys(idf: dict[str, float], weights: dict[str, float], n: int = KEY_TERMS) -> list[str]:
    """Return the article's ``n`` terms of highest TF-IDF weight (its most telling terms)."""
    # Sorting positions by a C-level key: no Python call per term (ties keep article order).
    negated = list(map(neg, map(mul, weights.values(), map(idf.__getitem__, weights))))
    terms = list(weights)
    return [terms[i] for i in sorted(range(len(terms)), key=negated.__getitem__)[:n]]


def look_up_idf(index: StoryIndex, weights: dict[str, float]) -> dict[str, float]:
    """Return the current IDF of each of an article's terms (computed once per article).

    This is where the IDF cache is refreshed: once per article, after its terms are counted.
    """
    index.refresh_idf()
    return dict(zip(weights, index.idf_of(weights), strict=True))


def find_candidates(
    index: StoryIndex, keys: list[str], when: float | None, window: float | None
) -> list[StoryCentroid]:
    """Return the stories that share key terms with an article and are within the window."""
    hits: Counter[str] = Counter()
    for key in keys:
        for sid in index.postings.get(key, ()):
            hits[sid] += 1
    out = []
    for sid, _ in hits.most_common(MAX_CANDIDATES):
        story = index.stories[sid]
        if when is not None and window is not None and story.last is not None:
            assert story.first is not None
            if when < story.first - window or when > story.last + window:
                continue
        out.append(story)
    return out


def weigh_idf(idf: dict[str, float], weights: dict[str, float]) -> tuple[dict[str, float], float]:
    """Return each term's weight times IDF squared (ready to dot with sums) and the doc norm."""
    # A plain loop: on ~100 terms it is as fast as C-level maps that build three lists.
    out = {}
    doc = 0.0
    for t, w in weights.items():
        i = idf[t]
        doc += (w * i) ** 2
        out[t] = w * i * i
    return out, math.sqrt(doc)


def score_story(weighted: tuple[dict[str, float], float], story: StoryCentroid) -> float:
    """Return the cosine between an article (from :func:`weigh_idf`) and a story centroid."""
    terms, doc = weighted
    if not story.norm or not doc:
        return 0.0
    # One C-level pass: a term the story lacks adds 0.0, so the sum (in the article's term
    # order) equals a loop over the shared terms exactly.
    found = map(story.sums.get, terms, repeat(0.0))
    dot: float = sum(map(mul, terms.values(), found))
    return dot / (doc * story.norm)


def add_member(
    index: StoryIndex,
    story: StoryCentroid,
    article_id: str,
    weights: dict[str, float],
    idf: dict[str, float],
    keys: list[str],
    when: float | None,
) -> None:
    """Add an article's vector to a story, index its key terms, and refresh the norm."""
    sums = story.sums
    # Term by term in C: the norm grows by (new² - old²) · idf² per term, in article order.
    olds = list(map(sums.get, weights, repeat(0.0)))
    news = list(map(add, olds, weights.values()))
    sums.update(zip(weights, news, strict=True))
    idfs = list(map(idf.__getitem__, weights))
    growth = map(sub, map(mul, news, news), map(mul, olds, olds))
    square = sum(map(mul, map(mul, growth, idfs), idfs), story.norm * story.norm)
    story.norm = math.sqrt(max(square, 0.0))
    pruned = len(sums) > MAX_STORY_TERMS * 2
    if pruned:
        # Prune by weight so big stories stay cheap to score; the tail barely moves a cosine.
        weighted = list(map(mul, sums.values(), index.idf_of(sums)))
        order = sorted(range(len(weighted)), key=[-x for x in weighted].__getitem__)
        kept = order[:MAX_STORY_TERMS]
        items = list(sums.items())
        story.sums = sums = dict([items[n] for n in kept])
        # The norm over the kept terms, in the order norm_story would sum them.
        story.norm = math.sqrt(sum([weighted[n] * weighted[n] for n in kept]))
    story.size += 1
    story.members.append(article_id)
    index.member_of[article_id] = story.id
    for key in keys:
        if key not in story.keys:
            story.keys.append(key)
            index.postings.setdefault(key, set()).add(story.id)
    if when is not None:
        story.first = when if story.first is None else min(story.first, when)
        story.last = when if story.last is None else max(story.last, when)
        index.newest = when if index.newest is None else max(index.newest, when)
    if not pruned and story.size >= 8 and story.size & (story.size - 1) == 0:
        # The norm is kept up to date incrementally; recompute it now and then, as the
        # IDF drifts, and after pruning. (A story of a few members was summed under
        # nearly today's IDF: recomputing its norm would change nothing.)
        story.norm = norm_story(index, story)


def drop_stale(index: StoryIndex, window: float) -> list[str]:
    """Forget stories whose last article is older than the window; return their ids."""
    if index.newest is None:
        return []
    limit = index.newest - window
    stale = [s.id for s in index.stories.values() if s.last is not None and s.last < limit]
    for sid in stale:
        story = index.stories.pop(sid)
        for member in story.members:
            index.member_of.pop(member, None)
        for key in story.keys:
            posting = index.postings.get(key)
            if posting is not None:
                posting.discard(sid)
                if not posting:
                    del index.postings[key]
    if stale:
        gone = set(stale)
        index.merged = {old: new for old, new in index.merged.items() if new not in gone}
    return stale


def scale_threshold(threshold: float, terms: int) -> float:
    """Return the join threshold for an article with ``terms`` distinct terms.

    A headline-only article shares few terms with anything, so its cosines run low even
    against its own story; below ``SHORT_TERMS`` terms the threshold is lowered with the
    square root of the length (never below ``SHORT_FLOOR`` of it).

    >>> scale_threshold(0.3, 100), round(scale_threshold(0.3, 10), 3)
    (0.3, 0.15)
    """
    if terms >= SHORT_TERMS:
        return threshold
    return threshold * max(SHORT_FLOOR, math.sqrt(terms / SHORT_TERMS))


def is_ambiguous(best: float, runner_up: float, limit: float, terms: int) -> bool:
    """Return whether a join is a topic match rather than an event match.

    An article that fits two stories about equally well shares their topic (another
    Texas abortion ruling, another earthquake) more than either story's event. Unless its
    best score clears the threshold by ``AMBIGUOUS_CLEAR``, it opens a story of its own
    when the runner-up reaches ``AMBIGUOUS_SHARE`` of the best. Headline-only articles are
    exempt: their few terms make every score noisy, so a close runner-up says little.

    >>> is_ambiguous(0.30, 0.20, 0.25, 100), is_ambiguous(0.30, 0.10, 0.25, 100)
    (True, False)
    >>> is_ambiguous(0.40, 0.30, 0.25, 100), is_ambiguous(0.30, 0.20, 0.25, 10)
    (False, False)
    """
    if terms < SHORT_TERMS or best >= AMBIGUOUS_CLEAR * limit:
        return False
    return runner_up > AMBIGUOUS_SHARE * best


def assign_story(
    index: StoryIndex,
    article_id: str,
    counts: Counter[str],
    when: float | None,
    threshold: float,
    window: float | None,
    embed: Callable[[], Vector | None] | None = None,
) -> tuple[str, float]:
    """Put one article in the best story above ``threshold`` or open a new one.

    Return the story id and the winning similarity (0.0 for a new story). A new story's id
    is ``"s"`` plus its founding article's id, so ids stay stable across re-ingest; an
    article the index already holds keeps its story and changes nothing. When the article
    shows two headline stories to be one, the younger is folded into the older (see
    :mod:`newsdesk.link.merge`) and the older id is returned; ``index.merged`` records it.

    >>> index = StoryIndex()
    >>> assign_story(index, "a1", Counter({"quake": 2, "chile": 1}), None, 0.3, None)
    ('sa1', 0.0)
    >>> assign_story(index, "a2", Counter({"quake": 1, "chile": 2}), None, 0.3, None)[0]
    'sa1'
    """
    known = index.member_of.get(article_id)
    if known is not None:
        return known, 1.0
    weights = weigh_terms(counts)
    count_terms(index, weights)
    idf = look_up_idf(index, weights)
    keys = pick_keys(idf, weights)
    best: StoryCentroid | None = None
    best_score = 0.0
    runner_up = 0.0
    weighted = weigh_idf(idf, weights)
    # A big story's centroid is generic and pulls in full articles of the same topic; make
    # it earn them. A headline shares only its few event words with any centroid, so a big
    # story is no more generic to it: the penalty would only split the story.
    growth = GROWTH_PENALTY if len(weights) >= SHORT_TERMS else 0.0
    scored: list[tuple[float, StoryCentroid]] = []
    limit = scale_threshold(threshold, len(weights))
    # Only headline-like articles are embedded: their few terms leave TF-IDF little to go
    # on, while for full articles the embedding of title and lead added nothing measurable.
    # ``embed`` returns None for an article it will not embed.
    vector = embed() if embed is not None and len(weights) < SHORT_TERMS else None
    for story in find_candidates(index, keys, when, window):
        score = score_story(weighted, story) / (1.0 + growth * math.log(story.size))
        if vector is not None:
            score = blend_scores(score, vector, story.vector, limit)
        scored.append((score, story))
        if score > best_score:
            best, best_score, runner_up = story, score, best_score
        elif score > runner_up:
            runner_up = score
    if is_ambiguous(best_score, runner_up, limit, len(weights)):
        best = None
    if best is None or best_score < limit:
        best = StoryCentroid(id="s" + article_id, born=index.docs)
        index.stories[best.id] = best
        best_score = 0.0
    add_member(index, best, article_id, weights, idf, keys, when)
    if vector is not None:
        best.vector = add_vector(best.vector, vector)
    if len(scored) > 1:
        scored.sort(key=lambda pair: -pair[0])
        best = merge_fragments(index, best, [story for _, story in scored])
    return best.id, best_score
