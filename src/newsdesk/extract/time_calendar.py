"""Calendar arithmetic and TIMEX3 formatting for the time rules.

:class:`Context` is the state one document's resolution carries: the anchor (publication
time), the last day named and the period under discussion. The functions here place a
month, day or weekday relative to it, reading the clause's tense
where the calendar alone cannot choose, and write the result as a TIMEX3 value (seasons,
quarters and holidays are placed in :mod:`newsdesk.extract.time_periods`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsdesk.extract import time_patterns as tp

_FUTURE = re.compile(tp.FUTURE_CUES, re.I)
_STRONG_FUTURE = re.compile(tp.STRONG_FUTURE_CUES, re.I)
_PAST = re.compile(tp.PAST_CUES, re.I)
_WEAK_PAST = re.compile(tp.WEAK_PAST_CUES)
_PAST_PLAN = re.compile(tp.PAST_PLAN_CUES, re.I)
_SPELLED_YEAR = re.compile(rf"\b{tp.SPELLED_YEAR}\b")
_PAST_AUX = re.compile(r"\b(?:had|was|were|did)\b", re.I)
_PROSPECTIVE = re.compile(tp.PROSPECTIVE_CUES + r"\s+$", re.I)
# a full stop after an initial or a common abbreviation ("Daniel P. Davison", "Feb. 1",
# "Mr. Smith") ends no sentence
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|No)\.)(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Inc|Jan|Feb|Mar"
    r"|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)(?<!\b(?:Corp|Sept)\.)(?<=[.!?])\s|\n"
)

Value = tuple[str, str]  # (TIMEX3 value, type)


@dataclass
class Context:
    """Resolution state while scanning one document (never shared between calls)."""

    text: str
    dct: dt.date | None
    clock: str | None  # "HH:MM" of the anchor, when it gives a time
    day: dt.date | None = None  # last resolved day ("that day")
    focus: tuple[dt.date, str] | None = None  # last resolved date and its granularity
    lead_quarter: dt.date | None = None  # first quarter named: the one a results story reports

    def ref_day(self) -> dt.date | None:
        """Return the day "that day" means: the last day named, else the anchor's."""
        return self.day or self.dct


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


def unit_of(word: str) -> str:
    """Return the singular unit a word names ("Hrs." -> "hr", "centuries" -> "century").

    >>> unit_of("Hrs."), unit_of("centuries"), unit_of("weeks")
    ('hr', 'century', 'week')
    """
    w = word.lower().rstrip(".")
    w = {"centuries": "century", "secs": "sec", "mins": "min", "hrs": "hr", "yrs": "yr"}.get(w, w)
    return w[:-1] if w.endswith("s") and w[:-1] in tp.UNITS else w


def read_tense(ctx: Context, start: int, end: int, strong: bool = False) -> str | None:
    """Return "future", "past" or None for the clause around a span (nearest cue wins).

    With ``strong``, only auxiliaries ("will", "is to") count as future cues.
    """
    text = ctx.text
    future_rx = _STRONG_FUTURE if strong else _FUTURE
    before = text[max(0, start - 80) : start]
    cut = list(_SENTENCE_END.finditer(before))
    if cut:
        before = before[cut[-1].end() :]
    after = _SENTENCE_END.split(text[end : end + 80], maxsplit=1)[0]
    for past_rx in (_PAST, _WEAK_PAST):
        # (end, priority, tense): the nearest cue wins; a future reading wins a tie
        # ("expected" is both a past form and a future cue)
        cues = [(m.end(), 1, "future") for m in future_rx.finditer(before)]
        cues += [(m.end(), 0, "past") for m in past_rx.finditer(before)]
        # "had been scheduled": a plan told in the past tense beats its future participle
        cues += [(m.end(), 2, "past") for m in _PAST_PLAN.finditer(before)]
        if cues:
            return max(cues)[2]
    for past_rx in (_PAST, _WEAK_PAST):
        fut, past = future_rx.search(after), past_rx.search(after)
        if fut and (not past or fut.start() < past.start()):
            return "future"
        if past:
            return "past"
    return None


def near_date(ctx: Context, month: int, day: int, start: int, end: int) -> dt.date | None:
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
    mod = first_word(ctx.text[start:end])
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


def weekday_date(ctx: Context, wd: int, mod: str, start: int, end: int) -> dt.date:
    """Return the day weekday ``wd`` (0 = Monday) with modifier ``mod`` names near the anchor."""
    assert ctx.dct is not None
    back = (ctx.dct.weekday() - wd) % 7
    if mod == "last":
        return ctx.dct - dt.timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return ctx.dct + dt.timedelta(days=(wd - ctx.dct.weekday()) % 7 or 7)
    if mod == "this":
        return ctx.dct + dt.timedelta(days=wd - ctx.dct.weekday())
    ref = ctx.ref_day() or ctx.dct
    if mod in ("previous", "preceding"):  # "the previous Friday": before the day in the story
        return ref - dt.timedelta(days=(ref.weekday() - wd) % 7 or 7)
    if mod == "following":
        return ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)
    if back == 6 or (back and _weekday_ahead(ctx, start, end)):
        # the day after the anchor is that day, whatever the tense: a date-only anchor is
        # often the evening before the story's local date, and "Friday" six days back
        # would be "last Friday"
        return ctx.dct + dt.timedelta(days=7 - back)
    return ctx.dct - dt.timedelta(days=back)


