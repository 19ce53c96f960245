"""Turn a span one rule of :mod:`newsdesk.extract.time_patterns` matched into its TIMEX3 value.

Each handler takes the match and the document's :class:`~newsdesk.extract.time_calendar.Context`,
returns ``(value, type)`` or None to reject the span, and moves the context's reference day
or period on as the story does. Durations, sets, quarters and seasons are handled in
:mod:`newsdesk.extract.time_periods`. An impossible date ("Feb. 30") raises and is skipped by
:func:`newsdesk.extract.times.extract_times`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from newsdesk.extract import time_patterns as tp
from newsdesk.extract.time_calendar import (
    Context,
    Value,
    first_word,
    format_date,
    format_duration,
    month_of,
    near_date,
    part_suffix,
    read_number,
    read_tense,
    resolve_calendar,
    set_day,
    shift_date,
    with_part,
    year_of,
    year_offset,
)
from newsdesk.extract.time_periods import (
    handle_duration,
    handle_holiday,
    handle_hyphen_duration,
    handle_quarter,
    handle_season,
    handle_set,
    handle_vague_plural,
    season_value,
)

_CLOCK = re.compile(r"(?i)(\d{1,2})(?:[:.](\d\d))?\s?(a\.?m\.?|p\.?m\.?)?|noon|midnight|midday")


def _handle_iso(m: re.Match[str], ctx: Context) -> Value | None:
    day = dt.date(int(m[0][:4]), int(m[0][5:7]), int(m[0][8:10]))
    set_day(ctx, day)
    return (
        (f"{day.isoformat()}T{m[0][11:16]}", "TIME")
        if len(m[0]) > 10
        else (day.isoformat(), "DATE")
    )


def _handle_numeric(m: re.Match[str], ctx: Context) -> Value | None:
    if "/" not in m[0]:  # "03.07.2025", "04-07-2025": day first, as where dots are used
        d, mo, y = (int(x) for x in re.split(r"[.-]", m[0]))
    else:  # "3/7/2025" is American month first, unless the first number cannot be a month
        mo, d, y = (int(x) for x in m[0].split("/"))
        if mo > 12:
            mo, d = d, mo
    year = y if y > 99 else (1900 + y if y > 40 else 2000 + y)
    day = dt.date(year, mo, d)
    set_day(ctx, day)
    return day.isoformat(), "DATE"


def _handle_clock(m: re.Match[str], ctx: Context) -> Value | None:
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
    day_value = resolve_calendar(rest, ctx, m.start(), m.end()) if rest.strip() else None
    if day_value is None:
        ref = ctx.ref_day()
        if "last" in rest.lower() and ctx.dct is not None:
            ref = ctx.dct - dt.timedelta(days=1)
        elif _is_past_clock(ctx, f"{hh:02d}:{mm:02d}", m.start(), m.end()):
            assert ctx.dct is not None
            ref = ctx.dct - dt.timedelta(days=1)  # "struck at 11:40pm", told at 9am: last night
        day_value = ref.isoformat() if ref else "XXXX-XX-XX"
    return f"{day_value}T{hh:02d}:{mm:02d}", "TIME"


def _is_past_clock(ctx: Context, hhmm: str, start: int, end: int) -> bool:
    """Return True when a dateless clock time told in the past is later than the anchor's."""
    if ctx.day is not None or ctx.dct is None or ctx.clock is None or hhmm <= ctx.clock:
        return False
    return read_tense(ctx, start, end) == "past"


def _handle_month_day(m: re.Match[str], ctx: Context) -> Value | None:
    value = resolve_calendar(m[0], ctx, m.start(), m.end())
    return (value, "DATE") if value else None


def _handle_month(m: re.Match[str], ctx: Context) -> Value | None:
    s = m[0]
    month = month_of(s)
    if month is None:
        return None
    mod = first_word(s)
    bare = not re.match(r"(?i)(?:early|late|mid|the|last|next|this|that)\b", s)
    if bare and year_of(s) is None and re.fullmatch(r"[A-Z][a-z]{2}", s) and s != "May":
        return None  # "Jan Kavan": an abbreviation needs its period or a day or year
    if bare and year_of(s) is None and re.match(r"(?:May|March|Mar\.|Jan|June?|July?)\b", s):
        before = ctx.text[max(0, m.start() - 12) : m.start()].split()
        if not before or before[-1].lower() not in tp.MONTH_LEAD_WORDS:
            return None
    year = year_of(s)
    if year is None and ctx.dct is None:
        return f"XXXX-{month:02d}", "DATE"
    if year is None:
        assert ctx.dct is not None
        off = year_offset(s)
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
            near = near_date(ctx, month, 15, m.start(), m.end())
            year = near.year if near else ctx.dct.year
    ctx.focus = (dt.date(year, month, 1), "month")
    return f"{year:04d}-{month:02d}", "DATE"


def _handle_year(m: re.Match[str], ctx: Context) -> Value | None:
    before, after = ctx.text[max(0, m.start() - 2) : m.start()], ctx.text[m.end() : m.end() + 2]
    if re.search(r"[$£€#]$|\d[,.]$", before) or re.match(r"[%\d]|[,.]\d|-\d", after):
        return None
    year = year_of(m[0])
    if year is None:
        return None
    ctx.focus = (dt.date(year, 1, 1), "year")
    return f"{year:04d}", "DATE"


def _handle_decade(m: re.Match[str], ctx: Context) -> Value | None:
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


def _handle_spelled_year(m: re.Match[str], ctx: Context) -> Value | None:
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


