"""Read the checkable slots of a sentence: dates, numbers, names, negation.

Annotations (times, quantities, entities) are used when extraction filled them; otherwise a
small rule-based fallback reads dates and numbers from the text itself, so compare still
works on unannotated articles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsdesk.compare.text import Unit, content_words, tokenize
from newsdesk.compare.words import (
    CLAUSE_BREAK,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    OPINION_WORDS,
    WEEKDAYS,
)
from newsdesk.model import Article

DAY_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_DAY = re.compile(
    rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I
)
DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\b(?:,?\s+(\d{{4}}))?", re.I
)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_QUOTED = re.compile(r"[“\"][^”\"]{3,}[”\"]")
# A time mention dates an event only when it names a day ("Thursday", "July 3", "that
# day"); "overnight" or "this week" resolve to a day too but do not say which event.
_NAMES_DAY = re.compile(r"\d|\bday\b|today|yesterday|tomorrow|" + "|".join(WEEKDAYS), re.I)
# A clock time alone ("at 11:40 p.m.") names no day: the day extraction gives it is a guess.
_CLOCK = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b\.?)|\b\d{1,2}[:.]\d{2}\b|\+\d{2}(?::?\d{2})?\b",
    re.I,
)
_MONTH_MAY = re.compile(r"\bMay(?=\s+\d)|(?<=\d\s)May\b")
# A number followed by a clock mark is a time of day, not a count ("10 p.m.", "11:40").
_CLOCK_AFTER = re.compile(r"\s?(?:[ap]\.?m\b|[:.]\d{2}\b|GMT|UTC)", re.I)
_QUOTED_WORD = re.compile(r"[\"“‘']\w+(?:n't)?[\"”’']")
_QUOTE_MARK = re.compile(r"[“”\"]")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|us|me|[Yy]ou|[Yy]our)\b")
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})


@dataclass(frozen=True)
class Slots:
    """What a sentence states that can be checked against another outlet."""

    dates: tuple[str, ...] = ()  # ISO days
    numbers: tuple[str, ...] = ()  # plain numbers, with unit when known ("8 people")
    names: tuple[str, ...] = ()  # canonical names
    negated: bool = False


def anchor_day(article: Article) -> dt.date | None:
    if not article.published:
        return None
    try:
        return dt.date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _fallback_dates(text: str, anchor: dt.date | None) -> list[str]:
    out: list[str] = []
    year = anchor.year if anchor else None
    for m in MONTH_DAY.finditer(text):
        y = int(m.group(3)) if m.group(3) else year
        if y is not None:
            out.append(f"{y:04d}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}")
    for m in DAY_MONTH.finditer(text):
        y = int(m.group(3)) if m.group(3) else year
        if y is not None:
            out.append(f"{y:04d}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}")
    if anchor is not None and not out:
        for m in _WEEKDAY.finditer(text):
            # News reports a named weekday as the most recent one on or before publication.
            back = (anchor.weekday() - WEEKDAYS[m.group(1).lower()]) % 7
            out.append((anchor - dt.timedelta(days=back)).isoformat())
    return out


def names_day(said: str) -> bool:
    """Return whether a time expression names a day (not only a clock time).

    >>> names_day("11:40 p.m. on Thursday"), names_day("at 11:40pm"), names_day("March 3")
    (True, False, True)
    """
    return bool(_NAMES_DAY.search(_CLOCK.sub(" ", said)))


def fallback_number_spans(text: str) -> list[tuple[int, int, float]]:
    """Return (start, end, value) of the counts in ``text`` (years left out).

    >>> fallback_number_spans("In 2024 some 1,200 people and eight dogs left at 9 p.m.")
    [(13, 18, 1200.0), (30, 35, 8.0)]
    """
    out = []
    for m in _NUMBER.finditer(text):
        if _CLOCK_AFTER.match(text, m.end()) or text[max(0, m.start() - 1) : m.start()] == ":":
            continue
        word = m.group().lower().replace(",", "")
        value = NUMBER_WORDS.get(word)
        if value is None:
            try:
                number = float(word)
            except ValueError:
                continue
            if 1900 <= number <= 2100 and "." not in word:  # a year, not a count
                continue
            out.append((m.start(), m.end(), number))
        else:
            out.append((m.start(), m.end(), float(value)))
    return out


def _fallback_numbers(text: str) -> list[str]:
    return [format_number(v) for _, _, v in fallback_number_spans(text)]


def format_number(value: float) -> str:
    """Return ``value`` as a plain number string.

    >>> format_number(8.0), format_number(66.9)
    ('8', '66.9')
    """
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _in(start: int, end: int, unit: Unit) -> bool:
    return unit.start <= start and end <= unit.end


def is_negated(text: str) -> bool:
    """Return whether ``text`` negates its main statement (a negation word before a verb).

    >>> is_negated("The council did not approve the plan."), is_negated("None of them was hurt.")
    (True, False)
    >>> is_negated('The lone "no" vote was cast by Reid.')
    False
    """
    toks = tokenize(_QUOTED_WORD.sub(" ", text))  # a quoted "no" is named, not meant
    for i, t in enumerate(toks):
        if t in NEGATIONS or t.endswith("n't"):
            # "none of them was hurt" negates a noun phrase, not the reported event.
            if t in {"none", "nobody", "nothing", "neither", "nor", "without"}:
                continue
            if t == "no" and i + 1 < len(toks) and toks[i + 1] == "one":
                continue
            return True
    return False


def read_slots(unit: Unit, article: Article) -> Slots:
    """Return the dates, numbers, names and negation that ``unit`` states.

    >>> from newsdesk.model import Source
    >>> a = Article(id="a", source=Source("p", 0, 1), text="The call was on July 3, not later.",
    ...             published="2025-07-04")
    >>> u = Unit(0, 0, 0, len(a.text), a.text)
    >>> s = read_slots(u, a)
    >>> s.dates, s.negated
    (('2025-07-03',), True)
    """
    ann = article.annotations
    text = unit.text
    negated = is_negated(text)
    if ann is None:
        dates = _fallback_dates(text, anchor_day(article))
        numbers = _fallback_numbers(text)
        names = [m.group() for m in _NAME.finditer(text)]
    else:
        dates = []
        for t in ann.times:
            m = DAY_VALUE.match(t.value)
            said = article.text[t.start : t.end]
            if m and t.type in ("DATE", "TIME") and _in(t.start, t.end, unit) and names_day(said):
                dates.append(m.group(1))
        numbers = []
        for q in ann.quantities:
            if _in(q.start, q.end, unit):
                numbers.append(format_number(q.value) + (f" {q.unit}" if q.unit else ""))
        names = [
            e.canonical
            for e in ann.entities
            if e.label in NAME_LABELS and _in(e.start, e.end, unit)
        ]
    return Slots(
        tuple(dict.fromkeys(dates)),
        tuple(dict.fromkeys(numbers)),
        tuple(dict.fromkeys(names)),
        negated,
    )


def share_quoted(text: str) -> float:
    """Return the share of ``text`` inside quotation marks.

    >>> round(share_quoted('He said "we are done here today".'), 2)
    0.73
    """
    inside = sum(len(m.group()) for m in _QUOTED.finditer(text))
    return inside / max(1, len(text))


def is_checkable(unit: Unit, slots: Slots) -> bool:
    """Return whether ``unit`` states a checkable event (time, place, count or named actor).

    Opinion, analysis, questions and sentences that are mostly a direct quote are not
    claims (quotes are compared as quotes).

    >>> is_checkable(Unit(0, 0, 0, 10, "Russia launched 50 drones at Kyiv on Friday."),
    ...              Slots(dates=("2025-07-04",), names=("Russia", "Kyiv")))
    True
    """
    text = unit.text
    words = tokenize(_MONTH_MAY.sub(" ", text))  # "May 7" is a date, not a hedge
    if not 6 <= len(words) <= 70 or text.rstrip().endswith("?"):
        return False
    if text.rstrip().endswith(("...", "…")) or any(w in OPINION_WORDS for w in words):
        return False
    # Quoted speech is compared as quotes; a sentence cut inside a quote shows as an odd
    # number of marks or as first-person words.
    if (
        text[:1] in "\"“‘'"
        or share_quoted(text) > 0.5
        or len(_QUOTE_MARK.findall(text)) % 2
        or _FIRST_PERSON.search(text)
    ):
        return False
    return bool(slots.dates or slots.numbers or slots.names)


def negated_words(text: str) -> set[str]:
    """Return the content words of the clauses of ``text`` that hold a negation.

    >>> sorted(negated_words("The patch works on IE, and it is not automatic."))
    ['automatic']
    """
    out: set[str] = set()
    for clause in CLAUSE_BREAK.split(text):
        if clause and is_negated(clause):
            out.update(content_words(clause))
    return out
