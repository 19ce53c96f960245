"""Turn spans naming a span of time, a business period or a holiday into TIMEX3 values.

The handlers of :mod:`newsdesk.extract.time_rules` for quarters and halves, durations
("three years", "a 24-hour truce"), vague plurals ("in recent years"), seasons and sets
("every Monday") and holidays, with the same contract: the match and the document's
:class:`~newsdesk.extract.time_calendar.Context` in, ``(value, type)`` or None out.
"""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.extract import time_patterns as tp
from newsdesk.extract.time_calendar import (
    Context,
    Value,
    first_word,
    format_date,
    format_duration,
    near_date,
    part_suffix,
    read_number,
    set_day,
    shift_date,
    unit_of,
    year_of,
    year_offset,
)

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_GRAN_OF_UNIT = {"day": "day", "night": "day", "week": "week", "weekend": "week", "fortnight": "week",
                 "month": "month", "quarter": "quarter", "year": "year", "yr": "year",
                 "decade": "year", "century": "year"}  # fmt: skip
_DUR_PARTS = re.compile(
    rf"(?i)\b(?P<num>{tp.NUM})\s(?:(?:more|full|straight|consecutive|long|additional|other)\s)?"
    rf"(?P<unit>{tp.UNIT})\b(?:\sand\s(?:an?\s(?P<frac>half|quarter)))?"
)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d,.]*(?:\s?%|\s(?:million|billion|thousand))?(?:\s[a-z]+){0,3}|\b(?:once|twice|times|"
    r"cents|dollars|percent|each))\s$"
)
_UNIT_STEP = {"decade": 10, "century": 100, "fortnight": 2}
_ENDED = re.compile(rf"\s+(?:that\s+)?end(?:ed|ing|s)\s+({tp.MONTH_NAME})\.?\s+(\d{{1,2}})\b")


def season_value(ctx: Context, code: str, mod: str, year: int | None) -> str:
    """Return the TIMEX3 value of season ``code`` ("SU"): in ``year``, else as ``mod`` implies."""
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


def quarter_base(ctx: Context) -> dt.date | None:
    """Return a day in the quarter under discussion: the last named one, else the last ended."""
    if ctx.focus and ctx.focus[1] == "quarter":
        return ctx.focus[0]
    return shift_date(ctx.dct, -1, "quarter") if ctx.dct else None


def relative_gran(ctx: Context, unit: str) -> str:
    """Return the granularity of a date "``n`` ``unit`` ago/later" lands on."""
    gran = _GRAN_OF_UNIT.get(unit, "day")
    if gran == "year" and unit == "year" and ctx.focus and ctx.focus[1] in ("quarter", "half"):
        return ctx.focus[1]  # "a year ago" in quarterly results means the same quarter
    return gran


def handle_quarter(m: re.Match[str], ctx: Context) -> Value | None:
    """Return a quarter or half ("the second quarter", "the year-ago period")."""
    low = m[0].lower()
    noun = "half" if "half" in low else "period" if "period" in low else "quarter"
    ordinal = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final|last)\b(?! year)", low)
    if ordinal and noun != "period":
        n = tp.ORDINALS[ordinal[1]]
        if noun == "half":
            n = 1 if n == 1 else 2
        year = year_of(low)
        off = year_offset(low.replace("'s", ""))
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
        if re.search(r"year-(?:ago|earlier)|a year (?:ago|earlier)|comparable|same", low):
            day = shift_date(day, -1, "year")
        else:
            ctx.focus = (day, noun)
            if noun == "quarter" and ctx.lead_quarter is None:
                ctx.lead_quarter = day
        return format_date(day, noun), "DATE"
    if ordinal:
        return None
    base = quarter_base(ctx)
    ended = _ENDED.match(ctx.text, m.end())
    if ended and ctx.dct is not None and not re.search(r"year-(?:ago|earlier)", low):
        # "the quarter ended July 31": the calendar quarter holding most of it
        month = tp.MONTHS[ended[1].lower()]
        last_day = near_date(ctx, month, int(ended[2]), m.start(), ended.end())
        if last_day is not None:
            base = last_day - dt.timedelta(days=45)
            ctx.focus = (base, "quarter")
            return format_date(base, "quarter"), "DATE"
    if base is None:
        return "XXXX-QX", "DATE"
    if "current" in low and ctx.dct:
        base = ctx.dct
    elif "latest" in low and ctx.dct:  # the quarter reported, whatever was named since
        base = ctx.lead_quarter or shift_date(ctx.dct, -1, "quarter")
    named = year_of(low)
    if named is not None:  # "the 1988 period": that year's matching quarter
        base = base.replace(year=named, day=1)
    if re.search(r"year-(?:ago|earlier)|a year (?:ago|earlier)|last year|comparable|same", low):
        gran = "quarter"
        if ctx.focus and ctx.focus[1] in ("year", "month", "half") and "quarter" not in low:
            base, gran = ctx.focus  # "year-earlier" after a year or month compares those
        return format_date(shift_date(base, -1, "year"), gran), "DATE"
    if named is None:  # "sales in the quarter rose from a year ago": by quarter
        ctx.focus = (base, "quarter")
    return format_date(base, "quarter"), "DATE"


