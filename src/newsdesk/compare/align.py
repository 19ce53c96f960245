"""Align sentences across a story's articles by meaning (TF-IDF over content words)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsdesk.compare.text import Unit, content_words, split_texts
from newsdesk.model import Article


def _analyze(text: str) -> list[str]:
    words = content_words(text)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def split_and_compare(articles: Sequence[Article]) -> tuple[tuple[Unit, ...], np.ndarray]:
    """Return the sentence units of ``articles`` and their similarity matrix.

    compare and brief both need them for the same story, so the last few are cached by
    text (the matrix is shared: treat it as read-only).
    """
    return _split_and_compare(tuple(a.text for a in articles))


@lru_cache(maxsize=4)
def _split_and_compare(texts: tuple[str, ...]) -> tuple[tuple[Unit, ...], np.ndarray]:
    units = tuple(split_texts(texts))
    return units, compute_similarity([u.text for u in units])


def compute_similarity(texts: Sequence[str]) -> np.ndarray:
    """Return the cosine similarity matrix of ``texts`` (TF-IDF of content words and pairs).

    >>> s = compute_similarity(["Trump called Putin", "Putin called Trump", "Rain fell"])
    >>> bool(s[0, 1] > 0.4), bool(s[0, 2] == 0)
    (True, True)
    """
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vec = TfidfVectorizer(analyzer=_analyze, sublinear_tf=True)
    try:
        x = vec.fit_transform(texts)
    except ValueError:  # no content word anywhere
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    return np.asarray((x @ x.T).toarray(), dtype=np.float32)


def group_aligned(
    units: Sequence[Unit],
    sim: np.ndarray,
    threshold: float,
    keep: Sequence[int] | None = None,
) -> list[list[int]]:
    """Return groups of unit indices that state the same thing in different articles.

    Complete-ish linkage: two groups merge when their best pair reaches ``threshold``,
    every cross pair reaches half of it, and no article would appear twice (one sentence
    per article per claim). A rewrite and its original merge like any two articles; origins
    are counted later, per position. ``keep`` limits the units considered (default: all).
    """
    idx = list(range(len(units))) if keep is None else list(keep)
    if not idx:
        return []
    groups = group_by_article([units[i].article for i in idx], sim[np.ix_(idx, idx)], threshold)
    return [sorted(idx[i] for i in g) for g in groups]


def group_by_article(arts: Sequence[int], sub: np.ndarray, threshold: float) -> list[list[int]]:
    """Return groups of items (rows of ``sub``), at most one per article ``arts[i]``.

    >>> s = np.array([[1, .9, .8], [.9, 1, .1], [.8, .1, 1]])
    >>> group_by_article([0, 1, 1], s, 0.5)
    [[0, 1], [2]]
    """
    if not len(arts):
        return []
    rows, cols = np.nonzero(np.triu(sub, k=1) >= threshold)
    art = np.asarray(arts)
    cross = art[rows] != art[cols]  # two sentences of one article never merge
    rows, cols = rows[cross], cols[cross]
    order = np.argsort(-sub[rows, cols], kind="stable")
    group = list(range(len(arts)))
    members: dict[int, list[int]] = {g: [g] for g in group}
    # Which articles each group holds, as bits: the check runs for every close pair.
    articles_in: dict[int, int] = {g: 1 << arts[g] for g in group}
    # Each group's lowest similarity to every item, so a merge check is one lookup.
    lowest: dict[int, np.ndarray] = {}
    for a, b in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        ga, gb = group[a], group[b]
        if ga == gb or articles_in[ga] & articles_in[gb]:
            continue
        ma, mb = members[ga], members[gb]
        low_a = lowest[ga] if ga in lowest else sub[ga]
        if len(ma) * len(mb) > 1 and float(low_a[mb].min()) < threshold / 2:
            continue
        for i in mb:
            group[i] = ga
        ma.extend(mb)
        lowest[ga] = np.minimum(low_a, lowest.pop(gb) if gb in lowest else sub[gb])
        articles_in[ga] |= articles_in.pop(gb)
        del members[gb]
    return [sorted(m) for m in members.values()]


def attach_leftovers(
    units: Sequence[Unit], sim: np.ndarray, groups: list[list[int]], threshold: float
) -> list[list[int]]:
    """Return ``groups`` with each lone sentence joined to the group it matches on average.

    Strict grouping leaves out a sentence that words the fact differently from some of
    the group ("Its 22 crew were winched to safety" beside "All 22 crew were rescued");
    it joins when its mean similarity to the group reaches ``threshold`` and its article
    is not there yet.

    >>> u = [Unit(a, 0, 0, 1, "x") for a in (0, 1, 2)]
    >>> s = np.array([[1, .9, .3], [.9, 1, .25], [.3, .25, 1]])
    >>> attach_leftovers(u, s, [[0, 1], [2]], 0.2)
    [[0, 1, 2]]
    """
    multi = [g for g in groups if len(g) > 1]
    out = [list(g) for g in multi]
    for g in groups:
        if len(g) > 1:
            continue
        i = g[0]
        best, score = -1, threshold
        for k, h in enumerate(out):
            if units[i].article in {units[j].article for j in h}:
                continue
            mean = float(sim[i, h].mean())
            if mean >= score:
                best, score = k, mean
        if best >= 0:
            out[best].append(i)
        else:
            out.append([i])
    return out
