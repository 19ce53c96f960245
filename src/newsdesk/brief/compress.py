"""Compress a brief sentence: drop what only makes sense inside its own article.

The result is a deletion-only compression of the sentence, so every word of it is still
in the verbatim quote the brief cites (the whole sentence).
"""

from __future__ import annotations

from newsdesk.brief.patterns import LEADING_MARKER, PARENTHETICAL

MIN_WORDS_LEFT = 4  # a compression this short has lost the sentence; keep the original


def drop_leading_marker(text: str) -> str:
    """Return ``text`` without an opening connective ("However, ...").

    >>> drop_leading_marker("However, the court ruled on Monday.")
    'The court ruled on Monday.'
    >>> drop_leading_marker("Nowhere else was hit.")
    'Nowhere else was hit.'
    """
    m = LEADING_MARKER.match(text)
    if not m:
        return text
    rest = text[m.end() :]
    return rest[:1].upper() + rest[1:]


def drop_parentheticals(text: str) -> str:
    """Return ``text`` without short asides in round brackets.

    >>> drop_parentheticals("Rep. Liz Cheney (R-Wyo.) spoke.")
    'Rep. Liz Cheney spoke.'
    """
    return PARENTHETICAL.sub("", text)


def compress_sentence(text: str) -> str:
    """Return ``text`` compressed for a brief, or unchanged when too little would be left.

    >>> compress_sentence("But the ban (SB 8) stays in force, the court said.")
    'The ban stays in force, the court said.'
    """
    short = drop_parentheticals(drop_leading_marker(text))
    return short if len(short.split()) >= MIN_WORDS_LEFT else text