def _weekday_ahead(ctx: Context, start: int, end: int) -> bool:
    """Return True when the clause around a bare weekday looks ahead to it.

    "By Monday", "until Monday", "no later than Monday" look ahead unless the clause is
    told in the past ("Until Monday, police had not named him"); otherwise a future
    auxiliary ("will", "is due to") must be the nearest tense cue.
    """
    if ctx.text[start:end].endswith("'s") or ctx.text.startswith("'s", end):
        return False  # "Wednesday's ruling": an event the story reports, already past
    head = ctx.text[max(0, start - 24) : start]
    if _PROSPECTIVE.search(head):
        sentence = ctx.text[max(0, start - 80) : start]
        cut = list(_SENTENCE_END.finditer(sentence))
        if cut:
            sentence = sentence[cut[-1].end() :]
        after = _SENTENCE_END.split(ctx.text[end : end + 50], maxsplit=1)[0]
        # after the weekday, a reporting verb ("..., the council said") tells no tense
        return not (_PAST.search(sentence) or _PAST_AUX.search(after) or _WEAK_PAST.search(after))
    return read_tense(ctx, start, end, strong=True) == "future"


def set_day(ctx: Context, day: dt.date, gran: str = "day") -> None:
    """Record ``day`` as the period under discussion (and as "that day" when a day)."""
    if gran == "day":
        ctx.day = day
    ctx.focus = (day, gran)


def part_suffix(words: str) -> str:
    """Return the TIMEX3 part-of-day suffix ("TMO") that ``words`` name, or "".

    >>> part_suffix("Thursday morning"), part_suffix("Thursday")
    ('TMO', '')
    """
    for name, code in tp.PARTS_OF_DAY.items():
        if re.search(rf"\b{name}\b", words, re.I):
            return code if code.startswith("T") else "T" + code
    return ""


def with_part(day_value: str, words: str) -> Value:
    """Return a day value as a TIME with the part of day ``words`` name, else as a DATE."""
    suffix = part_suffix(words)
    return (day_value + suffix, "TIME") if suffix else (day_value, "DATE")


def month_of(s: str) -> int | None:
    """Return the number of the first capitalised month name in ``s``, or None."""
    for w in re.findall(r"[A-Za-z]+", s):
        if w[0].isupper() and w.lower() in tp.MONTHS:
            return tp.MONTHS[w.lower()]
    return None


def year_of(s: str) -> int | None:
    """Return the first four-digit year (1600-2099) in ``s``, or one spelled out, or None.

    >>> year_of("January 1997"), year_of("the winter of nineteen ninety-four")
    (1997, 1994)
    """
    m = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", s)
    if m:
        return int(m[1])
    low = s.lower()
    spelled = _SPELLED_YEAR.search(s) if "nineteen" in low or "twenty" in low else None
    if spelled is None:
        return None
    words = [w for w in re.findall(r"[a-z]+", spelled[0].lower()) if w not in ("and", "hundred")]
    rest = read_number(" ".join(words[1:]).replace("oh ", ""))
    return None if rest is None else int(tp.NUMBER_WORDS[words[0]] * 100 + rest)


def first_word(s: str) -> str:
    """Return the first word of ``s`` lower-cased ("" when there is none)."""
    return s.split(maxsplit=1)[0].lower() if s.split() else ""


def year_offset(s: str) -> int | None:
    """Return -1, 1 or 0 for "last year", "next year" or "this year" in ``s``, else None."""
    low = s.lower()
    for key, off in (("last year", -1), ("next year", 1), ("this year", 0)):
        if key in low:
            return off
    return None


def resolve_calendar(s: str, ctx: Context, start: int, end: int) -> str | None:
    """Return the day a "June 14", "14 June 2025", weekday or today-like phrase names."""
    month = month_of(s)
    if month is not None:
        dm = re.search(
            rf"(?:{tp.MONTH})\s(\d{{1,2}})|\b(\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?:{tp.MONTH})",
            s,
        )
        if dm is None:
            return None
        d = int(dm[1] or dm[2])
        year = year_of(s)
        if year is not None:
            day: dt.date | None = dt.date(year, month, d)
        elif ctx.dct is None:
            return f"XXXX-{month:02d}-{d:02d}"
        else:
            day = _weekday_year(ctx.dct, month, d, s) or near_date(ctx, month, d, start, end)
        if day is None:
            return None
        set_day(ctx, day)
        return day.isoformat()
    low = s.lower()
    for name, wd in tp.WEEKDAYS.items():
        if name in low:
            if ctx.dct is None:
                return f"XXXX-WXX-{wd + 1}"
            mod = first_word(s.lower().removeprefix("the "))
            day = weekday_date(ctx, wd, mod, start, end)
            set_day(ctx, day)
            return day.isoformat()
    for word, off in (("yesterday", -1), ("tomorrow", 1), ("today", 0), ("tonight", 0)):
        if word in low:
            if ctx.dct is None:
                return "XXXX-XX-XX"
            day = ctx.dct + dt.timedelta(days=off)
            set_day(ctx, day)
            return day.isoformat()
    return None


def _weekday_year(dct: dt.date, month: int, d: int, s: str) -> dt.date | None:
    """Return the one date near ``dct`` whose weekday is the one ``s`` names ("Friday, Sept. 14")."""
    low = s.lower()
    wd = next((v for k, v in tp.WEEKDAYS.items() if k in low), None)
    if wd is None:
        return None
    fits = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            day = dt.date(year, month, d)
        except ValueError:
            continue
        if day.weekday() == wd:
            fits.append(day)
    return fits[0] if len(fits) == 1 else None
