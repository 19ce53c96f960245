"""Build a fictional store (articles, stories, claims, quotes) to develop, test and time the web app.

Every name and sentence comes from :mod:`newsdesk.web.sample_words`: nothing here is real
news. Stories carry what the story page shows: a cited brief, quotes with variants, a
disputed claim, a single-source claim, a timeline, copies and rewrites of an original.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsdesk.model import (
    Annotations,
    Article,
    BriefSentence,
    Cite,
    Claim,
    Entity,
    Position,
    Quote,
    QuoteMention,
    QuoteVariant,
    Removed,
    Source,
    Story,
    TimelineEntry,
    TimeMention,
    content_hash,
)
from newsdesk.store import Store
from newsdesk.web.sample_words import FILLER, FURNITURE, OUTLETS, PEOPLE, PLACES, TOPICS, VERBS

_START = dt.date(2025, 1, 1)


@dataclass
class _TextBuilder:
    """Append text and remember the offsets of named pieces."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def add(self, text: str, name: str | None = None) -> None:
        if name is not None:
            self.spans[name] = (self.size, self.size + len(text))
        self.parts.append(text)
        self.size += len(text)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class _Draft:
    article: Article
    spans: dict[str, tuple[int, int]]
    amount: int
    wording: int


def _write_article(
    rng: random.Random, story_no: int, no: int, day: dt.date, amounts: tuple[int, int]
) -> _Draft:
    topic = TOPICS[story_no % len(TOPICS)]
    place = PLACES[story_no % len(PLACES)]
    speaker = PEOPLE[story_no % len(PEOPLE)]
    expert = PEOPLE[(story_no + 3) % len(PEOPLE)]
    verb = VERBS[story_no % len(VERBS)]
    outlet, country = OUTLETS[(story_no + no) % len(OUTLETS)]
    amount = amounts[0] if no % 3 else amounts[1]  # one article in three gives the other figure
    wording = no % 2
    b = _TextBuilder()
    b.add(place, "place")
    b.add(f" officials {verb} the {topic} plan on ")
    b.add(day.strftime("%B %d, %Y").replace(" 0", " "), "date")
    b.add(".", None)
    b.spans["lead"] = (0, b.size)
    b.add("\n\n")
    said = ("We will see this through together", "We intend to see this through together")[wording]
    start = b.size
    b.add(f"\u201c{said},\u201d ", "quote")
    b.add("said ")
    b.add(speaker, "speaker")
    b.add(".")
    b.spans["quote_sentence"] = (start, b.size)
    b.add("\n\n")
    start = b.size
    b.add(f"The work will cost {amount} million, according to ")
    b.add(expert, "expert")
    b.add(".")
    b.spans["amount"] = (start, b.size)
    for sentence in rng.sample(FILLER, 3 + no % 3):
        b.add("\n\n" + sentence)
    if no == 1:
        start = b.size + 2
        b.add(f"\n\nA second hearing on the {topic} is planned for next month.")
        b.spans["single"] = (start, b.size)
    text = b.text()
    ann = Annotations(
        entities=(
            Entity(*b.spans["place"], "GPE", place),
            Entity(*b.spans["speaker"], "PERSON", speaker),
            Entity(*b.spans["expert"], "PERSON", expert),
        ),
        times=(TimeMention(*b.spans["date"], day.isoformat()),),
        quotes=(
            QuoteMention(
                b.spans["quote"][0] + 1,
                b.spans["quote"][1] - 3,
                True,
                speaker,
                b.spans["speaker"][0],
                b.spans["speaker"][1],
            ),
        ),
    )
    page = content_hash("sample", str(story_no), str(no))
    hour = 6 + (no * 5) % 14
    published = dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=dt.UTC) + dt.timedelta(
        days=no // 4
    )
    furniture = FURNITURE[no % len(FURNITURE)]
    article = Article(
        id=Article.make_id(page, 0, len(text)),
        source=Source(
            f"sample/{story_no:05d}-{no:02d}.txt",
            0,
            len(text),
            f"https://example.org/{story_no}/{no}",
        ),
        text=text,
        outlet=outlet,
        outlet_country=country,
        title=f"{place} {topic} {verb}" + ("" if no % 2 else f", says {speaker}"),
        authors=(PEOPLE[(story_no + no) % len(PEOPLE)],),
        published=published.isoformat(),
        language="en",
        annotations=ann,
        removed=(Removed(len(text), len(text) + len(furniture[1]), furniture[0]),),
        # No pages row backs a sample article, and the page column must name one or be empty.
        page=None,
    )
    return _Draft(article, dict(b.spans), amount, wording)


