"""Patterns of page furniture in text scrapes, kept as data apart from the code that uses them.

Each list holds regular expressions (case-insensitive) matched with ``search`` against one
stripped line unless said otherwise. They name kinds of furniture that recur across
outlets; nothing here is fitted to one page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Lines that are a paywall or access notice: the page holds only part of the article.
PAYWALL = [
    r"\bpreview (view )?of this article\b",
    r"\bchecking your access\b",
    r"\bverify(ing)? (your )?access\b",
    r"\b(confirm|verify|check)(ing)? your (access|subscription)\b",
    r"\bwhile we (are )?(checking|verify)",
    r"\bfull article (content )?will load\b",
    r"\balready (a )?subscriber\b",
    r"\bsubscribe (now )?(to|for) (continue|keep|read|all|unlimited)",
    r"\b(want|get) (all|full|unlimited) (of|access)\b",
    r"\bthis (article|story|content) is (only )?(available|for|reserved for) (to )?(subscribers|members|premium)",
    r"\b(subscribers?|members?)[- ]only\b",
    r"\bpaywall\b",
    r"\byou have reached (your|the) (limit|maximum)\b",
    r"\bfree articles? (left|remaining)\b",
    r"\bsign in to (continue|read)\b",
    r"\blog ?in (to|into) your .{0,30}account\b",
    r"\bcontinue reading (with|by)\b",
    r"^read (the )?(entire|full) (article|story)\b",
]

# Lines that are navigation, app, newsletter, sharing or footer furniture (never content).
FURNITURE = [
    r"\bdownload (the|our)? ?(\w+ )?app\b",
    r"\bapp[- ]?store\b",
    r"\bplay[- ]?store\b",
    r"\bget started now\b",
    r"\bsubscribe (free )?to our\b",
    r"\bsign up (for|to) (our|the) .{0,30}(newsletter|briefing|alerts)\b",
    r"^\|?\s*subscribe\b",
    r"\bnewsletters?\b.{0,40}\b(sign up|subscribe|inbox)\b",
    r"^(share|share this|share on|tweet|email|print|comments?|follow us)( (article|story|on \w+))?[:!]?$",
    r"\b(privacy|cookie) (policy|settings|notice|preferences)\b",
    r"\bterms (of|and) (use|service|conditions)\b",
    r"\ball rights reserved\b",
    r"^(©|\(c\)|copyright)\s",
    r"©\s*\d{4}",
    r"^(advertisement|advert|sponsored( content)?|ad)$",
    r"^(skip to (main )?content|jump to|back to top|menu|search|home|logo)\b",
    r"^latest news with #",
    r"^(log ?in|sign ?in|sign ?up|register)$",
    r"\bthank you for (your patience|reading|subscribing)\b",
    r"\bif you are in reader mode\b",
    r"\benable javascript\b",
    r"\byour browser (does not|doesn't) support\b",
]

# Lines after which related-link lists follow: they end the article body.
END_MARKERS = [
    r"^(related|more) (links|posts|articles|stories|news|coverage|from\b.*)$",
    r"^(read|see) (more|also)( on\b.*| from\b.*)?:?$",
    r"^you (may|might) (also )?like:?$",
    r"^recommended( for you| stories| reading)?:?$",
    r"^(most (read|popular|viewed)|trending( now)?|top stories|editor'?s picks)$",
    r"^(tags?|topics|filed under):?$",
    r"^read (the )?(entire|full) (article|story)\b",
    r"^download the app$",
]

# Photo captions and credits.
CAPTION = [
    r"\bcredit\s*(\.\.\.|…|:)",
    r"\((photo|image|picture|file photo)\s*(by|:|credit)",
    r"^(photo|image|picture|file photo|illustration)\s*(by|:|credit)",
    r"\b(getty images|afp via getty|reuters/|ap photo|epa-efe|shutterstock|pool photo)\b",
    r"^(caption|photograph):",
]

# A line that is only an image file name.
IMAGE_FILE = r"^\S+\.(png|jpe?g|gif|webp|avif|svg|bmp|tiff?)(\?\S*)?$"

# Relative timestamps with counters ("7 hours ago 4", "2 days ago"): header furniture.
RELATIVE_STAMP = r"^\d+\s+(second|minute|min|hour|hr|day|week|month)s?\s+ago\b.{0,12}$"

# A copyright or rights notice glued onto the end of a paragraph: cut from its start.
GLUED_COPYRIGHT = (
    r"(?:(?<=[.!?\"”’')])|(?<=[.!?][\"”’']))\s+"
    r"((?:copyright|©|\(c\))\s*(?:©\s*)?\d{4}\b.*|all rights reserved\b.*)$"
)

# Subscribe/app prompts glued to a paragraph's end ("...|Subscribe Free To Our Daily Newsletters").
GLUED_PROMPT = r"\s*\|\s*(subscribe|sign up|download|follow us|share)\b[^|]*$"

# A dateline glued to the start of the first paragraph (" date 2025-07-03 We had ...").
DATELINE_PREFIX = (
    r"^\s*(?:date|time|published|posted|updated|last updated)\s*[:\-]?\s*"
    r"(\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s+"
)

# Words of a Title Case headline that style guides leave in lower case.
TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "if",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    ]
)

# Words that mark a byline as an institution, not a person ("staff and agencies").
NOT_PERSON = r"\b(staff|agenc(y|ies)|desk|newsroom|reporters?|editors?|editorial|team|wires?|bureau|correspondents?|news service)\b"

# Bullet characters that start list items (category chips, tickers, related lists).
BULLETS = "•·▪●◦‣-–—*»›"

# A desk byline: "GreenWatch Desk", "Metro Desk:", "Web Desk".
DESK_BYLINE = r"^(?P<desk>[A-Z][\w&.'’ -]{1,40}?)\s+(?:desk|staff|team|bureau|newsroom)\b"

# A "By ..." byline.
BY_LINE = r"^by\s+(?P<names>[^\d|]{3,120})$"

# Separators between names in a byline.
NAME_SEPARATORS = r"\s*(?:,|&|\band\b|\bund\b|\by\b|\bet\b|/|\|)\s*"


_COMMON = frozenset(
    [
        "the",
        "this",
        "that",
        "your",
        "you",
        "are",
        "with",
        "will",
        "for",
        "and",
        "only",
        "read",
        "sign",
        "have",
        "from",
    ]
)


def _top_groups(pattern: str) -> tuple[str, list[str]]:
    """Return the pattern with top-level groups struck out, and the mandatory groups' bodies."""
    outside: list[str] = []
    groups: list[str] = []
    depth, buf, i = 0, "", 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            if depth:
                buf += pattern[i : i + 2]
            else:
                outside.append(" ")
            i += 2
            continue
        if ch == "(":
            depth += 1
            if depth == 1:
                buf = ""
                i += 1
                continue
        elif ch == ")":
            depth -= 1
            if depth == 0:
                optional = i + 1 < len(pattern) and pattern[i + 1] in "?*"
                if not optional:
                    groups.append(buf)
                outside.append(" ")
                i += 1
                continue
        if depth:
            buf += ch
        else:
            outside.append(ch)
        i += 1
    return "".join(outside), groups


