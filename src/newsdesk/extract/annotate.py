"""Annotate an article (entities, times, quantities, quotes) and align names across a story.

Quote speakers are resolved to canonical names here, where the entities are known: a
speaker phrase ending on a name takes that name; "he" or "she" takes the first person of
its sentence, else the previous named speaker of its paragraph, else the latest person
opening a sentence; a role ("the Kremlin aide", "the US president") takes the person that
role introduces ("Putin aide Yuri Ushakov", "US President Donald Trump"), in the article
or, failing that, anywhere in the story (:func:`canonicalize_story`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
from newsdesk.extract.quote_patterns import (
    CUE_VERBS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    ROLE_WORDS,
    SPEAKER_STOPS,
)
from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.sentences import split_sentences
from newsdesk.extract.times import extract_times
from newsdesk.model import Annotations, Article, Entity, QuoteMention

_ROLE_WINDOW = 40  # characters before a name searched for its role word


def _outside_quotes(entities: Sequence[Entity], quotes: Sequence[QuoteMention]) -> list[Entity]:
    """Return the entities not inside a direct quote (a name quoted is not a speaker)."""
    spans = sorted((q.start, q.end) for q in quotes if q.direct)
    out = []
    for e in entities:
        k = bisect.bisect_right(spans, (e.start, 1 << 62)) - 1
        if not any(a <= e.start < b for a, b in spans[max(0, k - 3) : k + 1]):
            out.append(e)
    return out


def _named_in(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """Return the entity in ``start:end``, a person first (``entities`` sorted by start)."""
    k = bisect.bisect_left(entities, end, key=lambda e: e.start)
    inside = [e for e in entities[max(0, k - 8) : k] if e.end > start]
    persons = [e for e in inside if e.label == PERSON]
    chosen = persons or inside
    return chosen[-1] if chosen else None


def _latest(entities: Sequence[Entity], before: int, labels: set[str]) -> Entity | None:
    k = bisect.bisect_left(entities, before, key=lambda e: e.start)
    for e in reversed(entities[:k]):
        if e.end <= before and e.label in labels:
            return e
    return None


def _by_role(text: str, entities: Sequence[Entity], role: str, before: int) -> Entity | None:
    """Return the person a role phrase stands for: "US President Donald Trump" for "the US
    president", "Yuri Ushakov, the Kremlin aide" for "the aide"; the latest before ``before``.
    """
    before_quote: list[Entity] = []
    after_quote: list[Entity] = []
    for e in entities:
        if e.label != PERSON:
            continue
        lead = " ".join(text[max(0, e.start - _ROLE_WINDOW) : e.start].lower().split())
        tail = " ".join(text[e.end : e.end + _ROLE_WINDOW].lower().split())
        led = lead.endswith(role) or lead.endswith(role + ",") or f"{role}’s " in lead
        if led or (tail.startswith(",") and role in tail.split(",")[1]):
            (before_quote if e.start < before else after_quote).append(e)
    if before_quote:
        return before_quote[-1]
    return after_quote[0] if after_quote else None


def _role_of(text: str, entities: Sequence[Entity], mention: str, before: int) -> Entity | None:
    """Return the person a role mention names: "kremlin aide" first, then "aide" alone.

    A capitalised qualifier ("the Russian president") must stay: the bare role would find
    another country's president, so it falls back to a person introduced with that word.
    """
    words = [w for w in mention.split() if w.lower() not in {"the", "a", "an", "his", "her", "its"}]
    low = [w.lower() for w in words]
    found = _by_role(text, entities, " ".join(low), before)
    if found is not None or len(words) < 2:
        return found
    qualifiers = [w.lower() for w in words[:-1] if w[:1].isupper()]
    if not qualifiers:
        return _by_role(text, entities, low[-1], before)
    for e in reversed([e for e in entities if e.label == PERSON and e.start < before]):
        lead = text[max(0, e.start - _ROLE_WINDOW) : e.start].lower().split()
        if qualifiers[0] not in lead:
            continue
        # "Russian counterpart Vladimir Putin", not "a Kremlin aide stated that Putin"
        between = lead[len(lead) - lead[::-1].index(qualifiers[0]) :]
        if not any(w in SPEAKER_STOPS or w in CUE_VERBS for w in between):
            return e
    return None


@dataclass(frozen=True)
class _Context:
    """What pronoun resolution looks up, indexed once per article."""

    text: str
    persons: list[Entity]  # sorted by start
    sentences: list[tuple[int, int]]
    subjects: list[tuple[int, str]]  # (start, name) of the first person of each sentence
    named_speakers: list[tuple[int, str]]  # (start, name) of speakers that are names


def _index(text: str, entities: Sequence[Entity], quotes: Sequence[QuoteMention]) -> _Context:
    """Return the lookups of :func:`_antecedent` for one article."""
    persons = [e for e in entities if e.label == PERSON]
    sentences = split_sentences(text)
    subjects = []
    for a, b in sentences:
        k = bisect.bisect_left(persons, a, key=lambda e: e.start)
        if k < len(persons) and persons[k].start < b:
            subjects.append((persons[k].start, persons[k].canonical))
    named = []
    for q in quotes:
        if q.speaker_start is not None and q.speaker_end is not None:
            found = _named_in(entities, q.speaker_start, q.speaker_end)
            if found is not None:
                named.append((q.speaker_start, found.canonical))
    return _Context(text, persons, sentences, subjects, sorted(named))


def _antecedent(ctx: _Context, at: int, previous: QuoteMention | None) -> str | None:
    """Return who "he" or "she" at ``at`` stands for.

    In order: the first person of the same sentence ("Trump will speak with Putin, he
    announced"); the previous named speaker of the same paragraph; the latest person who
    opens a sentence; when nobody is named before, the first speaker named later.
    """
    k = bisect.bisect_right(ctx.sentences, at, key=lambda s: s[0]) - 1
    sentence_start = ctx.sentences[k][0] if k >= 0 else 0
    i = bisect.bisect_left(ctx.persons, sentence_start, key=lambda e: e.start)
    if i < len(ctx.persons) and ctx.persons[i].start < at:
        return ctx.persons[i].canonical
    if (
        previous is not None
        and previous.speaker
        and previous.speaker_start is not None
        and ctx.text.find("\n", previous.speaker_start, at) < 0
        and previous.speaker.lower() not in PERSON_PRONOUNS
    ):
        return previous.speaker
    j = bisect.bisect_left(ctx.subjects, at, key=lambda s: s[0])
    if j > 0:
        return ctx.subjects[j - 1][1]
    n = bisect.bisect_right(ctx.named_speakers, at, key=lambda s: s[0])
    if n < len(ctx.named_speakers):
        return ctx.named_speakers[n][1]
    return ctx.persons[0].canonical if ctx.persons else None


def resolve_speaker(
    text: str,
    quote: QuoteMention,
    entities: Sequence[Entity],
    antecedent: Callable[[int], str | None],
) -> str | None:
    """Return the canonical name of ``quote``'s speaker, or the mention text if unresolved."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    mention = text[quote.speaker_start : quote.speaker_end]
    low = mention.lower()
    head = low.split()[-1] if low.split() else ""
    if head in ROLE_WORDS:
        # "the Kremlin aide", "the Russian President": the person, not the place named
        role = _role_of(text, entities, mention, quote.speaker_start)
        return role.canonical if role is not None else mention
    named = _named_in(entities, quote.speaker_start, quote.speaker_end)
    if named is not None and named.end >= quote.speaker_end - 1:
        return named.canonical  # the phrase ends on the name: "Kremlin aide Yuri Ushakov"
    if named is not None and named.label != PERSON:
        return mention  # "Ukrainian officials" are not Ukraine
    if low in PERSON_PRONOUNS:
        return antecedent(quote.speaker_start) or mention
    if low in GROUP_PRONOUNS:
        group = _latest(entities, quote.speaker_start, {"ORG", "NORP", "GPE"})
        return group.canonical if group else mention
    words = clean_name(mention).split()
    if words:
        key = fold_word(words[-1])
        for e in reversed(entities):
            if e.label == PERSON and fold_word(e.canonical.split()[-1]) == key:
                return e.canonical
        role = _role_of(text, entities, mention, quote.speaker_start)
        if role is not None:
            return role.canonical
    return mention


def resolve_speakers(
    text: str, quotes: Sequence[QuoteMention], entities: Sequence[Entity]
) -> list[QuoteMention]:
    """Return ``quotes`` with ``speaker`` set to canonical names (see module docstring)."""
    usable = sorted(_outside_quotes(entities, quotes), key=lambda e: e.start)
    ordered = sorted(
        quotes, key=lambda q: q.speaker_start if q.speaker_start is not None else q.start
    )
    ctx = _index(text, usable, ordered)
    out: list[QuoteMention] = []
    previous: QuoteMention | None = None
    for q in ordered:
        last = previous

        def antecedent(at: int, last: QuoteMention | None = last) -> str | None:
            return _antecedent(ctx, at, last)

        resolved = dataclasses.replace(q, speaker=resolve_speaker(text, q, usable, antecedent))
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


_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their"}


def _role_index(
    articles: Sequence[Article], rename: Callable[[str | None, str | None], str | None]
) -> dict[str, Counter[str]]:
    """Return role phrase -> people introduced with it across a story ("kremlin aide")."""
    index: dict[str, Counter[str]] = defaultdict(Counter)
    for a in articles:
        if a.annotations is None:
            continue
        for e in a.annotations.entities:
            if e.label != PERSON:
                continue
            lead = a.text[max(0, e.start - _ROLE_WINDOW) : e.start].rstrip(" ,").lower()
            words = re.findall(r"[\w’'-]+", re.split(r"[.;:!?\"“”()]", lead)[-1])
            name = rename(e.canonical, PERSON) or e.canonical
            if words and words[-1] in ROLE_WORDS:
                for k in range(1, min(4, len(words)) + 1):
                    index[" ".join(words[-k:])][name] += 1
    return index


def _story_role(text: str, quote: QuoteMention, roles: dict[str, Counter[str]]) -> str | None:
    """Return the person an unresolved role speaker ("the Kremlin aide") names in the story."""
    if quote.speaker is None or quote.speaker_start is None or quote.speaker_end is None:
        return None
    mention = text[quote.speaker_start : quote.speaker_end]
    words = [w for w in re.findall(r"[\w’'-]+", mention.lower()) if w not in _DETERMINERS]
    if quote.speaker != mention or not words or words[-1] not in ROLE_WORDS:
        return None
    for k in range(len(words), 0, -1):
        people = roles.get(" ".join(words[-k:]))
        if people and len(people) == 1:
            return next(iter(people))
    return None


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

    roles = _role_index(articles, rename)
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
        quotes = tuple(
            dataclasses.replace(q, speaker=_story_role(a.text, q, roles) or rename(q.speaker))
            for q in ann.quotes
        )
        out.append(
            dataclasses.replace(
                a, annotations=dataclasses.replace(ann, entities=entities, quotes=quotes)
            )
        )
    return out
