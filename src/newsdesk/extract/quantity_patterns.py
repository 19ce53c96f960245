"""Word lists and regular-expression pieces for quantities, kept as data.

``quantities.py`` compiles :data:`QUANTITY` and normalises what it matches with the tables
here: number words, scale words, currencies, fractions, and the words that end a count.
"""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100,
    "a thousand": 1000, "a million": 1_000_000, "a billion": 1_000_000_000,
}  # fmt: skip

SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12, "mln": 1e6, "bln": 1e9,
    "lakh": 1e5, "crore": 1e7,
}  # fmt: skip

FRACTIONS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fourth": 1 / 4, "fourths": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5,
    "sixth": 1 / 6, "sixths": 1 / 6, "seventh": 1 / 7, "sevenths": 1 / 7, "eighth": 1 / 8,
    "eighths": 1 / 8, "ninth": 1 / 9, "ninths": 1 / 9, "tenth": 1 / 10, "tenths": 1 / 10,
}  # fmt: skip

# Symbol or prefix before the number -> ISO 4217 code.
CURRENCY_SIGNS: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "₽": "RUB",
    "rub": "RUB", "₴": "UAH", "uah": "UAH", "c$": "CAD", "cad": "CAD", "a$": "AUD",
    "aud": "AUD", "chf": "CHF", "cny": "CNY", "rmb": "CNY", "hk$": "HKD", "₩": "KRW",
    "tk": "BDT", "৳": "BDT", "₺": "TRY", "₪": "ILS", "r$": "BRL",
}  # fmt: skip

# Currency word after the number -> ISO 4217 code.
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB",
    "ruble": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "hryvnas": "UAH", "taka": "BDT",
    "francs": "CHF", "lira": "TRY", "shekels": "ILS", "won": "KRW", "reais": "BRL",
}  # fmt: skip

PERCENT_WORDS = ("%", "percent", "per cent", "pct", "percentage points", "percentage point")

# Measure words normalised to a short unit name.
MEASURES: dict[str, str] = {
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "mile", "mile": "mile", "metres": "m", "meters": "m", "metre": "m",
    "meter": "m", "feet": "foot", "foot": "foot", "tonnes": "tonne", "tons": "tonne",
    "tonne": "tonne", "ton": "tonne", "kg": "kg", "kilograms": "kg", "kilogram": "kg",
    "barrels": "barrel", "barrel": "barrel", "acres": "acre", "hectares": "hectare",
    "degrees": "degree", "mph": "mph", "km/h": "km/h", "mw": "MW", "gw": "GW",
    "megawatts": "MW", "gigawatts": "GW", "kwh": "kWh", "litres": "litre", "liters": "litre",
    "gallons": "gallon", "°c": "celsius", "c": "celsius", "°f": "fahrenheit",
    "cm": "cm", "mm": "mm", "ft": "foot", "lb": "lb", "lbs": "lb", "kw": "kW", "mwh": "MWh",
    "gwh": "GWh", "kph": "km/h", "kilowatts": "kW", "centimetres": "cm", "centimeters": "cm",
    "millimetres": "mm", "millimeters": "mm",
}  # fmt: skip

# Unit abbreviations written glued to their number ("6km", "40,000t", "12mph", "9pc"),
# matched case-blind; "C" and "F" only in capitals ("40C"), where a small letter is cents.
GLUED_UNITS: dict[str, str] = {
    "km": "km", "kms": "km", "t": "tonne", "mph": "mph", "kph": "km/h", "kmh": "km/h",
    "km/h": "km/h", "kg": "kg", "kgs": "kg", "ft": "foot", "mi": "mile", "cm": "cm", "mm": "mm",
    "ha": "hectare", "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "mwh": "MWh",
    "gwh": "GWh", "lb": "lb", "lbs": "lb", "bbl": "barrel", "pc": "percent", "°c": "celsius",
    "°f": "fahrenheit", "tonnes": "tonne", "tons": "tonne", "metres": "m", "meters": "m",
    "ml": "ml", "mg": "mg", "hp": "hp", "mb": "MB", "gb": "GB", "tb": "TB",
}  # fmt: skip
GLUED_CASED: dict[str, str] = {"C": "celsius", "F": "fahrenheit"}

# Words after "20m" that make the "m" metres, not million ("a 20m-high wall", "20m deep").
DIMENSION_WORDS: frozenset[str] = frozenset(
    {"high", "tall", "long", "deep", "wide", "away", "across", "thick", "below", "above",
     "offshore", "underground", "underwater", "waves", "wave", "swell"}
)  # fmt: skip

