"""Group direct quotes across outlets: one entry per utterance, each wording a variant.

Two quotes are one utterance when most words of the shorter occur in the longer (outlets
trim, punctuate and paraphrase lightly). The speaker of the group is the one most outlets
name, so one outlet's misattribution is outvoted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsdesk.compare.text import content_words, tokenize
from newsdesk.model import Article, Cite, Quote, QuoteMention, QuoteVariant
from newsdesk.settings import Settings

_EDGE = "\"'“”‘’«» ,.;:—–-…"
_SHORT = 5  # words: shorter quotes ("root causes") need the same speaker to merge


@dataclass(frozen=True)
class Said:
    """One direct quote in one article."""

    article: Article
    start: int
    end: int
    speaker: str | None
    words: tuple[str, ...]


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _fallback_mentions(text: str) -> list[QuoteMention]:
    # Without annotations: text between curly or straight double quotes, speaker unknown.
    return [
        QuoteMention(m.start(), m.end(), True)
        for m in re.finditer(r"“[^”]{8,}”|\"[^\"\n]{8,}\"", text)
    ]


def collect_said(articles: Sequence[Article]) -> list[Said]:
    """Return every direct quote of ``articles`` with its speaker and words."""
    out: list[Said] = []
    for article in articles:
        ann = article.annotations
        mentions = ann.quotes if ann is not None else _fallback_mentions(article.text)
        for q in mentions:
            if not q.direct:
                continue
            start, end = _trim_span(article.text, q.start, q.end)
            words = tuple(tokenize(article.text[start:end].replace("’", "'")))
            if start < end and len(words) >= 2:
                out.append(Said(article, start, end, q.speaker, words))
    return out


def _overlap(a: Said, b: Said) -> float:
    short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
    have = Counter(long_.words)
    hit = 0
    for w in short.words:
        if have[w] > 0:
            have[w] -= 1
            hit += 1
    return hit / len(short.words)


def _same_utterance(a: Said, b: Said, threshold: float) -> bool:
    if a.article.id == b.article.id:
        return a.words == b.words
    if min(len(a.words), len(b.words)) < _SHORT:
        # A short fragment ("root causes") joins only a quote that contains all of it,
        # from the same speaker.
        same_speaker = a.speaker is None or b.speaker is None or a.speaker == b.speaker
        short = a if len(a.words) <= len(b.words) else b
        if len(content_words(" ".join(short.words))) < 2:  # "we haven't" could be anyone's
            return same_speaker and a.words == b.words
        return same_speaker and _overlap(a, b) == 1.0
    return _overlap(a, b) >= threshold


def group_quotes(said: Sequence[Said], threshold: float) -> list[list[Said]]:
    """Return quotes grouped by utterance (single linkage over :func:`_same_utterance`).

    Identical wordings from one speaker are grouped first, so copies cost nothing.
    """
    first: dict[tuple[tuple[str, ...], str | None], int] = {}
    reps: list[int] = []
    for i, q in enumerate(said):
        key = (q.words, q.speaker)
        if key not in first:
            first[key] = len(reps)
            reps.append(i)
    parent = list(range(len(reps)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    kinds = [frozenset(said[r].words) for r in reps]
    for i in range(len(reps)):
        for j in range(i + 1, len(reps)):
            if find(i) == find(j):
                continue
            # Cheap check first: the shorter's distinct words must mostly be in the longer.
            if len(kinds[i] & kinds[j]) < threshold * min(len(kinds[i]), len(kinds[j])):
                continue
            if _same_utterance(said[reps[i]], said[reps[j]], threshold):
                parent[find(j)] = find(i)
    groups: dict[int, list[Said]] = {}
    for q in said:
        groups.setdefault(find(first[(q.words, q.speaker)]), []).append(q)
    return list(groups.values())


def _speaker_of(group: Sequence[Said], origins: Mapping[str, str]) -> str | None:
    votes: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for s in group:
        key = (origins.get(s.article.id, s.article.id), s.speaker or "")
        if s.speaker and key not in seen:
            seen.add(key)
            votes[s.speaker] += 1
    return votes.most_common(1)[0][0] if votes else None


def make_quote(group: Sequence[Said], origins: Mapping[str, str]) -> Quote:
    """Return one utterance: its majority speaker, every wording with its cites."""
    by_wording: dict[tuple[str, ...], list[Cite]] = {}
    text_of: dict[tuple[str, ...], str] = {}
    for s in group:
        cite = Cite.from_span(s.article, s.start, s.end)
        if all(
            c.article != cite.article or c.quote != cite.quote for c in by_wording.get(s.words, [])
        ):
            by_wording.setdefault(s.words, []).append(cite)
        text_of.setdefault(s.words, cite.quote)
    variants = sorted(
        (QuoteVariant(text_of[w], tuple(cites)) for w, cites in by_wording.items()),
        key=lambda v: (-len({c.article for c in v.cites}), -len(v.text)),
    )
    # The representative wording: widely reported and complete, not a two-word fragment.
    text = max(variants, key=lambda v: len({c.article for c in v.cites}) * len(v.text.split())).text
    return Quote(_speaker_of(group, origins), text, tuple(variants))


def build_quotes(
    articles: Sequence[Article], origins: Mapping[str, str], settings: Settings
) -> list[Quote]:
    """Return the story's quotes, most widely reported first.

    >>> from newsdesk.model import Source
    >>> s = Source("p", 0, 1)
    >>> a = Article(id="a", source=s, text='He said: "We will not give up the fight now."')
    >>> b = Article(id="b", source=s, text='"We will not give up the fight," he said.')
    >>> qs = build_quotes([a, b], {"a": "a", "b": "b"}, Settings())
    >>> len(qs), len(qs[0].variants)
    (1, 2)
    """
    groups = group_quotes(collect_said(articles), settings.quote_overlap)

    def reach(group: Sequence[Said]) -> int:
        return len({origins.get(s.article.id, s.article.id) for s in group})

    groups.sort(key=lambda g: (-reach(g), -max(len(s.words) for s in g)))
    return [make_quote(g, origins) for g in groups]
