"""Word lists and regular-expression pieces for time expressions, kept as data.

``times.py`` compiles :data:`RULES` (name, pattern) and normalises what they match; every
lookup table it needs lives here, so adding a month spelling or a set word is a data edit.
Patterns are matched case-sensitively; lowercase words carry their own ``(?i:...)`` flag
so that capitalised month and weekday names do not match "may" or "march" as verbs.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
    "a couple of": 2, "a couple": 2, "half an": 0.5, "couple of": 2, "a single": 1, "a full": 1,
    "a whole": 1, "one full": 1,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
    "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10,
    "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12, "thirteenth": 13, "13th": 13,
    "fourteenth": 14, "14th": 14, "fifteenth": 15, "15th": 15, "sixteenth": 16,
    "16th": 16, "seventeenth": 17, "17th": 17, "eighteenth": 18, "18th": 18,
    "nineteenth": 19, "19th": 19, "twentieth": 20, "20th": 20, "twenty-first": 21,
    "21st": 21, "last": 4, "final": 4,
}  # fmt: skip

# Vague amounts give an unspecified count ("several years" -> PXY).
VAGUE_COUNTS: frozenset[str] = frozenset(
    {"several", "a few", "few", "many", "some", "a number of", "numerous", "multiple",
     "the next few", "the past few", "the last few", "the first few", "countless"}
)  # fmt: skip

# Unit word -> (TIMEX3 duration letter, is a time unit (PT...), length in days for arithmetic).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True), "day": ("D", False), "night": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "yr": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "centurie": ("CE", False),
    "weekend": ("WE", False),
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "mid-day": "MI", "noon": "T12:00", "midnight": "T24:00",
    "dawn": "MO", "daybreak": "MO", "dusk": "EV", "nightfall": "EV",
    "mid-afternoon": "AF", "mid afternoon": "AF", "mid-morning": "MO", "late-night": "NI",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

# Fixed-date holidays: name -> (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "boxing day": (12, 26), "bastille day": (7, 14), "may day": (5, 1),
    "veterans day": (11, 11), "armistice day": (11, 11),
}  # fmt: skip

REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "these days": "PRESENT_REF", "so far": "PRESENT_REF", "to date": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "earlier": "PAST_REF", "in the past": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF", "a later date": "FUTURE_REF", "later": "FUTURE_REF",
    "eventually": "FUTURE_REF", "in the future": "FUTURE_REF",
}  # fmt: skip

SET_WORDS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "quarterly": "P1Q", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
    "annual": "P1Y", "semiannually": "P6M", "semi-annually": "P6M",
}  # fmt: skip

# Words in the clause before a bare weekday or month that make it point forward in time.
FUTURE_CUES = (
    r"\b(?:will|won't|wo n't|'ll|shall|going to|(?:is|are) (?:scheduled|due|set|expected|"
    r"planned|slated|to)|plans? to|intends? to|until|till|upcoming|next(?! to)|expected|expects?|"
    r"scheduled|payable|expires?|due|planned|slated|pending|to be|of record|by(?= \S+$)|"
    r"planned to|planning to|would|could|might|as (?:soon|early) as|effective)\b"
)

# Future cues that a bare weekday needs: auxiliaries, not participles ("had been due").
STRONG_FUTURE_CUES = (
    r"\b(?:will|won't|wo n't|'ll|shall|going to|(?:is|are) (?:scheduled|due|set|expected|"
    r"planned|slated|to)|plans? to|planned to|planning to|intends? to|until|till|upcoming|next(?! to)|"
    r"would|might|as (?:soon|early) as|scheduled)\b"
)

# Prepositions that put a bare weekday ahead of the anchor unless the clause is past.
PROSPECTIVE_CUES = r"\b(?:by|until|till|no later than|as (?:soon|early) as)"

# --- regex building blocks -------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|Apr(?:il|\.)?|May|June?|July?|Jun\.|Jul\.|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?|"
    r"JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
_WEEKDAY = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_SMALL = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)"
)
_WORDNUM = rf"(?:{_SMALL}(?:[- ]{_SMALL})?)"
_TEENS_TENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"oh[- ](?:one|two|three|four|five|six|seven|eight|nine)|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_SPELLED_YEAR = rf"(?i:(?:nineteen|twenty)(?:[- ]hundred)?(?: and)?[- ]{_TEENS_TENS})"
_NUM = (
    rf"(?:\d+(?:\.\d+)?(?: 1/2| and a half)?|{_WORDNUM}(?: and a half)?|an?|a couple(?: of)?|"
    r"a dozen|dozens of|half an?|a single|a full|one full|a whole|several|a few|few|many|"
    r"some|a number of|numerous|multiple)"
)
_UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|"
    r"months?|quarters?|years?|yrs?|decades?|century|centuries)"
)
_UNIT_SG = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
_AROUND = (
    r"(?:about|nearly|almost|around|roughly|approximately|some|only|just|more than|less than|"
    r"fewer than|at least|at most|up to|over(?! the)|under|barely|well over|just over|just under|"
    r"upwards of|the better part of|close to|as (?:many|much|long|little) as)"
)
_SPAN_LEAD = (
    r"(?:the (?:past|last|next|first|previous|coming|following|final|latest|remaining|initial|"
    r"same|whole|entire|full)|past|last|next|coming|another|an additional|the|these|those|"
    r"first|final|previous)"
)
_EDGE = r"(?:early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of|the first half of|the second half of)"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|EEST|MSK|IST|JST|AEST|[A-Z]{2,4}T)"
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b)"
    rf"|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?(?:{_ZONE}|[Hh]ours|GMT))?\b"
    rf"|(?:[01]?\d|2[0-3])\.[0-5]\d(?:\s?(?:a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b)|\s(?:{_ZONE}|GMT)\b)"
    r"|noon|midnight|midday)"
)
_REL_DAY = r"(?:today|yesterday|tomorrow|tonight|Today|Yesterday|Tomorrow|Tonight)"
_DATE = rf"(?:{_MONTH} {_DAY}(?:,? {_YEAR})?|{_DAY} {_MONTH}(?:,? {_YEAR})?)"
_WHEN = rf"(?:(?:{_WEEKDAY},? )?{_DATE}|{_WEEKDAY}|{_REL_DAY})"

# (rule name, pattern). times.py dispatches on the name; the longest match wins an overlap.
RULES: list[tuple[str, str]] = [
    ("iso", r"\b\d{4}([-/.])[01]\d\1[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?)?\b"),
    (
        "numeric",
        r"\b(?:[0-3]?\d)/(?:[0-3]?\d)/(?:\d{4}|\d{2})\b|(?<![\d.-])[0-3]?\d([.-])[01]?\d\1\d{4}\b",
    ),
    (
        "period_code",
        r"\b(?:[QH][1-4]|FY)\s?(?:'?\d\d\b|(?:19|20)\d\d\b)|\b(?:[QH][1-4])\s(?:of\s)?(?:19|20)\d\d\b",
    ),
    (
        "clock",
        rf"(?i:(?:early|late|around|about|shortly (?:before|after)|just (?:before|after) )?)?"
        rf"{_CLOCK}(?:\s(?:{_ZONE}\b|[+-][01]\d(?::?[0-5]\d)?\b))?(?:\s\({_CLOCK}(?:\s{_ZONE})?\))?"
        # "11:40pm local time on 13 March": the date named with the clock is its day
        rf"(?:(?:,?\s\(?(?i:local time)\)?)?(?:,?\s(?i:on|of|this|last|next)|,)?\s"
        rf"(?:{_WHEN}|(?i:this|that|last) {_PART}))?",
    ),
    (
        "month_day",
        rf"(?:(?:{_WEEKDAY}),?\s)?(?i:(?:(?:{_EDGE}|last|next|this|past)[- ])?)?{_MONTH}\s{_DAY}\b(?:,?\s{_YEAR}\b)?",
    ),
    (
        "day_month",
        rf"(?:(?:{_WEEKDAY}),?\s)?(?:the\s)?{_DAY}\s(?:of\s)?{_MONTH}\b(?:,?\s{_YEAR}\b)?",
    ),
    (
        "month",
        rf"(?i:(?:(?:{_EDGE}|last|next|this|that)[- ])?)?{_MONTH}\b(?:,?\s(?:of\s)?(?:{_YEAR}\b|(?i:this year|last year|next year)|{_SPELLED_YEAR}\b))?",
    ),
    (
        "year",
        rf"(?i:(?:(?:{_EDGE}|the end of|fiscal|calendar|the year|fiscal year|year)[- ])?){_YEAR}\b",
    ),
    (
        "decade",
        r"(?i:(?:the\s)?(?:(?:early|late|mid|the early|the late|the mid)[- ])?)(?:1[6-9]\d0|20\d0)s\b|(?i:the\s)?'\d0s\b"
        r"|(?i:the (?:(?:early|late|mid)[- ])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
    ),
    (
        "spelled_year",
        rf"(?i:\b(?:the year )?(?:nineteen|twenty)(?:[- ]hundred)?(?: and)?[- ](?:{_TEENS_TENS})\b"
        rf"|\bthe year two thousand(?:(?: and)? {_SMALL}(?:-{_SMALL})?)?\b)",
    ),
    (
        "the_year",
        r"(?i:\b(?:(?:for|during|throughout|over|in) )?the (?:full |whole |entire |latest )?(?:fiscal )?year\b(?![-']))",
    ),
    (
        "year_end",
        r"(?i:\b(?:(?:around|at) )?(?:year[- ]end|year's end|the end of (?:the|this) year)\b)",
    ),
    (
        "century",
        rf"(?i:(?:the\s)?(?:(?:early|late|mid)[- ])?)(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{'|'.join(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty-first'])}))[- ](?i:century)",
    ),
    (
        "weekday",
        rf"(?i:(?:(?:early|late|earlier|later|last|next|this|coming|past|early on|late on|"
        rf"the (?:previous|preceding|following))\s)?)?{_WEEKDAY}(?:'s)?(?:s)?(?:\s(?i:{_PART}))?",
    ),
    (
        "rel_day",
        rf"(?i:(?:(?:early|late|earlier|later|mid-?)\s?)?(?:the day before yesterday|"
        rf"the day after tomorrow|today|yesterday|tomorrow|tonight|last night)"
        rf"(?:\s{_PART})?)",
    ),
    (
        "this_part",
        rf"(?i:(?:earlier |later )?(?:this|that|last|tomorrow|yesterday) {_PART}|overnight|mid[- ]?(?:morning|afternoon)(?: (?:yesterday|today|tomorrow))?)",
    ),
    (
        "that_day",
        r"(?i:(?:(?:earlier|later|early|late) )?(?:that (?:same )?day|the same day|that night|"
        r"the (?:next|following|previous|preceding) (?:day|morning|night|week|month|year)|"
        r"the day (?:before|after)|the week before|the year before|the weekend|that (?:same )?(?:week|month|year|morning|afternoon|evening))|"
        r"(?:earlier|later|early|late) (?:in )?(?:the|that) (?:day|week|month|year))",
    ),
    (
        "rel_unit",
        rf"(?i:(?:(?:{_EDGE}|earlier|later|early|late)\s(?:in\s)?)?"
        rf"(?:last|next|this|past|coming|current|the past|the last|the previous|the coming|"
        rf"the next|the current|the following|this past|this coming)\s"
        rf"(?:fiscal\s)?(?:week|month|year|quarter|weekend|decade|century|spring|summer|fall|"
        rf"autumn|winter|season|semester|half|fiscal year))\b(?:'s)?",
    ),
    (
        "quarter",
        rf"(?i:(?:(?:the|this year's|last year's|next year's|the comparable|the same|the "
        rf"year-ago|the year-earlier) )?(?:{_YEAR} )?(?:fiscal[- ])?(?:(?:first|second|third|fourth|"
        rf"1st|2nd|3rd|4th|final|latest|current|comparable|same|year-ago|year-earlier)"
        rf"(?:[- ]fiscal)?[- ])(?:quarter|half|period)(?: (?:of|in) (?:fiscal )?(?:{_YEAR}|this year|last year|next year))?"
        rf"|(?:the|that) (?:{_YEAR} )?(?:quarter|latest period|year-ago period|year-earlier period|period)"
        rf"(?: a year (?:ago|earlier)| last year)?"
        rf"|the (?:corresponding|comparable|same) (?:quarter|period) (?:of )?last year|last year's (?:quarter|period)"
        rf"|(?:the )?last (?:quarter|half) of (?:{_YEAR}|this year|last year|next year)"
        rf"|year-(?:earlier|ago)(?: (?:quarter|period))?"
        rf"|(?:the )?(?:first|second) half(?: of (?:{_YEAR}|this year|last year|next year))?)",
    ),
    (
        "duration",
        rf"(?i:(?:{_AROUND}\s)?(?:{_SPAN_LEAD}\s)?{_NUM}\s(?:more\s|full\s|straight\s|"
        rf"consecutive\s|long\s|additional\s|other\s)?{_UNIT}"
        rf"(?:\sand\s(?:a\s(?:half|quarter)|{_NUM}\s{_UNIT}))?"
        rf"(?:\s(?:ago|earlier|later|from now|or so ago|before that|after that|old))?)\b",
    ),
    (
        "hyphen_duration",
        rf"(?i:\b(?:{_WORDNUM}|\d+(?:\.\d+)?|several|multi|half)-{_UNIT_SG}s?(?:-(?:old|long))?)\b|(?i:decades|years|months|weeks|centuries|day|week|month|year|hour)-long\b",
    ),
    (
        "vague_plural",
        r"(?i:\b(?:in |for |over |within |during )?(?:the )?(?:(?:coming|recent|past|next|last|previous|future) )?(?:days|weeks|months|years|decades|centuries)(?: ago)?)\b",
    ),
    (
        "season",
        rf"(?i:(?:(?:{_EDGE}|last|next|this|the|in|over the|during the)[- ])+(?:spring|summer|fall|autumn|winter)(?: of (?:{_YEAR}|{_SPELLED_YEAR}))?)\b|(?i:(?:spring|summer|fall|autumn|winter) (?:of )?){_YEAR}\b",
    ),
    (
        "set",
        r"(?i:\b(?:daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly|semi-?annually)\b|(?:every|each|per) (?:other )?(?:day|week|month|year|quarter|hour|morning|night|evening|weekend|summer|winter|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|(?:every|each) (?:two|three|four|five|six|ten|twelve|\d+) (?:days|weeks|months|years|hours|minutes)\b|(?:once|twice|\w+ times) (?:a|per|each|every) (?:day|week|month|year|quarter)\b)",
    ),
    (
        "holiday",
        r"(?i:(?:(?:last|next|this) )?(?:christmas(?: day| eve)?|new year's (?:day|eve)|independence day|halloween|valentine's day|boxing day|bastille day|thanksgiving(?: day)?|easter(?: sunday| monday| week)?|veterans day|armistice day|election day))\b(?:,? (?:1[6-9]|20)\d\d\b)?",
    ),
    (
        "ref",
        r"(?i:\b(?:right now|now|currently|nowadays|presently|at present|at the moment|these days|recently|lately|the past|the (?:near |distant |foreseeable )?future|the (?:near|short|long) term|a later date)\b(?! (?:after|before|as)\b)|\bcurrent\b)",
    ),
]

PAST_CUES = r"\b(?:said|was|were|had|did|told|announced|reported|ago|last|since|earlier)\b"
PAST_PLAN_CUES = r"\b(?:was|were|had been) (?:\w+ )?(?:scheduled|due|set|expected|planned|slated)\b"
# Regular past forms count only when no stronger cue is in the clause ("be named ... will").
WEAK_PAST_CUES = r"\b[a-z]{3,}ed\b"

# A bare "May" or "March" is a month only after one of these words (else a verb or name).
MONTH_LEAD_WORDS: frozenset[str] = frozenset(
    {"in", "since", "until", "till", "by", "of", "last", "next", "this", "early", "late",
     "mid", "through", "during", "from", "before", "after", "to", "end", "and", "or",
     "between", "on", "that", "each", "every", "the", "a"}
)  # fmt: skip

# Words stripped from the front of a span: TIMEX3 spans leave the preposition out.
STRIP_LEAD = (
    "in ",
    "for ",
    "over ",
    "within ",
    "during ",
    "In ",
    "For ",
    "Over ",
    "Within ",
    "During ",
)

# Public names of the building blocks times.py re-parses matched spans with.
SPELLED_YEAR = _SPELLED_YEAR
NUM = _NUM
MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
UNIT = _UNIT
MONTH = _MONTH
WEEKDAY = _WEEKDAY
CLOCK = _CLOCK

# Words (lowercased) near which each rule can match: rules run only in windows around
# these, which keeps extraction far faster than scanning every rule over the whole text.
# Digits are classified in code (years, clock times, ISO and numeric dates, decades).
_UNIT_WORDS = (
    "second seconds sec secs minute minutes min mins hour hours hr hrs day days night nights "
    "week weeks fortnight fortnights month months quarter quarters year years yr yrs decade "
    "decades century centuries"
)
TRIGGERS: dict[str, str] = {
    "clock": "noon midnight midday",
    "century": "century centuries",
    "decade": "twenties thirties forties fifties sixties seventies eighties nineties",
    "rel_day": "today yesterday tomorrow tonight night",
    "this_part": "morning afternoon evening night overnight",
    "that_day": "day week month year night morning afternoon evening weekend",
    "rel_unit": "week month year quarter weekend decade century spring summer fall autumn "
    "winter season semester half",
    "quarter": "quarter half period earlier ago",
    "duration": _UNIT_WORDS,
    "hyphen_duration": _UNIT_WORDS + " long",
    "vague_plural": "days weeks months years decades centuries",
    "season": "spring summer fall autumn winter",
    "set": "daily weekly monthly annually yearly quarterly hourly nightly biweekly "
    "semiannually every each per once twice times",
    "holiday": "christmas new independence halloween valentine boxing bastille thanksgiving "
    "easter veterans armistice election may",
    "spelled_year": "nineteen twenty two",
    "year_end": "year end",
    "period_code": "q1 q2 q3 q4 h1 h2 fy",
    "the_year": "year",
    "ref": "term now currently current nowadays presently present moment days recently lately "
    "previously formerly past future soon shortly later",
}

# Words that may follow a set adverb ("adjusted quarterly and ..."); any other lowercase
# word after "daily"/"quarterly" means it is an adjective ("quarterly dividend").
SET_FOLLOWERS: frozenset[str] = frozenset(
    {
        "and", "or", "but", "to", "in", "on", "at", "for", "from", "by", "since", "through",
        "until", "than", "as", "if", "when", "while", "so", "the", "a", "an", "that",
        "this", "with",
    }
)  # fmt: skip

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

# Languages dateparser tries on datelines our rules miss (each one adds load time).
DATEPARSER_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ru", "uk", "nl")

# Verbs of saying: a quote's attribution ("..., she told reporters late on Thursday") that
# names a day gives the day the quote's "today" or "tonight" means.
SPEECH_VERBS = (
    r"(?:said|says|say|told|tells|added|adds|wrote|writes|tweeted|posted|stated|declared|"
    r"announced|explained|insisted|warned|replied|recalled|remarked|noted|continued|asked)"
)
PRESENT_SPEECH = r"\b(?:says|say|tells|adds|writes)\b"
# Rules whose value counts from the moment of speaking, and rules that name a day.
DEICTIC_RULES = frozenset({"rel_day", "this_part"})
DAY_RULES = frozenset({"weekday", "month_day", "day_month", "iso", "numeric", "rel_day"})
# Words for the coming night: said before noon and reported in the past, the night before.
TONIGHT_WORDS = frozenset({"tonight", "this evening", "this night"})
