"""Word lists and regex shapes the outlet registry uses, kept as data.

They describe host names, company suffixes and notice lines, not any one outlet; the
outlets themselves live in ``newsdesk/data/outlets.json``.
"""

from __future__ import annotations

import re

# Second-level labels under which a country registers names ("bbc.co.uk", "abc.net.au"):
# the readable name of an unknown host is the label before them.
PUBLIC_SECOND_LEVEL = frozenset(
    {"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "nic", "gob", "mil"}
)
# Leading host labels that say nothing about the outlet.
HOST_NOISE = frozenset(
    {"www", "www1", "www2", "www3", "m", "amp", "mobile", "edition", "news", "en", "english"}
)
# Words after a name that make it a byline or a company, not a different outlet:
# "GreenWatch Desk", "Nexstar Media, Inc.", "Reportultra Ltd", "Herald staff and agencies".
NAME_SUFFIXES = frozenset(
    {"desk", "staff", "newsdesk", "inc", "incorporated", "ltd", "limited", "llc", "plc"}
    | {
        "corp",
        "corporation",
        "co",
        "and",
        "agencies",
        "reporters",
        "correspondents",
        "wires",
        "online",
    }
)
# Where a site or feed title puts its tagline: "Northgate Herald - World and UK news".
TAGLINE_SEPARATOR = re.compile(r"\s+[-–—|:·•]\s+|:\s+")
# Function words that may sit inside an outlet name ("Times of Oman") and stay lower-case.
SMALL_WORDS = frozenset({"of", "the", "and", "on", "in", "for", "at"})
# A bare domain inside running text; not the tail of an e-mail address or a longer token.
DOMAIN = re.compile(
    r"(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![\w-])", re.IGNORECASE
)
# "© 2025 Name", "Copyright 2020-2025 Name, Inc. All rights reserved", "(c) Name |".
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    r"(?:©\s*)?(?:by\s+)?(?P<name>[^\s.|•©][^.|•©]{0,60}?)\s*(?:[.|•©]\s|[.|•]?$|all rights)",
    re.IGNORECASE,
)
# The lead of a desk byline or a "Name | section" line: "GreenWatch Desk: World News ...".
LEAD_SEGMENT = re.compile(r"^(?P<lead>[^:|–—]{2,50}?)\s*(?::|\||\s[-–—]\s)")
# Bullets, separators and punctuation around a name on its own line.
EDGE_JUNK = " \t\u00a0•·-–—*►▶→»›|+#:;,.!?()[]\"'“”‘’"
# A line longer than this is a sentence, not an outlet name.
MAX_NAME_LINE_WORDS = 8
# One-word outlet names that are also ordinary words or section names ("Metro", "Outlook",
# "Reason"): a line holding only one of these is a menu item far more often than the outlet.
COMMON_WORD_NAMES = frozenset(
    {"metro", "reason", "stuff", "mint", "leadership", "outlook", "vice", "slate", "salon"}
    | {"fortune", "wired", "dawn", "vanguard", "punch", "time", "today", "insider", "express"}
    | {"scroll", "newsroom", "axios", "mothership", "crikey", "nation", "wire", "guardian"}
)
