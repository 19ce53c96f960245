"""Word lists the link stage uses, kept as data apart from the code that reads them.

Written by hand: English function words and the reporting verbs and calendar words every
news article uses, which carry no signal about which event a story is about.
"""

from __future__ import annotations

_STOPWORDS = """
    a about above after again against all almost also although always am among an and
    another any anyone anything are around as at back be became because become been before
    being below between both but by can cannot could did do does doing done down during
    each either else enough even ever every few for from further get gets getting got had
    has have having he her here hers herself him himself his how however i if in into is it
    its itself just least less like made make many may me might more most much must my
    myself neither never no nor not now of off often on once one only or other others our
    ours ourselves out over own per perhaps rather same she should since so some still such
    than that the their theirs them themselves then there these they this those though
    through thus to too toward towards under until up upon us very was we well were what
    when where whether which while who whom whose why will with within without would yet you
    your yours yourself yourselves s t don didn doesn isn wasn weren won wouldn couldn
    shouldn ve ll re d m
    said says say saying told tell tells according reported report reports added adding
    asked statement news new also including include includes like year years day days time
    times week weeks month months today yesterday tomorrow monday tuesday wednesday thursday
    friday saturday sunday mr mrs ms dr people percent two three first last next later
    earlier several would could including want wants wanted going go goes went come came
    take took make made way part well good big many much still just back us u
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORDS.split())
"""Words that say nothing about which event an article reports."""

_MONTHS = """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
"""
MONTHS: frozenset[str] = frozenset(_MONTHS.split())
"""Month names: a capitalised month is a date, not a name."""