# Words after a number that are not what it counts (function words, verbs, time units:
# "24 hours" is a duration and belongs to times.py).
NOT_UNITS: frozenset[str] = frozenset(
    [
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "for",
        "the",
        "a",
        "an",
        "from",
        "with",
        "by",
        "as",
        "than",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "have",
        "has",
        "had",
        "will",
        "would",
        "said",
        "says",
        "say",
        "could",
        "can",
        "may",
        "might",
        "more",
        "less",
        "other",
        "others",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "were",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "per",
        "up",
        "down",
        "out",
        "over",
        "into",
        "after",
        "before",
        "since",
        "about",
        "against",
        "between",
        "during",
        "including",
        "while",
        "when",
        "where",
        "if",
        "but",
        "so",
        "not",
        "no",
        "also",
        "only",
        "still",
        "just",
        "all",
        "each",
        "both",
        "more",
        "most",
        "such",
        "times",
        "time",
        "percent",
    ]
)

TIME_UNITS: frozenset[str] = frozenset(
    [
        "second",
        "seconds",
        "sec",
        "secs",
        "minute",
        "minutes",
        "min",
        "mins",
        "hour",
        "hours",
        "hr",
        "hrs",
        "day",
        "days",
        "night",
        "nights",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "year",
        "years",
        "yr",
        "yrs",
        "decade",
        "decades",
        "century",
        "centuries",
        "a.m.",
        "p.m.",
        "am",
        "pm",
    ]
)

MONTH_WORDS: frozenset[str] = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

# Adjectives stepped over to find the counted noun ("4.8 million private sector jobs").
ADJECTIVES: frozenset[str] = frozenset(
    {
        "new", "old", "more", "additional", "other", "private", "public", "small", "large",
        "big", "major", "key", "local", "federal", "foreign", "domestic", "civilian",
        "military", "former", "young", "elderly", "innocent", "unarmed", "armed", "senior",
        "top", "leading", "separate", "different", "similar", "several", "further", "extra",
        "total", "full", "single", "american", "russian", "ukrainian", "chinese", "european",
        "british", "french", "german", "israeli", "palestinian", "iranian",
    }
)  # fmt: skip
ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ful", "ic", "ian", "ese", "ish", "ary", "less", "able")

# Verbs after which a bare number counts people ("injuring 14").
CASUALTY_VERBS: frozenset[str] = frozenset(
    [
        "killed",
        "killing",
        "kills",
        "kill",
        "injured",
        "injuring",
        "injures",
        "injure",
        "wounded",
        "wounding",
        "wounds",
        "wound",
        "dead",
        "died",
        "rescued",
        "evacuated",
        "arrested",
        "detained",
        "missing",
        "hospitalised",
        "hospitalized",
        "displaced",
    ]
)

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens|"
    r"hundreds|thousands|millions|billions|a hundred|a thousand|a million|a billion)"
)
_SIGN = r"(?:US\$|C\$|A\$|HK\$|R\$|[$€£¥₹₽₴৳₺₪₩]|(?:USD|EUR|GBP|JPY|INR|RUB|UAH|CAD|AUD|CHF|CNY|RMB|Rs\.?|Tk)\s?)"
_SCALE = r"(?:\s?(?:hundred|thousand|million|billion|trillion|lakh|crore)\b|\s?(?:bn|mn|mln|bln|tn)\b|[mbk]\b)"
_FRACTION = (
    r"(?i:(?:a|one|two|three|four|five|six|seven|eight|nine)[- ](?:half|halves|third|thirds|"
    r"quarter|quarters|fourth|fourths|fifth|fifths|sixth|sixths|seventh|sevenths|eighth|"
    r"eighths|ninth|ninths|tenth|tenths)|half)(?= of\b)"
    # "two-thirds majority": a hyphenated plural fraction needs no "of"
    r"|(?i:(?:two|three|four|five|six|seven|eight|nine)-(?:thirds|quarters|fifths|sixths|"
    r"sevenths|eighths|ninths|tenths))\b"
)
# "one in five adults": a ratio
_RATIO = r"(?i:\b(?:one|1) in (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b)"

# One pattern: a fraction ("a fifth of"), or an optional currency sign, a number in digits
# or words, an optional scale, then an optional percent sign or word.
QUANTITY = (
    rf"(?P<ratio>{_RATIO})|(?P<frac>\b{_FRACTION})"
    rf"|(?P<sign>{_SIGN})?(?P<num>(?<![\w.,:/+-])(?:{_DIGITS})(?!\d|(?:st|nd|rd|th)\b)|\b(?i:{_WORDS})\b)"
    rf"(?P<scale>{_SCALE})?"
    r"(?P<pct>\s?%|\s(?:percent|per cent|pct|percentage points?)\b)?"
)
