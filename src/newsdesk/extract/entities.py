"""Find people, places and organisations in an article and give each one canonical name.

spaCy's small model finds the spans; its labels are not trusted alone (it calls "Trump"
an organisation in a plain sentence), so a one-word ORG or GPE that is the surname of a
person named elsewhere in the text becomes that person, and a "person" that is a known
place ("Kyiv") becomes a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from newsdesk.extract.names import (
    PERSON,
    canonical_persons,
    canonical_places,
    clean_name,
    fold_word,
    place_key,
)
from newsdesk.extract.quote_patterns import CUE_VERBS, PLACE_ALIASES
from newsdesk.model import Entity

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_POSSESSIVE_END = re.compile(r"[’']s?$")
_INNER_POSSESSIVE = re.compile(r"[’']s\s")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span without a trailing possessive or a leading "the "."""
    inner = _INNER_POSSESSIVE.search(text, start, end)
    if inner is not None:
        end = inner.start()  # "Putin’s June" read as one name: keep the owner
    m = _POSSESSIVE_END.search(text, start, end)
    if m is not None and m.start() > start:
        end = m.start()
    if text[start:end].lower().startswith("the "):
        start += 4
    return start, end


def find_entities(text: str, doc: Any) -> list[Entity]:
    """Return the raw entity mentions of ``doc`` (a spaCy Doc of ``text``), not yet canonical."""
    out: list[Entity] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        head = text[start:end].rsplit(" ", 1)
        if len(head) == 2 and head[1].lower() in CUE_VERBS:
            end = start + len(head[0])  # a headline's "Obama Says" names Obama
        name = text[start:end].strip()
        if not name or not any(ch.isupper() for ch in name):
            continue
        out.append(Entity(start, end, ent.label_, name))
    return out


def fix_labels(entities: Sequence[Entity]) -> list[Entity]:
    """Return ``entities`` with one-word ORG/GPE mentions of a known person's surname as PERSON."""
    surnames = {
        fold_word(clean_name(e.canonical).split()[-1])
        for e in entities
        if e.label == PERSON and len(clean_name(e.canonical).split()) >= 2
    }
    out = []
    for e in entities:
        words = clean_name(e.canonical).split()
        if (
            e.label in {"ORG", "GPE", "NORP"}
            and len(words) == 1
            and fold_word(words[0]) in surnames
        ):
            e = replace(e, label=PERSON)
        elif e.label == PERSON and place_key(e.canonical) in PLACE_ALIASES:
            e = replace(e, label="GPE")  # "Kyiv" read as a person
        out.append(e)
    return out


def canonicalize_entities(entities: Sequence[Entity]) -> list[Entity]:
    """Return ``entities`` with ``canonical`` set to one name per person, place or organisation.

    The ``canonical`` field of the input holds the mention text.
    """
    persons = canonical_persons(clean_name(e.canonical) for e in entities if e.label == PERSON)
    places = canonical_places(e.canonical for e in entities if e.label != PERSON)
    out = []
    for e in entities:
        if e.label == PERSON:
            name = persons.get(clean_name(e.canonical), e.canonical)
        else:
            name = places.get(e.canonical, e.canonical)
        out.append(replace(e, canonical=name))
    return out


def extract_entities(text: str, doc: Any = None) -> list[Entity]:
    """Return the people, places and organisations of ``text`` with canonical names.

    >>> ents = extract_entities("Russian President Vladimir V. Putin spoke. Mr. Putin left.")
    >>> sorted({e.canonical for e in ents if e.label == "PERSON"})
    ['Vladimir Putin']
    """
    if doc is None:
        from newsdesk.extract.nlp import parse_text

        doc = parse_text(text)
    return canonicalize_entities(fix_labels(find_entities(text, doc)))
