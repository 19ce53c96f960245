"""Arrange one story for its page: numbered cites, claims by status, quotes by speaker, coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsdesk.model import Article, Cite, Story
from newsdesk.web.views import (
    Bar,
    CiteView,
    OriginGroup,
    build_chart_bars,
    count_countries,
    count_outlets,
    format_date_span,
    group_by_origin,
    view_cite,
)

_STATUS_ORDER = {"disputed": 0, "corroborated": 1, "single-source": 2}
MAX_SHOWN = 6  # cites listed per claim position or quote wording; the rest are counted, not shown


@dataclass(frozen=True)
class CitedText:
    text: str
    cites: list[CiteView]


@dataclass(frozen=True)
class PositionView:
    value: str
    origins: int
    outlets: list[str]
    cites: list[CiteView]
    more: int = 0


@dataclass(frozen=True)
class ClaimView:
    text: str
    status: str
    slot: str | None
    independent_sources: int
    positions: list[PositionView]


@dataclass(frozen=True)
class VariantView:
    text: str
    outlets: list[str]
    cites: list[CiteView]
    more: int = 0


@dataclass(frozen=True)
class QuoteView:
    text: str
    variants: list[VariantView]


@dataclass(frozen=True)
class SpeakerView:
    speaker: str
    quotes: list[QuoteView]


@dataclass(frozen=True)
class TimelineView:
    when: str
    text: str
    cites: list[CiteView]


@dataclass
class StoryView:
    """Everything the story page template reads."""

    story: Story
    articles: list[Article]
    brief: list[CitedText] = field(default_factory=list)
    claims: list[ClaimView] = field(default_factory=list)
    speakers: list[SpeakerView] = field(default_factory=list)
    timeline: list[TimelineView] = field(default_factory=list)
    groups: list[OriginGroup] = field(default_factory=list)
    outlets: list[tuple[str, str, int]] = field(default_factory=list)
    countries: list[tuple[str, int]] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    span: str = ""
    cites: list[CiteView] = field(default_factory=list)  # every cite once, for the hidden panels

    @property
    def disputed(self) -> list[ClaimView]:
        return [c for c in self.claims if c.status == "disputed"]

    @property
    def corroborated(self) -> list[ClaimView]:
        return [c for c in self.claims if c.status == "corroborated"]

    @property
    def single_source(self) -> list[ClaimView]:
        return [c for c in self.claims if c.status == "single-source"]


class _Numberer:
    """Give each cite on the page a number; the same cite cited twice keeps its number."""

    def __init__(self, by_id: dict[str, Article]) -> None:
        self.by_id = by_id
        self.seen: dict[tuple[str, str, int | None], CiteView] = {}

    def views(self, cites: Sequence[Cite]) -> list[CiteView]:
        out = []
        for c in cites:
            key = (c.article, c.quote, c.start)
            if key not in self.seen:
                self.seen[key] = view_cite(len(self.seen) + 1, c, self.by_id)
            out.append(self.seen[key])
        return out


def _outlets_of(cites: Sequence[Cite], by_id: dict[str, Article]) -> list[str]:
    found = (by_id.get(c.article) for c in cites)
    return list(dict.fromkeys((a.outlet if a and a.outlet else "unknown outlet") for a in found))


def build_story_view(story: Story, articles: Sequence[Article]) -> StoryView:
    """Return the story page's view of ``story`` given its ``articles``."""
    by_id = {a.id: a for a in articles}
    num = _Numberer(by_id)
    view = StoryView(story, list(articles))
    view.brief = [CitedText(b.text, num.views(b.cites)) for b in story.brief]
    claims = sorted(story.claims, key=lambda c: _STATUS_ORDER.get(c.status, 3))
    for c in claims:
        positions = []
        for p in sorted(c.positions, key=lambda p: -p.origins):
            cites = num.views(p.cites[:MAX_SHOWN])
            outlets = _outlets_of(p.cites, by_id)
            positions.append(
                PositionView(p.value, p.origins, outlets, cites, len(p.cites) - len(cites))
            )
        view.claims.append(ClaimView(c.text, c.status, c.slot, c.independent_sources, positions))
    speakers: dict[str, list[QuoteView]] = {}
    for q in story.quotes:
        variants = []
        for v in q.variants:
            cites = num.views(v.cites[:MAX_SHOWN])
            variants.append(
                VariantView(v.text, _outlets_of(v.cites, by_id), cites, len(v.cites) - len(cites))
            )
        speakers.setdefault(q.speaker or "Unattributed", []).append(QuoteView(q.text, variants))
    view.speakers = [
        SpeakerView(s, qs) for s, qs in sorted(speakers.items(), key=lambda kv: -len(kv[1]))
    ]
    view.timeline = [
        TimelineView(t.when, t.text, num.views(t.cites))
        for t in sorted(story.timeline, key=lambda t: t.when)
    ]
    view.groups = group_by_origin(articles)
    view.outlets = count_outlets(articles)
    view.countries = count_countries(articles)
    view.bars = build_chart_bars(articles)
    dates = sorted(a.published for a in articles if a.published)
    view.span = format_date_span(dates[0] if dates else None, dates[-1] if dates else None)
    view.cites = list(num.seen.values())
    return view
