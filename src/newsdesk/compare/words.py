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
    {
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "n't",
        # contractions split by a scrape ("didn ’ t"): the stem alone still negates
        "didn", "doesn", "isn", "wasn", "weren", "aren", "hasn", "haven", "hadn", "couldn",
        "wouldn", "shouldn", "mustn",
    }
)  # fmt: skip

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

# Words that say when rather than what: left out of the context that tells which event a
# date or number belongs to ("late on Thursday", "at 11:40 p.m. local time").
TIME_WORDS = frozenset(
    {
        "late", "early", "earlier", "later", "night", "morning", "evening", "afternoon",
        "midnight", "noon", "dawn", "dusk", "overnight", "tonight", "today", "yesterday",
        "tomorrow", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "hour", "hours", "minute", "minutes", "local", "time", "am", "pm", "a.m", "p.m",
        "shortly", "roughly", "about", "around", "approximately", "some", "nearly", "almost",
        "estimated", "gmt", "utc", "et", "bst", "cet",
    }
)  # fmt: skip

# Words before a date that make it a bound on a state ("had leaked by Friday", "closed
# until Monday"), not the day an event happened: bounds are not compared as event dates.
DATE_BOUNDS = frozenset(
    {
        "by", "until", "till", "since", "before", "after", "through", "throughout", "from",
        "within", "as of", "no later than", "ahead of",
    }
)  # fmt: skip
# Words that may stand between a bound and its date ("by early Friday").
DATE_MODIFIERS = frozenset({"early", "late", "mid", "the", "last", "this", "next"})

# Words before a number that make it approximate or a bound ("about 1,200", "more than
# 1,000", "up to 50"), so that values that can both be true are not set against each other.
NUMBER_QUALIFIERS = {
    "over": frozenset({
        "more than", "over", "at least", "upwards of", "in excess of", "above", "exceeding",
        "greater than", "higher than", "no fewer than", "no less than",
    }),
    "under": frozenset({
        "less than", "fewer than", "under", "up to", "at most", "below", "no more than",
        "as many as", "as much as",
    }),
    "about": frozenset({
        "about", "around", "roughly", "approximately", "nearly", "almost", "some", "close to",
        "an estimated", "estimated", "circa", "approx", "just over", "just under",
    }),
}  # fmt: skip

# Units that measure the same thing, as (base unit, factor to the base): a count in miles
# and one in kilometres are compared after conversion; other units are other referents.
UNIT_BASES = {
    "km": ("km", 1.0), "mile": ("km", 1.609344), "m": ("km", 0.001), "foot": ("km", 0.0003048),
    "nautical mile": ("km", 1.852), "tonne": ("tonne", 1.0), "kg": ("tonne", 0.001),
    "pound": ("tonne", 0.00045359237), "lb": ("tonne", 0.00045359237),
}  # fmt: skip

# Unit words as written, to the units above (for numbers read without annotations).
UNIT_ALIASES = {
    "kilometre": "km", "kilometer": "km", "metre": "m", "meter": "m", "feet": "foot",
    "ton": "tonne", "kilogram": "kg", "pound": "pound", "mi": "mile",
}  # fmt: skip

# Where one clause of a sentence ends and another begins: a date or number belongs to the
# event of its own clause ("ran aground on Thursday, and oil has since leaked").
CLAUSE_BREAK = re.compile(
    r"[;:]\s|\s[—–-]{1,2}\s|\(|\)|,\s+(?:(?:\w+\s+){0,2}(?:after|before)|and|but|while|"
    r"whereas|where|which|who|whose|as|when|since|until|then|so|although|though|because|"
    r"adding|saying)\b|,\s+according to\b"
    # An attribution tail (", the agency said on Friday.") dates the telling, not the event.
    r"|,\s+(?=[^,;]{0,60}\b(?:said|says|told|reported|added|announced|confirmed|stated)\b[^,;]*$)"
    # A subordinate clause may start without a comma ("burst on Tuesday after storms hit").
    r"|\s(?=(?:after|before|because|although|whereas|while|when)\s)",
    re.I,
)

# Words that make a clause a plan, hope or forecast: its date is when something is meant to
# happen, not when it did, and is compared only with other plans.
PLANNED = frozenset(
    {
        "will", "would", "shall", "plan", "plans", "planned", "planning", "hope", "hopes",
        "hoped", "hoping", "expect", "expects", "expected", "scheduled", "due", "intends",
        "intend", "aims", "set", "going", "may", "might", "could", "should", "tomorrow",
    }
)  # fmt: skip

# Words of telling: a date next to one ("said on Thursday", "in a Monday interview") dates
# a statement, and outlets quote many statements; two such dates are compared only when
# the sentences report the same statement.
TELLING = frozenset(
    {
        "said", "says", "say", "told", "tells", "announced", "announces", "announcement",
        "tweeted", "tweet", "posted", "wrote", "statement", "interview", "interviewed",
        "briefing", "conference", "remarks", "speech", "confirmed", "issued", "released",
        "declared", "stated", "testified", "added", "noted", "reported", "claimed",
        "insisted", "warned", "explained", "acknowledged", "conceded", "admitted",
    }
)  # fmt: skip

# A date told through another ("that same day", "later in the day", "the next day") is
# only as good as the day it leans on: it backs a side but never opens a dispute.
ANAPHORIC_DAY = re.compile(
    r"\b(?:that|same|the|this)\s+(?:same\s+)?day\b|\bin the day\b|\b(?:next|following|"
    r"previous|prior)\s+(?:day|morning|evening|night)\b|\bday (?:before|after)\b",
    re.I,
)
