"""Find time expressions in article text and normalise them to TIMEX3 values.

Rules in :mod:`newsdesk.extract.time_patterns` propose spans; the longest wins an overlap;
each span is then resolved in document order against the publication time (the anchor),
keeping a reference date so that "earlier that day" or "a year earlier" follow the story.
Relative weekdays follow the news convention: the most recent such day, unless the clause
is in the future tense.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsdesk.extract import time_patterns as tp
from newsdesk.model import TimeMention

_RULES = [(name, re.compile(pat)) for name, pat in tp.RULES]
_FUTURE = re.compile(tp.FUTURE_CUES, re.I)
_STRONG_FUTURE = re.compile(tp.STRONG_FUTURE_CUES, re.I)
_PAST = re.compile(tp.PAST_CUES, re.I)
_WEAK_PAST = re.compile(tp.WEAK_PAST_CUES)
_PAST_PLAN = re.compile(tp.PAST_PLAN_CUES, re.I)
_SPACE = re.compile(r"\s")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_CLOCK = re.compile(r"(?i)(\d{1,2})(?:[:.](\d\d))?\s?(a\.?m\.?|p\.?m\.?)?|noon|midnight|midday")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

Value = tuple[str, str]  # (TIMEX3 value, type)


@dataclass
class _Context:
    """Resolution state while scanning one document (never shared between calls)."""

    text: str
    dct: dt.date | None
    clock: str | None  # "HH:MM" of the anchor, when it gives a time
    day: dt.date | None = None  # last resolved day ("that day")
    focus: tuple[dt.date, str] | None = None  # last resolved date and its granularity

    def ref_day(self) -> dt.date | None:
        return self.day or self.dct


def parse_anchor(anchor: str | None) -> tuple[dt.date | None, str | None]:
    """Return the date and "HH:MM" clock of an ISO anchor (either may be None).

    >>> parse_anchor("2025-07-04T16:33:00+07:00")
    (datetime.date(2025, 7, 4), '16:33')
    """
    if not anchor:
        return None, None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d))?", anchor.strip())
    if not m:
        return None, None
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None, None
    return day, (f"{m[4]}:{m[5]}" if m[4] else None)


def format_date(day: dt.date, gran: str) -> str:
    """Return ``day`` as a TIMEX3 value at granularity ``gran``.

    >>> format_date(dt.date(2025, 6, 25), "week"), format_date(dt.date(2025, 8, 1), "quarter")
    ('2025-W26', '2025-Q3')
    """
    if gran == "day":
        return day.isoformat()
    if gran == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if gran == "week":
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if gran == "weekend":
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}-WE"
    if gran == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if gran == "decade":
        return f"{day.year // 10:03d}"
    if gran == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def shift_date(day: dt.date, n: int, gran: str) -> dt.date:
    """Return ``day`` moved by ``n`` units of ``gran`` (months clamp to the month's end).

    >>> shift_date(dt.date(2025, 3, 31), -1, "month")
    datetime.date(2025, 2, 28)
    """
    if gran in ("day", "week", "weekend"):
        return day + dt.timedelta(days=n * (1 if gran == "day" else 7))
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    total = day.year * 12 + day.month - 1 + n * months.get(gran, 12)
    year, month = divmod(total, 12)
    year = min(max(year, 1), 9999)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(d, day.day))
        except ValueError:
            continue
    return dt.date(year, month + 1, 1)


def read_number(words: str) -> float | None:
    """Return the count a phrase like "two", "5 1/2", "a couple of" or "twenty-four" names.

    >>> read_number("twenty-four"), read_number("5 1/2"), read_number("several")
    (24.0, 5.5, None)
    """
    w = words.lower().strip()
    half = 0.5 if w.endswith(("and a half", " 1/2")) else 0.0
    w = re.sub(r"\s*(?:and a half|1/2)$", "", w).strip()
    if w in tp.VAGUE_COUNTS:
        return None
    if w in tp.NUMBER_WORDS:
        return tp.NUMBER_WORDS[w] + half
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w) + half
    parts = re.split(r"[- ]", w)
    if parts and all(p in tp.NUMBER_WORDS for p in parts):
        return sum(tp.NUMBER_WORDS[p] for p in parts) + half
    return None


def format_duration(n: float | None, unit: str) -> str:
    """Return a TIMEX3 duration for ``n`` units (None: unspecified count).

    >>> format_duration(1.5, "hour"), format_duration(None, "year"), format_duration(2, "decade")
    ('PT1H30M', 'PXY', 'P20Y')
    """
    letter, is_time = tp.UNITS.get(unit, ("X", False))
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if unit == "fortnight":
        n, letter = n * 2, "W"
    if letter in ("DE", "CE"):
        n, letter = n * (10 if letter == "DE" else 100), "Y"
    if n != int(n):
        smaller = {"H": (60, "M", True), "M": (60, "S", True) if is_time else (30, "D", False),
                   "Y": (12, "M", False), "D": (24, "H", True), "W": (7, "D", False)}  # fmt: skip
        if letter in smaller:
            k, sub, sub_time = smaller[letter]
            whole, rest = int(n), round((n - int(n)) * k)
            head = f"{whole}{letter}" if whole else ""
            if sub_time and not is_time:
                return f"P{head}T{rest}{sub}"
            return f"{prefix}{head}{rest}{sub}"
    return f"{prefix}{n:g}{letter}"


def _unit_of(word: str) -> str:
    w = word.lower().rstrip(".")
    w = {"centuries": "century", "secs": "sec", "mins": "min", "hrs": "hr", "yrs": "yr"}.get(w, w)
    return w[:-1] if w.endswith("s") and w[:-1] in tp.UNITS else w


def read_tense(ctx: _Context, start: int, end: int, strong: bool = False) -> str | None:
    """Return "future", "past" or None for the clause around a span (nearest cue wins).

    With ``strong``, only auxiliaries ("will", "is to") count as future cues.
    """
    text = ctx.text
    future_rx = _STRONG_FUTURE if strong else _FUTURE
    before = text[max(0, start - 80) : start]
    cut = list(_SENTENCE_END.finditer(before))
    if cut:
        before = before[cut[-1].end() :]
    after = _SENTENCE_END.split(text[end : end + 40], maxsplit=1)[0]
    for past_rx in (_PAST, _WEAK_PAST):
        # (end, priority, tense): the nearest cue wins; a future reading wins a tie
        # ("expected" is both a past form and a future cue)
        cues = [(m.end(), 1, "future") for m in future_rx.finditer(before)]
        cues += [(m.end(), 0, "past") for m in past_rx.finditer(before)]
        # "had been scheduled": a plan told in the past tense beats its future participle
        cues += [(m.end(), 2, "past") for m in _PAST_PLAN.finditer(before)]
        if cues:
            return max(cues)[2]
        fut, past = future_rx.search(after), past_rx.search(after)
        if fut and (not past or fut.start() < past.start()):
            return "future"
        if past:
            return "past"
    return None


def _near_date(ctx: _Context, month: int, day: int, start: int, end: int) -> dt.date | None:
    """Return the date with this month and day for an article published on the anchor.

    Future tense takes the next such date, past tense the last one; with no tense, the
    anchor's year unless that is more than eight months away.
    """
    assert ctx.dct is not None
    cands = []
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        try:
            cands.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    week = dt.timedelta(days=7)
    mod = _first_word(ctx.text[start:end])
    tense = {"last": "past", "past": "past", "next": "future"}.get(mod) or read_tense(
        ctx, start, end
    )
    if tense == "future":  # a date up to two months back is still this year's
        return min((c for c in cands if c >= ctx.dct - 9 * week), default=None)
    same = next((c for c in cands if c.year == ctx.dct.year), None)
    if tense == "past":  # a past-tense clause may still name a date a few weeks ahead
        limit = ctx.dct + dt.timedelta(days=60)
        return (
            same if same and same <= limit else max((c for c in cands if c <= limit), default=None)
        )
    if same is not None and -245 <= (same - ctx.dct).days <= 120:
        return same
    dct = ctx.dct
    return min(cands, key=lambda c: abs((c - dct).days))


def _weekday_date(ctx: _Context, wd: int, mod: str, start: int, end: int) -> dt.date:
    assert ctx.dct is not None
    back = (ctx.dct.weekday() - wd) % 7
    if mod == "last":
        return ctx.dct - dt.timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return ctx.dct + dt.timedelta(days=(wd - ctx.dct.weekday()) % 7 or 7)
    if mod == "this":
        return ctx.dct + dt.timedelta(days=wd - ctx.dct.weekday())
    if back and read_tense(ctx, start, end, strong=True) == "future":
        return ctx.dct + dt.timedelta(days=7 - back)
    return ctx.dct - dt.timedelta(days=back)


def _set_day(ctx: _Context, day: dt.date, gran: str = "day") -> None:
    if gran == "day":
        ctx.day = day
    ctx.focus = (day, gran)


def _part_suffix(words: str) -> str:
    for name, code in tp.PARTS_OF_DAY.items():
        if re.search(rf"\b{name}\b", words, re.I):
            return code if code.startswith("T") else "T" + code
    return ""


def _with_part(day_value: str, words: str) -> Value:
    suffix = _part_suffix(words)
    return (day_value + suffix, "TIME") if suffix else (day_value, "DATE")


def _build_trigger_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for rule, words in tp.TRIGGERS.items():
        for w in words.split():
            index.setdefault(w, []).append(rule)
    for w in tp.MONTHS:
        index.setdefault(w, []).extend(["month_day", "day_month", "month"])
    for w in tp.WEEKDAYS:
        for form in (w, w + "s"):
            index.setdefault(form, []).extend(["weekday", "set"])
    return {w: tuple(dict.fromkeys(rules)) for w, rules in index.items()}


_TRIGGER_INDEX = _build_trigger_index()
_TOKEN = re.compile(r"[^\W_]+")
_AFTER_DIGITS = re.compile(
    r"\s?(?:[apAP]\.?[mM]\b)|:\d|[-/.][01]\d[-/.]|/\d|[.-][01]?\d[.-]\d{4}|\.\d\d\s?(?:[apAP]|[A-Z]{2,4}\b)"
)
_GLUED_CLOCK = re.compile(r"\d{1,2}(?:am|pm|AM|PM)")
_DATE_RULES = ("iso", "numeric", "clock", "month_day", "day_month")
_WINDOW = 60  # characters either side of a trigger word a rule may reach


def find_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Return, per rule, the merged text windows around its trigger words."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for tok in _TOKEN.finditer(text):
        word = tok[0]
        if word[0].isdigit():
            rules: tuple[str, ...] = ()
            if len(word) == 4 and word.isdigit() and 1600 <= int(word) <= 2099:
                rules = ("year", "iso", "clock", "numeric")
            elif word.endswith("0s"):
                rules = ("decade",)
            if _AFTER_DIGITS.match(text, tok.end()) or _GLUED_CLOCK.fullmatch(word):
                rules = rules + _DATE_RULES
        else:
            low = word.lower()
            rules = _TRIGGER_INDEX.get(low, ())
            if not rules and low.startswith("fy") and low[2:].isdigit():
                rules = ("period_code",)  # "FY2025"
            if rules and low in tp.MONTHS and not word[0].isupper():
                rules = tuple(r for r in rules if r not in ("month_day", "day_month", "month"))
        for rule in rules:
            hits.setdefault(rule, []).append((tok.start(), tok.end()))
    n = len(text)
    windows: dict[str, list[tuple[int, int]]] = {}
    for rule, spans in hits.items():
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            a, b = max(0, s - _WINDOW), min(n, e + _WINDOW)
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        # end each window on whitespace, so no word is cut and read as complete
        windows[rule] = [
            (a, b if b == n or text[b].isspace() else _next_space(text, b)) for a, b in merged
        ]
    return windows


def _next_space(text: str, i: int) -> int:
    m = _SPACE.search(text, i)
    return m.start() if m else len(text)


def select_spans(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Return non-overlapping candidate spans (longest first wins), in text order."""
    windows = find_windows(text)
    found = [
        (m.start(), m.end(), name, m)
        for name, rx in _RULES
        for a, b in windows.get(name, ())
        for m in rx.finditer(text, a, b)
        if m.end() > m.start()
    ]
    found.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for cand in found:
        if all(cand[1] <= t[0] or cand[0] >= t[1] for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c[0])


_DUR_PARTS = re.compile(
    rf"(?i)\b(?P<num>{tp.NUM})\s(?:(?:more|full|straight|consecutive|long|additional|other)\s)?"
    rf"(?P<unit>{tp.UNIT})\b(?:\sand\s(?:an?\s(?P<frac>half|quarter)))?"
)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d,.]*(?:\s?%|\s(?:million|billion|thousand))?(?:\s[a-z]+){0,3}|\b(?:once|twice|times|"
    r"cents|dollars|percent|each))\s$"
)
_GRAN_OF_UNIT = {"day": "day", "night": "day", "week": "week", "weekend": "week", "fortnight": "week",
                 "month": "month", "quarter": "quarter", "year": "year", "yr": "year",
                 "decade": "year", "century": "year"}  # fmt: skip
