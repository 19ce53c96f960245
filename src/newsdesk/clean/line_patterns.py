"""Character classes the line features look for, kept as data.

They describe typography, not any language's vocabulary, so they carry over to pages in
languages the classifier never saw.
"""

from __future__ import annotations

import re

# Code points at or above U+00C0 that are not word characters (punctuation, symbols,
# arrows, dingbats, CJK punctuation, full-width punctuation, emoji), so that everything
# else there counts as a letter of some script.
NON_WORD_RANGES = (
    (0xD7, 0xD7),
    (0xF7, 0xF7),
    (0x2000, 0x2BFF),
    (0x2E00, 0x2E7F),
    (0x3000, 0x303F),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0x1F000, 0x1FAFF),
)
# Han, kana and hangul: scripts written without spaces between words.
CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF))
# Capital letters: ASCII, Latin-1 capitals, Greek and Cyrillic capitals.
UPPER_RANGES = ((0x41, 0x5A), (0xC0, 0xD6), (0xD8, 0xDE), (0x391, 0x3A9), (0x400, 0x42F))
# Characters that end a sentence (checked on the last character, after closing quotes).
SENTENCE_END = frozenset(".!?。！？…")
CLOSE_QUOTES = frozenset("\"'”’»)」』")
QUOTES = frozenset('"“”«»„')
COMMAS = frozenset(",、，")
# Characters that separate menu items, breadcrumbs and footer fields.
SEPARATORS = frozenset("|•·»›©®/►▶→")
# First characters of bullets, icons and list markers.
BULLET_START = frozenset("•·-–—*►▶→»›|+#@©®[")
# Substrings that mark URLs, bare domains, e-mail addresses and @handles (share bars,
# footers, embedded posts).
LINK_MARKS = ("http", "www.", "@", ".com", ".org", ".net", ".co.")
# The attribution line under an embedded social post: "— Name (@handle) November 4, 2019".
EMBED_ATTRIBUTION_RE = re.compile(r"^[—–-]\s*\S.{0,80}\(@\w{1,30}\)")
