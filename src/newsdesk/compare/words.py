"""Word lists and patterns the compare and brief stages use, kept as data.

Written by hand for English news; nothing here is mined from evaluation data.
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt",
        "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
        "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "v", "fig", "approx", "dept", "est",
    }
)  # fmt: skip

# Words sklearn's stop list drops that carry news content ("the call", "a fire", "the bill").
CONTENT_WORDS_KEPT = frozenset(
    {
        "call", "fire", "bill", "move", "found", "interest", "system", "side", "part", "top",
        "front", "back", "full", "empty", "first", "last", "amount", "give", "show", "find",
        "put", "take", "made", "thin", "thick", "cry", "mill", "eleven", "fifteen", "twenty",
        "forty", "fifty", "sixty", "hundred", "three", "four", "five", "six", "eight", "nine",
        "ten", "twelve", "two", "one",
    }
)  # fmt: skip

# Words that make a sentence opinion or analysis rather than a checkable event.
OPINION_WORDS = frozenset(
    {
        "should", "must", "ought", "perhaps", "arguably", "likely", "unlikely", "may",
        "might", "could", "seems", "appears", "believe", "think", "opinion", "hopefully",
        "apparently", "supposedly", "presumably", "probably", "possibly", "underscores",
        "reflects", "suggests", "signals", "raises", "fueled", "questioning",
    }
)  # fmt: skip

# Tokens that turn a statement into its negation.
NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "n't"}
)

# Attribution tails that a compressed brief sentence may drop ("..., officials said.").
ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:(?:according to|said|says|told)\b[^,;]{0,60}|[^,;]{1,50}\s+(?:said|says|reported|added|told reporters))\s*(?=[.!?][\"'”’]?\s*$)",
)

# Month names to numbers, for reading dates without annotations.
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

# Number words, for counts written out ("killing eight").
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
}  # fmt: skip

# Quotation marks that open and close a direct quote.
QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"))

# Verbs that introduce reported speech, for the fallback speaker finder.
SPEECH_VERBS = (
    "said", "says", "told", "added", "stated", "asserted", "replied", "responded",
    "wrote", "posted", "declared", "insisted", "noted", "explained", "relayed",
)  # fmt: skip
