"""Tell what a line of a text scrape looks like: prose, a headline, a dateline, a byline.

These are the shape tests the splitter and the cleaner share; each is a cheap regex or
count, so a page of a few hundred lines is read in well under a millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.clean import patterns as pt
from newsdesk.clean.dates import DATE_RE, TIME_RE

_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.U)
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*(\s|$)")
_END_PUNCT = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’]$")


@dataclass(frozen=True)
class Line:
    """One non-empty line: its index among all lines, its stripped text and absolute span."""

    idx: int
    start: int
    end: int
    text: str


def split_lines(text: str, base: int = 0) -> list[Line]:
    """Return the non-empty lines of ``text`` with spans of their stripped content.

    >>> [(l.idx, l.text, l.start) for l in split_lines("a\\n\\n  b c ")]
    [(0, 'a', 0), (2, 'b c', 5)]
    """
    out: list[Line] = []
    pos = 0
    for idx, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(idx, base + pos + lead, base + pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


@lru_cache(maxsize=1 << 13)  # the splitter, cleaner and meta reader ask about the same lines
def words(text: str) -> tuple[str, ...]:
    """Return the words of ``text`` (letters first; numbers left out)."""
    return tuple(_WORD.findall(text))


def capital_share(ws: Sequence[str]) -> float:
    """Return the share of words that start upper case, Title Case small words ignored."""
    counted = [w for w in ws if w.lower() not in pt.TITLE_SMALL_WORDS]
    if not counted:
        return 0.0
    return sum(1 for w in counted if w[0].isupper()) / len(counted)


@lru_cache(maxsize=1 << 13)  # the splitter, cleaner and meta reader ask about the same lines
def is_prose(text: str, min_words: int = 8) -> bool:
    """Return True for a line that reads as running text: enough words, sentence punctuation.

    >>> is_prose("The minister said on Monday that the bridge would reopen in May.")
    True
    >>> is_prose("Bridge To Reopen In May, Minister Says")
    False
    """
    ws = words(text)
    if len(ws) < min_words:
        return False
    sentences = len(_SENT_END.findall(text))
    if not _END_PUNCT.search(text) and sentences < 2:
        return False
    return len(ws) > 40 or capital_share(ws) < 0.75  # counting capitals is the costly part


@lru_cache(maxsize=1 << 13)  # the splitter, cleaner and meta reader ask about the same lines
def is_title_like(text: str) -> bool:
    """Return True for a headline-shaped line: 3–30 words, no closing full stop.

    >>> is_title_like("Bridge To Reopen In May, Minister Says")
    True
    >>> is_title_like("It reopens in May.")
    False
    """
    ws = words(text)
    if not 3 <= len(ws) <= 30 or text.endswith((".", ":", ";", ",")):
        return False
    if text[0] in pt.BULLETS or text.endswith("|") or is_date_line(text):
        return False
    return not (pt.FURNITURE_RE.search(text) or pt.PAYWALL_RE.search(text))


@lru_cache(maxsize=1 << 13)  # the splitter, cleaner and meta reader ask about the same lines
def is_date_line(text: str) -> bool:
    """Return True for a short line that mostly states a date or time.

    >>> is_date_line("July 3, 2025Updated 6:31 p.m. ET")
    True
    >>> is_date_line("time04-07-2025")
    True
    """
    if len(text) > 100:
        return False
    if pt.RELATIVE_STAMP_RE.search(text):
        return True
    rest = text
    found = False
    for rx in DATE_RE:
        if rx.search(rest):
            rest = rx.sub(" ", rest)
            found = True
    if not found:
        return False
    rest = TIME_RE.sub(" ", rest)
    rest = re.sub(
        r"(?i)\b(updated|published|posted|date|time|on|at|last|modified|am|pm|[ap]\.m\.)\b",
        " ",
        rest,
    )
    return len(words(rest)) <= 5


def is_bullet_chip(text: str) -> bool:
    """Return True for a short bulleted item ("• Politics", "• Yahoo") or ticker line."""
    if text[0] in pt.BULLETS and len(words(text)) <= 4:
        return True
    return text.endswith("|") or text.count("|") >= 2


def is_symbol_line(text: str) -> bool:
    """Return True for a line with no words at all ("#", "| | |")."""
    return not words(text)


@lru_cache(maxsize=1 << 13)  # the splitter, cleaner and meta reader ask about the same lines
def is_furniture(text: str) -> bool:
    """Return True for a line that matches a known kind of furniture (paywall, caption, app...).

    A long paragraph is judged by its opening only: a copyright notice glued onto its end
    is trimmed later, it does not make the paragraph furniture.
    """
    if len(text) > 400:
        text = text[:160]
    return bool(
        pt.FURNITURE_RE.search(text)
        or pt.PAYWALL_RE.search(text)
        or pt.CAPTION_RE.search(text)
        or pt.IMAGE_FILE_RE.match(text)
        or pt.END_MARKER_RE.match(text)
    )


@lru_cache(maxsize=1 << 13)  # the splitter, cleaner and meta reader ask about the same lines
def is_article_prose(text: str, min_words: int = 25) -> bool:
    """Return True for a long running-text line that is not furniture: proof of an article body."""
    return len(words(text)) >= min_words and is_prose(text) and not is_furniture(text)
