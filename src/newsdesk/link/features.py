"""Turn an article into the pieces the link stage compares: terms, names, word hashes, sentences,
and its publication time.

Everything here is a pure function of a string, so the same text always gives the same
features in every process (no Python ``hash``: it is salted per process).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import chain

import numpy as np

from newsdesk.link.dedup import hash_words, split_words
from newsdesk.link.words import MONTHS, STOPWORDS

TITLE_WEIGHT = 4  # a title word counts as this many body words: titles name the event

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
# A name phrase (group 1) and the three characters before it (group 2). The word-boundary
# test sits after the capital (the capital is a word character, so "no word character
# before it" is the same test): a pattern that opens with a plain character set lets the
# regex engine skip ahead to the next capital in C.
_NAME = re.compile(
    r"([A-Z](?<!\w[A-Z])(?<=(...)[A-Z])[\w’'-]*(?:\s+(?:of\s+|de\s+|al-)?[A-Z][\w’'-]*)*)",
    re.DOTALL,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
# The two sides of a _SENTENCE_END break that lie inside the chunks around the gap.
_OPENS_SENTENCE = re.compile(r"[\"“‘'(\[]?[A-Z0-9]")
_CLOSES_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*\Z")
_NUMBER = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s?$")


# A chunk's terms, whether it may open a sentence, may close one, and its word hashes
# (uint64 in native byte order).
ChunkInfo = tuple[tuple[str, ...], bool, bool, bytes]
# White space that splits str chunks but not hash_words' byte-level words.
_BYTE_JOINED_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u1680", "\u205f", "\u3000")
_CACHE_SIZE = 200_000  # entries per memo below; a full memo is emptied, not grown
_CHUNKS: dict[str, ChunkInfo] = {}
_NAME_CACHE: dict[tuple[str, bool], str] = {}  # (phrase, opens a sentence) -> "n:name" or ""
_OPENS_AFTER: dict[str, bool] = {}  # three characters before a phrase -> it opens a sentence


@functools.lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """Return a crude stem: plural and verb endings cut so "attacks" meets "attacked".

    >>> [stem_word(w) for w in ["attacks", "attacked", "killing", "bus", "news"]]
    ['attack', 'attack', 'kill', 'bus', 'news']
    """
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "ws", "is")):
        return word[:-1]
    return word


def extract_terms(text: str) -> list[str]:
    """Return the content terms of ``text``: stemmed words, stop words and short tokens out.

    >>> extract_terms("The earthquake struck Chile on Monday, killing 7 people.")
    ['earthquake', 'struck', 'chile', 'kill', '#7']
    """
    return list(filter(None, map(map_word, _WORD.findall(text.lower()))))


@functools.lru_cache(maxsize=500_000)
def map_word(word: str) -> str:
    """Return the term a lower-cased word counts as, or "" for a stop word or a letter.

    >>> map_word("killing"), map_word("the"), map_word("1,200")
    ('kill', '', '#1200')
    """
    if word in STOPWORDS:
        return ""
    if _NUMBER.search(word):
        return "#" + word.replace(",", "")
    if len(word) > 1:
        return stem_word(word.replace("’", "'").split("'")[0])
    return ""


def extract_names(text: str) -> list[str]:
    """Return capitalised name phrases that do not open a sentence (a cheap entity finder).

    A word opening a sentence is capitalised anyway, so it counts only when it is part of
    a longer phrase.

    >>> extract_names("Police said John Smith met Acme Corp. in Paris. He left.")
    ['john smith', 'acme corp', 'paris']
    """
    return [term[2:] for term in extract_name_terms(text)]


def extract_name_terms(text: str) -> list[str]:
    """Return :func:`extract_names` as the terms clustering counts them ("n:" in front).

    >>> extract_name_terms("Police said John Smith met Acme Corp. in Paris. He left.")
    ['n:john smith', 'n:acme corp', 'n:paris']
    """
    # Three spaces in front give every phrase three characters of context, which decide
    # whether it opens a sentence. Both steps are memoised: contexts and phrases repeat.
    names = []
    cache = _NAME_CACHE
    opening = _OPENS_AFTER
    if len(cache) > _CACHE_SIZE or len(opening) > _CACHE_SIZE:
        cache.clear()
        opening.clear()
    for phrase, context in _NAME.findall("   " + text):
        opens = opening.get(context)
        if opens is None:
            before = context.rstrip(" \"“‘'(")
            opens = before.endswith((".", "!", "?", "\n", ":")) or before == ""
            opening[context] = opens
        key = (phrase, opens)
        name = cache.get(key)
        if name is None:
            name = clean_name(phrase, opens)
            name = cache[key] = "n:" + name if name else ""
        if name:
            names.append(name)
    return names


def clean_name(phrase: str, opens: bool) -> str:
    """Return the name a capitalised phrase stands for, or "" if nothing is left of it.

    >>> clean_name("The Bank of Ostmark's", True), clean_name("May", False)
    ('bank of ostmark', '')
    """
    words = phrase.split()
    if opens:
        words = words[1:]
    words = [w for w in words if w.lower() not in MONTHS]
    while words and words[0].lower() in STOPWORDS:
        words = words[1:]
    if not words:
        return ""
    return _POSSESSIVE.sub("", " ".join(words).lower())


def count_features(title: str, text: str, sentences: list[list[str]] | None = None) -> Counter[str]:
    """Return the term counts clustering compares: title words count more, names once more.

    ``sentences`` are the text's terms per sentence if already extracted.

    >>> c = count_features("Quake hits Chile", "A quake hit Chile.")
    >>> c["quake"], c["chile"], c["n:chile"]
    (5, 5, 2)
    """
    counts: Counter[str] = Counter()
    for t in extract_terms(title):
        counts[t] += TITLE_WEIGHT
    if sentences is None:
        counts.update(extract_terms(text))
    else:
        counts.update(chain.from_iterable(sentences))
    counts.update(extract_name_terms(title) + extract_name_terms(text))
    return counts


def extract_sentence_terms(text: str) -> list[list[str]]:
    """Return the content terms of each sentence of ``text`` (sentences without any left out).

    >>> extract_sentence_terms("Quakes hit Chile. Roads closed.")
    [['quake', 'hit', 'chile'], ['road', 'clos']]
    """
    return extract_features(text).sentences


@dataclass(frozen=True)
class TextFeatures:
    """What linking reads off a text: content terms per sentence, and word hashes."""

    sentences: list[list[str]]  # as extract_terms on each of split_sentences, empty ones out
    words: np.ndarray  # as dedup.hash_words


def extract_features(text: str) -> TextFeatures:
    """Return the sentence terms and word hashes of ``text`` in one pass.

    The same terms, split at the same places, as :func:`extract_terms` on each of
    :func:`split_sentences`, and the same hashes as :func:`hash_words`, but in one pass
    over whitespace-separated chunks: neither a word nor a sentence break crosses into a
    chunk (a break is the gap after a chunk that ends a sentence, before one that opens
    the next, or a line break), and each distinct chunk is analysed once per process, so
    the regexes run only on chunks not seen before.

    >>> f = extract_features("Quakes hit Chile. Roads closed.")
    >>> f.sentences, bool((f.words == hash_words("quakes hit chile roads closed")).all())
    ([['quake', 'hit', 'chile'], ['road', 'clos']], True)
    """
    sentences = []
    words = bytearray()  # packed uint64 word hashes: copied, not one int object each
    cache = _CHUNKS
    get = cache.get
    terms: list[str] = []
    for line in text.split("\n"):
        if terms:
            sentences.append(terms)
            terms = []
        ends = False
        for chunk in line.split():
            info = get(chunk)
            if info is None:
                if len(cache) > _CACHE_SIZE:
                    cache.clear()
                info = cache[chunk] = describe_chunk(chunk)
            if ends and info[1] and terms:
                sentences.append(terms)
                terms = []
            terms += info[0]
            words += info[3]
            ends = info[2]
    if terms:
        sentences.append(terms)
    if any(space in text for space in _BYTE_JOINED_SPACES):
        return TextFeatures(sentences, hash_words(text))
    return TextFeatures(sentences, np.frombuffer(words, dtype=np.uint64))


def describe_chunk(chunk: str) -> ChunkInfo:
    """Return a whitespace-free chunk's terms, whether it may open or close a sentence, and
    its word hashes.

    >>> [describe_chunk(c)[:3] for c in ("“Quakes", "hit.”", "U.S.-built")]
    [(('quake',), True, False), (('hit',), False, True), (('u.s', 'built'), True, False)]
    """
    return (
        tuple(extract_terms(chunk)),
        _OPENS_SENTENCE.match(chunk) is not None,
        _CLOSES_SENTENCE.search(chunk) is not None,
        array("Q", map(zlib.crc32, split_words(chunk))).tobytes(),
    )


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` (paragraph breaks and end punctuation split).

    >>> split_sentences("One here. Two there!\\nThree")
    ['One here.', 'Two there!', 'Three']
    """
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def parse_when(published: str | None) -> float | None:
    """Return ``published`` as days since the epoch (UTC), or None if missing or unreadable.

    >>> parse_when("1970-01-02")
    1.0
    >>> parse_when("1970-01-01T12:00:00+00:00")
    0.5
    """
    if not published:
        return None
    try:
        when = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.timestamp() / 86400.0


def is_earlier(a: float | None, b: float | None) -> bool:
    """Return whether time ``a`` is known to be strictly before ``b``."""
    return a is not None and b is not None and a < b


def is_apart(a: float | None, b: float | None, window: float) -> bool:
    """Return whether two times are known to lie further apart than the window."""
    return a is not None and b is not None and abs(a - b) > window