_UNIT_STEP = {"decade": 10, "century": 100, "fortnight": 2}


def _month_of(s: str) -> int | None:
    for w in re.findall(r"[A-Za-z]+", s):
        if w[0].isupper() and w.lower() in tp.MONTHS:
            return tp.MONTHS[w.lower()]
    return None


def _year_of(s: str) -> int | None:
    m = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", s)
    return int(m[1]) if m else None


def _first_word(s: str) -> str:
    return s.split(maxsplit=1)[0].lower() if s.split() else ""


def _year_offset(s: str) -> int | None:
    low = s.lower()
    for key, off in (("last year", -1), ("next year", 1), ("this year", 0)):
        if key in low:
            return off
    return None


def _handle_iso(m: re.Match[str], ctx: _Context) -> Value | None:
    day = dt.date(int(m[0][:4]), int(m[0][5:7]), int(m[0][8:10]))
    _set_day(ctx, day)
    return (
        (f"{day.isoformat()}T{m[0][11:16]}", "TIME")
        if len(m[0]) > 10
        else (day.isoformat(), "DATE")
    )


def _handle_numeric(m: re.Match[str], ctx: _Context) -> Value | None:
    if "/" not in m[0]:  # "03.07.2025", "04-07-2025": day first, as where dots are used
        d, mo, y = (int(x) for x in re.split(r"[.-]", m[0]))
    else:  # "3/7/2025" is American month first, unless the first number cannot be a month
        mo, d, y = (int(x) for x in m[0].split("/"))
        if mo > 12:
            mo, d = d, mo
    year = y if y > 99 else (1900 + y if y > 40 else 2000 + y)
    day = dt.date(year, mo, d)
    _set_day(ctx, day)
    return day.isoformat(), "DATE"


