"""Turn the lines of one text scrape into a numeric feature matrix for the line classifier.

Features come from the text alone (no HTML) and avoid language-specific rules: word
counts, punctuation and case shapes, a stop-word share over many languages' lists, the
line's place on the page, neighbours within a few lines, and its relation to the densest
run of prose (the "max block").

Speed matters (a page must be scored in about a millisecond), so nothing loops over
lines or characters in Python: the page is read once as an array of code points and once
as a token list, and every count is a ``bincount`` by line number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import chain

import numpy as np
from numpy.typing import NDArray

from newsdesk.clean.line_context import (
    FloatArray,
    distance_to,
    find_best_run,
    find_median,
    shift_columns,
    window_means,
)
from newsdesk.clean.line_patterns import (
    BULLET_START,
    CJK_RANGES,
    CLOSE_QUOTES,
    COMMAS,
    LINK_MARKS,
    NON_WORD_RANGES,
    QUOTES,
    SENTENCE_END,
    SEPARATORS,
    UPPER_RANGES,
)

IntArray = NDArray[np.int64]


# Words a line needs before it counts as prose in the max-block search; the same constant
# as the max-block baseline, so the block is the one that baseline would pick.
BLOCK_MIN_WORDS = 10.0
# A line this long is "prose" for the density windows.
LONG_LINE_WORDS = 15.0

BASE_NAMES = (
    "log_chars",
    "log_words",
    "mean_word_len",
    "stop_share",
    "cap_share",
    "digit_share",
    "ends_sentence",
    "ends_colon",
    "log_inner_sentences",
    "comma_rate",
    "separators",
    "has_link",
    "has_date",
    "upper_share",
    "starts_bullet",
    "starts_lower",
    "quotes",
    "log_repeats",
    "title_overlap",
    "all_capitalised",
    "symbol_share",
    "ends_ellipsis",
    "starts_digit",
    "cjk_share",
)
CONTEXT_NAMES = (
    "rel_pos",
    "log_index",
    "log_index_from_end",
    "log_page_lines",
    "words_vs_max",
    "words_vs_median",
    "in_block",
    "log_lines_before_block",
    "log_lines_after_block",
    "log_block_lines",
    "words_before_share",
    "long_share_2",
    "long_share_5",
    "long_share_10",
    "log_words_mean_2",
    "log_words_mean_5",
    "ends_sentence_mean_3",
    "stop_share_mean_3",
    "log_dist_long_back",
    "log_dist_long_ahead",
)
NEIGHBOUR_BASE = ("log_words", "stop_share", "ends_sentence", "cap_share", "has_date")
NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
FEATURE_NAMES = (
    *BASE_NAMES,
    *CONTEXT_NAMES,
    *(f"{name}@{off:+d}" for name in NEIGHBOUR_BASE for off in NEIGHBOUR_OFFSETS),
)
_COL = {name: i for i, name in enumerate(BASE_NAMES)}
_NEIGHBOUR_COLS = [_COL[name] for name in NEIGHBOUR_BASE]
_CONTEXT = {name: i for i, name in enumerate(CONTEXT_NAMES)}
# Context columns computed as log1p(...) and as they are, in the order build_features stacks them.
_LOG_CONTEXT = [
    _CONTEXT[name]
    for name in (
        "log_index",
        "log_index_from_end",
        "words_vs_median",
        "log_lines_before_block",
        "log_lines_after_block",
        "log_words_mean_2",
        "log_words_mean_5",
        "log_dist_long_back",
        "log_dist_long_ahead",
    )
]
_PLAIN_CONTEXT = [
    _CONTEXT[name]
    for name in (
        "rel_pos",
        "words_vs_max",
        "in_block",
        "words_before_share",
        "long_share_2",
        "long_share_5",
        "long_share_10",
        "ends_sentence_mean_3",
        "stop_share_mean_3",
    )
]


def in_ranges(cp: IntArray, ranges: Sequence[tuple[int, int]]) -> NDArray[np.bool_]:
    """Return which code points fall in any of the inclusive ``ranges``."""
    out = np.zeros(cp.shape, dtype=bool)
    for lo, hi in ranges:
        out |= (cp >= lo) & (cp <= hi)
    return out


# Character classes as bits of one lookup table, so a page is classified with one gather.
WORD, DIGIT, UPPER, CJK, STOP_MARK, COMMA, SEPARATOR, QUOTE = (1 << i for i in range(8))
SPACE, JOINER, COLON, CLOSER, BULLET = (1 << i for i in range(8, 13))
_TABLE_SIZE = 0x20000
# The classes counted per line (first eight) and two more looked at around a character.
_GRID_BITS = np.array(
    [WORD, DIGIT, UPPER, CJK, COMMA, SEPARATOR, QUOTE, SPACE, STOP_MARK, JOINER], dtype=np.uint16
)


@cache
def load_char_table() -> NDArray[np.uint16]:
    """Return the code point -> class bits table (built once)."""
    cp = np.arange(_TABLE_SIZE, dtype=np.int64)
    table = np.zeros(_TABLE_SIZE, dtype=np.uint16)
    ascii_word = (
        ((cp >= 48) & (cp <= 57)) | ((cp >= 65) & (cp <= 90)) | ((cp >= 97) & (cp <= 122))
    ) | (cp == 95)
    table[ascii_word | ((cp >= 0xC0) & ~in_ranges(cp, NON_WORD_RANGES))] |= WORD
    table[48:58] |= DIGIT
    table[in_ranges(cp, UPPER_RANGES)] |= UPPER
    table[in_ranges(cp, CJK_RANGES)] |= CJK
    for chars, bit in (
        (SENTENCE_END, STOP_MARK),
        (COMMAS, COMMA),
        (SEPARATORS, SEPARATOR),
        (QUOTES, QUOTE),
        (" ", SPACE),
        ("./-", JOINER),
        (":", COLON),
        (CLOSE_QUOTES, CLOSER),
        (BULLET_START, BULLET),
    ):
        table[[ord(c) for c in chars]] |= bit
    # Beyond the table: rare scripts, counted as letters.
    table[-1] = WORD
    return table


def find_links(page: str, starts: IntArray, n: int) -> FloatArray:
    """Return, per line, whether a URL, domain, address or handle shape occurs on it."""
    hits: list[int] = []
    for mark in LINK_MARKS:
        at = page.find(mark)
        while at >= 0:
            hits.append(at)
            at = page.find(mark, at + 1)
    out = np.zeros(n)
    if hits:
        out[np.searchsorted(starts, np.array(hits), side="right") - 1] = 1.0
    return out


def count_stop_words_by_line(
    page: str, n: int, stop_words: frozenset[str]
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Return, per line, whitespace tokens, stop words among them, and title-word share.

    Stop words need the strings; whitespace tokens (punctuation left on) are the cheapest
    split, and the share is consistent between training and use. The title is line 0,
    which scrapes start with (the page's <title>); headlines and teasers repeat its words.
    This is the plain form, kept for pages whose lines hold a newline of their own and as
    the reference ``count_stop_words`` must equal.
    """
    per_line = [line.split(" ") if line else [] for line in page.lower().split("\n", n)[:n]]
    counts = np.fromiter(map(len, per_line), dtype=np.int64, count=n)
    toks = list(chain.from_iterable(per_line))
    m = len(toks)
    line_of = np.repeat(np.arange(n), counts)
    real = np.fromiter(map(bool, toks), dtype=bool, count=m)
    stop = np.fromiter(map(stop_words.__contains__, toks), dtype=bool, count=m)
    title = frozenset(per_line[0]) - {""}
    in_title = np.fromiter(map(title.__contains__, toks), dtype=bool, count=m)
    in_title[: counts[0]] = False
    return tuple(  # type: ignore[return-value]
        np.bincount(line_of, weights=w, minlength=n) for w in (real, stop & real, in_title & real)
    )


