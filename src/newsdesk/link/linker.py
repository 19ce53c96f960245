"""Link new articles to what came before: duplicates, rewrites, and stories, incrementally.

:func:`link_articles` is the stage. Its state (:class:`LinkState`: the MinHash index, the
story centroids and document frequencies, sentence sketches for rewrite checks) is passed in
and returned, and serialises to plain JSON, so ``newsdesk ingest`` can keep it in the store
and a later run extends the same stories.

Rule for late originals: links always point to the earliest-published copy among those seen
(ingest order when dates are missing). When a new article turns out to be older than the
original an earlier-stored copy points to, the stored articles whose ``duplicate_of`` or
``derived_from`` must change are listed in ``state.relinked`` after the call (article id ->
new ``duplicate_of``, ``derived_from``) for the store to update.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsdesk.link.cluster import (
    StoryIndex,
    add_member,
    assign_story,
    count_terms,
    drop_stale,
    look_up_idf,
    pick_keys,
    weigh_terms,
)
from newsdesk.link.dedup import DedupIndex, drop_old, find_root, match_duplicate, sign_shingles
from newsdesk.link.derive import SentenceSets, overlap_terms, share_aligned, sketch_sentences
from newsdesk.link.features import count_features, extract_sentence_terms, make_shingles
from newsdesk.model import Article
from newsdesk.settings import Settings

STATE_VERSION = 2
MIN_SHINGLES = 20  # texts shorter than this (headlines, teasers) are never called copies
DERIVE_CANDIDATES = 20  # most recent story members checked for a rewrite relation
REWRITE_OVERLAP = 0.4  # share of shared terms below which no alignment is tried
SWEEP_EVERY = 500  # articles between two evictions of what left the time window


@dataclass
class LinkState:
    """Everything linking remembers between calls, bounded by the time window."""

    dedup: DedupIndex
    stories: StoryIndex = field(default_factory=StoryIndex)
    sketches: dict[str, SentenceSets] = field(default_factory=dict)
    sketch_order: deque[str] = field(default_factory=deque)
    times: dict[str, float | None] = field(default_factory=dict)
    derived: dict[str, tuple[str, ...]] = field(default_factory=dict)
    since_sweep: int = 0
    relinked: dict[str, tuple[str | None, tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def new(cls, settings: Settings) -> LinkState:
        """Return an empty state for ``settings``."""
        return cls(dedup=DedupIndex(settings.minhash_perm, settings.lsh_threshold))

    def to_dict(self) -> dict[str, Any]:
        """Return the state as plain JSON types (``relinked`` is per call and not kept)."""
        return {
            "version": STATE_VERSION,
            "dedup": self.dedup.to_dict(),
            "stories": self.stories.to_dict(),
            "sketches": [
                [k, [sorted(s) for s in self.sketches[k]], self.times.get(k)]
                for k in self.sketch_order
                if k in self.sketches
            ],
            "derived": {k: list(v) for k, v in self.derived.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinkState:
        """Rebuild the state from :meth:`to_dict` output."""
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"link state version {data.get('version')!r}; re-run ingest")
        state = cls(
            dedup=DedupIndex.from_dict(data["dedup"]),
            stories=StoryIndex.from_dict(data["stories"]),
            derived={k: tuple(v) for k, v in data["derived"].items()},
        )
        for key, sents, when in data["sketches"]:
            state.sketches[key] = [frozenset(s) for s in sents]
            state.times[key] = when
            state.sketch_order.append(key)
        return state


def parse_when(published: str | None) -> float | None:
    """Return ``published`` as days since the epoch (UTC), or None if missing or unreadable.

    >>> parse_when("1970-01-02")
    1.0
    >>> parse_when("1970-01-01T12:00:00+00:00")
    0.5
    """
    if not published:
        return None
    try:
        when = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.timestamp() / 86400.0


def is_earlier(a: float | None, b: float | None) -> bool:
    """Return whether time ``a`` is known to be strictly before ``b``."""
    return a is not None and b is not None and a < b


def is_apart(a: float | None, b: float | None, window: float) -> bool:
    """Return whether two times are known to lie further apart than the window."""
    return a is not None and b is not None and abs(a - b) > window


def link_duplicate(
    state: LinkState, article: Article, when: float | None, settings: Settings
) -> str | None:
    """Index the article's signature; return the original it copies, if any."""
    shingles = make_shingles(article.text, settings.shingle_size)
    if len(shingles) < MIN_SHINGLES:
        return None
    index = state.dedup
    assert index.perms is not None
    sig = sign_shingles(shingles, index.perms)
    hits = [
        (key, score)
        for key, score in match_duplicate(index, sig, len(shingles), settings.duplicate_jaccard)
        if not is_apart(when, index.times.get(key), settings.story_window_days)
    ]
    index.insert(article.id, sig, len(shingles), when)
    if not hits:
        return None
    root = find_root(index, hits[0][0])
    if is_earlier(when, index.times.get(root)):
        # The new page is the earlier copy: it becomes the original of the whole group.
        index.root[root] = article.id
        for key in list(index.root):
            if find_root(index, key) == article.id and key != article.id:
                index.root[key] = article.id
                state.relinked[key] = (article.id, state.derived.get(key, ()))
        return None
    index.root[article.id] = root
    return root


