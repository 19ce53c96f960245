"""Page-context helpers for the line classifier: runs, windows, shifts and distances.

Each works on whole page arrays in a few numpy calls, because on a page of a couple of
hundred lines the number of calls, not the number of elements, is what costs time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


def shift_columns(x: FloatArray, offsets: Sequence[int], fill: float = -1.0) -> NDArray[np.float64]:
    """Return (lines x columns x offsets): row i of each column moved to hold row i+offset.

    Rows shifted in from past either end hold ``fill``.
    """
    n = x.shape[0]
    cols = x.reshape(n, -1)
    out = np.full((n, cols.shape[1], len(offsets)), fill)
    for k, offset in enumerate(offsets):
        if 0 <= offset < n:
            out[: n - offset, :, k] = cols[offset:]
        elif 0 < -offset < n:
            out[-offset:, :, k] = cols[: n + offset]
    return out


def window_means(x: FloatArray, radii: Sequence[int]) -> FloatArray:
    """Return, per radius, the mean of ``x`` over lines i-r..i+r (clipped at the page edges).

    One running sum and one gather serve every radius: calls, not elements, are what a
    page-sized numpy step costs. The result is indexed (radius, line, *columns).
    """
    n = x.shape[0]
    csum = np.zeros((n + 1, *x.shape[1:]))
    np.cumsum(x, axis=0, out=csum[1:])
    idx = np.arange(n)
    reach = np.array(radii)[:, None]
    lo = np.maximum(idx - reach, 0)
    hi = np.minimum(idx + reach + 1, n)
    span = np.maximum(hi - lo, 1)
    out: FloatArray = (csum[hi] - csum[lo]) / (span if x.ndim == 1 else span[:, :, None])
    return out


def find_median(x: FloatArray) -> float:
    """Return the median of a non-empty ``x`` as ``np.median`` gives it (a sort is cheaper)."""
    ordered = np.sort(x)
    mid = x.shape[0] // 2
    if x.shape[0] % 2:
        return float(ordered[mid])
    return float((ordered[mid - 1] + ordered[mid]) / 2.0)


def distance_to(mask: NDArray[np.bool_]) -> tuple[FloatArray, FloatArray]:
    """Return, per line, how many lines back and ahead the nearest other marked line is.

    ``n`` (the page length) where there is none.
    """
    n = mask.shape[0]
    idx = np.arange(n)
    # Last marked line strictly before i, first strictly after (accumulated, no search).
    before = np.full(n, -1)
    np.maximum.accumulate(np.where(mask[:-1], idx[:-1], -1), out=before[1:])
    after = np.full(n, n)
    after[:-1] = np.minimum.accumulate(np.where(mask, idx, n)[:0:-1])[::-1]
    back = np.where(before >= 0, idx - before, n)
    ahead = np.where(after < n, after - idx, n)
    return back.astype(np.float64), ahead.astype(np.float64)


def find_best_run(gain: FloatArray) -> tuple[int, int]:
    """Return the [start, end) range with the largest sum of ``gain`` ((0, 0) if none is > 0).

    >>> find_best_run(np.array([-1.0, 2.0, -0.5, 2.0, -3.0]))
    (1, 4)
    """
    prefix = np.concatenate(([0.0], np.cumsum(gain)))
    # The best range ends at j where prefix[j] - min(prefix[:j]) is largest.
    low = np.minimum.accumulate(prefix)
    end = int(np.argmax(prefix - low))
    if prefix[end] - low[end] <= 0:
        return 0, 0
    return int(np.argmin(prefix[: end + 1])), end
