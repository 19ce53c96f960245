"""Annotate an article (entities, times, quantities, quotes) and align names across a story.

Quote speakers are resolved to canonical names here, where the entities are known: a
speaker phrase holding a name takes that name; "he" or "she" takes the latest speaker
of the paragraph before, else the latest person named outside quotes; a role ("the
Kremlin aide", "the US president") takes the latest person whose name that role word
stands next to ("Putin aide Yuri Ushakov", "US President Donald Trump").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from newsdesk.extract.entities import extract_entities
from newsdesk.extract.names import (
    PERSON,
    canonical_persons,
    canonical_places,
    clean_name,
    fold_word,
)
from newsdesk.extract.nlp import parse_text
from newsdesk.extract.quantities import extract_quantities
from newsdesk.extract.quote_patterns import GROUP_PRONOUNS, PERSON_PRONOUNS
from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.times import extract_times
from newsdesk.model import Annotations, Article, Entity, QuoteMention

_ROLE_WINDOW = 40  # characters before a name searched for its role word
_PARAGRAPH_REACH = 600  # how far back a pronoun looks for the previous speaker


def _outside(entity: Entity, quotes: Sequence[QuoteMention]) -> bool:
    return not any(q.direct and q.start <= entity.start < q.end for q in quotes)


def _named_in(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    inside = [e for e in entities if e.start < end and start < e.end]
    persons = [e for e in inside if e.label == PERSON]
    chosen = persons or inside
    return chosen[-1] if chosen else None


def _latest(entities: Sequence[Entity], before: int, labels: set[str]) -> Entity | None:
    found = [e for e in entities if e.end <= before and e.label in labels]
    return found[-1] if found else None


def _by_role(text: str, entities: Sequence[Entity], role: str, before: int) -> Entity | None:
    """Return the latest person whose name follows or precedes ``role`` ("aide Yuri Ushakov")."""
    role = role.lower()
    before_quote: list[Entity] = []
    after_quote: list[Entity] = []
    for e in entities:
        if e.label != PERSON:
            continue
        around = text[max(0, e.start - _ROLE_WINDOW) : e.end + _ROLE_WINDOW // 2].lower()
        if role in around.split() or f"{role}," in around or f"{role}’s" in around:
            (before_quote if e.start < before else after_quote).append(e)
    if before_quote:
        return before_quote[-1]
    return after_quote[0] if after_quote else None


def resolve_speaker(
    text: str, quote: QuoteMention, entities: Sequence[Entity], previous: QuoteMention | None
) -> str | None:
    """Return the canonical name of ``quote``'s speaker, or the mention text if unresolved."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    mention = text[quote.speaker_start : quote.speaker_end]
    named = _named_in(entities, quote.speaker_start, quote.speaker_end)
    if named is not None:
        return named.canonical
    low = mention.lower()
    if low in PERSON_PRONOUNS:
        if (
            previous is not None
            and previous.speaker
            and previous.speaker_start is not None
            and quote.speaker_start - previous.speaker_start < _PARAGRAPH_REACH
            and previous.speaker.lower() not in PERSON_PRONOUNS
        ):
            return previous.speaker
        person = _latest(entities, quote.speaker_start, {PERSON})
        return person.canonical if person else mention
    if low in GROUP_PRONOUNS:
        group = _latest(entities, quote.speaker_start, {"ORG", "NORP", "GPE"})
        return group.canonical if group else mention
    name = clean_name(mention)
    words = name.split()
    if words:
        key = fold_word(words[-1])
        for e in reversed(entities):
            if e.label == PERSON and fold_word(e.canonical.split()[-1]) == key:
                return e.canonical
        role = _by_role(text, entities, words[-1], quote.speaker_start)
        if role is not None:
            return role.canonical
    return mention


def resolve_speakers(
    text: str, quotes: Sequence[QuoteMention], entities: Sequence[Entity]
) -> list[QuoteMention]:
    """Return ``quotes`` with ``speaker`` set to canonical names (see module docstring)."""
    usable = [e for e in entities if _outside(e, quotes)]
    out: list[QuoteMention] = []
    previous: QuoteMention | None = None
    for q in sorted(
        quotes, key=lambda q: q.speaker_start if q.speaker_start is not None else q.start
    ):
        resolved = dataclasses.replace(q, speaker=resolve_speaker(text, q, usable, previous))
        out.append(resolved)
        if resolved.speaker is not None:
            previous = resolved
    return sorted(out, key=lambda q: (q.start, q.end))


def annotate_article(article: Article) -> Annotations:
    """Return the entities, times, quantities and quotes of ``article`` (offsets into its text).

    >>> from newsdesk.model import Source
    >>> a = Article(id="a", source=Source("p", 0, 1), text='"It was long," Mr. Putin said.')
    >>> annotate_article(a).quotes[0].speaker
    'Putin'
    """
    text = article.text
    doc = parse_text(text)
    entities = extract_entities(text, doc)
    quotes = resolve_speakers(text, extract_quotes(text, doc), entities)
    return Annotations(
        entities=tuple(entities),
        times=tuple(extract_times(text, article.published)),
        quantities=tuple(extract_quantities(text)),
        quotes=tuple(quotes),
    )


def canonicalize_story(articles: Sequence[Article]) -> list[Article]:
    """Return ``articles`` with one canonical name per person, place and organisation.

    Entity names and quote speakers are rewritten together, so a speaker stays the same
    string as the entity it names. Articles without annotations pass through.
    """
    mentions = [e for a in articles if a.annotations for e in a.annotations.entities]
    persons = canonical_persons(clean_name(e.canonical) for e in mentions if e.label == PERSON)
    places = canonical_places(e.canonical for e in mentions if e.label != PERSON)

    def rename(name: str | None, label: str | None = None) -> str | None:
        if name is None:
            return None
        if label in (None, PERSON) and clean_name(name) in persons:
            return persons[clean_name(name)]
        if label != PERSON and name in places:
            return places[name]
        return name

    out = []
    for a in articles:
        if a.annotations is None:
            out.append(a)
            continue
        ann = a.annotations
        entities = tuple(
            dataclasses.replace(e, canonical=rename(e.canonical, e.label) or e.canonical)
            for e in ann.entities
        )
        quotes = tuple(dataclasses.replace(q, speaker=rename(q.speaker)) for q in ann.quotes)
        out.append(
            dataclasses.replace(
                a, annotations=dataclasses.replace(ann, entities=entities, quotes=quotes)
            )
        )
    return out
