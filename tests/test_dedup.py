"""Near-duplicate index: batch signing matches one-by-one signing; buckets survive removal."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.link.dedup import DedupIndex, combine_many, combine_shingles, sign_shingles

INDEX = DedupIndex(128, 0.3)  # signing reads the index's hash functions, never changes it
WORDS = st.lists(st.integers(0, 2**32 - 1), max_size=40).map(
    lambda xs: np.array(xs, dtype=np.uint64)
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=6), st.integers(1, 4))
def test_batch_shingles_and_signatures_match_one_by_one(texts: list[np.ndarray], size: int) -> None:
    index = INDEX
    assert index.perms is not None
    batch = combine_many(texts, size)
    for words, got in zip(texts, batch, strict=True):
        assert got.tolist() == combine_shingles(words, size).tolist()
    signed = index.sign_many(texts, size, 3)
    for words, one in zip(texts, signed, strict=True):
        shingles = combine_shingles(words, size)
        if shingles.size < 3:
            assert one is None
            continue
        assert one is not None
        sig = sign_shingles(shingles, index.perms)
        assert one[1].tolist() == sig.tolist()
        assert one[2] == index.band_keys(sig)


def test_shared_bands_are_found_and_forgotten() -> None:
    index = DedupIndex(128, 0.3)
    assert index.perms is not None
    shingles = np.arange(50, dtype=np.uint32)
    sig = sign_shingles(shingles, index.perms)
    bands = index.band_keys(sig)
    for key in ("a", "b", "c"):
        index.insert(key, sig, shingles, None, bands)
    assert index.query(bands) == {"a", "b", "c"}
    index.remove("b")
    assert index.query(bands) == {"a", "c"}
    index.remove("a")
    index.remove("c")
    assert index.query(bands) == set()
    assert all(not bucket for bucket in index.buckets)
