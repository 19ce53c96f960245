"""Split a text scrape that holds several articles (an aggregator page) into one range each.

An article on such a page starts at a header: a headline that the page repeats within a
few lines (card title, then page title), or a headline followed closely by its own
dateline and then running text. Two or more headers make an aggregator page; a single
header, or none, leaves the page whole.
"""

from __future__ import annotations

from newsdesk.clean.shapes import Line, is_article_prose, is_date_line, is_title_like, words

HEADER_WINDOW = 12  # non-empty lines within which a repeated headline counts as one header
DATELINE_REACH = 4  # a dateline this close after a headline makes a header
BODY_REACH = 10  # running text must follow a dateline header this closely


def split_segments(lines: list[Line], min_words: int = 80) -> list[tuple[int, int]]:
    """Return ``[lo, hi)`` ranges over ``lines`` (non-empty lines), one per article.

    >>> from newsdesk.clean.shapes import split_lines
    >>> body = "It was a long day in the harbour town, the mayor said on Monday, and the rain did not stop. " * 5
    >>> page = "\\n".join(["Storm Hits Harbour Town", "Storm Hits Harbour Town", body,
    ...                   "Mayor Names New Port Chief", "Mayor Names New Port Chief", body])
    >>> split_segments(split_lines(page))
    [(0, 3), (3, 6)]
    """
    return split_page(lines, min_words)[0]


def split_page(lines: list[Line], min_words: int = 80) -> tuple[list[tuple[int, int]], str]:
    """Return the article ranges and how the page was split: "single", "repeated" or "dateline".

    Repeated headlines are strong evidence of article cards; headline+dateline headers
    also fit comment threads, so the cleaner trusts its line classifier more there.
    """
    how = "repeated"
    anchors = _repeated_headline_anchors(lines)
    if len(anchors) < 2:
        how = "dateline"
        anchors = _dateline_anchors(lines)
    if len(anchors) < 2:
        return [(0, len(lines))], "single"
    bounds = [*anchors, len(lines)]
    ranges = [(bounds[i], bounds[i + 1]) for i in range(len(anchors))]
    merged: list[tuple[int, int]] = []
    carry: int | None = None  # start of a leading block too small to be an article
    for lo, hi in ranges:
        body_words = sum(
            len(words(ln.text)) for ln in lines[lo:hi] if is_article_prose(ln.text, 25)
        )
        if body_words >= min_words:
            merged.append((carry if carry is not None else lo, hi))
            carry = None
        elif merged:
            merged[-1] = (merged[-1][0], hi)  # too little text to be an article: a trailing block
        elif carry is None:
            carry = lo
    if len(merged) < 2:
        return [(0, len(lines))], "single"
    # The page header before the first article belongs to it (as furniture to remove).
    merged[0] = (0, merged[0][1])
    return merged, how


def _repeated_headline_anchors(lines: list[Line]) -> list[int]:
    anchors: list[int] = []
    seen: set[str] = set()
    # Most lines never recur within the window: find the next copy of each line in one
    # backward pass, and read the shape of the few that do.
    next_at: dict[str, int] = {}
    repeated = [False] * len(lines)
    for i in range(len(lines) - 1, -1, -1):
        text = lines[i].text
        later = next_at.get(text)
        repeated[i] = later is not None and later - i <= HEADER_WINDOW
        next_at[text] = i
    for i, line in enumerate(lines):
        text = line.text
        if not repeated[i] or text in seen or not is_title_like(text):
            continue
        if _has_prose_after(lines, i, HEADER_WINDOW + 4):
            anchors.append(i)
            seen.add(text)
    return anchors


def _dateline_anchors(lines: list[Line]) -> list[int]:
    anchors: list[int] = []
    for i, line in enumerate(lines):
        if not is_title_like(line.text):
            continue
        near = lines[i + 1 : i + 1 + DATELINE_REACH]
        dated = any(is_date_line(n.text) for n in near) and _has_prose_after(lines, i, BODY_REACH)
        if dated and (not anchors or i - anchors[-1] > DATELINE_REACH):
            anchors.append(i)
    return anchors


def _has_prose_after(lines: list[Line], i: int, reach: int) -> bool:
    return any(is_article_prose(n.text) for n in lines[i + 1 : i + 1 + reach])
