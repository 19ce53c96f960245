"""Find quantities in article text: numbers with what they count, normalised.

One pattern (:data:`newsdesk.extract.quantity_patterns.QUANTITY`) proposes a number with
its currency sign, scale and percent sign; the words around it then decide the unit
(a currency, "percent", "fraction", a measure, or the counted noun) or drop it (years,
day numbers next to a month, durations, model names like "F-16").
"""

from __future__ import annotations

import re

from newsdesk.extract import quantity_patterns as qp
from newsdesk.model import Quantity

_QUANTITY = re.compile(qp.QUANTITY)
_NEXT_WORD = re.compile(r"\s+(?:[-–]\s*)?([A-Za-z][A-Za-z'/.\-]*[A-Za-z]|[A-Za-z])")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z'.]*)\W*$")
_SCALE_OF = re.compile(r"\s+of\b")
# letters glued to a number's end: a unit abbreviation ("6km", "5km/h") or a name ("5G")
_GLUED = re.compile(r"[A-Za-z]+(?:/[A-Za-z]+)?\b")
_DIMENSION_NEXT = re.compile(r"(?:-|\s+)([a-z]+)")


def read_amount(num: str) -> float | None:
    """Return the value of a number written in digits or words.

    >>> read_amount("1,250.5"), read_amount("twenty-five"), read_amount("a dozen")
    (1250.5, 25.0, 12.0)
    """
    w = num.lower().strip()
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", w):
        return float(w.replace(",", ""))
    if w in qp.NUMBER_WORDS:
        return float(qp.NUMBER_WORDS[w])
    parts = w.split("-")
    if len(parts) == 2 and all(p in qp.NUMBER_WORDS for p in parts):
        return float(qp.NUMBER_WORDS[parts[0]] + qp.NUMBER_WORDS[parts[1]])
    return None


def read_fraction(words: str) -> float | None:
    """Return the value of "a fifth", "two-thirds" or "half".

    >>> read_fraction("a fifth"), round(read_fraction("two-thirds") or 0, 3)
    (0.2, 0.667)
    """
    parts = re.split(r"[- ]", words.lower())
    denom = qp.FRACTIONS.get(parts[-1])
    if denom is None:
        return None
    count = 1.0 if parts[0] in ("a", "one", "half") else read_amount(parts[0])
    return None if count is None else count * denom


def _is_date_or_year(text: str, start: int, end: int, value: float, has_more: bool) -> bool:
    """Return True when a bare number is a year or a day of a month, not a quantity."""
    prev = _PREV_WORD.search(text[max(0, start - 12) : start])
    nxt = _NEXT_WORD.match(text, end)
    if prev and prev[1].lower().rstrip(".") in qp.MONTH_WORDS and value <= 31:
        return True
    if nxt and nxt[1].lower().rstrip(".") in qp.MONTH_WORDS and value <= 31:
        return True
    raw = text[start:end]
    return not has_more and re.fullmatch(r"1[6-9]\d\d|20\d\d", raw) is not None


def _counted_unit(text: str, end: int) -> tuple[str | None, int]:
    """Return the word a number counts (and where it ends), or (None, end).

    Up to two adjectives are stepped over: "4.8 million private sector jobs" counts jobs
    only if "sector" is taken as a noun, so the first noun after the adjectives wins.
    """
    pos = end
    for _ in range(3):
        nxt = _NEXT_WORD.match(text, pos)
        if not nxt:
            return None, end
        word = nxt[1]
        low = word.lower()
        if low in qp.MEASURES:
            return qp.MEASURES[low], nxt.end()
        if low in qp.CURRENCY_WORDS:
            return qp.CURRENCY_WORDS[low], nxt.end()
        if _is_adjective(low) and low not in qp.NOT_UNITS:
            pos = nxt.end()  # "five Ukrainian soldiers", "2,000 additional troops"
            continue
        if low in qp.NOT_UNITS or low in qp.TIME_UNITS or "." in word:
            return None, end
        if word[0].isupper():
            if low.endswith("s") and len(low) > 3:
                return low, nxt.end()  # "five Democrats", "200 Palestinians"
            pos = nxt.end()  # "5 Republican senators": a name used as an adjective
            continue
        return low, nxt.end()
    return None, end


def _is_adjective(word: str) -> bool:
    """Return True for a word that describes rather than names ("private", "coal-fired")."""
    return word in qp.ADJECTIVES or "-" in word or word.endswith(qp.ADJECTIVE_ENDINGS)


def _is_dimension(text: str, end: int) -> bool:
    """Return True when the word after "20m" tells a length ("high", "deep", "-long")."""
    nxt = _DIMENSION_NEXT.match(text, end)
    return bool(nxt and nxt[1] in qp.DIMENSION_WORDS)


def _casualty_before(text: str, start: int) -> bool:
    prev = _PREV_WORD.search(text[max(0, start - 20) : start])
    return bool(prev and prev[1].lower() in qp.CASUALTY_VERBS)