def _words_of(fragment: str) -> list[str]:
    bare = re.sub(r"\\.", " ", fragment)
    bare = re.sub(r"\[[^\]]*\]", " ", bare)
    bare = re.sub(r"[a-z]\?", " ", bare)  # a letter made optional is not mandatory
    return re.findall(r"[a-z]{3,}", bare.lower())


def _trigger(pattern: str) -> tuple[str, ...] | None:
    """Return literal words one of which every match of ``pattern`` contains, or None.

    Mandatory words outside groups, or the alternatives of a mandatory group; the set
    whose words are longest and least common wins.

    >>> _trigger(r"\\bfull article (content )?will load\\b")
    ('article',)
    >>> _trigger(r"\\b(privacy|cookie) (policy|settings)\\b")
    ('privacy', 'cookie')
    >>> _trigger(r"^(share|tweet)$")
    ('share', 'tweet')
    """
    outside, groups = _top_groups(pattern)
    candidates: list[tuple[str, ...]] = [(w,) for w in _words_of(outside)]
    for body in groups:
        picks: list[str] = []
        for alt in _split_top(body):
            ws = [w for w in _words_of(alt) if "(" not in alt]
            if not ws:
                picks = []
                break
            picks.append(max(ws, key=len))
        if picks:
            candidates.append(tuple(picks))
    if not candidates:
        return None

    def score(ws: tuple[str, ...]) -> int:
        return min(0 if w in _COMMON else len(w) for w in ws)

    best = max(candidates, key=score)
    return best if score(best) > 0 else None


