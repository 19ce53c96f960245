"""Link features: the one-pass sentence terms and names match the plain per-sentence regexes."""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.link.dedup import hash_words
from newsdesk.link.features import (
    extract_features,
    extract_names,
    extract_sentence_terms,
    extract_terms,
    split_sentences,
)
from newsdesk.link.words import MONTHS, STOPWORDS

SHARED = Path(
    os.environ.get("NEWSDESK_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)

# The reference: the name finder as first written (a leading \b, no memo).
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+|de\s+|al-)?[A-Z][\w’'-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")


def find_names_plainly(text: str) -> list[str]:
    """Return the names the first version of :func:`extract_names` found."""
    names = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        start = m.start()
        before = text[max(0, start - 3) : start].rstrip(" \"“‘'(")
        if start == 0 or before.endswith((".", "!", "?", "\n", ":")) or before == "":
            words = words[1:]
        words = [w for w in words if w.lower() not in MONTHS]
        while words and words[0].lower() in STOPWORDS:
            words = words[1:]
        if words:
            names.append(_POSSESSIVE.sub("", " ".join(words).lower()))
    return [n for n in names if n]


def split_terms_plainly(text: str) -> list[list[str]]:
    """Return the terms of each sentence by splitting first, then tokenising each sentence."""
    return [terms for terms in map(extract_terms, split_sentences(text)) if terms]


PIECES = [
    *"aAbZzé9_,;:.!?…\"”“’‘'()[]-",
    *" \n\t\r\x0b\u00a0\u2009\u2028\u202f\x1c\x85\u1680\u205f\u3000",
    "İstanbul",
    "ΟΔΟΣ",
    "ς",
    "e\u0301",
    "of ",
    "de ",
    "al-",
    "The ",
    "May ",
    "Mr. ",
    "U.S.",
    "1,200",
    "killing",
    "Paris",
    "John Smith's",
    ". ",
    ".\n",
    "?” ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_one_pass_terms_and_names_match_the_plain_regexes(text: str) -> None:
    assert extract_sentence_terms(text) == split_terms_plainly(text)
    assert extract_features(text).words.tolist() == hash_words(text).tolist()
    assert extract_names(text) == find_names_plainly(text)


def test_one_pass_terms_and_names_match_on_the_seeds() -> None:
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert extract_sentence_terms(text) == split_terms_plainly(text)
        assert extract_features(text).words.tolist() == hash_words(text).tolist()
        assert extract_names(text) == find_names_plainly(text)
