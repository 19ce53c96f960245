"""Find time expressions in article text and normalise them to TIMEX3 values.

Rules in :mod:`newsdesk.extract.time_patterns` propose spans; the longest wins an overlap;
each span is then resolved in document order against the publication time (the anchor) by
its handler in :mod:`newsdesk.extract.time_rules`, keeping a reference date so that "earlier
that day" or "a year earlier" follow the story (that state and the date arithmetic are in
:mod:`newsdesk.extract.time_calendar`). Relative weekdays follow the news convention: the
most recent such day, unless the clause is in the future tense.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from newsdesk.extract import time_patterns as tp
from newsdesk.extract.time_calendar import Context, Value
from newsdesk.extract.time_rules import HANDLERS
from newsdesk.model import TimeMention

_RULES = [(name, re.compile(pat)) for name, pat in tp.RULES]
_SPACE = re.compile(r"\s")
Span = tuple[int, int, str, re.Match[str]]  # start, end, rule name, match


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


def select_spans(text: str) -> list[Span]:
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
    taken: list[Span] = []
    for cand in found:
        if all(cand[1] <= t[0] or cand[0] >= t[1] for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c[0])


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


# straight, curly and typewriter (``...'') quotation marks
_QUOTE = re.compile(r'"[^"\n]{1,800}"|\u201c[^\u201d\n]{1,800}\u201d|``[^\n]{1,800}?\'\'')
_SAID_AFTER = re.compile(rf'[^.!?\n"\u201c`]{{0,80}}?\b{tp.SPEECH_VERBS}\b[^.!?\n"\u201c]{{0,80}}')
_SAID_BEFORE = re.compile(rf'\b{tp.SPEECH_VERBS}\b[^.!?\n"\u201d]{{0,80}}$')
_PRESENT_SPEECH = re.compile(tp.PRESENT_SPEECH)


def find_utterance_days(text: str, spans: list[Span]) -> dict[int, Span | None]:
    """Return, per deictic span inside an attributed quotation, the span of the day it was said.

    Inside a quote "tonight" counts from when it was said: the attribution names that day
    ("...," she told reporters late on Thursday; She said on Monday: "..."). None marks a
    quote attributed in the past tense with no day ("...," she told reporters); a quote
    with no attribution is left out, so its words count from the publication date.
    """
    out: dict[int, Span | None] = {}
    for q in _QUOTE.finditer(text):
        inside = [c for c in spans if q.start() <= c[0] and c[1] <= q.end()]
        if not any(c[2] in tp.DEICTIC_RULES for c in inside):
            continue
        said = _SAID_AFTER.match(text, q.end())
        region = (q.end(), said.end()) if said else None
        if region is None:
            head = _SAID_BEFORE.search(text, max(0, q.start() - 120), q.start())
            region = (head.start(), q.start()) if head else None
        if region is None:
            continue
        day = next(
            (c for c in spans if region[0] <= c[0] and c[1] <= region[1] and c[2] in tp.DAY_RULES),
            None,
        )
        if day is not None or not _PRESENT_SPEECH.search(text, region[0], region[1]):
            out.update({c[0]: day for c in inside if c[2] in tp.DEICTIC_RULES})
    return out


def _resolve_quoted(span: Span, said: Span | None, ctx: Context) -> Value | None:
    """Return a quoted deictic span's value counted from the day it was said.

    ``said`` is the attribution's day; None (said, no day) moves only "tonight" said in a
    story published before noon to the night before: the words were spoken last night.
    """
    spoken_on: dt.date | None = None
    if said is not None:
        said_value = HANDLERS[said[2]](said[3], replace(ctx))
        if said_value is not None and re.match(r"\d{4}-\d\d-\d\d", said_value[0]):
            spoken_on = dt.date.fromisoformat(said_value[0][:10])
    elif ctx.dct and ctx.clock and ctx.clock < "12:00" and span[3][0].lower() in tp.TONIGHT_WORDS:
        spoken_on = ctx.dct - dt.timedelta(days=1)
    if spoken_on is None:
        return HANDLERS[span[2]](span[3], ctx)
    spoken = replace(ctx, dct=spoken_on, clock=None)
    value = HANDLERS[span[2]](span[3], spoken)
    ctx.day, ctx.focus = spoken.day, spoken.focus
    return value


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
    ctx = Context(text, dct, clock)
    out: list[TimeMention] = []
    spans = select_spans(text)
    said_on = find_utterance_days(text, spans)
    for span in spans:
        start, end, name, m = span
        try:
            if start in said_on:
                res = _resolve_quoted(span, said_on[start], ctx)
            else:
                res = HANDLERS[name](m, ctx)
        except (ValueError, OverflowError, StopIteration):
            continue  # an impossible date ("Feb. 30") is not a time expression
        if res is None or (name in _COMMON_WORD_RULES and _is_title(text, start, end)):
            continue
        if name in _STRIP_RULES:
            start += next((len(p) for p in tp.STRIP_LEAD if text.startswith(p, start)), 0)
        if text.endswith("'s", start, end) and end - start > 2:
            end -= 2  # "last month's sales": the possessive is not part of the time
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