def _read_match(text: str, m: re.Match[str]) -> Quantity | None:
    """Return the quantity one pattern match stands for, or None when it is not one."""
    if m["ratio"]:
        denom = read_amount(m["ratio"].split()[-1])
        return Quantity(m.start(), m.end(), 1 / denom, "fraction") if denom else None
    if m["frac"]:
        frac = read_fraction(m["frac"])
        return None if frac is None else Quantity(m.start(), m.end(), frac, "fraction")
    value = read_amount(m["num"])
    if value is None:
        return _read_plural_scale(text, m)
    start, end = m.start(), m.end()
    scale = (m["scale"] or "").strip().lower()
    glued = _GLUED.match(text, end) if not (scale or m["pct"]) and m["num"][0].isdigit() else None
    if glued and m["sign"] and glued[0].lower() in qp.SCALES:  # "$50K", "€2Bn"
        scale, end = glued[0].lower(), glued.end()
    elif glued:  # "6km", "40,000t", "9pc"; other letters make a name ("5G", "3D")
        unit = qp.GLUED_CASED.get(glued[0]) or qp.GLUED_UNITS.get(glued[0].lower())
        return Quantity(start, glued.end(), value, unit) if unit else None
    if scale == "m" and not m["sign"] and _is_dimension(text, end):
        return Quantity(start, end, value, "m")  # "a 20m-high wall": metres, not million
    if scale:
        # 12 significant digits: 66.9 billion is 66900000000.0, not 66900000000.00001
        value = float(f"{value * qp.SCALES.get(scale, 1.0):.12g}")
    sign = (m["sign"] or "").strip().lower()
    if sign:
        return Quantity(start, end, value, qp.CURRENCY_SIGNS.get(sign, sign.upper()))
    if m["pct"]:
        return Quantity(start, end, value, "percentage point" if "point" in m["pct"] else "percent")
    if _is_date_or_year(text, m.start("num"), m.end("num"), value, bool(scale)):
        return None
    if text[end : end + 1] in (":", "/") or re.match(r"[-–]\d", text[end : end + 2]):
        return None  # clock times, scores and ranges' first half are not counts
    if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", text[end : end + 6], re.I):
        return None
    hyphen = re.match(r"-([a-z]+)\b", text[end : end + 14])
    if hyphen and hyphen[1] in qp.TIME_UNITS:
        return None  # "24-hour", "six-month": durations, left to times.py
    if hyphen:  # "a 6.1-magnitude quake", "a 10-point plan"
        return Quantity(start, end + hyphen.end(), value, qp.MEASURES.get(hyphen[1], hyphen[1]))
    degrees = re.match(r"°[CF]\b", text[end : end + 3])
    if degrees:  # "104°F"
        return Quantity(start, end + degrees.end(), value, qp.MEASURES[degrees[0].lower()])
    unit, unit_end = _counted_unit(text, end)
    if unit in qp.CASUALTY_VERBS:  # "3 killed, 10 injured"
        return Quantity(start, end, value, "people")
    if unit is None and _casualty_before(text, start):
        return Quantity(start, end, value, "people")
    nxt = _NEXT_WORD.match(text, end)
    if nxt and nxt[1].lower() in qp.TIME_UNITS:
        return None  # "24 hours" is a duration: times.py reports it
    if m["num"][0].isalpha() and not scale and (unit is None or m["num"].lower() == "one"):
        return None  # "one" is a pronoun or an article more often than a count
    return Quantity(start, unit_end, value, unit)


def _read_plural_scale(text: str, m: re.Match[str]) -> Quantity | None:
    """Return "thousands of people"-style vague counts as their order of magnitude."""
    word = m["num"].lower()
    base = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
    if word not in base:
        return None
    of = _SCALE_OF.match(text, m.end())
    if not of:
        return None
    value = base[word]
    again = re.match(r"\s+(hundreds|thousands|millions|billions)\b", text[of.end() :])
    if again:  # "hundreds of thousands (of people)"
        value *= base[again[1]]
        end = of.end() + again.end()
        more = _SCALE_OF.match(text, end)
        if not more:
            return Quantity(m.start(), end, value, None)
        of = more
    unit, end = _counted_unit(text, of.end())
    if unit is None:
        return None
    return Quantity(m.start(), end, value, unit)


def extract_quantities(text: str) -> list[Quantity]:
    """Return the quantities in ``text``: value, unit and the span they cover.

    Currencies become ISO codes, percentages "percent", fractions "fraction", and counts
    the counted word; durations ("24 hours") are left to :func:`extract_times`.

    >>> [(q.value, q.unit) for q in extract_quantities("It cost $66.9 billion, up 500%.")]
    [(66900000000.0, 'USD'), (500.0, 'percent')]
    >>> [(q.value, q.unit) for q in extract_quantities("The strike killed five people.")]
    [(5.0, 'people')]
    """
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        q = _read_match(text, m)
        if q is not None and (not out or q.start >= out[-1].end):
            out.append(q)
    return out
