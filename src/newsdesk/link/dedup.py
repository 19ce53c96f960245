"""Find near-duplicates: MinHash signatures of word shingles, LSH banding, then a check.

A reprint, a syndicated wire story or the same page scraped twice with other furniture
shares most of its word shingles with the first copy. MinHash LSH (banding as in datasketch
``MinHashLSH``, with its optimal band/row split for the threshold) finds the candidates in
constant time per article; each candidate is then confirmed by its exact containment (the
share of the shorter text's shingles found in the longer), so a copy with extra
boilerplate lines still counts. The check is exact because a 128-hash estimate wanders by
about 0.05 around the threshold, which flips borderline pairs at random; the shingle hashes
of the window cost about as much memory as the signatures.

Signatures are computed with numpy alone (datasketch's own ``MinHash.update`` hashes each
shingle with SHA-1 in Python, several times slower): each word is hashed once (CRC32)
and shingle hashes combine the hashes of consecutive words in vectorised form. Every step is a fixed arithmetic function, so the
index is the same in every process, and signatures serialise as base64 bytes.
"""

from __future__ import annotations

import base64
import re
import string
import zlib
from collections import deque
from dataclasses import dataclass, field
from itertools import repeat
from operator import setitem
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


_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))
# ASCII punctuation becomes a space, except the apostrophe, point and hyphen, which join the
# parts of one word ("didn't", "u.s", "7.8", "well-known") as in the link stage's word
# pattern. The curly apostrophe counts as the straight one; the no-break space and the rest
# of the U+2000 block (curly quotes, dashes, ellipsis) split, so typography does not split
# copies.
_JOINERS = "'.-"
_SPLITTERS = "".join(c for c in string.punctuation if c not in _JOINERS)
_ASCII_PUNCT = bytes.maketrans(_SPLITTERS.encode("ascii"), b" " * len(_SPLITTERS))
_WIDE_PUNCT = re.compile(b"\xe2\x80[\x80-\x98\x9a-\xbf]|\xc2\xa0")
_CURLY_APOSTROPHE = "\u2019".encode()


def hash_words(text: str) -> np.ndarray:
    """Return a stable 64-bit hash (CRC32) per lower-cased word of ``text``.

    Words are split with byte-level C routines (``bytes.translate`` and ``split``), several
    times faster than a word regex; the hash is the same in every process.

    >>> h = hash_words("Ship’s fire: OUT, “ship's” fire\u00a0out... U.S.-made")
    >>> len(h), bool(h[0] == h[3]), bool((h[1:3] == h[4:6]).all())
    (7, True, True)
    """
    words = list(map(zlib.crc32, split_words(text)))
    return np.fromiter(words, dtype=np.uint64, count=len(words))


def split_words(text: str) -> list[bytes]:
    """Return the lower-cased words of ``text`` as :func:`hash_words` hashes them.

    >>> split_words("Ship’s fire: OUT, U.S.-made")
    [b"ship's", b'fire', b'out', b'u.s.-made']
    """
    data = text.lower().encode("utf-8")
    if not text.isascii():
        data = _WIDE_PUNCT.sub(b" ", data).replace(_CURLY_APOSTROPHE, b"'")
    return [w for w in (w.strip(b"'.-") for w in data.translate(_ASCII_PUNCT).split()) if w]


def hash_shingles(text: str, size: int) -> np.ndarray:
    """Return the distinct 32-bit hashes of the word ``size``-grams of ``text``.

    >>> len(hash_shingles("a b c d", 3)), len(hash_shingles("a b", 3))
    (2, 1)
    >>> len(hash_shingles("a b c a b c", 3))
    3
    """
    return combine_shingles(hash_words(text), size)


def combine_shingles(words: np.ndarray, size: int) -> np.ndarray:
    """Return the distinct 32-bit hashes of the ``size``-grams of word hashes (:func:`hash_words`)."""
    if words.size == 0:
        return np.zeros(0, dtype=np.uint32)
    size = min(size, words.size)
    return keep_distinct(mix_shingles(words, size))


def mix_shingles(words: np.ndarray, size: int) -> np.ndarray:
    """Return the 32-bit hash of every run of ``size`` word hashes, in text order."""
    count = words.size - size + 1
    h = words[:count].copy()
    for k in range(1, size):
        h *= _MIX[k % 2]
        h += words[k : k + count]
    h ^= h >> np.uint64(29)
    h *= _MIX[0]
    h >>= np.uint64(32)
    return h.astype(np.uint32)


