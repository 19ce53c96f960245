"""Story clustering on small fictional reports: look-alike events, rewordings, stable ids."""

from __future__ import annotations

import json

from newsdesk.link import link_articles
from newsdesk.link.cluster import StoryIndex, assign_story
from newsdesk.link.features import count_features
from newsdesk.link.merge import merge_fragments, resolve_story
from newsdesk.model import Article, Source
from newsdesk.settings import Settings

# Two earthquakes: the same kind of event, told in the same words, in different places.
QUAKE_A = [
    (
        "Earthquake of magnitude 6.4 shakes Valdoria province",
        "A magnitude 6.4 earthquake struck Valdoria province on Tuesday morning, collapsing"
        " homes in the mountain town of Brescov. Rescue teams from Valdoria searched the"
        " rubble for survivors. Governor Ilse Marrant said at least 12 people were killed in"
        " Brescov and the nearby villages. The quake was felt in the capital, Tarnhal.",
    ),
    (
        "Brescov quake kills 12 as rescuers dig through rubble",
        "Rescuers in Brescov dug through collapsed homes after Tuesday's 6.4 magnitude"
        " earthquake in Valdoria province. Governor Ilse Marrant put the death toll at 12."
        " Aftershocks rattled Brescov overnight and residents slept outside. Valdoria"
        " officials opened shelters in schools across the province.",
    ),
    (
        "Valdoria earthquake: death toll rises in Brescov",
        "The death toll from the earthquake in Valdoria province rose on Wednesday, Governor"
        " Ilse Marrant said, as rescue teams reached remote villages near Brescov. The"
        " magnitude 6.4 quake destroyed hundreds of homes. Tarnhal sent army units to help.",
    ),
]
QUAKE_B = [
    (
        "Strong earthquake hits coastal Meridia, damaging port of Saltgrave",
        "A magnitude 7.1 earthquake hit the coast of Meridia on Friday, damaging the port of"
        " Saltgrave and cutting power to thousands of homes. Mayor Oskar Velden said two"
        " people died when a warehouse collapsed in Saltgrave. Meridia's weather agency"
        " briefly issued a tsunami warning for the coast.",
    ),
    (
        "Saltgrave port shut after 7.1 quake; tsunami warning lifted",
        "The port of Saltgrave in Meridia stayed closed on Saturday after Friday's 7.1"
        " magnitude earthquake. Mayor Oskar Velden said cranes and a warehouse were damaged"
        " and two workers died. The tsunami warning for the Meridia coast was lifted after"
        " waves of less than a metre reached Saltgrave.",
    ),
    (
        "Meridia counts damage after coastal earthquake",
        "Engineers inspected the Saltgrave docks on Saturday as Meridia counted the damage"
        " from the magnitude 7.1 earthquake. Mayor Oskar Velden asked for national help to"
        " reopen the port. Power returned to most homes along the coast of Meridia.",
    ),
]


def make_article(ident: str, title: str, text: str, published: str | None = None) -> Article:
    """Return an article with a source span over its own text."""
    return Article(
        id=ident,
        source=Source(ident, 0, len(text)),
        text=text,
        title=title,
        published=published,
    )


def feed_articles(articles: list[Article]) -> dict[str, str]:
    """Link articles one at a time, as a stream, and return article id -> story id."""
    state = None
    stories: dict[str, str] = {}
    for article in articles:
        linked, state = link_articles([article], state, Settings())
        stories.update({a.id: a.story or "" for a in linked})
    return stories


def interleave_quakes() -> list[Article]:
    """Return the six quake reports, the two events interleaved."""
    out = []
    for i, (a, b) in enumerate(zip(QUAKE_A, QUAKE_B, strict=True)):
        out.append(make_article(f"a{i}", *a))
        out.append(make_article(f"b{i}", *b))
    return out


def test_look_alike_events_stay_apart() -> None:
    stories = feed_articles(interleave_quakes())
    a_stories = {stories[f"a{i}"] for i in range(3)}
    b_stories = {stories[f"b{i}"] for i in range(3)}
    assert not a_stories & b_stories


def test_same_event_in_different_words_joins() -> None:
    stories = feed_articles(interleave_quakes())
    assert stories["a0"] == stories["a1"] == stories["a2"] == "sa0"
    assert stories["b0"] == stories["b1"] == stories["b2"] == "sb0"


def test_story_ids_are_stable_across_orders_and_refeeds() -> None:
    articles = interleave_quakes()
    first = feed_articles(articles)
    state = None
    for article in articles:
        _, state = link_articles([article], state, Settings())
    again, _ = link_articles(articles, state, Settings())
    assert {a.id: a.story for a in again} == first
    # The founder of a story names it, whatever the order after it.
    reordered = feed_articles(articles[:2] + articles[:1:-1])
    assert reordered == first


def test_index_round_trips_through_json() -> None:
    index = StoryIndex()
    for ident, (title, text) in zip(["a0", "a1"], QUAKE_A[:2], strict=True):
        assign_story(index, ident, count_features(title, text), None, 0.25, None)
    copy = StoryIndex.from_dict(json.loads(json.dumps(index.to_dict())))
    title, text = QUAKE_A[2]
    counts = count_features(title, text)
    assert assign_story(copy, "a2", counts, None, 0.25, None)[0] == "sa0"
    assert assign_story(index, "a2", counts, None, 0.25, None)[0] == "sa0"


def test_time_window_keeps_a_later_look_alike_apart() -> None:
    title, text = QUAKE_A[0]
    early = make_article("old", title, text, "2024-01-02T08:00:00+00:00")
    title, text = QUAKE_A[1]
    late = make_article("new", title, text, "2024-06-02T08:00:00+00:00")
    stories = feed_articles([early, late])
    assert stories["old"] != stories["new"]


def test_headlines_join_the_story_of_their_event() -> None:
    heads = [
        "Valdoria quake kills 12 in Brescov",
        "Quake in Valdoria's Brescov kills at least 12",
        "Brescov earthquake toll reaches 12, Valdoria governor says",
        "Meridia port Saltgrave shut by 7.1 quake",
    ]
    articles = interleave_quakes() + [make_article(f"h{i}", h, "") for i, h in enumerate(heads)]
    stories = feed_articles(articles)
    assert stories["h0"] == stories["h1"] == stories["h2"] == "sa0"
    assert stories["h3"] == "sb0"


def test_headline_fragments_merge_into_the_older_story() -> None:
    index = StoryIndex()
    head = "Brescov quake toll rises to 12 in Valdoria"
    # A threshold no article reaches forces two stories of the same headline.
    assign_story(index, "h1", count_features(head, ""), None, 5.0, None)
    assign_story(index, "h2", count_features(head, ""), None, 5.0, None)
    older, younger = index.stories["sh1"], index.stories["sh2"]
    survivor = merge_fragments(index, younger, [older])
    assert survivor.id == "sh1" and survivor.members == ["h1", "h2"]
    assert "sh2" not in index.stories and resolve_story(index, "sh2") == "sh1"
    assert index.member_of["h2"] == "sh1"
    copy = StoryIndex.from_dict(json.loads(json.dumps(index.to_dict())))
    assert resolve_story(copy, "sh2") == "sh1"


def test_full_article_stories_never_merge() -> None:
    index = StoryIndex()
    title, text = QUAKE_A[0]
    for ident in ["x1", "x2"]:
        assign_story(index, ident, count_features(title, text), None, 5.0, None)
    story = merge_fragments(index, index.stories["sx2"], [index.stories["sx1"]])
    assert story.id == "sx2" and len(index.stories) == 2 and not index.merged
