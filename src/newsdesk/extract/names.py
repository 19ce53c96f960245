"""Give each person, place and organisation one canonical name.

Person names lose titles ("Mr.", "US President"), possessives and middle initials, then are
grouped by a transliteration-folded key of given name and surname, so "Vladimir V. Putin",
"Mr. Putin" and "Putin" meet, as do "Zelenskyy", "Zelensky" and "Zelenskiy". A lone
surname or given name joins the full name it matches (the most mentioned one when several
do). The canonical form is the most frequent spelling of the fullest name. Places and
organisations fold case and dots ("U.S." = "US") and use a small alias table.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsdesk.extract.quote_patterns import PLACE_ALIASES, TITLES

PERSON = "PERSON"
_POSSESSIVE = re.compile(r"[’']s?$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_NON_NAME = re.compile(r"[^\w\s.'’-]")


def clean_name(text: str, label: str = PERSON) -> str:
    """Return ``text`` as a bare name: no titles (persons), possessive or extra spaces.

    >>> clean_name("Russian President Vladimir V. Putin's")
    'Vladimir Putin'
    >>> clean_name("the Kremlin", "ORG")
    'Kremlin'
    """
    words = _NON_NAME.sub(" ", text).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    if label == PERSON:
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES | {"u.s"}:
            words = words[1:]
        if len(words) > 2:
            words = [
                w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.match(w))
            ]
    name = " ".join(words).strip(" -")
    # a sentence's period goes, an abbreviation's stays ("N.Y.", "U.N.")
    last = name.rsplit(" ", 1)[-1]
    if name.count(".") > 1 or (label != PERSON and len(last) <= 5 and last[:1].isupper()):
        return name
    return name.rstrip(".")


def fold_word(word: str) -> str:
    """Return a spelling-neutral key of one name word (accents, case, transliteration).

    >>> {fold_word(w) for w in ["Zelenskyy", "Zelensky", "Zelenskiy", "Zelenskii"]}
    {'zelensky'}
    """
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"[^a-z]", "", plain)
    plain = re.sub(r"(iy|yy|ii|ij|yi|ey)$", "y", plain)
    plain = plain.replace("kh", "h").replace("ph", "f").replace("w", "v")
    return re.sub(r"(.)\1+", r"\1", plain)


def place_key(text: str) -> str:
    """Return the comparison key of a place or organisation name ("U.S." -> "us")."""
    cleaned = clean_name(text, "ORG")
    return re.sub(r"\s+", " ", re.sub(r"[.’'-]", "", cleaned)).strip().lower()


def _choose_form(forms: Counter[str]) -> str:
    """Return the most frequent form, ties to the longest then the first seen."""
    order = {f: i for i, f in enumerate(forms)}
    return max(forms, key=lambda f: (forms[f], len(f), -order[f]))


def canonical_persons(names: Iterable[str]) -> dict[str, str]:
    """Return a map from each cleaned person name to its canonical name.

    >>> m = canonical_persons(["Vladimir Putin", "Putin", "Volodymyr Zelenskyy",
    ...                        "Zelensky", "Volodymyr Zelenskiy", "Volodymyr Zelenskyy"])
    >>> m["Putin"], m["Zelensky"], m["Volodymyr Zelenskiy"]
    ('Vladimir Putin', 'Volodymyr Zelenskyy', 'Volodymyr Zelenskyy')
    """
    counts = Counter(n for n in names if n)
    groups: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    singles: list[str] = []
    for name, n in counts.items():
        words = name.split()
        if len(words) >= 2:
            groups[(fold_word(words[0]), fold_word(words[-1]))][name] += n
        else:
            singles.append(name)
    weight = {key: sum(forms.values()) for key, forms in groups.items()}
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_given: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in groups:
        by_surname[key[1]].append(key)
        by_given[key[0]].append(key)
    result: dict[str, str] = {}
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in singles:
        k = fold_word(name)
        options = by_surname.get(k) or by_given.get(k) or []
        if options:
            members[max(options, key=lambda key: weight[key])].append(name)
        else:
            result[name] = name
    for key, forms in groups.items():
        best = _choose_form(forms)
        for name in [*forms, *members[key]]:
            result[name] = best
    return result


def canonical_places(names: Iterable[str]) -> dict[str, str]:
    """Return a map from each place or organisation name to its canonical name.

    >>> m = canonical_places(["U.S.", "United States", "the Kremlin", "Kremlin"])
    >>> m["U.S."], m["the Kremlin"]
    ('United States', 'Kremlin')
    """
    counts = Counter(n for n in names if n)
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for name, n in counts.items():
        key = place_key(name)
        groups[PLACE_ALIASES.get(key, key)][clean_name(name, "ORG")] += n
    result: dict[str, str] = {}
    for key, forms in groups.items():
        best = key if key in PLACE_ALIASES.values() else _choose_form(forms)
        for name in counts:
            k = place_key(name)
            if PLACE_ALIASES.get(k, k) == key:
                result[name] = best
    return result
