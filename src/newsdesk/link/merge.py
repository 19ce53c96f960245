"""Merge story fragments that single-pass clustering split, keeping the older story's id.

A headline shares only a few words with anything, so the first headlines of one event
often open two or three stories before the event's vocabulary settles. Once a new
headline has joined one of them, the fragments' centroids (sums of many headlines) say far
more than any single headline did: if two of them now point the same way, they are one
story. With story embeddings on, so are two fragments whose summed headline embeddings
point the same way. Only headline-like stories are merged: full-article stories of two
look-alike events (two earthquakes) have close centroids too, and merging those is the
false confirmation the clusterer must never make.

The surviving id is the older story's, so ids already handed out stay valid;
``index.merged`` maps each merged-away id to its survivor for whoever stored the old one.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from newsdesk.link.embed import add_vector, compare_vector

if TYPE_CHECKING:
    from newsdesk.link.cluster import StoryCentroid, StoryIndex

MERGE_THRESHOLD = 0.4  # centroid cosine at which two headline stories are one story
MERGE_CANDIDATES = 3  # best-scoring other stories of an article checked for a merge
HEADLINE_TERMS = 20  # a story with fewer distinct terms per member is made of headlines
# Embedding-centroid cosine at which two headline stories are one, when both were embedded.
# 0.55-0.6 was best on both UCI cross-validation folds; 0.5 over-merges, so 0.6 (precision
# first).
MERGE_VECTOR = 0.6


def is_headline_story(story: StoryCentroid) -> bool:
    """Return whether a story is made of headlines (few distinct terms per member)."""
    return len(story.sums) < HEADLINE_TERMS * story.size


def compare_stories(index: StoryIndex, a: StoryCentroid, b: StoryCentroid) -> float:
    """Return the cosine between two story centroids under the current IDF."""
    if not a.norm or not b.norm:
        return 0.0
    small, big = (a.sums, b.sums) if len(a.sums) <= len(b.sums) else (b.sums, a.sums)
    dot = 0.0
    for t, v in small.items():
        w = big.get(t)
        if w is not None:
            i = index.idf(t)
            dot += v * w * i * i
    return dot / (a.norm * b.norm)


def is_same_story(index: StoryIndex, a: StoryCentroid, b: StoryCentroid) -> bool:
    """Return whether two headline stories' centroids point the same way."""
    if compare_stories(index, a, b) >= MERGE_THRESHOLD:
        return True
    if a.vector is None or b.vector is None:
        return False
    return compare_vector(a.vector, b.vector) >= MERGE_VECTOR


def fold_story(index: StoryIndex, keep: StoryCentroid, gone: StoryCentroid) -> None:
    """Add ``gone``'s members, terms, keys and times to ``keep`` and forget ``gone``."""
    for t, v in gone.sums.items():
        keep.sums[t] = keep.sums.get(t, 0.0) + v
    keep.size += gone.size
    if gone.vector is not None:
        keep.vector = add_vector(keep.vector, gone.vector)
    keep.members.extend(gone.members)
    for member in gone.members:
        index.member_of[member] = keep.id
    for key in gone.keys:
        posting = index.postings.get(key)
        if posting is not None:
            posting.discard(gone.id)
        if key not in keep.keys:
            keep.keys.append(key)
            index.postings.setdefault(key, set()).add(keep.id)
    times = [t for t in (keep.first, keep.last, gone.first, gone.last) if t is not None]
    if times:
        keep.first, keep.last = min(times), max(times)
    del index.stories[gone.id]
    for old, new in index.merged.items():
        if new == gone.id:
            index.merged[old] = keep.id
    index.merged[gone.id] = keep.id
    total = 0.0
    for v, i in zip(keep.sums.values(), index.idf_of(keep.sums), strict=True):
        total += (v * i) ** 2
    keep.norm = math.sqrt(total)


def merge_fragments(
    index: StoryIndex, story: StoryCentroid, others: list[StoryCentroid]
) -> StoryCentroid:
    """Fold into one the stories among ``others`` whose centroid is close to ``story``'s.

    ``others`` are the article's runner-up stories, best first; ``story`` has just taken
    the article. Return the surviving story (the oldest of those merged).
    """
    if not is_headline_story(story):
        return story
    for other in others[:MERGE_CANDIDATES]:
        if other.id == story.id or other.id not in index.stories:
            continue
        if not is_headline_story(other) or not is_same_story(index, story, other):
            continue
        keep, gone = (story, other) if story.born <= other.born else (other, story)
        fold_story(index, keep, gone)
        story = keep
    return story


def resolve_story(index: StoryIndex, story_id: str) -> str:
    """Return the id a story goes by now: its own, or the older story it was merged into."""
    return index.merged.get(story_id, story_id)
