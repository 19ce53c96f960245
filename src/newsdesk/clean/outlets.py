"""Know news outlets: look them up by host or name, and spot them in page furniture.

The registry is data (``newsdesk/data/outlets.json``: name, hosts, aliases, country, IANA
zone, optional signature phrases), loaded lazily once. Every lookup takes an optional
:class:`Registry` so callers can extend the shipped one (the fictional sample outlets, a
user's own list) with :func:`build_registry` and :func:`parse_outlets`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal
from urllib.parse import urlsplit

from newsdesk.clean.outlet_patterns import (
    COMMON_WORD_NAMES,
    COPYRIGHT,
    DOMAIN,
    EDGE_JUNK,
    HOST_NOISE,
    LEAD_SEGMENT,
    MAX_NAME_LINE_WORDS,
    NAME_SUFFIXES,
    PUBLIC_SECOND_LEVEL,
    SMALL_WORDS,
    TAGLINE_SEPARATOR,
)

MentionHow = Literal["name", "host", "signature"]

# What every match of a regex holds, tested before the regex runs over a line: a label's
# last character, a dot and a letter for DOMAIN; a mark or word for COPYRIGHT (lower-cased);
# a separator for LEAD_SEGMENT.
DOMAIN_CUE = re.compile(r"[a-z0-9]\.[a-z]", re.IGNORECASE)
COPYRIGHT_CUES = ("©", "(c)", "copyright")
LEAD_CUES = (":", "|", "-", "–", "—")


@dataclass(frozen=True)
class Outlet:
    """A news outlet: display name, web hosts, other names, home country and time zone."""

    name: str
    hosts: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str | None
    tz: str | None
    signatures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Registry:
    """Outlets indexed for lookup: by host, by normalised name, and by signature phrase."""

    outlets: tuple[Outlet, ...]
    by_host: Mapping[str, Outlet]
    by_name: Mapping[str, Outlet]
    signatures: tuple[tuple[str, Outlet], ...]
    vocabulary: frozenset[str]


def parse_outlets(text: str) -> list[Outlet]:
    """Return the outlets in a registry JSON text (a list of outlet objects).

    >>> parse_outlets('[{"name": "X", "hosts": ["x.example"]}]')[0].hosts
    ('x.example',)
    """
    rows: list[dict[str, Any]] = json.loads(text)
    return [
        Outlet(
            name=row["name"],
            hosts=tuple(h.lower().removeprefix("www.") for h in row.get("hosts", ())),
            aliases=tuple(row.get("aliases", ())),
            country=row.get("country"),
            tz=row.get("tz"),
            signatures=tuple(row.get("signatures", ())),
        )
        for row in rows
    ]


def build_registry(outlets: Iterable[Outlet]) -> Registry:
    """Return a registry over ``outlets``; a later outlet wins a host or name they share.

    >>> reg = build_registry([Outlet("X Post", ("x.example",), (), "US", "UTC")])
    >>> outlet_by_host("news.x.example", reg).name
    'X Post'
    """
    items = tuple(outlets)
    by_host: dict[str, Outlet] = {}
    by_name: dict[str, Outlet] = {}
    signatures: list[tuple[str, Outlet]] = []
    vocabulary: set[str] = set()
    for outlet in items:
        for host in outlet.hosts:
            by_host[host] = outlet
        for name in (outlet.name, *outlet.aliases):
            by_name[normalize_name(name)] = outlet
            vocabulary.update(w for w in re.findall(r"[a-z]+", name.casefold()) if len(w) > 2)
        signatures.extend((s.casefold(), outlet) for s in outlet.signatures)
    return Registry(items, by_host, by_name, tuple(signatures), frozenset(vocabulary))


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """Return the shipped registry, read once from the package data."""
    data = resources.files("newsdesk").joinpath("data/outlets.json").read_text("utf-8")
    return build_registry(parse_outlets(data))


def normalize_host(url_or_host: str) -> str:
    """Return the lower-case host of a URL or bare host, without port or "www.".

    >>> normalize_host("https://www.JapanTimes.co.jp:443/news/2025/")
    'japantimes.co.jp'
    """
    text = url_or_host.strip()
    if "://" in text or text.startswith("//"):
        host = urlsplit(text if "://" in text else "http:" + text).hostname or ""
    else:
        host = re.split(r"[/?#]", text, maxsplit=1)[0].rsplit("@", 1)[-1].split(":")[0]
    return host.lower().rstrip(".").removeprefix("www.")


def outlet_by_host(url_or_host: str, registry: Registry | None = None) -> Outlet | None:
    """Return the outlet serving a URL or host; subdomains match their parent, else None.

    >>> outlet_by_host("https://www.japantimes.co.jp/news/2025/07/04/").name
    'The Japan Times'
    >>> outlet_by_host("news.yahoo.com").name
    'Yahoo'
    >>> outlet_by_host("unknown-paper.example") is None
    True
    """
    reg = registry or default_registry()
    labels = normalize_host(url_or_host).split(".")
    # Longest suffix first, so "economictimes.indiatimes.com" beats a parent entry.
    for i in range(len(labels) - 1):
        found = reg.by_host.get(".".join(labels[i:]))
        if found is not None:
            return found
    return None


def normalize_name(name: str) -> str:
    """Return the lookup key of an outlet name: case-folded, no leading "the", "&" as "and".

    >>> normalize_name("  The  Japan Times ")
    'japan times'
    """
    key = name.casefold().replace("’", "'").replace("&", " and ")
    key = " ".join(key.strip(EDGE_JUNK).split())
    return key.removeprefix("the ")


def outlet_by_name(name: str, registry: Registry | None = None) -> Outlet | None:
    """Return the outlet called ``name`` (name or alias, any case, "the" optional), else None.

    A trailing "Desk", "staff and agencies" or company suffix is ignored, so is a tagline
    after a dash, bar or colon ("Northgate Herald - World news"), and a bare domain is looked
    up as a host.

    >>> outlet_by_name("japan times").name
    'The Japan Times'
    >>> outlet_by_name("GreenWatch Desk").name
    'GreenWatch'
    >>> outlet_by_name("Nexstar Media, Inc.").name
    'Nexstar Media Group'
    """
    reg = registry or default_registry()
    key = normalize_name(name)
    if not key:
        return None
    found = reg.by_name.get(key)
    if found is not None:
        return found
    words = key.replace(",", " ").split()
    while len(words) > 1 and words[-1].strip(".") in NAME_SUFFIXES:
        words.pop()
        found = reg.by_name.get(" ".join(words))
        if found is not None:
            return found
    if " " not in key and DOMAIN.fullmatch(key):
        return outlet_by_host(key, reg)
    head = TAGLINE_SEPARATOR.split(name.strip(), maxsplit=1)[0]
    # A headline can start "Today: ..."; only a name-like head before a tagline counts.
    if head != name.strip() and len(head.split()) <= 6 and head.casefold() not in COMMON_WORD_NAMES:
        return outlet_by_name(head, reg)
    return None


def find_outlet_mentions(
    lines: Sequence[str], registry: Registry | None = None
) -> list[tuple[int, Outlet, MentionHow]]:
    """Return (line index, outlet, how) for lines that name a known outlet.

    A line counts when it IS an outlet name (a short whole line, bullets aside, or the lead
    of a desk byline "GreenWatch Desk: ..."), names a known host ("Learn more at
    SpaceWar.com"), carries a "© 2025 Name" / "Copyright 2025 Name" notice, or contains one
    of the outlet's signature phrases. Each outlet is reported once per line.

    >>> [(i, o.name, how) for i, o, how in find_outlet_mentions(["Yahoo", "Hi", "© 2031 Dawn"])]
    [(0, 'Yahoo', 'name'), (2, 'Dawn', 'name')]
    """
    reg = registry or default_registry()
    found: list[tuple[int, Outlet, MentionHow]] = []
    for index, line in enumerate(lines):
        seen: set[str] = set()
        for outlet, how in _mentions_in_line(line, reg):
            if outlet.name not in seen:
                seen.add(outlet.name)
                found.append((index, outlet, how))
    return found


def _mentions_in_line(line: str, reg: Registry) -> Iterable[tuple[Outlet, MentionHow]]:
    """Yield every (outlet, how) that one line supports, strongest evidence first."""
    text = line.strip(EDGE_JUNK)
    if not text:
        return
    # Substring tests before each regex: most lines are prose that none of them matches,
    # and scanning a long line with DOMAIN or COPYRIGHT costs ten times the test.
    lead = LEAD_SEGMENT.match(text) if any(c in text for c in LEAD_CUES) else None
    for candidate in (text, lead["lead"] if lead else ""):
        outlet = _outlet_named_by_line(candidate, reg)
        if outlet is not None:
            yield outlet, "name"
    if DOMAIN_CUE.search(line):
        for match in DOMAIN.finditer(line):
            outlet = outlet_by_host(match[1], reg)
            if outlet is not None:
                yield outlet, "host"
    lower = line.lower()
    if any(c in lower for c in COPYRIGHT_CUES):
        for match in COPYRIGHT.finditer(line):
            outlet = outlet_by_name(match["name"], reg)
            if outlet is not None:
                yield outlet, "name"
    if reg.signatures:
        folded = " ".join(line.split()).casefold()  # pages use no-break spaces
        for phrase, outlet in reg.signatures:
            if phrase in folded:
                yield outlet, "signature"


def _outlet_named_by_line(text: str, reg: Registry) -> Outlet | None:
    """Return the outlet a short line names, with one-word names matched in their own case.

    A lone "Today" or "Metro" is page furniture far more often than the outlet, so a
    one-word line must be spelled as the registry spells the name ("Yahoo", not "yahoo")
    and must not be an ordinary word.
    """
    words = text.split()
    if not words or len(words) > MAX_NAME_LINE_WORDS:
        return None
    outlet = outlet_by_name(text, reg)
    if outlet is None or len(words) > 1:
        return outlet
    if text.casefold() in COMMON_WORD_NAMES:
        return None
    return outlet if text in (outlet.name, *outlet.aliases) else None


def outlet_from_host_unknown(host: str, registry: Registry | None = None) -> str:
    """Return a readable outlet name for a host the registry does not know.

    The registrable label is split on hyphens, or into words the registry's outlet names
    use ("thedailypost" -> "The Daily Post"), and title-cased.

    >>> outlet_from_host_unknown("reportultra.com")
    'Reportultra'
    >>> outlet_from_host_unknown("www.the-daily-post.co.uk")
    'The Daily Post'
    """
    reg = registry or default_registry()
    clean = normalize_host(host)
    labels = [label for label in clean.split(".") if label]
    if not labels or re.fullmatch(r"[\d.:]+", clean):
        return clean or host
    if len(labels) >= 3 and labels[-2] in PUBLIC_SECOND_LEVEL and len(labels[-1]) == 2:
        labels = labels[:-2]
    elif len(labels) >= 2:
        labels = labels[:-1]
    meaningful = [label for label in labels if label not in HOST_NOISE] or labels
    label = meaningful[-1]
    words = [w for w in label.split("-") if w]
    if len(words) == 1:
        words = _segment_label(words[0], reg.vocabulary | SMALL_WORDS)
    return _title_words(words)


def _segment_label(label: str, vocabulary: frozenset[str]) -> list[str]:
    """Split a glued host label into known words when every piece is known, else keep it."""
    best: list[list[str] | None] = [None] * (len(label) + 1)
    best[0] = []
    for end in range(1, len(label) + 1):
        for start in range(max(0, end - 20), end):
            head = best[start]
            piece = label[start:end]
            if head is not None and piece in vocabulary:
                candidate = [*head, piece]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    result = best[len(label)]
    # One known word is not a segmentation; "reportultra" stays whole unless fully known.
    return result if result is not None and len(result) > 1 else [label]


def _title_words(words: Sequence[str]) -> str:
    """Return words title-cased, keeping short function words lower-case inside the name."""
    out = []
    for i, word in enumerate(words):
        small = i > 0 and word in SMALL_WORDS and word != "the"
        out.append(word if small or word.isupper() else word[:1].upper() + word[1:])
    return " ".join(out)