def _handle_the_year(m: re.Match[str], ctx: Context) -> Value | None:
    low = m[0].lower()
    if re.match(r",?\s(?:that\s)?end(?:ed|ing)\b", ctx.text[m.end() : m.end() + 16]):
        return "P1Y", "DURATION"  # "the year ended June 30": a fiscal year, a span
    if not low.startswith(("the", "in ", "for ")):
        return "P1Y", "DURATION"  # "over the year": a span of time, not a date
    year = ctx.dct.year if ctx.dct else None
    if ctx.focus and (year is None or abs(ctx.focus[0].year - year) <= 1):
        year = ctx.focus[0].year  # a plan "by 1992" is no year the story is about
    return (f"{year:04d}", "DATE") if year else ("XXXX", "DATE")


def _handle_period_code(m: re.Match[str], ctx: Context) -> Value | None:
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


def _handle_year_end(m: re.Match[str], ctx: Context) -> Value | None:
    return (f"{ctx.dct.year:04d}", "DATE") if ctx.dct else ("XXXX", "DATE")


def _handle_century(m: re.Match[str], ctx: Context) -> Value | None:
    low = m[0].lower()
    n = next(
        (v for k, v in sorted(tp.ORDINALS.items(), key=lambda kv: -len(kv[0])) if k in low), None
    )
    d = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
    n = int(d[1]) if d else n
    return (f"{n - 1:02d}", "DATE") if n else None


def _handle_weekday(m: re.Match[str], ctx: Context) -> Value | None:
    s = m[0]
    low = s.lower()
    wd = next(v for k, v in tp.WEEKDAYS.items() if k in low)
    if re.search(r"days\b", low):
        return "XXXX-WXX-" + str(wd + 1) + part_suffix(low), "SET"
    value = resolve_calendar(s, ctx, m.start(), m.end())
    return with_part(value, low) if value else None


def _handle_rel_day(m: re.Match[str], ctx: Context) -> Value | None:
    low = m[0].lower()
    off = -2 if "before yesterday" in low else 2 if "after tomorrow" in low else None
    if off is None and "last night" in low:
        off = -1
    if off is None:
        value = resolve_calendar(low, ctx, m.start(), m.end())
    elif ctx.dct is None:
        value = "XXXX-XX-XX"
    else:
        day = ctx.dct + dt.timedelta(days=off)
        set_day(ctx, day)
        value = day.isoformat()
    if value is None:
        return None
    return with_part(value, low.replace("tonight", "night"))


def _handle_this_part(m: re.Match[str], ctx: Context) -> Value | None:
    low = m[0].lower()
    if ctx.dct is None:
        return "XXXX-XX-XX" + part_suffix(low), "TIME"
    day = ctx.dct if low.startswith(("this", "earlier this", "later this")) else ctx.ref_day()
    if low.startswith(("last", "yesterday")) or low.endswith("yesterday"):
        day = ctx.dct - dt.timedelta(days=1)
    elif low.startswith("tomorrow") or low.endswith("tomorrow"):
        day = ctx.dct + dt.timedelta(days=1)
    assert day is not None
    if low.startswith(("this", "last", "yesterday", "tomorrow")) or low.endswith(("day", "row")):
        set_day(ctx, day)  # "this morning" names a day: "later in the day" follows it
    return day.isoformat() + part_suffix(low), "TIME"


def _handle_that_day(m: re.Match[str], ctx: Context) -> Value | None:
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
    if unit is None:  # "that morning", "the next morning"
        day = base_day + dt.timedelta(days=off)
        if off:
            set_day(ctx, day)
        return day.isoformat() + part_suffix(low), "TIME"
    if unit == "day":
        day = base_day + dt.timedelta(days=off)
        set_day(ctx, day)
        return with_part(day.isoformat(), low.replace("day", ""))
    base = ctx.focus[0] if ctx.focus else base_day
    day = shift_date(base, off, unit)
    ctx.focus = (day, unit)
    return format_date(day, unit), "DATE"


def _handle_rel_unit(m: re.Match[str], ctx: Context) -> Value | None:
    low = m[0].lower().removesuffix("'s")
    det = re.search(r"\b(last|past|previous|next|coming|following|this|current)\b", low)
    off = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(
        det[1] if det else "", 0
    )
    if "this past" in low:
        off = -1
    unit = low.split()[-1]
    if unit in tp.SEASONS:
        return season_value(ctx, tp.SEASONS[unit], det[1] if det else "", None), "DATE"
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


def _handle_ref(m: re.Match[str], ctx: Context) -> Value | None:
    return tp.REF_WORDS.get(m[0].lower(), "PRESENT_REF"), "DATE"


HANDLERS: dict[str, Callable[[re.Match[str], Context], Value | None]] = {
    "iso": _handle_iso, "numeric": _handle_numeric, "clock": _handle_clock,
    "month_day": _handle_month_day, "day_month": _handle_month_day, "month": _handle_month,
    "year": _handle_year,
    "spelled_year": _handle_spelled_year,
    "year_end": _handle_year_end,
    "period_code": _handle_period_code,
    "the_year": _handle_the_year, "decade": _handle_decade, "century": _handle_century,
    "weekday": _handle_weekday, "rel_day": _handle_rel_day, "this_part": _handle_this_part,
    "that_day": _handle_that_day, "rel_unit": _handle_rel_unit, "quarter": handle_quarter,
    "duration": handle_duration, "hyphen_duration": handle_hyphen_duration,
    "vague_plural": handle_vague_plural, "season": handle_season, "set": handle_set,
    "holiday": handle_holiday, "ref": _handle_ref,
}  # fmt: skip