def _cite(d: _Draft, name: str) -> Cite:
    return Cite.from_span(d.article, *d.spans[name])


def _link_copies(drafts: list[_Draft]) -> list[_Draft]:
    # Article 2 copies the original word for word; article 3 rewrites it: the story page groups them.
    out = list(drafts)
    root = drafts[0].article.id
    if len(out) > 2:
        out[2] = replace(
            out[2], article=replace(out[2].article, duplicate_of=root, derived_from=(root,))
        )
    if len(out) > 3:
        out[3] = replace(out[3], article=replace(out[3].article, derived_from=(root,)))
    return out


def _write_story(rng: random.Random, story_no: int, size: int) -> tuple[Story, list[Article]]:
    day = _START + dt.timedelta(days=story_no % 700)
    amounts = (20 + story_no % 50, 35 + story_no % 50)
    drafts = _link_copies([_write_article(rng, story_no, no, day, amounts) for no in range(size)])
    sid = content_hash("sample-story", str(story_no))
    drafts = [replace(d, article=replace(d.article, story=sid)) for d in drafts]
    first = drafts[0]
    origins = len(drafts) - sum(1 for d in drafts if d.article.derived_from)
    brief = [
        BriefSentence(
            first.article.text[slice(*first.spans["lead"])],
            tuple(_cite(d, "lead") for d in drafts[:2]),
        ),
        BriefSentence(
            f"{PEOPLE[story_no % len(PEOPLE)]} promised to see the plan through.",
            (_cite(first, "quote_sentence"),),
        ),
    ]
    positions = []
    for amount in amounts:
        backing = [d for d in drafts if d.amount == amount]
        if backing:
            positions.append(
                Position(
                    str(amount * 1_000_000),
                    tuple(_cite(d, "amount") for d in backing),
                    len(backing),
                )
            )
    claims = [
        Claim(
            "The cost of the work",
            "disputed" if len(positions) > 1 else "corroborated",
            max(p.origins for p in positions),
            tuple(positions),
            "number",
        )
    ]
    single = [d for d in drafts if "single" in d.spans]
    if single:
        claims.append(
            Claim(
                "A second hearing is planned",
                "single-source",
                1,
                (Position("next month", (_cite(single[0], "single"),), 1),),
            )
        )
    variants = []
    for wording in (0, 1):
        backing = [d for d in drafts if d.wording == wording]
        if backing:
            text = (
                backing[0].article.text[slice(*backing[0].spans["quote"])].strip("\u201c\u201d, ")
            )
            variants.append(QuoteVariant(text, tuple(_cite(d, "quote") for d in backing)))
    quotes = [Quote(PEOPLE[story_no % len(PEOPLE)], variants[0].text, tuple(variants))]
    timeline = [
        TimelineEntry(day.isoformat(), "Officials decide on the plan", (_cite(first, "lead"),))
    ]
    story = Story(
        id=sid,
        title=drafts[0].article.title or sid,
        articles=tuple(d.article.id for d in drafts),
        brief=tuple(brief),
        quotes=tuple(quotes),
        claims=tuple(claims),
        timeline=tuple(timeline),
        origins=origins,
    )
    return story, [d.article for d in drafts]


def build_sample(
    stories: int = 3, per_story: int = 5, seed: int = 0, first: int = 0
) -> list[tuple[Story, list[Article]]]:
    """Return ``stories`` fictional stories of ``per_story`` articles each, numbered from ``first``.

    >>> built = build_sample(1, 4)
    >>> story, articles = built[0]
    >>> [c.status for c in story.claims]
    ['disputed', 'single-source']
    >>> all(c.quote in articles[0].text for c in story.brief[0].cites[:1])
    True
    """
    rng = random.Random(seed)
    return [_write_story(rng, n, per_story) for n in range(first, first + stories)]


def fill_store(
    path: str | Path, stories: int = 3, per_story: int = 5, seed: int = 0, first: int = 0
) -> int:
    """Write a fictional sample into the database at ``path``; return the number of articles."""
    built = build_sample(stories, per_story, seed, first)
    store = Store(path)
    try:
        with store.atomic():
            for story, articles in built:
                store.put_articles(articles)
                store.put_story(story, articles)
    finally:
        store.close()
    return sum(len(a) for _, a in built)