def link_rewrite(
    state: LinkState,
    article: Article,
    sentences: list[list[str]],
    story: str,
    when: float | None,
    settings: Settings,
) -> tuple[str, ...]:
    """Keep the article's sentence sketch; return the originals it rewrites, if any."""
    mine = sketch_sentences(article.text, sentences)
    state.sketches[article.id] = mine
    state.times[article.id] = when
    state.sketch_order.append(article.id)
    centroid = state.stories.stories.get(story)
    if centroid is None or len(mine) < 3:
        return ()
    sources: list[tuple[float, str]] = []
    for other in reversed(centroid.members[-DERIVE_CANDIDATES - 1 :]):
        theirs = state.sketches.get(other)
        if other == article.id or not theirs or find_root(state.dedup, other) == article.id:
            continue  # a copy of this very article is not a rewrite of it
        if overlap_terms(mine, theirs) < REWRITE_OVERLAP:
            continue  # too few shared words for most sentences to have a counterpart
        other_when = state.times.get(other)
        forward = share_aligned(mine, theirs, settings.derive_sentence_sim)
        backward = share_aligned(theirs, mine, settings.derive_sentence_sim)
        # Both ways: a rewrite is mostly aligned to its source *and* retells much of it;
        # quoting a few shared wire paragraphs aligns one way only.
        if min(forward, backward) < settings.derive_coverage:
            continue
        if is_earlier(when, other_when) and backward >= settings.derive_share:
            # A stored article rewrote this newly seen, earlier original.
            state.derived[other] = (*state.derived.get(other, ()), article.id)
            state.relinked[other] = (state.dedup.root.get(other), state.derived[other])
        elif forward >= settings.derive_share and not is_earlier(when, other_when):
            sources.append((min(forward, backward), other))
    if not sources:
        return ()
    # A rewrite retells one original. Naming every article it resembles would chain
    # unrelated reports of the same event into one origin and undercount sources.
    best = max(sources)[1]
    state.derived[article.id] = (best,)
    return (best,)


def link_one(state: LinkState, article: Article, settings: Settings) -> Article:
    """Link one article against the state and return it with its links filled."""
    index = state.stories
    known = index.member_of.get(article.id)
    if known is not None:
        return dataclasses.replace(
            article,
            story=known,
            duplicate_of=state.dedup.root.get(article.id),
            derived_from=state.derived.get(article.id, ()),
        )
    when = parse_when(article.published)
    window = settings.story_window_days
    original = link_duplicate(state, article, when, settings)
    sentences = extract_sentence_terms(article.text)
    counts = count_features(article.title or "", article.text, sentences)
    story = index.member_of.get(original) if original else None
    if story is not None and story in index.stories:
        weights = weigh_terms(counts)
        count_terms(index, weights)
        idf = look_up_idf(index, weights)
        keys = pick_keys(idf, weights)
        add_member(index, index.stories[story], article.id, weights, idf, keys, when)
        derived: tuple[str, ...] = ()
    else:
        story, _ = assign_story(index, article.id, counts, when, settings.story_threshold, window)
        derived = () if original else link_rewrite(state, article, sentences, story, when, settings)
    return dataclasses.replace(article, story=story, duplicate_of=original, derived_from=derived)


def sweep_state(state: LinkState, settings: Settings) -> None:
    """Forget stories, signatures and sketches that left the time window."""
    window = settings.story_window_days
    drop_stale(state.stories, window)
    newest = state.stories.newest
    drop_old(state.dedup, newest, window)
    while state.sketch_order:
        key = state.sketch_order[0]
        when = state.times.get(key)
        live = key in state.stories.member_of
        if live and not (newest is not None and when is not None and when < newest - window):
            break
        state.sketch_order.popleft()
        state.sketches.pop(key, None)
        state.times.pop(key, None)
        state.derived.pop(key, None)
    state.since_sweep = 0


def link_articles(
    new: Sequence[Article], state: LinkState | None, settings: Settings
) -> tuple[list[Article], LinkState]:
    """Return the new articles with ``duplicate_of``, ``derived_from`` and ``story`` filled.

    ``state`` is updated and returned (pass None to start); it is the only memory between
    calls. Within a call, dated articles are linked oldest first so the earliest copy is
    the original. Story ids are ``"s"`` + the founding article's id, so feeding the same
    articles again gives the same ids and no new stories.

    >>> from newsdesk.model import Source
    >>> a = Article(id="a", source=Source("x", 0, 1), text="Quake hits Chile coast.", title="Quake")
    >>> linked, state = link_articles([a], None, Settings())
    >>> linked[0].story
    'sa'
    """
    if state is None:
        state = LinkState.new(settings)
    state.relinked = {}
    times = [parse_when(a.published) for a in new]
    order = list(range(len(new)))
    if all(t is not None for t in times):
        order.sort(key=lambda i: times[i] or 0.0)
    out: list[Article | None] = [None] * len(new)
    for i in order:
        out[i] = link_one(state, new[i], settings)
        state.since_sweep += 1
    if state.since_sweep >= SWEEP_EVERY:
        sweep_state(state, settings)
    linked = [a for a in out if a is not None]
    for a in linked:
        state.relinked.pop(a.id, None)  # the caller has these in hand already
    return linked, state
