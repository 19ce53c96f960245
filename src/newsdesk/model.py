"""The one vocabulary of newsdesk: pages, articles, stories and what is said about them.

Everything here is data plus invariants, no I/O. Objects are frozen; stages return new
objects (``dataclasses.replace``) instead of mutating. ``to_dict``/``from_dict`` use plain
JSON types so the same objects cross SQLite, the JSON API, exports and Spark rows.

A :class:`Cite` is made by slicing an article's text at offsets (:meth:`Cite.from_span`),
never typed in, so its quote is verbatim by construction.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, Literal, TypeVar

T = TypeVar("T")

InputKind = Literal["text", "html", "warc", "feed", "jsonl"]
ClaimStatus = Literal["corroborated", "disputed", "single-source"]


def content_hash(*parts: str, size: int = 16) -> str:
    """Return a short hex digest of ``parts``, the basis of every content id.

    >>> content_hash("a", "b") == content_hash("a", "b")
    True
    >>> len(content_hash("x"))
    16
    """
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:size]


@dataclass(frozen=True)
class Source:
    """Where an article was found: input path (as given), character span, URL.

    ``start``/``end`` index the decoded text of the input (for a WARC or feed, the
    decoded text of the record or entry named by ``record``).
    """

    path: str
    start: int
    end: int
    url: str | None = None
    record: str | None = None


@dataclass(frozen=True)
class Page:
    """One unit read from an input: a text scrape, an HTML document, a feed entry, a JSONL row.

    ``text`` is the decoded content (raw HTML for ``kind == "html"``); ``start``/``end`` is
    its span in the decoded input. ``hints`` carries structured metadata that the input
    itself states (JSONL fields, feed entry fields, WARC headers): outlet, title, authors,
    published, updated, fetched.
    """

    path: str
    kind: InputKind
    text: str
    start: int
    end: int
    url: str | None = None
    record: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Content id: the same page ingested twice has the same id."""
        return content_hash(self.kind, self.url or "", self.text)


@dataclass(frozen=True)
class Removed:
    """A piece of page furniture that cleaning dropped, with why (for the article page)."""

    start: int  # offsets into the decoded input, like Source
    end: int
    reason: str


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    canonical: str


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    value: str
    type: str = "DATE"  # DATE, TIME, DURATION, SET (TIMEX3)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None = None


@dataclass(frozen=True)
class QuoteMention:
    start: int
    end: int
    direct: bool
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(frozen=True)
class Annotations:
    """What extraction found in an article's text; offsets index ``Article.text``."""

    entities: tuple[Entity, ...] = ()
    times: tuple[TimeMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()


@dataclass(frozen=True)
class Article:
    """A cleaned article: body text only, with its metadata and where it came from."""

    id: str
    source: Source
    text: str
    outlet: str | None = None
    outlet_country: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    language: str | None = None
    partial: bool = False
    story: str | None = None
    duplicate_of: str | None = None
    derived_from: tuple[str, ...] = ()
    annotations: Annotations | None = None
    removed: tuple[Removed, ...] = ()
    page: str | None = None  # Page.id this article was cut from

    @staticmethod
    def make_id(page_id: str, start: int, end: int) -> str:
        """Return the id of the article at ``start:end`` of page ``page_id``.

        Same page, same span: same id, so re-ingest stores once; the same text cut from
        a page with other furniture gets another id and is linked as a duplicate.
        """
        return content_hash(page_id, str(start), str(end))


@dataclass(frozen=True)
class Cite:
    """An article id plus a verbatim substring of that article's text."""

    article: str
    quote: str
    start: int | None = None
    end: int | None = None

    @classmethod
    def from_span(cls, article: Article, start: int, end: int) -> Cite:
        """Return the cite of ``article.text[start:end]`` (whitespace at the edges trimmed).

        >>> a = Article(id="a1", source=Source("p", 0, 5), text="Hello world")
        >>> Cite.from_span(a, 6, 11).quote
        'world'
        """
        if not (0 <= start < end <= len(article.text)):
            raise ValueError(f"span {start}:{end} outside article {article.id}")
        text = article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            raise ValueError(f"empty cite in article {article.id}")
        return cls(article.id, text[start:end], start, end)


@dataclass(frozen=True)
class BriefSentence:
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class QuoteVariant:
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Quote:
    """One utterance across outlets: canonical speaker, a representative text, every wording."""

    speaker: str | None
    text: str
    variants: tuple[QuoteVariant, ...]


@dataclass(frozen=True)
class Position:
    """One value outlets give for a claim (ISO date, plain number, canonical name)."""

    value: str
    cites: tuple[Cite, ...]
    origins: int = 0  # independent origins behind this value


@dataclass(frozen=True)
class Claim:
    text: str
    status: ClaimStatus
    independent_sources: int
    positions: tuple[Position, ...]
    slot: str | None = None  # what varies: "date", "number", "name", ...


@dataclass(frozen=True)
class TimelineEntry:
    when: str
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    brief: tuple[BriefSentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    origins: int = 0  # independent origins among the articles


def to_dict(obj: Any) -> Any:
    """Return ``obj`` as plain JSON types (tuples become lists, dataclasses dicts).

    >>> to_dict(Source("a.txt", 0, 3))
    {'path': 'a.txt', 'start': 0, 'end': 3, 'url': None, 'record': None}
    """
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


_NESTED: dict[tuple[str, str], type] = {}


def _register() -> None:
    # Field name -> element type for nested dataclasses, so from_dict can rebuild them.
    _NESTED.update(
        {
            ("Article", "source"): Source,
            ("Article", "annotations"): Annotations,
            ("Article", "removed"): Removed,
            ("Annotations", "entities"): Entity,
            ("Annotations", "times"): TimeMention,
            ("Annotations", "quantities"): Quantity,
            ("Annotations", "quotes"): QuoteMention,
            ("BriefSentence", "cites"): Cite,
            ("QuoteVariant", "cites"): Cite,
            ("Quote", "variants"): QuoteVariant,
            ("Position", "cites"): Cite,
            ("Claim", "positions"): Position,
            ("TimelineEntry", "cites"): Cite,
            ("Story", "brief"): BriefSentence,
            ("Story", "quotes"): Quote,
            ("Story", "claims"): Claim,
            ("Story", "timeline"): TimelineEntry,
        }
    )


_register()


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass from :func:`to_dict` output; unknown keys are ignored.

    >>> from_dict(Source, {"path": "a", "start": 0, "end": 1, "extra": 1})
    Source(path='a', start=0, end=1, url=None, record=None)
    """
    kwargs: dict[str, Any] = {}
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    for key, value in data.items():
        if key not in names:
            continue
        sub = _NESTED.get((cls.__name__, key))
        if sub is not None and value is not None:
            if isinstance(value, list):
                value = tuple(from_dict(sub, v) for v in value)
            else:
                value = from_dict(sub, value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)


__all__ = [
    "Annotations",
    "Article",
    "BriefSentence",
    "Cite",
    "Claim",
    "Entity",
    "Page",
    "Position",
    "Quantity",
    "Quote",
    "QuoteMention",
    "QuoteVariant",
    "Removed",
    "Source",
    "Story",
    "TimeMention",
    "TimelineEntry",
    "asdict",
    "content_hash",
    "from_dict",
    "to_dict",
]