def _split_top(body: str) -> list[str]:
    parts: list[str] = []
    depth, buf = 0, ""
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append(buf)
            buf = ""
        else:
            buf += ch
    parts.append(buf)
    return parts


class AnyPattern:
    """Match any of several case-insensitive patterns, fast.

    Python's ``re`` spends tens of microseconds per pattern on a paragraph; most lines
    hold none of the literal words the patterns need, so a substring test on the
    lower-cased line skips them.
    """

    def __init__(self, patterns: list[str]) -> None:
        self.items = [(_trigger(p), re.compile(p, re.I)) for p in patterns]
        by_word: dict[str, set[int]] = {}
        for i, (t, _) in enumerate(self.items):
            for w in t or ():
                by_word.setdefault(w, set()).add(i)
        # One `in` test per trigger word beats one regex alternation of them all, and it
        # also finds words that overlap each other ("articlear": "article" and "clear").
        self._by_word = tuple((w, frozenset(ids)) for w, ids in sorted(by_word.items()))
        self._always = tuple(i for i, (t, _) in enumerate(self.items) if t is None)
        self.search = lru_cache(maxsize=1 << 12)(self._search)  # lines recur within a page

    def _candidates(self, text: str) -> Sequence[int]:
        lower = text.lower()
        hits = [ids for w, ids in self._by_word if w in lower]
        if not hits:
            return self._always
        return sorted(set(self._always).union(*hits))

    def _search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        for i in self._candidates(text):
            m = self.items[i][1].search(text, pos)
            if m:
                return m
        return None

    def match(self, text: str) -> re.Match[str] | None:
        for i in self._candidates(text):
            m = self.items[i][1].match(text)
            if m:
                return m
        return None


def compile_all(patterns: list[str]) -> AnyPattern:
    """Return one matcher for any of ``patterns`` (case-insensitive).

    >>> bool(compile_all(PAYWALL).search("Already a subscriber? Log in."))
    True
    """
    return AnyPattern(patterns)


PAYWALL_RE = compile_all(PAYWALL)
FURNITURE_RE = compile_all(FURNITURE)
END_MARKER_RE = compile_all(END_MARKERS)
CAPTION_RE = compile_all(CAPTION)
IMAGE_FILE_RE = re.compile(IMAGE_FILE, re.I)
RELATIVE_STAMP_RE = re.compile(RELATIVE_STAMP, re.I)
GLUED_COPYRIGHT_RE = re.compile(GLUED_COPYRIGHT, re.I)
GLUED_PROMPT_RE = re.compile(GLUED_PROMPT, re.I)
DATELINE_PREFIX_RE = re.compile(DATELINE_PREFIX, re.I)
DESK_BYLINE_RE = re.compile(DESK_BYLINE, re.I)
BY_LINE_RE = re.compile(BY_LINE, re.I)
NAME_SEPARATORS_RE = re.compile(NAME_SEPARATORS, re.I)
NOT_PERSON_RE = re.compile(NOT_PERSON, re.I)
