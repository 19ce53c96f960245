"""Sentence units and content words shared by the compare and brief stages."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsdesk.compare.words import ABBREVIATIONS, CONTENT_WORDS_KEPT
from newsdesk.model import Article

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
STOP = (frozenset(ENGLISH_STOP_WORDS) - CONTENT_WORDS_KEPT) | {
    "s",
    "t",
    "said",
    "says",
    "mr",
    "ms",
    "mrs",
}


@dataclass(frozen=True)
class Unit:
    """One sentence of one article: where it is and what it says."""

    article: int  # index into the story's article list
    index: int  # sentence position in its article
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[str]:
    """Return the lower-cased word tokens of ``text``.

    >>> tokenize("Trump's call, on July 3.")
    ["trump's", 'call', 'on', 'july', '3']
    """
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return a crude stem of ``word`` so inflections match across outlets.

    >>> stem("shipments"), stem("paused"), stem("talks")
    ('shipment', 'paus', 'talk')
    """
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Return the stemmed content words of ``text`` (stop words dropped).

    >>> content_words("The call was on Thursday")
    ['call', 'thursday']
    """
    return [stem(t) for t in tokenize(text) if t not in STOP and len(t) > 1]


def is_truncated(text: str) -> bool:
    """Return whether a sentence was cut off by the scrape ("...").

    >>> is_truncated("He said the war...")
    True
    """
    return bool(_TRUNCATED.search(text))


def _split_fallback(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start()
        before = text[start:cut].rstrip()
        last = before.rsplit(None, 1)[-1].lower().rstrip(".") if before.split() else ""
        # A full stop after an abbreviation or an initial is not a sentence end.
        if "\n" not in m.group() and (last in ABBREVIATIONS or len(last) == 1):
            continue
        if text[start:cut].strip():
            spans.append((start, cut))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _load_splitter() -> Callable[[str], list[tuple[int, int]]]:
    try:
        from newsdesk.extract.sentences import split_sentences  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return _split_fallback
    return split_sentences  # type: ignore[no-any-return,unused-ignore]


def split_units(articles: Sequence[Article]) -> list[Unit]:
    """Return every sentence of ``articles`` as a :class:`Unit`, in article order.

    >>> from newsdesk.model import Source
    >>> a = Article(id="a", source=Source("p", 0, 1), text="Mr. Smith left. He came back.")
    >>> [u.text for u in split_units([a])]
    ['Mr. Smith left.', 'He came back.']
    """
    return split_texts([a.text for a in articles])


def split_texts(texts: Sequence[str]) -> list[Unit]:
    """Return every sentence of ``texts`` as a :class:`Unit` (``article`` is the text's index)."""
    split = _load_splitter()
    units: list[Unit] = []
    for ai, text in enumerate(texts):
        index = 0
        for start, end in split(text):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end - start < 2 or not _TOKEN.search(text[start:end]):
                continue
            units.append(Unit(ai, index, start, end, text[start:end]))
            index += 1
    return units
