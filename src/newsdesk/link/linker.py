"""Link new articles to what came before: duplicates, rewrites, and stories, incrementally.

:func:`link_articles` is the stage. Its state (:class:`LinkState`: the MinHash index, the
story centroids and document frequencies, sentence sketches of each story's recent members,
and the sentence alignments found between articles) is passed in and returned, and
serialises to plain JSON, so ``newsdesk ingest`` can keep it in the store and a later run
extends the same stories.

Rule for late originals: links always point to the earliest-published copy among those seen
(ingest order when dates are missing). Rewrites are judged on every alignment known so far,
so a later article can change an earlier verdict: a newly seen original, or a new report
that aligns with a supposed rewrite as well as its source does (the shared sentences were
common material). The stored articles whose ``duplicate_of`` or ``derived_from`` must
change are listed in ``state.relinked`` after the call (article id -> new ``duplicate_of``,
``derived_from``) for the store to update; articles of the call come back already updated.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
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
from newsdesk.link.dedup import (
    DedupIndex,
    Signed,
    collect_ids,
    drop_old,
    find_root,
    match_duplicate,
)
from newsdesk.link.derive import (
    MIN_ALIGNED,
    PairLink,
    SentenceSets,
    TermMarks,
    align_both,
    choose_source,
    mark_terms,
    may_overlap,
    sketch_sentences,
)
from newsdesk.link.embed import embed_headline
from newsdesk.link.features import (
    TextFeatures,
    count_features,
    extract_features,
    is_apart,
    is_earlier,
    parse_when,
)
from newsdesk.model import Article
from newsdesk.settings import Settings

STATE_VERSION = 4
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
    marks: dict[str, TermMarks] = field(default_factory=dict)  # term bitmaps, not stored
    sketch_order: deque[str] = field(default_factory=deque)
    times: dict[str, float | None] = field(default_factory=dict)
    serial: dict[str, int] = field(default_factory=dict)  # ingest order, for equal times
    next_serial: int = 0
    pairs: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict)
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
            "articles": [
                [
                    k,
                    self.times.get(k),
                    self.serial.get(k, 0),
                    [" ".join(sorted(s)) for s in self.sketches.get(k, ())],  # terms hold no space
                    {o: list(v) for o, v in self.pairs.get(k, {}).items()},
                ]
                for k in self.sketch_order
                if k in self.times
            ],
            "next_serial": self.next_serial,
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
            next_serial=data["next_serial"],
        )
        for key, when, serial, sents, pairs in data["articles"]:
            state.times[key] = when
            state.serial[key] = serial
            state.sketch_order.append(key)
            if sents:
                keep_sketch(state, key, [frozenset(s.split()) for s in sents])
            if pairs:
                state.pairs[key] = {o: (v[0], v[1]) for o, v in pairs.items()}
        return state


def keep_sketch(state: LinkState, key: str, sketch: SentenceSets) -> None:
    """Store an article's sentence sketch (the bitmap of its terms waits for a comparison)."""
    state.sketches[key] = sketch


def mark_sketch(state: LinkState, key: str) -> TermMarks:
    """Return the bitmap of a sketched article's terms, built when first asked for."""
    marks = state.marks.get(key)
    if marks is None:
        marks = state.marks[key] = mark_terms(state.sketches[key])
    return marks


def link_duplicate(
    state: LinkState,
    article: Article,
    signed: Signed | None,
    when: float | None,
    settings: Settings,
) -> str | None:
    """Index the article's signature; return the original it copies, if any.

    ``signed`` is what :meth:`~newsdesk.link.dedup.DedupIndex.sign_many` gave the text.
    """
    if signed is None:
        return None  # too short to be called a copy
    shingles, sig, bands = signed
    index = state.dedup
    held = index.look_up(bands)
    candidates = collect_ids(held)
    hits = [
        (key, score)
        for key, score in match_duplicate(
            index, sig, candidates, shingles, settings.duplicate_jaccard
        )
        if not is_apart(when, index.times.get(key), settings.story_window_days)
    ]
    index.insert(article.id, sig, shingles, when, bands, held)
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


def trace_origin(state: LinkState, key: str) -> list[str]:
    """Return ``key`` and what it copies or rewrites, in turn, up to its origin."""
    chain = [key]
    seen = {key}
    while True:
        step = state.dedup.root.get(key)
        if step is None:
            derived = state.derived.get(key)
            step = derived[0] if derived else None
        if step is None or step in seen:
            return chain
        chain.append(step)
        seen.add(step)
        key = step


def is_before(state: LinkState, a: str, b: str) -> bool:
    """Return whether article ``a`` came first: by date when both differ, else ingest order."""
    ta, tb = state.times.get(a), state.times.get(b)
    if ta is not None and tb is not None and ta != tb:
        return ta < tb
    return state.serial.get(a, 0) < state.serial.get(b, 0)


def decide_source(state: LinkState, key: str, settings: Settings) -> tuple[str, ...]:
    """Return the original ``key`` rewrites, judged on every alignment known so far."""
    links = []
    for other, (forward, backward) in state.pairs.get(key, {}).items():
        chain = trace_origin(state, other)
        if key in chain:
            continue  # it copies or rewrites this very article: no evidence either way
        earlier = is_before(state, other, key)
        links.append(PairLink(other, forward, backward, earlier, chain[-1]))
    source = choose_source(
        links, settings.derive_share, settings.derive_coverage, settings.derive_margin
    )
    # Point at the earliest copy of the source, as duplicates do.
    return (find_root(state.dedup, source),) if source else ()


def set_derived(state: LinkState, key: str, sources: tuple[str, ...]) -> bool:
    """Record what ``key`` rewrites; return whether that changed."""
    if state.derived.get(key, ()) == sources:
        return False
    if sources:
        state.derived[key] = sources
    else:
        state.derived.pop(key, None)
    return True