def keep_distinct(hashes: np.ndarray) -> np.ndarray:
    """Return the distinct values of ``hashes``, sorted (the input is left as it was)."""
    # Sort and mask rather than np.unique, whose Python-level set-up costs more than the
    # work on a few hundred values.
    shingles = np.sort(hashes)
    first = np.empty(shingles.size, dtype=bool)
    first[0] = True
    np.not_equal(shingles[1:], shingles[:-1], out=first[1:])
    distinct: np.ndarray = shingles[first]
    return distinct


def combine_many(texts: list[np.ndarray], size: int) -> list[np.ndarray]:
    """Return :func:`combine_shingles` of each text's word hashes, mixed in one batch.

    The texts' words are mixed as one array (windows across two texts are computed and
    dropped), which saves most of numpy's per-call cost on a few hundred values.
    """
    out = [combine_shingles(words, size) if words.size < size else words for words in texts]
    long = [words for words in texts if words.size >= size]
    if not long:
        return out
    hashes = mix_shingles(np.concatenate(long), size)
    start = 0
    for i, words in enumerate(texts):
        if words.size >= size:
            out[i] = keep_distinct(hashes[start : start + words.size - size + 1])
            start += words.size
    return out


def sign_shingles(shingles: np.ndarray, perms: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Return the MinHash signature (uint32 per hash function) of shingle hashes.

    >>> p = make_permutations(8)
    >>> s1 = sign_shingles(hash_shingles("a b c d", 3), p)
    >>> bool((s1 == sign_shingles(hash_shingles("A b, c d", 3), p)).all())
    True
    """
    a, b = perms
    if not shingles.size:
        return np.full(a.shape[0], np.iinfo(np.uint32).max, dtype=np.uint32)
    x = a * shingles[None, :]  # wraps mod 2**32: a multiply-add hash family
    x += b  # in place: one (hashes x shingles) array less to allocate and fill
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


Signed = tuple[np.ndarray, np.ndarray, list[int]]  # shingles, signature, band keys


@dataclass
class DedupIndex:
    """MinHash signatures and shingle hashes of the articles in the window, banded for LSH."""

    num_perm: int = 128
    threshold: float = 0.3
    sigs: dict[str, np.ndarray] = field(default_factory=dict)
    shingles: dict[str, np.ndarray] = field(default_factory=dict)  # sorted, distinct
    times: dict[str, float | None] = field(default_factory=dict)
    root: dict[str, str] = field(default_factory=dict)  # copy id -> the copy it duplicates
    order: deque[str] = field(default_factory=deque)
    # Band key -> the one id holding it, or a list once several do: most keys are held by
    # one article, and a str costs the garbage collector nothing where a list costs a visit.
    buckets: list[dict[int, str | list[str]]] = field(default_factory=list)
    bands: int = 0
    rows: int = 0
    perms: tuple[np.ndarray, np.ndarray] | None = None
    band_mix: np.ndarray | None = None

    def __post_init__(self) -> None:
        self.bands, self.rows = _optimal_param(self.threshold, self.num_perm, 0.5, 0.5)
        self.buckets = [{} for _ in range(self.bands)]
        self.perms = make_permutations(self.num_perm)
        rng = np.random.RandomState(7)
        self.band_mix = rng.randint(1, 1 << 62, size=self.rows, dtype=np.uint64) | 1

    def band_keys(self, sig: np.ndarray) -> list[int]:
        """Return the ``bands`` bucket keys of a signature (one 64-bit hash per band)."""
        keys: list[int] = self.band_keys_many(sig[None, :])[0]
        return keys

    def band_keys_many(self, sigs: np.ndarray) -> list[list[int]]:
        """Return :meth:`band_keys` of each row of ``sigs``."""
        assert self.band_mix is not None
        used = sigs[:, : self.bands * self.rows]
        rows = used.reshape(len(sigs), self.bands, self.rows).astype(np.uint64)
        keys: list[list[int]] = (rows * self.band_mix).sum(axis=2).tolist()
        return keys

    def sign_many(self, texts: list[np.ndarray], size: int, least: int) -> list[Signed | None]:
        """Return the shingles, signature and band keys of each text's word hashes, or None
        for a text of fewer than ``least`` distinct shingles."""
        assert self.perms is not None
        out: list[Signed | None] = [None] * len(texts)
        shingles = combine_many(texts, size)
        keep = [i for i, s in enumerate(shingles) if s.size >= least]
        if not keep:
            return out
        sigs = [sign_shingles(shingles[i], self.perms) for i in keep]
        for i, sig, bands in zip(keep, sigs, self.band_keys_many(np.stack(sigs)), strict=True):
            out[i] = (shingles[i], sig, bands)
        return out

    def look_up(self, bands: list[int]) -> list[str | list[str] | None]:
        """Return what each band's bucket holds under ``bands`` (None where nothing)."""
        return list(map(dict.get, self.buckets, bands))

    def insert(
        self,
        key: str,
        sig: np.ndarray,
        shingles: np.ndarray,
        when: float | None,
        bands: list[int],
        hits: list[str | list[str] | None] | None = None,
    ) -> None:
        """Add one article's signature, shingle hashes and :meth:`band_keys` to the index.

        ``hits`` is :meth:`look_up` of ``bands`` if already in hand.
        """
        self.sigs[key] = sig
        self.shingles[key] = shingles
        self.times[key] = when
        self.order.append(key)
        if hits is None:
            hits = self.look_up(bands)
        if hits.count(None) == len(hits):
            # The usual case, no band seen before: one C-level pass.
            deque(map(setitem, self.buckets, bands, repeat(key)), maxlen=0)
            return
        for bucket, band, hit in zip(self.buckets, bands, hits, strict=True):
            if hit is None:
                bucket[band] = key
            elif isinstance(hit, str):
                bucket[band] = [hit, key]
            else:
                hit.append(key)

    def remove(self, key: str) -> None:
        """Forget one article (it left the window)."""
        sig = self.sigs.pop(key, None)
        if sig is None:
            return
        del self.shingles[key]
        del self.times[key]
        self.root.pop(key, None)
        for bucket, band in zip(self.buckets, self.band_keys(sig), strict=True):
            hit = bucket.get(band)
            if hit == key:
                del bucket[band]
            elif isinstance(hit, list) and key in hit:
                hit.remove(key)
                if len(hit) == 1:
                    bucket[band] = hit[0]

    def query(self, bands: list[int]) -> set[str]:
        """Return the ids that share at least one band key with ``bands``."""
        return collect_ids(self.look_up(bands))

    def to_dict(self) -> dict[str, Any]:
        """Return the index as plain JSON types (shingle hashes as base64; the signatures and
        buckets are rebuilt on load)."""
        return {
            "num_perm": self.num_perm,
            "threshold": self.threshold,
            "docs": [
                [
                    k,
                    base64.b64encode(self.shingles[k].astype("<u4").tobytes()).decode("ascii"),
                    self.times[k],
                    self.root.get(k),
                ]
                for k in self.order
                if k in self.sigs
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DedupIndex:
        """Rebuild the index from :meth:`to_dict` output."""
        index = cls(num_perm=data["num_perm"], threshold=data["threshold"])
        assert index.perms is not None
        for key, shingles64, when, root in data["docs"]:
            raw = np.frombuffer(base64.b64decode(shingles64), dtype="<u4")
            shingles = raw.astype(np.uint32)
            sig = sign_shingles(shingles, index.perms)
            index.insert(key, sig, shingles, when, index.band_keys(sig))
            if root is not None:
                index.root[key] = root
        return index


def collect_ids(hits: list[str | list[str] | None]) -> set[str]:
    """Return the ids in what :meth:`DedupIndex.look_up` found.

    >>> sorted(collect_ids([None, "a", ["b", "a"]]))
    ['a', 'b']
    """
    out: set[str] = set()
    for hit in filter(None, hits):
        if isinstance(hit, str):
            out.add(hit)
        else:
            out.update(hit)
    return out


def find_root(index: DedupIndex, key: str) -> str:
    """Return the first copy a chain of duplicates leads back to."""
    seen = {key}
    while key in index.root and index.root[key] not in seen:
        key = index.root[key]
        seen.add(key)
    return key


ESTIMATE_SLACK = 0.2  # candidates estimated this far below the bar skip the exact check


def match_duplicate(
    index: DedupIndex,
    sig: np.ndarray,
    candidates: set[str],
    shingles: np.ndarray,
    containment: float,
) -> list[tuple[str, float]]:
    """Return the ``candidates`` (:meth:`DedupIndex.query`) the text duplicates (exact
    containment), best first."""
    hits = []
    for key in candidates:
        theirs = index.shingles[key]
        jaccard = float(np.count_nonzero(index.sigs[key] == sig)) / index.num_perm
        if estimate_containment(jaccard, shingles.size, theirs.size) < containment - ESTIMATE_SLACK:
            continue  # four standard errors of the estimate below the bar
        shared = np.intersect1d(shingles, theirs, assume_unique=True).size
        score = shared / min(shingles.size, theirs.size)
        if score >= containment:
            hits.append((key, score))
    hits.sort(key=lambda kv: (-kv[1], kv[0]))
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