def handle_duration(m: re.Match[str], ctx: Context) -> Value | None:
    """Return a duration ("three years"), or the date it reaches ("two days ago")."""
    s = m[0]
    low = s.lower()
    parts = _DUR_PARTS.search(s)
    if parts is None:
        return None
    num, unit = parts["num"].lower(), unit_of(parts["unit"])
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
    gran = relative_gran(ctx, unit)
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
    if gran == "day":
        set_day(ctx, day)
    return format_date(day, gran), "DATE"


def handle_hyphen_duration(m: re.Match[str], ctx: Context) -> Value | None:
    """Return the duration a hyphenated modifier names ("a 24-hour truce")."""
    low = m[0].lower()
    if low.endswith("-old"):
        return None  # ages ("a 6-year-old boy") describe people, not times in the story
    if ctx.text.startswith(" of", m.end()):
        return None  # "three-quarters of its food" is a fraction
    head_word = low.split("-")[0]
    if head_word in ("decades", "years", "months", "weeks", "centuries"):
        return format_duration(None, unit_of(head_word)), "DURATION"
    if head_word in tp.UNITS:  # "a day-long strike"
        return format_duration(1, head_word), "DURATION"
    head, _, rest = (
        low.rpartition("-")
        if not re.search(r"-(?:old|long)$", low)
        else low.rsplit("-", 1)[0].rpartition("-")
    )
    unit = unit_of(rest)
    if unit not in tp.UNITS:
        return None
    return format_duration(read_number(head.replace("-", " ")), unit), "DURATION"


def handle_vague_plural(m: re.Match[str], ctx: Context) -> Value | None:
    """Return a vague span ("in recent years") or PAST_REF ("years ago")."""
    low = m[0].lower()
    unit = unit_of(re.findall(r"[a-z]+", low.replace(" ago", ""))[-1])
    if " ago" in low:
        return "PAST_REF", "DATE"
    if re.match(r"(?:in|for|over|within|during) ", low) or re.search(
        r"\b(?:coming|next|future|recent|past|last|previous)\b", low
    ):
        return format_duration(None, unit), "DURATION"
    return None


def handle_season(m: re.Match[str], ctx: Context) -> Value | None:
    """Return the season a phrase names ("last summer", "in the fall of 2033")."""
    low = m[0].lower()
    name = next(k for k in tp.SEASONS if k in low)
    year = year_of(low)
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
    return season_value(ctx, tp.SEASONS[name], mod[1] if mod else "", year), "DATE"


def handle_set(m: re.Match[str], ctx: Context) -> Value | None:
    """Return a recurring time ("every Monday", "daily") as a SET value."""
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
        return "XXXX-XX-XX" + part_suffix(last), "SET"
    unit = unit_of(last)
    n: float | None = 2 if " other " in low else 1
    every_n = re.match(r"(?:every|each) (\w+) \w+s$", low)
    if every_n:  # "every two weeks"
        n = read_number(every_n[1])
    return format_duration(n, unit) if unit in tp.UNITS else "XXXX", "SET"


def handle_holiday(m: re.Match[str], ctx: Context) -> Value | None:
    """Return the day a holiday names ("Christmas", "last Thanksgiving"), nearest the anchor."""
    low = m[0].lower()
    mod = first_word(low)
    year = year_of(low)
    low = re.sub(r",? \d{4}$", "", low)
    name = low.split(" ", 1)[1] if mod in ("last", "next", "this") else low
    if year is not None:  # "Christmas 2024"
        day = holiday_date(name, year)
    elif ctx.dct is None:
        return "XXXX-XX-XX", "DATE"
    else:
        dct = ctx.dct
        cands = [holiday_date(name, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
        if mod == "last":
            day = max(c for c in cands if c < dct)
        elif mod == "next":
            day = min(c for c in cands if c > dct)
        else:
            day = min(cands, key=lambda c: abs((c - dct).days))
    if name.endswith("week"):
        return format_date(day, "week"), "DATE"
    set_day(ctx, day)
    return day.isoformat(), "DATE"


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


def holiday_date(name: str, year: int) -> dt.date:
    """Return the day of holiday ``name`` (fixed in ``tp.HOLIDAYS``, or movable) in ``year``.

    >>> holiday_date("thanksgiving", 2025), holiday_date("easter", 2025)
    (datetime.date(2025, 11, 27), datetime.date(2025, 4, 20))
    """
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