def _resolve_calendar(s: str, ctx: _Context, start: int, end: int) -> str | None:
    """Return the day a "June 14", "14 June 2025", weekday or today-like phrase names."""
    month = _month_of(s)
    if month is not None:
        dm = re.search(
            rf"(?:{tp.MONTH})\s(\d{{1,2}})|\b(\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?:{tp.MONTH})",
            s,
        )
        if dm is None:
            return None
        d = int(dm[1] or dm[2])
        year = _year_of(s)
        if year is not None:
            day: dt.date | None = dt.date(year, month, d)
        elif ctx.dct is None:
            return f"XXXX-{month:02d}-{d:02d}"
        else:
            day = _near_date(ctx, month, d, start, end)
        if day is None:
            return None
        _set_day(ctx, day)
        return day.isoformat()
    low = s.lower()
    for name, wd in tp.WEEKDAYS.items():
        if name in low:
            if ctx.dct is None:
                return f"XXXX-WXX-{wd + 1}"
            day = _weekday_date(ctx, wd, _first_word(s), start, end)
            _set_day(ctx, day)
            return day.isoformat()
    for word, off in (("yesterday", -1), ("tomorrow", 1), ("today", 0), ("tonight", 0)):
        if word in low:
            if ctx.dct is None:
                return "XXXX-XX-XX"
            day = ctx.dct + dt.timedelta(days=off)
            _set_day(ctx, day)
            return day.isoformat()
    return None


