"""Find near-duplicates: MinHash signatures of word shingles, LSH banding, then a check.

A reprint, a syndicated wire story or the same page scraped twice with other furniture
shares most of its word shingles with the first copy. MinHash LSH (banding as in datasketch
``MinHashLSH``, with its optimal band/row split for the threshold) finds the candidates in
constant time per article; each candidate is then confirmed by the Jaccard estimate of the
full signatures turned into a containment (the share of the shorter text found in the
longer), so a copy with extra boilerplate lines still counts.

Signatures are computed with numpy from stable CRC32 shingle hashes (datasketch's own
``MinHash.update`` hashes each shingle with SHA-1 in Python, several times slower) so the
index is the same in every process and serialises to plain JSON.
"""

from __future__ import annotations

import zlib
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from datasketch.lsh import _optimal_param

_MAX_DOCS = 200_000  # undated streams have no window: keep at most this many signatures


def make_permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Return the (odd) multipliers and offsets of the ``num_perm`` hash functions."""
    rng = np.random.RandomState(seed)
    a = (rng.randint(0, 1 << 32, size=num_perm, dtype=np.uint64) | 1).astype(np.uint32)
    b = rng.randint(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(np.uint32)
    return a[:, None], b[:, None]


def sign_shingles(shingles: set[bytes], perms: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Return the MinHash signature (uint32 per hash function) of a shingle set.

    >>> p = make_permutations(8)
    >>> s1 = sign_shingles({b"a b c", b"b c d"}, p)
    >>> bool((s1 == sign_shingles({b"b c d", b"a b c"}, p)).all())
    True
    """
    a, b = perms
    if not shingles:
        return np.full(a.shape[0], np.iinfo(np.uint32).max, dtype=np.uint32)
    h = np.fromiter((zlib.crc32(s) for s in shingles), dtype=np.uint32, count=len(shingles))
    x = a * h[None, :] + b  # wraps mod 2**32: a multiply-add hash family
    x ^= x >> np.uint32(15)
    result: np.ndarray = x.min(axis=1)
    return result


def estimate_containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Return the share of the smaller set inside the larger implied by their Jaccard.

    >>> round(estimate_containment(0.5, 100, 50), 3)
    1.0
    """
    if not size_a or not size_b:
        return 0.0
    inter = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, inter / min(size_a, size_b))


@dataclass
class DedupIndex:
    """MinHash signatures of the articles in the window, banded for LSH lookup."""

    num_perm: int = 128
    threshold: float = 0.3
    sigs: dict[str, np.ndarray] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    times: dict[str, float | None] = field(default_factory=dict)
    root: dict[str, str] = field(default_factory=dict)  # copy id -> the copy it duplicates
    order: deque[str] = field(default_factory=deque)
    buckets: list[dict[bytes, list[str]]] = field(default_factory=list)
    bands: int = 0
    rows: int = 0
    perms: tuple[np.ndarray, np.ndarray] | None = None

    def __post_init__(self) -> None:
        self.bands, self.rows = _optimal_param(self.threshold, self.num_perm, 0.5, 0.5)
        self.buckets = [{} for _ in range(self.bands)]
        self.perms = make_permutations(self.num_perm)

    def band_keys(self, sig: np.ndarray) -> list[bytes]:
        """Return the ``bands`` bucket keys of a signature."""
        r = self.rows
        return [sig[i * r : (i + 1) * r].tobytes() for i in range(self.bands)]

    def insert(self, key: str, sig: np.ndarray, size: int, when: float | None) -> None:
        """Add one article's signature to the index."""
        self.sigs[key] = sig
        self.sizes[key] = size
        self.times[key] = when
        self.order.append(key)
        for bucket, band in zip(self.buckets, self.band_keys(sig), strict=True):
            bucket.setdefault(band, []).append(key)

    def remove(self, key: str) -> None:
        """Forget one article (it left the window)."""
        sig = self.sigs.pop(key, None)
        if sig is None:
            return
        del self.sizes[key]
        del self.times[key]
        self.root.pop(key, None)
        for bucket, band in zip(self.buckets, self.band_keys(sig), strict=True):
            keys = bucket.get(band)
            if keys is not None and key in keys:
                keys.remove(key)
                if not keys:
                    del bucket[band]

    def query(self, sig: np.ndarray) -> set[str]:
        """Return the ids that share at least one band with ``sig``."""
        out: set[str] = set()
        for bucket, band in zip(self.buckets, self.band_keys(sig), strict=True):
            out.update(bucket.get(band, ()))
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the index as plain JSON types (buckets are rebuilt on load)."""
        return {
            "num_perm": self.num_perm,
            "threshold": self.threshold,
            "docs": [
                [k, self.sigs[k].tolist(), self.sizes[k], self.times[k], self.root.get(k)]
                for k in self.order
                if k in self.sigs
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DedupIndex:
        """Rebuild the index from :meth:`to_dict` output."""
        index = cls(num_perm=data["num_perm"], threshold=data["threshold"])
        for key, sig, size, when, root in data["docs"]:
            index.insert(key, np.asarray(sig, dtype=np.uint32), size, when)
            if root is not None:
                index.root[key] = root
        return index


def find_root(index: DedupIndex, key: str) -> str:
    """Return the first copy a chain of duplicates leads back to."""
    seen = {key}
    while key in index.root and index.root[key] not in seen:
        key = index.root[key]
        seen.add(key)
    return key


def match_duplicate(
    index: DedupIndex, sig: np.ndarray, size: int, containment: float
) -> list[tuple[str, float]]:
    """Return the indexed articles ``sig`` duplicates (verified), best match first."""
    hits = []
    for key in index.query(sig):
        jaccard = float(np.count_nonzero(index.sigs[key] == sig)) / index.num_perm
        score = estimate_containment(jaccard, size, index.sizes[key])
        if score >= containment:
            hits.append((key, score))
    hits.sort(key=lambda kv: -kv[1])
    return hits


def drop_old(index: DedupIndex, newest: float | None, window: float) -> None:
    """Forget signatures older than the window (and beyond the hard cap)."""
    while index.order:
        key = index.order[0]
        when = index.times.get(key)
        too_many = len(index.sigs) > _MAX_DOCS
        stale = newest is not None and when is not None and when < newest - window
        if key in index.sigs and not (too_many or stale):
            break
        index.order.popleft()
        index.remove(key)
