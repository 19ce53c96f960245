"""Read each date and number of a sentence together with the event it belongs to.

A sentence often states several facts ("The ship ran aground on Thursday, and 1,200
tonnes have leaked since"). Two outlets disagree only when they give different values
for the *same* event, so every value is read with its context: the content words of its
own clause, nearest first, without the words that only say when ("late", "local time").
A date that bounds a state ("had leaked by Friday") is not the day of an event and is
left out; a number keeps its qualifier ("about", "more than") and its unit, converted to a
base unit when one exists (miles to kilometres), so compatible values are not set apart.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.compare.slots import (
    DAY_MONTH,
    DAY_VALUE,
    MONTH_DAY,
    anchor_day,
    fallback_number_spans,
    names_day,
)
from newsdesk.compare.text import STOP, Unit, stem
from newsdesk.compare.words import (
    ANAPHORIC_DAY,
    CLAUSE_BREAK,
    DATE_BOUNDS,
    DATE_MODIFIERS,
    MONTHS,
    NUMBER_QUALIFIERS,
    NUMBER_WORDS,
    PLANNED,
    TELLING,
    TIME_WORDS,
    UNIT_ALIASES,
    UNIT_BASES,
    WEEKDAYS,
)
from newsdesk.model import Article

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’.][A-Za-z]+)*")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b", re.I)
_NOT_CONTEXT = TIME_WORDS | set(MONTHS) | set(WEEKDAYS) | set(NUMBER_WORDS)
_NEXT_WORD = re.compile(r"[ -]([A-Za-z]+)\b")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# How fast a word's weight falls with its distance (in words) from the value.
_DECAY = 4.0


@dataclass(frozen=True)
class Mention:
    """One date or number a sentence gives, with the clause words that say what it is of."""

    kind: str  # "date" or "number"
    value: str  # ISO day, or amount and base unit ("1200 tonne")
    start: int  # offsets into the article text
    end: int
    amount: float = 0.0  # numbers: value in the base unit
    unit: str = ""  # numbers: base unit ("" when none is known)
    qualifier: str = ""  # numbers: "", "about", "over", "under"; "converted" after a unit change
    context: tuple[tuple[str, float], ...] = ()  # (stemmed word, weight), nearest first
    planned: bool = False  # the clause tells of a plan or hope ("will speak on Friday")
    main: bool = False  # its clause is the sentence's first or longest
    weekday: str = ""  # dates named only by a weekday ("on Wednesday"): that weekday
    telling: bool = False  # the date is of a statement ("said on Thursday")
    anaphoric: bool = False  # the day is told through another ("later that day")
    listed: bool = False  # a number beside another of its unit ("between 12 and 16")


class _Sentence:
    """A sentence read once: its words (with their context stems) and clause breaks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[tuple[int, int, str, str]] = []  # start, end, lower word, stem or ""
        for m in _TOKEN.finditer(text):
            word = m.group().lower().replace("’", "'")
            keep = word not in STOP and word not in _NOT_CONTEXT and len(word) > 1
            self.words.append(
                (m.start(), m.end(), word, stem(word) if keep and not word[0].isdigit() else "")
            )
        self.breaks = [
            (m.start(), m.start() + (1 if m.group().startswith(",") else 0))
            for m in CLAUSE_BREAK.finditer(text)
        ]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the clause that holds ``start:end``.

        A clause with fewer than two context words beside the value ("shortly before
        midnight on Thursday") takes in the clause before it, then the one after.
        """
        cuts = [(0, 0), *self.breaks, (len(self.text), len(self.text))]
        i = max(k for k, (at, _) in enumerate(cuts) if k == 0 or at < start)
        j = min(k for k, (at, _) in enumerate(cuts) if k == len(cuts) - 1 or at >= end)
        while self._context_words(cuts[i][1], cuts[j][0], start, end) < 2:
            if i > 0:
                i -= 1
            elif j < len(cuts) - 1:
                j += 1
            else:
                break
        return cuts[i][1], cuts[j][0]

    def _context_words(self, left: int, right: int, start: int, end: int) -> int:
        return sum(
            1 for w in self.words if left <= w[0] < right and w[3] and not start <= w[0] < end
        )

    def count_words(self, left: int, right: int) -> int:
        return sum(1 for w in self.words if left <= w[0] < right)


def read_context(
    text: str | _Sentence, start: int, end: int, taken: Sequence[tuple[int, int]]
) -> tuple[tuple[str, float], ...]:
    """Return the weighted content words of the clause around ``text[start:end]``.

    Words inside ``taken`` spans (other dates and numbers) and words that only say when
    are left out; weight falls with distance from the value.

    >>> text = "The ferry sank near the pier on Monday, and oil leaked later."
    >>> [w for w, _ in read_context(text, 32, 38, [])]
    ['pier', 'near', 'sank', 'ferry']
    """
    sentence = text if isinstance(text, _Sentence) else _Sentence(text)
    left, right = sentence.clause(start, end)
    before: list[str] = []
    after: list[str] = []
    for ws, we, _, word in sentence.words:
        if ws < left or ws >= right or (ws < end and we > start):
            continue
        side = before if we <= start else after
        side.append("" if any(s <= ws < e for s, e in taken) else word)
    weights: dict[str, float] = {}
    for dist, word in [*enumerate(reversed(before)), *enumerate(after)]:
        if word:
            weights[word] = max(weights.get(word, 0.0), 1.0 / (1.0 + dist / _DECAY))
    return tuple(sorted(weights.items(), key=lambda kv: -kv[1]))


def _is_planned(sentence: _Sentence, start: int, end: int, telling: bool) -> bool:
    # A plan word before the date governs it; one after it does only when the date is not
    # of a statement: in "told reporters on Thursday that he hopes to meet", Thursday is
    # when he spoke, but in "Today the veterans will gather" today is the plan's.
    left, right = sentence.clause(start, end)
    before = any(w[2] in PLANNED for w in sentence.words if left <= w[0] < start)
    after = any(w[2] in PLANNED for w in sentence.words if end <= w[0] < right)
    return before or (after and not telling)


def _is_telling(sentence: _Sentence, start: int, end: int) -> bool:
    # The nearest words on either side say what the date is of: "said on Thursday",
    # "in a Monday interview", "statement issued Sunday".
    left, right = sentence.clause(start, end)
    words = [
        w
        for w in sentence.words
        if left <= w[0] < right and (w[2] in TELLING or (w[2] not in STOP and w[3]))
    ]
    before = [w[2] for w in words if w[1] <= start]
    after = [w[2] for w in words if w[0] >= end]
    return any(w in TELLING for w in [*before[-3:], *after[:2]])


def _is_main(sentence: _Sentence, start: int, end: int) -> bool:
    # The first clause of a news sentence, or its longest, is what the sentence reports.
    left, right = sentence.clause(start, end)
    if not sentence.text[:left].strip():
        return True
    cuts = [0, *(at for at, _ in sentence.breaks), len(sentence.text)]
    longest = max(sentence.count_words(a, b) for a, b in itertools.pairwise(cuts))
    return sentence.count_words(left, right) >= longest


def _tail_words(text: str, start: int) -> list[str]:
    return text[max(0, start - 40) : start].lower().replace(",", " ").split()[-4:]


def _ends_with(words: list[str], phrases: frozenset[str]) -> bool:
    return any(" ".join(words[-n:]) in phrases for n in (1, 2, 3) if len(words) >= n)


def _is_bound(text: str, start: int) -> bool:
    words = _tail_words(text, start)
    if words and words[-1] in DATE_MODIFIERS:
        words = words[:-1]
    return _ends_with(words, DATE_BOUNDS)


def _qualifier_of(text: str, start: int) -> str:
    words = _tail_words(text, start)
    if words and words[-1] in ("a", "an"):  # "more than a hundred"
        words = words[:-1]
    for name, phrases in NUMBER_QUALIFIERS.items():
        if _ends_with(words, phrases):
            return name
    return ""


def _weekday_only(said: str) -> str:
    """Return the weekday ``said`` names when it names no calendar date, else ""."""
    m = _WEEKDAY.search(said)
    if m is None or any(c.isdigit() for c in said) or _MONTH_WORD.search(said):
        return ""
    return m.group(1).lower()


def _date_spans(unit: Unit, article: Article) -> list[tuple[int, int, str]]:
    """Return (start, end, ISO day) of the dates in ``unit`` that name a day."""
    ann = article.annotations
    out: list[tuple[int, int, str]] = []
    if ann is not None:
        for t in ann.times:
            m = DAY_VALUE.match(t.value)
            if not (m and t.type in ("DATE", "TIME") and unit.start <= t.start < t.end <= unit.end):
                continue
            if names_day(article.text[t.start : t.end]):
                out.append((t.start, t.end, m.group(1)))
        return out
    anchor = anchor_day(article)
    year = anchor.year if anchor else None
    for pattern, month_at, day_at in ((MONTH_DAY, 1, 2), (DAY_MONTH, 2, 1)):
        for m in pattern.finditer(unit.text):
            y = int(m.group(3)) if m.group(3) else year
            if y is None:
                continue
            try:
                day = dt.date(y, MONTHS[m.group(month_at).lower()], int(m.group(day_at)))
            except ValueError:
                continue
            out.append((unit.start + m.start(), unit.start + m.end(), day.isoformat()))
    if anchor is not None and not out:
        for m in _WEEKDAY.finditer(unit.text):
            # News reports a named weekday as the most recent one on or before publication.
            back = (anchor.weekday() - WEEKDAYS[m.group(1).lower()]) % 7
            day = anchor - dt.timedelta(days=back)
            out.append((unit.start + m.start(), unit.start + m.end(), day.isoformat()))
    return out


def _number_spans(unit: Unit, article: Article) -> list[tuple[int, int, float, str]]:
    """Return (start, end, amount, unit) of the numbers in ``unit``."""
    ann = article.annotations
    if ann is None:
        out = []
        for s, e, v in fallback_number_spans(unit.text):
            e, v, name = _read_unit(unit.text, e, v)
            out.append((unit.start + s, unit.start + e, v, name))
        return out
    return [
        (q.start, q.end, q.value, q.unit or "")
        for q in ann.quantities
        if unit.start <= q.start < q.end <= unit.end
    ]


def _read_unit(text: str, end: int, value: float) -> tuple[int, float, str]:
    """Return the end, value and unit of a number read without annotations ("12 million euros")."""
    m = _NEXT_WORD.match(text, end)
    if m and m.group(1).lower() in _SCALES:
        value *= _SCALES[m.group(1).lower()]
        end = m.end()
        m = _NEXT_WORD.match(text, end)
    if m is None:
        return end, value, ""
    word = m.group(1).lower()
    if word in STOP or word in _NOT_CONTEXT:
        return end, value, ""
    if word.endswith("s") and len(word) > 3:
        word = word[:-1]
    return m.end(), value, UNIT_ALIASES.get(word, word)


def format_amount(amount: float) -> str:
    """Return ``amount`` as a short plain number (three significant decimals at most).

    >>> format_amount(1200.0), format_amount(6.437376)
    ('1200', '6.44')
    """
    rounded = round(amount, 2) if abs(amount) < 100 else round(amount)
    return str(int(rounded)) if float(rounded).is_integer() else f"{rounded:g}"


def read_mentions(unit: Unit, article: Article) -> list[Mention]:
    """Return the event dates and the numbers of ``unit``, each with its clause context.

    >>> from newsdesk.model import Source
    >>> text = "The ship ran aground on March 13, and 1,200 tonnes leaked by March 14."
    >>> a = Article(id="a", source=Source("p", 0, 1), text=text, published="2031-03-14")
    >>> [(m.kind, m.value, m.context[0][0]) for m in read_mentions(Unit(0, 0, 0, len(text), text), a)]
    [('date', '2031-03-13', 'aground'), ('number', '1200 tonne', 'leak')]
    """
    dates = _date_spans(unit, article)
    numbers = [
        n for n in _number_spans(unit, article) if not any(s <= n[0] < e for s, e, _ in dates)
    ]
    spans = [(d[0], d[1]) for d in dates] + [(n[0], n[1]) for n in numbers]
    taken = [(s - unit.start, e - unit.start) for s, e in spans]
    text = unit.text
    sentence = _Sentence(text)
    out: list[Mention] = []
    by_day: dict[str, Mention] = {}
    for s, e, day in dates:
        ls, le = s - unit.start, e - unit.start
        if _is_bound(text, ls):
            continue
        context = read_context(sentence, ls, le, taken)
        telling = _is_telling(sentence, ls, le)
        planned = _is_planned(sentence, ls, le, telling)
        anaphoric = bool(ANAPHORIC_DAY.search(article.text[s:e]))
        seen = by_day.get(day)
        if seen is not None:
            # "on July 4 ... earlier that day": one day said twice is one value.
            merged = dict(context)
            for word, weight in seen.context:
                merged[word] = max(weight, merged.get(word, 0.0))
            context = tuple(sorted(merged.items(), key=lambda kv: -kv[1]))
            s, e, planned = seen.start, seen.end, seen.planned and planned
            anaphoric = anaphoric and seen.anaphoric
            telling = telling or seen.telling
        main = _is_main(sentence, ls, le) or (seen is not None and seen.main)
        weekday = _weekday_only(article.text[s:e])
        by_day[day] = Mention(
            "date",
            day,
            s,
            e,
            context=context,
            planned=planned,
            main=main,
            weekday=weekday,
            telling=telling,
            anaphoric=anaphoric,
        )
    out.extend(by_day.values())
    for s, e, amount, name in numbers:
        ls, le = s - unit.start, e - unit.start
        left, right = sentence.clause(ls, le)
        listed = any(
            n[3] == name and n[0] != s and left <= n[0] - unit.start < right for n in numbers
        )
        qualifier = _qualifier_of(text, ls)
        base, factor = UNIT_BASES.get(name, (name, 1.0))
        if factor != 1.0 and not qualifier:
            qualifier = "converted"  # "4 miles" is a rounded "6.4 km"
        value = f"{format_amount(amount * factor)} {base}".strip()
        context = read_context(sentence, ls, le, taken)
        main = _is_main(sentence, ls, le)
        out.append(
            Mention(
                "number",
                value,
                s,
                e,
                amount * factor,
                base,
                qualifier,
                context,
                main=main,
                listed=listed,
            )
        )
    return out


def value_range(mention: Mention, tolerance: float) -> tuple[float, float]:
    """Return the interval of amounts ``mention`` allows ("about 6" allows 6 ± tolerance).

    >>> value_range(Mention("number", "1000", 0, 1, 1000.0, "", "over"), 0.1)
    (1000.0, inf)
    """
    x = mention.amount
    if mention.qualifier == "over":
        return x, float("inf")
    if mention.qualifier == "under":
        return float("-inf"), x
    if mention.qualifier in ("about", "converted"):
        return x * (1 - tolerance), x * (1 + tolerance)
    return x, x


def are_compatible(a: Mention, b: Mention, tolerance: float) -> bool:
    """Return whether two numbers can both be true ("about 1,200" and "more than 1,000").

    >>> m = lambda v, q="": Mention("number", str(v), 0, 1, float(v), "tonne", q)
    >>> are_compatible(m(1200, "about"), m(1000, "over"), 0.1), are_compatible(m(22), m(21), 0.1)
    (True, False)
    """
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        # "Wednesday" read against two publication days can land a week apart; both
        # outlets still said Wednesday.
        return a.value == b.value or (a.weekday != "" and a.weekday == b.weekday)
    lo_a, hi_a = value_range(a, tolerance)
    lo_b, hi_b = value_range(b, tolerance)
    return lo_a <= hi_b and lo_b <= hi_a