def count_stop_words(
    page: str, spaces: IntArray, real: IntArray, stop_words: frozenset[str]
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Return what ``count_stop_words_by_line`` does, from one split of the whole page.

    ``spaces`` and ``real`` (non-empty tokens) per line come from the character pass, so
    only the two set lookups run per token: line i owns the next spaces[i] + 1 pieces of
    the page split on spaces and newlines. Empty pieces are never title words and are stop
    words only if the list holds "", which one subtraction undoes.
    """
    toks = page.lower().replace("\n", " ").split(" ")
    toks.pop()  # the empty piece after the page's closing newline
    pieces = spaces + 1
    starts = np.zeros(spaces.shape[0], dtype=np.int64)
    np.cumsum(pieces[:-1], out=starts[1:])
    title = frozenset(toks[: pieces[0]]) - {""}
    # bytes() of bools is the cheapest way from a per-token lookup to an array.
    flags = np.frombuffer(
        bytes(map(stop_words.__contains__, toks)) + bytes(map(title.__contains__, toks)),
        dtype=np.uint8,
    ).reshape(2, len(toks))
    # Every line owns at least one piece, so no reduceat segment is empty.
    n_stop, n_title = np.add.reduceat(flags, starts, axis=1, dtype=np.int32).astype(np.float64)
    if "" in stop_words:
        n_stop -= pieces - real
    n_title[0] = 0.0
    return real.astype(np.float64), n_stop, n_title


def measure_lines(lines: Sequence[str], stop_words: frozenset[str]) -> FloatArray:
    """Return the per-line shape features (columns ``BASE_NAMES``) of one page.

    >>> measure_lines(["The cat sat on the mat.", "Home"], frozenset({"the", "on"})).shape
    (2, 24)
    """
    n = len(lines)
    # The closing newline makes every line a non-empty segment for reduceat.
    page = "\n".join(lines) + "\n"
    lengths = np.fromiter(map(len, lines), dtype=np.int64, count=n)
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    cp = np.frombuffer(page.encode("utf-32-le"), dtype=np.uint32)
    f = load_char_table()[np.minimum(cp, _TABLE_SIZE - 1)]
    size = f.shape[0]
    # One row per character class, laid out with a zero column before and four after, so
    # a neighbour's class is a slice (row[:size] is the previous character, row[2:] the
    # next) and every class is tested in one broadcast.
    grid = np.zeros((len(_GRID_BITS) + 6, size + 5), dtype=bool)
    np.greater(f & _GRID_BITS[:, None], 0, out=grid[: len(_GRID_BITS), 1 : size + 1])
    word, digit, upper, _, _, _, _, space, stop_mark, joiner = grid[: len(_GRID_BITS)]
    here = slice(1, size + 1)
    tok_start, cap_start, dates, joined, inner, real_start = grid[len(_GRID_BITS) :, here]
    np.greater(word[here], word[:size], out=tok_start)
    np.logical_and(tok_start, upper[here], out=cap_start)
    # Shapes of times (12:30), numeric dates (3/4/2019) and years (2019).
    digit_around = digit[:size] & digit[2 : size + 2]
    run4 = digit[here] & digit[2 : size + 2] & digit[3 : size + 3] & digit[4 : size + 4]
    year = run4 & ~digit[:size] & ~digit[5 : size + 5] & ((cp == 49) | (cp == 50))
    clock = (cp == 58) & digit_around & digit[3 : size + 3]
    np.logical_or(clock, year, out=dates)
    np.logical_and(joiner[here], digit_around, out=joined)
    # A sentence boundary inside a line: terminal punctuation, a space, a capital; or 。.
    np.logical_and(stop_mark[here], space[2 : size + 2], out=inner)
    inner &= upper[3 : size + 3]
    inner |= cp == 0x3002
    # Starts of non-empty space-split tokens, for the stop-word share's denominator.
    gap = (cp == 32) | (cp == 10)
    np.logical_not(gap, out=real_start)
    real_start[1:] &= gap[:-1]
    # Per-line sums in one reduceat over the rows, read as bytes (as bools numpy would
    # buffer a cast); every segment holds its line's newline, so none is empty.
    (
        tok_chars,
        digits,
        uppers,
        cjk,
        commas,
        seps,
        quotes,
        spaces,
        _,
        _,
        n_tok,
        n_cap,
        dates,
        joined,
        inner_n,
        n_real,
    ) = np.add.reduceat(grid[:, here].view(np.uint8), starts, axis=1, dtype=np.int32)
    # A CJK run is one \w+ token however long; count about two characters per word so a
    # Japanese sentence weighs like a sentence in a spaced language.
    n_words = n_tok + cjk / 2.0
    safe_tok = np.maximum(n_tok, 1.0)
    safe_len = np.maximum(lengths, 1).astype(np.float64)
    if page.count("\n") == n:
        n_split, n_stop, n_title = count_stop_words(page, spaces, n_real, stop_words)
    else:
        n_split, n_stop, n_title = count_stop_words_by_line(page, n, stop_words)
    n_split = np.maximum(n_split, 1.0)

    nonempty = lengths > 0
    last_i = np.where(nonempty, starts + lengths - 1, starts)
    first_f = np.where(nonempty, f[starts], 0)
    last_f = np.where(nonempty, f[last_i], 0)
    last_cp = cp[last_i]
    # Look through a closing quote or bracket: «he said.”» ends a sentence.
    quoted = ((last_f & CLOSER) > 0) & (lengths > 1)
    last_f = np.where(quoted, f[np.maximum(last_i - 1, 0)], last_f)
    ellipsis = (last_cp == ord("…")) | (
        (last_cp == ord(".")) & (lengths > 2) & (cp[np.maximum(last_i - 2, 0)] == ord("."))
    )
    first_cp = cp[starts]
    counts = Counter(lines)
    repeats = np.log(np.fromiter(map(counts.__getitem__, lines), dtype=np.float64, count=n))
    columns = (
        np.log1p(lengths),
        np.log1p(n_words),
        np.minimum(tok_chars / safe_tok, 20.0),
        n_stop / n_split,
        n_cap / safe_tok,
        digits / safe_len,
        (last_f & STOP_MARK) > 0,
        (last_cp == ord(":")) & nonempty,
        np.log1p(inner_n),
        commas / safe_tok,
        seps,
        find_links(page, starts, n),
        np.minimum(dates + (joined >= 2), 1.0),
        uppers / np.maximum(tok_chars - digits, 1.0),
        (first_f & BULLET) > 0,
        (first_cp >= 97) & (first_cp <= 122),
        quotes,
        repeats,
        n_title / n_split,
        (n_cap == n_tok) & (n_tok > 0),
        (lengths - tok_chars - spaces) / safe_len,
        ellipsis,
        (first_f & DIGIT) > 0,
        cjk / safe_len,
    )
    out = np.empty((n, len(BASE_NAMES)))
    for j, column in enumerate(columns):
        out[:, j] = column
    return out


def find_max_block(words: FloatArray) -> tuple[int, int]:
    """Return the [start, end) line range maximising the sum of (words - BLOCK_MIN_WORDS).

    >>> find_max_block(np.array([1.0, 30.0, 2.0, 40.0, 1.0]))
    (1, 4)
    """
    return find_best_run(words - BLOCK_MIN_WORDS)


def build_features(lines: Sequence[str], stop_words: frozenset[str]) -> FloatArray:
    """Return the (lines x FEATURE_NAMES) matrix of one page, page context included.

    >>> build_features(["Home", "A long enough line of prose, it ends here."], frozenset()).shape
    (2, 74)
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    base = measure_lines([line.strip() for line in lines], stop_words)
    words = np.expm1(base[:, _COL["log_words"]])
    idx = np.arange(n, dtype=np.float64)
    start, end = find_max_block(words)
    if end > start:
        before = np.clip(start - idx, 0, None)
        after = np.clip(idx - (end - 1), 0, None)
        inside = ((idx >= start) & (idx < end)).astype(np.float64)
    else:
        before = after = np.full(n, float(n))
        inside = np.zeros(n)
    long_line = words >= LONG_LINE_WORDS
    longf = long_line.astype(np.float64)
    page_words = max(float(words.sum()), 1.0)
    median_words = max(find_median(words), 1.0)
    per_line = np.column_stack(
        (longf, words, base[:, _COL["ends_sentence"]], base[:, _COL["stop_share"]])
    )
    near, mid, wide, shape = window_means(per_line, (2, 5, 10, 3))
    back, ahead = distance_to(long_line)
    out = np.empty((n, len(FEATURE_NAMES)))
    out[:, : len(BASE_NAMES)] = base
    context = out[:, len(BASE_NAMES) : len(BASE_NAMES) + len(CONTEXT_NAMES)]
    # Columns go in by groups, one call each: a numpy call costs more than its elements.
    context[:, _LOG_CONTEXT] = np.log1p(
        np.stack(
            (
                idx,
                n - 1 - idx,
                words / median_words,
                before,
                after,
                near[:, 1],
                mid[:, 1],
                back,
                ahead,
            )
        )
    ).T
    context[:, _PLAIN_CONTEXT] = np.stack(
        (
            idx / max(n - 1, 1),
            words / max(float(words.max()), 1.0),
            inside,
            (np.cumsum(words) - words) / page_words,
            near[:, 0],
            mid[:, 0],
            wide[:, 0],
            shape[:, 2],
            shape[:, 3],
        )
    ).T
    context[:, _CONTEXT["log_page_lines"]] = np.log1p(n)
    context[:, _CONTEXT["log_block_lines"]] = np.log1p(end - start)
    # Shift all neighbour columns together, ordered name by name.
    shifted = shift_columns(base[:, _NEIGHBOUR_COLS], NEIGHBOUR_OFFSETS)
    out[:, len(BASE_NAMES) + len(CONTEXT_NAMES) :] = shifted.reshape(n, -1)
    return out