def _handle_clock(m: re.Match[str], ctx: _Context) -> Value | None:
    s = m[0]
    c = _CLOCK.search(s)
    if c is None:
        return None
    word = c[0].lower()
    if word in ("noon", "midday"):
        hh, mm = 12, 0
    elif word == "midnight":
        hh, mm = 24, 0
    else:
        hh, mm = int(c[1]), int(c[2] or 0)
        ampm = (c[3] or "").lower()
        if ampm.startswith("p") and hh < 12:
            hh += 12
        elif ampm.startswith("a") and hh == 12:
            hh = 0
        if not ampm and c[2] is None:
            return None
    rest = s[c.end() :]
    day_value = _resolve_calendar(rest, ctx, m.start(), m.end()) if rest.strip() else None
    if day_value is None:
        ref = ctx.ref_day()
        if "last" in rest.lower() and ctx.dct is not None:
            ref = ctx.dct - dt.timedelta(days=1)
        day_value = ref.isoformat() if ref else "XXXX-XX-XX"
    return f"{day_value}T{hh:02d}:{mm:02d}", "TIME"


def _handle_month_day(m: re.Match[str], ctx: _Context) -> Value | None:
    value = _resolve_calendar(m[0], ctx, m.start(), m.end())
    return (value, "DATE") if value else None


def _handle_month(m: re.Match[str], ctx: _Context) -> Value | None:
    s = m[0]
    month = _month_of(s)
    if month is None:
        return None
    mod = _first_word(s)
    bare = not re.match(r"(?i)(?:early|late|mid|the|last|next|this|that)\b", s)
    if bare and _year_of(s) is None and re.fullmatch(r"[A-Z][a-z]{2}", s) and s != "May":
        return None  # "Jan Kavan": an abbreviation needs its period or a day or year
    if bare and _year_of(s) is None and re.match(r"(?:May|March|Mar\.|Jan|June?|July?)\b", s):
        before = ctx.text[max(0, m.start() - 12) : m.start()].split()
        if not before or before[-1].lower() not in tp.MONTH_LEAD_WORDS:
            return None
    year = _year_of(s)
    if year is None and ctx.dct is None:
        return f"XXXX-{month:02d}", "DATE"
    if year is None:
        assert ctx.dct is not None
        off = _year_offset(s)
        if off is not None:
            year = ctx.dct.year + off
        elif mod == "last":  # "last February" said in March is a year back
            year = ctx.dct.year - (0 if month < ctx.dct.month - 1 else 1)
        elif mod == "next":
            year = ctx.dct.year + (0 if month > ctx.dct.month else 1)
        elif mod == "this":
            year = ctx.dct.year
        elif mod == "that" and ctx.focus:
            year = ctx.focus[0].year
        else:
            near = _near_date(ctx, month, 15, m.start(), m.end())
            year = near.year if near else ctx.dct.year
    ctx.focus = (dt.date(year, month, 1), "month")
    return f"{year:04d}-{month:02d}", "DATE"


def _handle_year(m: re.Match[str], ctx: _Context) -> Value | None:
    before, after = ctx.text[max(0, m.start() - 2) : m.start()], ctx.text[m.end() : m.end() + 2]
    if re.search(r"[$£€#]$|\d[,.]$", before) or re.match(r"[%\d]|[,.]\d|-\d", after):
        return None
    year = _year_of(m[0])
    if year is None:
        return None
    ctx.focus = (dt.date(year, 1, 1), "year")
    return f"{year:04d}", "DATE"