def link_rewrite(
    state: LinkState,
    article: Article,
    sentences: list[list[str]],
    story: str,
    settings: Settings,
) -> tuple[str, ...]:
    """Align the article with recent story members; return the original it rewrites, if any.

    Each new alignment can also change what an earlier article is judged to rewrite (a
    newly seen original, or a new report that aligns as well, which shows the shared
    sentences were common material): those changes go to ``state.relinked``.
    """
    mine = sketch_sentences(article.text, sentences)
    keep_sketch(state, article.id, mine)
    centroid = state.stories.stories.get(story)
    if centroid is None or len(mine) < MIN_ALIGNED:
        return ()
    touched = []
    for other in reversed(centroid.members[-DERIVE_CANDIDATES - 1 :]):
        theirs = state.sketches.get(other)
        if other == article.id or not theirs or len(theirs) < MIN_ALIGNED:
            continue  # too short to align with anything
        if find_root(state.dedup, other) == article.id:
            continue  # a copy of this very article is not a rewrite of it
        mine_marks, their_marks = mark_sketch(state, article.id), mark_sketch(state, other)
        if not may_overlap(mine_marks, their_marks, REWRITE_OVERLAP):
            continue  # too few shared words for most sentences to have a counterpart
        forward, backward = align_both(mine, theirs, settings.derive_sentence_sim)
        if forward:
            state.pairs.setdefault(article.id, {})[other] = (forward, backward)
            state.pairs.setdefault(other, {})[article.id] = (backward, forward)
            touched.append(other)
    derived = decide_source(state, article.id, settings)
    set_derived(state, article.id, derived)
    for other in touched:
        theirs_now = decide_source(state, other, settings)
        if set_derived(state, other, theirs_now):
            state.relinked[other] = (state.dedup.root.get(other), theirs_now)
    return derived


def forget_old_sketches(state: LinkState, story: str) -> None:
    """Drop the sketch of the member that just fell out of a story's rewrite candidates."""
    centroid = state.stories.stories.get(story)
    if centroid is not None and len(centroid.members) > DERIVE_CANDIDATES + 1:
        old = centroid.members[-DERIVE_CANDIDATES - 2]
        state.sketches.pop(old, None)
        state.marks.pop(old, None)


def read_texts(
    state: LinkState, texts: list[str], settings: Settings
) -> list[tuple[TextFeatures, Signed | None]]:
    """Return each text's features and MinHash signature (signed as a batch: cheaper)."""
    features = [extract_features(text) for text in texts]
    words = [f.words for f in features]
    signed = state.dedup.sign_many(words, settings.shingle_size, MIN_SHINGLES)
    return list(zip(features, signed, strict=True))


def link_one(
    state: LinkState,
    article: Article,
    when: float | None,
    read: tuple[TextFeatures, Signed | None] | None,
    settings: Settings,
) -> Article:
    """Link one article published at ``when`` (:func:`parse_when`) and fill its links.

    ``read`` is what :func:`read_texts` gave its text, if already in hand.
    """
    index = state.stories
    known = index.member_of.get(article.id)
    if known is not None:
        return dataclasses.replace(
            article,
            story=known,
            duplicate_of=state.dedup.root.get(article.id),
            derived_from=state.derived.get(article.id, ()),
        )
    window = settings.story_window_days
    features, signed = read or read_texts(state, [article.text], settings)[0]
    original = link_duplicate(state, article, signed, when, settings)
    sentences = features.sentences
    counts = count_features(article.title or "", article.text, sentences)
    story = index.member_of.get(original) if original else None
    derived: tuple[str, ...] = ()
    if story is not None and story in index.stories:
        weights = weigh_terms(counts)
        count_terms(index, weights)
        idf = look_up_idf(index, weights)
        keys = pick_keys(idf, weights)
        add_member(index, index.stories[story], article.id, weights, idf, keys, when)
    else:
        # Called by the story stage only for a headline-like article: embedding costs ms.
        embed = partial(embed_headline, article.title, article.text)
        story, _ = assign_story(
            index,
            article.id,
            counts,
            when,
            settings.story_threshold,
            window,
            embed=embed if settings.story_embeddings else None,
        )
        if not original:
            state.times[article.id] = when
            state.serial[article.id] = state.next_serial
            state.next_serial += 1
            state.sketch_order.append(article.id)
            derived = link_rewrite(state, article, sentences, story, settings)
    forget_old_sketches(state, story)
    return dataclasses.replace(article, story=story, duplicate_of=original, derived_from=derived)


def forget_article(state: LinkState, key: str) -> None:
    """Drop everything the rewrite check keeps about one article."""
    state.sketches.pop(key, None)
    state.marks.pop(key, None)
    state.times.pop(key, None)
    state.serial.pop(key, None)
    state.derived.pop(key, None)
    for other in state.pairs.pop(key, {}):
        partner = state.pairs.get(other)
        if partner is not None:
            partner.pop(key, None)


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
        forget_article(state, key)
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
    fresh = [i for i, a in enumerate(new) if a.id not in state.stories.member_of]
    read = dict(zip(fresh, read_texts(state, [new[i].text for i in fresh], settings), strict=True))
    for i in order:
        out[i] = link_one(state, new[i], times[i], read.pop(i, None), settings)
        state.since_sweep += 1
    if state.since_sweep >= SWEEP_EVERY:
        sweep_state(state, settings)
    linked = []
    for a in out:
        assert a is not None
        change = state.relinked.pop(a.id, None)  # the caller gets these in hand
        if change is not None:
            a = dataclasses.replace(a, duplicate_of=change[0], derived_from=change[1])
        linked.append(a)
    return linked, state
