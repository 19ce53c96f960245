"""Patterns the brief compressor drops: words that only make sense inside their article."""

from __future__ import annotations

import re

# A connective that opens a sentence points back at the sentence before it in its own
# article; in a brief that sentence is usually not there, so the connective misleads.
# These count only with their comma: "Now that ..." or "Still others ..." keep the word.
LEADING_MARKERS = (
    "additionally",
    "also",
    "currently",
    "furthermore",
    "however",
    "in addition",
    "in fact",
    "indeed",
    "meanwhile",
    "moreover",
    "nonetheless",
    "now",
    "still",
    "yet",
)
# Conjunctions drop with or without a comma ("But the court ruled ...").
LEADING_CONJUNCTIONS = ("and", "but")
LEADING_MARKER = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(m) for m in LEADING_MARKERS)
    + r"),|(?:"
    + "|".join(LEADING_CONJUNCTIONS)
    + r")\b,?)\s+(?=[\w“\"‘'])",
    re.IGNORECASE,
)
# A short aside in round brackets ("(R-Wyo.)", "(CCP virus)"): the sentence reads
# without it. Long brackets may carry the point, so they stay.
PARENTHETICAL = re.compile(r"\s*\([^()]{1,60}\)(?=[\s,.;:!?])")