def _handle_decade(m: re.Match[str], ctx: _Context) -> Value | None:
    d = re.search(r"(\d{3,4})0s|'(\d)0s", m[0])
    word = re.search(r"[a-z]+ies\b", m[0].lower())
    if d is None and word is not None and word[0] in tp.DECADE_WORDS:
        century = (ctx.dct.year // 100) if ctx.dct else 19
        if ctx.dct and tp.DECADE_WORDS[word[0]] * 10 > ctx.dct.year % 100:
            century -= 1
        return f"{century:02d}{tp.DECADE_WORDS[word[0]]}", "DATE"
    if d is None:
        return None
    if d[1]:
        return d[1][:3], "DATE"
    century = (ctx.dct.year // 100) if ctx.dct else 19
    if ctx.dct and int(d[2]) * 10 > ctx.dct.year % 100:
        century -= 1
    return f"{century:02d}{d[2]}", "DATE"


def _handle_spelled_year(m: re.Match[str], ctx: _Context) -> Value | None:
    words = re.findall(r"[a-z]+", m[0].lower().replace("the year", ""))
    words = [w for w in words if w not in ("and", "oh", "hundred")]
    if words[:2] == ["two", "thousand"]:
        rest = read_number(" ".join(words[2:])) if words[2:] else 0
        return (f"{2000 + int(rest):04d}", "DATE") if rest is not None else None
    head, rest_num = tp.NUMBER_WORDS.get(words[0]), read_number(" ".join(words[1:]))
    if head is None or rest_num is None:
        return None
    year = int(head * 100 + rest_num)
    ctx.focus = (dt.date(year, 1, 1), "year")
    return f"{year:04d}", "DATE"


def _handle_the_year(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    if not low.startswith("the") and not low.startswith("in "):
        return "P1Y", "DURATION"  # "for the year": a span of time, not a date
    year = ctx.focus[0].year if ctx.focus else ctx.dct.year if ctx.dct else None
    return (f"{year:04d}", "DATE") if year else ("XXXX", "DATE")


def _handle_period_code(m: re.Match[str], ctx: _Context) -> Value | None:
    code = re.match(r"([QH][1-4]|FY)", m[0])
    digits = re.findall(r"\d+", m[0][2:])
    if code is None or not digits:
        return None
    year = int(digits[-1])
    year = year if year > 99 else 2000 + year if year < 70 else 1900 + year
    if code[1] == "FY":
        return f"{year:04d}", "DATE"
    if code[1][0] == "H" and code[1][1] not in "12":
        return None
    ctx.focus = (dt.date(year, 1, 1), "quarter" if code[1][0] == "Q" else "half")
    return f"{year:04d}-{code[1]}", "DATE"


def _handle_year_end(m: re.Match[str], ctx: _Context) -> Value | None:
    return (f"{ctx.dct.year:04d}", "DATE") if ctx.dct else ("XXXX", "DATE")


def _handle_century(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    n = next(
        (v for k, v in sorted(tp.ORDINALS.items(), key=lambda kv: -len(kv[0])) if k in low), None
    )
    d = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
    n = int(d[1]) if d else n
    return (f"{n - 1:02d}", "DATE") if n else None


def _handle_weekday(m: re.Match[str], ctx: _Context) -> Value | None:
    s = m[0]
    low = s.lower()
    wd = next(v for k, v in tp.WEEKDAYS.items() if k in low)
    if re.search(r"days\b", low):
        return "XXXX-WXX-" + str(wd + 1) + _part_suffix(low), "SET"
    value = _resolve_calendar(s, ctx, m.start(), m.end())
    return _with_part(value, low) if value else None


def _handle_rel_day(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    off = -2 if "before yesterday" in low else 2 if "after tomorrow" in low else None
    if off is None and "last night" in low:
        off = -1
    if off is None:
        value = _resolve_calendar(low, ctx, m.start(), m.end())
    elif ctx.dct is None:
        value = "XXXX-XX-XX"
    else:
        day = ctx.dct + dt.timedelta(days=off)
        _set_day(ctx, day)
        value = day.isoformat()
    if value is None:
        return None
    return _with_part(value, low.replace("tonight", "night"))


def _handle_this_part(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    if ctx.dct is None:
        return "XXXX-XX-XX" + _part_suffix(low), "TIME"
    day = ctx.dct if low.startswith(("this", "earlier this", "later this")) else ctx.ref_day()
    if low.startswith(("last", "yesterday")) or low.endswith("yesterday"):
        day = ctx.dct - dt.timedelta(days=1)
    elif low.startswith("tomorrow") or low.endswith("tomorrow"):
        day = ctx.dct + dt.timedelta(days=1)
    assert day is not None
    return day.isoformat() + _part_suffix(low), "TIME"


def _handle_that_day(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    off = (
        1
        if re.search(r"next|following|after", low)
        else -1
        if re.search(r"previous|preceding|before", low)
        else 0
    )
    unit = next((u for u in ("weekend", "day", "week", "month", "year") if u in low), None)
    base_day = ctx.ref_day()
    if unit == "weekend" and ctx.dct is not None:
        # the weekend just past, unless the article is written on it or looks ahead
        ahead = ctx.dct.weekday() >= 5 or read_tense(ctx, m.start(), m.end()) == "future"
        return format_date(ctx.dct if ahead else ctx.dct - dt.timedelta(days=7), "weekend"), "DATE"
    if base_day is None:
        return ("XXXX-XX-XX", "DATE") if unit == "day" or unit is None else None
    if unit is None:  # "that morning", "that night"
        return base_day.isoformat() + _part_suffix(low), "TIME"
    if unit == "day":
        day = base_day + dt.timedelta(days=off)
        _set_day(ctx, day)
        return _with_part(day.isoformat(), low.replace("day", ""))
    base = ctx.focus[0] if ctx.focus else base_day
    day = shift_date(base, off, unit)
    ctx.focus = (day, unit)
    return format_date(day, unit), "DATE"


def _season_value(ctx: _Context, code: str, mod: str, year: int | None) -> str:
    if year is None and ctx.dct is None:
        return f"XXXX-{code}"
    if year is None:
        assert ctx.dct is not None
        year = ctx.dct.year
        start = dt.date(year, _SEASON_MONTH[code], 1)
        if mod in ("last", "past") and start + dt.timedelta(days=90) > ctx.dct:
            year -= 1
        elif mod in ("next", "coming") and start <= ctx.dct:
            year += 1
    ctx.focus = (dt.date(year, _SEASON_MONTH[code], 1), "season")
    return f"{year:04d}-{code}"


def _handle_rel_unit(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower().removesuffix("'s")
    det = re.search(r"\b(last|past|previous|next|coming|following|this|current)\b", low)
    off = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(
        det[1] if det else "", 0
    )
    if "this past" in low:
        off = -1
    unit = low.split()[-1]
    if unit in tp.SEASONS:
        return _season_value(ctx, tp.SEASONS[unit], det[1] if det else "", None), "DATE"
    unit = {"fiscal year": "year"}.get(unit, unit)
    if unit in ("decade", "century") and re.search(r"\b(?:past|last)\b", low):
        return format_duration(1, unit), "DURATION"  # "the past decade": ten years to now
    if unit not in ("week", "weekend", "month", "year", "quarter", "decade", "century", "half"):
        return None
    if ctx.dct is None:
        return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(
            unit, "XXXX"
        ), "DATE"
    day = shift_date(ctx.dct, off, unit)
    if unit != "weekend":
        ctx.focus = (day, unit)
    return format_date(day, unit), "DATE"


_ENDED = re.compile(rf"\s+(?:that\s+)?end(?:ed|ing|s)\s+({tp.MONTH_NAME})\.?\s+(\d{{1,2}})\b")


def _quarter_base(ctx: _Context) -> dt.date | None:
    """Return a day in the quarter under discussion: the last named one, else the last ended."""
    if ctx.focus and ctx.focus[1] == "quarter":
        return ctx.focus[0]
    return shift_date(ctx.dct, -1, "quarter") if ctx.dct else None


def _handle_quarter(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    noun = "half" if "half" in low else "period" if "period" in low else "quarter"
    ordinal = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final|last)\b", low)
    if ordinal and noun != "period":
        n = tp.ORDINALS[ordinal[1]]
        if noun == "half":
            n = 1 if n == 1 else 2
        year = _year_of(low)
        off = _year_offset(low.replace("'s", ""))
        if year is None and ctx.dct is None:
            return f"XXXX-{noun[0].upper()}{n}", "DATE"
        if year is None:
            assert ctx.dct is not None
            year = ctx.dct.year + (off or 0)
            months = 3 if noun == "quarter" else 6
            if off is None and dt.date(year, (n - 1) * months + 1, 1) > ctx.dct + dt.timedelta(
                days=92
            ):
                year -= 1
        day = dt.date(year, (n - 1) * (3 if noun == "quarter" else 6) + 1, 1)
        if re.search(r"year-(?:ago|earlier)|comparable|same", low):
            day = shift_date(day, -1, "year")
        else:
            ctx.focus = (day, noun)
        return format_date(day, noun), "DATE"
    if ordinal:
        return None
    base = _quarter_base(ctx)
    ended = _ENDED.match(ctx.text, m.end())
    if ended and ctx.dct is not None and not re.search(r"year-(?:ago|earlier)", low):
        # "the quarter ended July 31": the calendar quarter holding most of it
        month = tp.MONTHS[ended[1].lower()]
        last_day = _near_date(ctx, month, int(ended[2]), m.start(), ended.end())
        if last_day is not None:
            base = last_day - dt.timedelta(days=45)
            ctx.focus = (base, "quarter")
            return format_date(base, "quarter"), "DATE"
    if base is None:
        return "XXXX-QX", "DATE"
    if "current" in low and ctx.dct:
        base = ctx.dct
    named = _year_of(low)
    if named is not None:  # "the 1988 period": that year's matching quarter
        base = base.replace(year=named, day=1)
    if re.search(r"year-(?:ago|earlier)|comparable|same", low):
        gran = "quarter"
        if ctx.focus and ctx.focus[1] in ("year", "month", "half") and "quarter" not in low:
            base, gran = ctx.focus  # "year-earlier" after a year or month compares those
        return format_date(shift_date(base, -1, "year"), gran), "DATE"
    return format_date(base, "quarter"), "DATE"


def _relative_gran(ctx: _Context, unit: str) -> str:
    gran = _GRAN_OF_UNIT.get(unit, "day")
    if gran == "year" and unit == "year" and ctx.focus and ctx.focus[1] in ("quarter", "half"):
        return ctx.focus[1]  # "a year ago" in quarterly results means the same quarter
    return gran


def _handle_duration(m: re.Match[str], ctx: _Context) -> Value | None:
    s = m[0]
    low = s.lower()
    parts = _DUR_PARTS.search(s)
    if parts is None:
        return None
    num, unit = parts["num"].lower(), _unit_of(parts["unit"])
    if unit not in tp.UNITS:
        return None
    after = ctx.text[m.end() : m.end() + 4]
    if (unit == "second" and num in ("a", "an")) or (unit == "quarter" and after.startswith(" of")):
        return None
    if re.fullmatch(r"1[6-9]\d\d|20\d\d", num):
        return None  # "the 1988 second quarter": a year, not a count
    n = read_number(num)
    if n is not None and parts["frac"]:
        n += 0.5 if parts["frac"] == "half" else 0.25
    trail = re.search(r"\b(ago|earlier|later|from now|before that|after that|old)$", low)
    if trail is None:
        rate = low.startswith(("a ", "an ")) and num in ("a", "an")
        if rate and _AMOUNT_BEFORE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
            return None  # "2,000 barrels a day" is a rate: part of the quantity, no time
        if (
            low.startswith(("the ", "the first ", "the latest "))
            and unit == "month"
            and (n or 0) >= 6
        ) and ctx.dct is not None:  # "the first nine months": later comparisons are by year
            ctx.focus = (ctx.dct, "year")
        return format_duration(n, unit), "DURATION"
    how = trail[1]
    if how == "old":
        return None  # ages ("52 years old") describe people, not times in the story
    sign = -1 if how in ("ago", "earlier", "before that") else 1
    if n is None:  # "a few years ago" is vaguely past; "a few days later" a vague span
        return ("PAST_REF", "DATE") if how == "ago" else (format_duration(None, unit), "DURATION")
    if ctx.dct is None:
        return format_duration(n, unit), "DURATION"
    step = round(n * _UNIT_STEP.get(unit, 1))
    if tp.UNITS[unit][1]:  # hours, minutes, seconds: a clock time when the anchor has one
        if how != "ago":  # "an hour later" counts from an event whose clock is unknown
            return format_duration(n, unit), "DURATION"
        if ctx.clock is None:
            return ctx.dct.isoformat(), "DATE"
        base = dt.datetime.combine(ctx.dct, dt.time.fromisoformat(ctx.clock))
        delta = dt.timedelta(
            **{{"S": "seconds", "M": "minutes", "H": "hours"}[tp.UNITS[unit][0]]: n}
        )
        when = base + sign * delta
        return when.strftime("%Y-%m-%dT%H:%M"), "TIME"
    gran = _relative_gran(ctx, unit)
    base_day = ctx.dct
    if (how not in ("ago", "from now") or gran in ("quarter", "half")) and ctx.focus:
        base_day = ctx.focus[0]  # "a year earlier" moves from the period under discussion
    elif how not in ("ago", "from now"):
        base_day = ctx.ref_day() or ctx.dct
    shift_unit = {
        "decade": "year",
        "century": "year",
        "fortnight": "week",
        "night": "day",
        "weekend": "week",
    }.get(unit, unit)
    day = shift_date(base_day, sign * step, shift_unit)
    if gran == "day" and how != "ago":
        _set_day(ctx, day)
    return format_date(day, gran), "DATE"


def _handle_hyphen_duration(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    if low.endswith("-old"):
        return None  # ages ("a 6-year-old boy") describe people, not times in the story
    if ctx.text.startswith(" of", m.end()):
        return None  # "three-quarters of its food" is a fraction
    head_word = low.split("-")[0]
    if head_word in ("decades", "years", "months", "weeks", "centuries"):
        return format_duration(None, _unit_of(head_word)), "DURATION"
    if head_word in tp.UNITS:  # "a day-long strike"
        return format_duration(1, head_word), "DURATION"
    head, _, rest = (
        low.rpartition("-")
        if not re.search(r"-(?:old|long)$", low)
        else low.rsplit("-", 1)[0].rpartition("-")
    )
    unit = _unit_of(rest)
    if unit not in tp.UNITS:
        return None
    return format_duration(read_number(head.replace("-", " ")), unit), "DURATION"


def _handle_vague_plural(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    unit = _unit_of(re.findall(r"[a-z]+", low.replace(" ago", ""))[-1])
    if " ago" in low:
        return "PAST_REF", "DATE"
    if re.match(r"(?:in|for|over|within|during) ", low) or re.search(
        r"\b(?:coming|next|future|recent|past|last|previous)\b", low
    ):
        return format_duration(None, unit), "DURATION"
    return None


def _handle_season(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    name = next(k for k in tp.SEASONS if k in low)
    year = _year_of(low)
    mod = re.search(r"\b(last|next|this|early|late|mid)\b", low)
    # "the fall of Kabul", "a fall in prices": "fall" needs a clear time reading
    after = ctx.text[m.end() : m.end() + 4]
    if (
        name == "fall"
        and year is None
        and mod is None
        and (
            not low.startswith(("in the", "during the", "over the"))
            or re.match(r" (?:of|in)\b", after)
        )
    ):
        return None
    if year is None and mod is None and not low.startswith(("in", "during", "over", "the")):
        return None
    return _season_value(ctx, tp.SEASONS[name], mod[1] if mod else "", year), "DATE"


def _handle_set(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    if low in tp.SET_WORDS:
        # "a quarterly dividend", "daily flights": an adjective before its noun is no time
        nxt = re.match(r"\s+([a-z]+)", ctx.text[m.end() : m.end() + 20])
        if nxt and nxt[1] not in tp.SET_FOLLOWERS and low not in ("daily", "weekly", "nightly"):
            return None
        return tp.SET_WORDS[low], "SET"
    last = low.split()[-1]
    for name, wd in tp.WEEKDAYS.items():
        if last == name:
            return f"XXXX-WXX-{wd + 1}", "SET"
    if last in tp.PARTS_OF_DAY:
        return "XXXX-XX-XX" + _part_suffix(last), "SET"
    unit = _unit_of(last)
    n: float | None = 2 if " other " in low else 1
    every_n = re.match(r"(?:every|each) (\w+) \w+s$", low)
    if every_n:  # "every two weeks"
        n = read_number(every_n[1])
    return format_duration(n, unit) if unit in tp.UNITS else "XXXX", "SET"


def _easter(year: int) -> dt.date:
    """Return Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_date(name: str, year: int) -> dt.date:
    if name.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("election"):  # US: the Tuesday after the first Monday of November
        first = dt.date(year, 11, 2)
        return first + dt.timedelta(days=(1 - first.weekday()) % 7)
    if name.startswith("easter"):
        return _easter(year) + dt.timedelta(days=1 if name.endswith("monday") else 0)
    month, day = tp.HOLIDAYS.get(name, (1, 1))
    return dt.date(year, month, day)


def _handle_holiday(m: re.Match[str], ctx: _Context) -> Value | None:
    low = m[0].lower()
    mod = _first_word(low)
    year = _year_of(low)
    low = re.sub(r",? \d{4}$", "", low)
    name = low.split(" ", 1)[1] if mod in ("last", "next", "this") else low
    if year is not None:  # "Christmas 2024"
        day = _holiday_date(name, year)
    elif ctx.dct is None:
        return "XXXX-XX-XX", "DATE"
    else:
        dct = ctx.dct
        cands = [_holiday_date(name, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
        if mod == "last":
            day = max(c for c in cands if c < dct)
        elif mod == "next":
            day = min(c for c in cands if c > dct)
        else:
            day = min(cands, key=lambda c: abs((c - dct).days))
    if name.endswith("week"):
        return format_date(day, "week"), "DATE"
    _set_day(ctx, day)
    return day.isoformat(), "DATE"


def _handle_ref(m: re.Match[str], ctx: _Context) -> Value | None:
    return tp.REF_WORDS.get(m[0].lower(), "PRESENT_REF"), "DATE"


_HANDLERS: dict[str, Callable[[re.Match[str], _Context], Value | None]] = {
    "iso": _handle_iso, "numeric": _handle_numeric, "clock": _handle_clock,
    "month_day": _handle_month_day, "day_month": _handle_month_day, "month": _handle_month,
    "year": _handle_year,
    "spelled_year": _handle_spelled_year,
    "year_end": _handle_year_end,
    "period_code": _handle_period_code,
    "the_year": _handle_the_year, "decade": _handle_decade, "century": _handle_century,
    "weekday": _handle_weekday, "rel_day": _handle_rel_day, "this_part": _handle_this_part,
    "that_day": _handle_that_day, "rel_unit": _handle_rel_unit, "quarter": _handle_quarter,
    "duration": _handle_duration, "hyphen_duration": _handle_hyphen_duration,
    "vague_plural": _handle_vague_plural, "season": _handle_season, "set": _handle_set,
    "holiday": _handle_holiday, "ref": _handle_ref,
}  # fmt: skip
# Rules whose words are lowercase in running text: capitalised mid-sentence they are a
# name ("60 Minutes", "This Week", "Sandra Day O'Connor").
_COMMON_WORD_RULES = frozenset(
    {"duration", "rel_unit", "that_day", "the_year", "vague_plural", "set", "hyphen_duration"}
)


def _is_title(text: str, start: int, end: int) -> bool:
    """Return True when a span's last word is capitalised and the span starts no sentence."""
    last = text[start:end].split()[-1]
    if not last[:1].isupper() or text[start:end].isupper():
        return False
    if last.lower().rstrip("s") in tp.WEEKDAYS or last.lower().rstrip(".") in tp.MONTHS:
        return False  # "each Thursday": names of days are capitalised anyway
    before = text[max(0, start - 3) : start].rstrip(" ")
    return not before or before[-1] not in ".!?\n:;-_"


_PLAIN_PUNCTUATION = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"}
)
_STRIP_RULES = frozenset({"vague_plural", "season", "the_year"})


def extract_times(text: str, anchor: str | None) -> list[TimeMention]:
    """Return the time expressions in ``text`` with TIMEX3 values resolved against ``anchor``.

    ``anchor`` is the publication time ("2025-07-04" or "2025-07-04T16:33:00+07:00") or None.

    >>> [(t.value, t.type) for t in extract_times("He spoke on Thursday morning.", "2025-07-04")]
    [('2025-07-03TMO', 'TIME')]
    """
    dct, clock = parse_anchor(anchor)
    # curly apostrophes and non-breaking hyphens read as plain ones; one character for
    # one, so offsets into the shadow text are offsets into ``text``
    text = text.translate(_PLAIN_PUNCTUATION)
    ctx = _Context(text, dct, clock)
    out: list[TimeMention] = []
    for start, end, name, m in select_spans(text):
        try:
            res = _HANDLERS[name](m, ctx)
        except (ValueError, OverflowError, StopIteration):
            continue  # an impossible date ("Feb. 30") is not a time expression
        if res is None or (name in _COMMON_WORD_RULES and _is_title(text, start, end)):
            continue
        if name in _STRIP_RULES:
            start += next((len(p) for p in tp.STRIP_LEAD if text.startswith(p, start)), 0)
        out.append(TimeMention(start, end, res[0], res[1]))
    return out


def resolve_time(expression: str, anchor: str | None) -> str | None:
    """Return the TIMEX3 value of one expression (a dateline, "Thursday", "7 hours ago").

    A date followed by a clock time gives a date-time; None when nothing is recognised.

    >>> resolve_time("July 4, 2025 4:33 PM", None)
    '2025-07-04T16:33'
    >>> resolve_time("yesterday", "2025-07-04")
    '2025-07-03'
    """
    found = extract_times(expression, anchor)
    day = next((t.value for t in found if re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)), None)
    clock = next((t.value for t in found if re.search(r"T\d\d:\d\d$", t.value)), None)
    if day is None and re.search(r"\d", expression) and not (clock and clock[:4].isdigit()):
        # a dateline our English rules miss ("4 juillet 2025", "vor 3 Stunden")
        parsed = parse_foreign_date(expression, anchor)
        if parsed is not None and "T" not in parsed and clock:
            return parsed + clock[clock.index("T") :]
        if parsed is not None:
            return parsed
    if not found:
        return None
    if day and clock and clock.startswith(("XXXX", day)) and not clock.startswith(day):
        return day + clock[clock.index("T") :]
    if clock and day and clock.startswith(day):
        return clock
    return max(found, key=lambda t: t.end - t.start).value


def parse_foreign_date(expression: str, anchor: str | None) -> str | None:
    """Return the day (or date-time) dateparser reads in a dateline, in the languages we meet.

    Slow on its first call (dateparser loads its language data), so only
    :func:`resolve_time` uses it, on one short expression at a time.

    >>> parse_foreign_date("4 juillet 2025", None)
    '2025-07-04'
    """
    from dateparser.date import DateDataParser  # lazy: loading it costs seconds

    dct, clock = parse_anchor(anchor)
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if dct is not None:
        base = dt.datetime.combine(dct, dt.time.fromisoformat(clock) if clock else dt.time())
        settings["RELATIVE_BASE"] = base
    parser = DateDataParser(languages=list(tp.DATEPARSER_LANGUAGES), settings=settings)
    data = parser.get_date_data(expression)
    when: dt.datetime | None = data.date_obj
    if when is None or data.period not in ("day", "time"):
        return None
    if when.time() != dt.time():
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.date().isoformat()
