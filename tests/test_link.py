"""Link stage: duplicates, rewrites and stories on the seeds and small fictional articles."""

from __future__ import annotations

import dataclasses
import json
import os
import random
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from newsdesk.link import LinkState, count_origins, group_origins, link_articles
from newsdesk.link.cluster import StoryIndex, assign_story
from newsdesk.link.dedup import hash_shingles
from newsdesk.link.derive import PairLink, choose_source
from newsdesk.model import Article, Source
from newsdesk.settings import Settings

SHARED = Path(
    os.environ.get("NEWSDESK_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)
SEEDS = SHARED / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SETTINGS = Settings()

# Three fictional events, three differently worded reports each.
EVENTS = {
    "bridge": [
        (
            "Bridge collapses over the Varna river in Holmsted",
            "A steel footbridge over the Varna river in Holmsted collapsed on Tuesday evening, "
            "sending two cyclists into the water. Firefighters pulled both from the river and "
            "paramedics took them to Holmsted General Hospital. The mayor of Holmsted, Ilse "
            "Brandvik, closed the riverside path and ordered inspections of four other bridges.",
        ),
        (
            "Holmsted footbridge falls into Varna river, two hurt",
            "Two cyclists were injured when the Varna footbridge in Holmsted gave way on "
            "Tuesday. Mayor Ilse Brandvik said engineers would inspect every steel bridge in "
            "the town. Holmsted firefighters rescued the cyclists from the Varna river.",
        ),
        (
            "Inspections ordered after Holmsted bridge collapse",
            "Holmsted mayor Ilse Brandvik ordered inspections of the town's bridges after the "
            "steel footbridge over the Varna collapsed. Two cyclists fell into the river and "
            "were treated at Holmsted General Hospital, firefighters said.",
        ),
    ],
    "final": [
        (
            "Kestrel Rovers win the Northern Cup final on penalties",
            "Kestrel Rovers beat Alder Town 5-4 on penalties in the Northern Cup final at "
            "Marrow Park on Saturday after a 1-1 draw. Goalkeeper Tomas Lindqvist saved two "
            "penalties, and captain Ana Sorel scored the winning kick in front of 40,000 fans.",
        ),
        (
            "Lindqvist the hero as Kestrel Rovers lift Northern Cup",
            "Tomas Lindqvist saved two spot kicks as Kestrel Rovers won the Northern Cup, "
            "beating Alder Town on penalties at Marrow Park. Ana Sorel converted the decisive "
            "penalty after the final ended 1-1.",
        ),
        (
            "Alder Town lose Northern Cup final shootout",
            "Alder Town were beaten in a penalty shootout by Kestrel Rovers in Saturday's "
            "Northern Cup final at Marrow Park. Kestrel goalkeeper Tomas Lindqvist made two "
            "saves and Ana Sorel struck the winner.",
        ),
    ],
    "rates": [
        (
            "Central bank of Ostmark raises interest rate to 4.5%",
            "The Bank of Ostmark raised its main interest rate by half a point to 4.5% on "
            "Thursday, its third increase this year, citing food and energy inflation. Governor "
            "Pavel Renko said further increases were possible if wages kept rising.",
        ),
        (
            "Ostmark rate rise: Renko warns of more to come",
            "Governor Pavel Renko lifted the Bank of Ostmark's benchmark rate to 4.5% and warned "
            "of further rises as inflation in food and energy prices persists.",
        ),
        (
            "Bank of Ostmark lifts rates for third time this year",
            "Inflation in Ostmark pushed the central bank to raise interest rates again on "
            "Thursday, to 4.5%. Governor Pavel Renko said wage growth could force more increases.",
        ),
    ],
}

WIRE = (
    "The harbour authority of Port Elsen said on Monday that a fire on the cargo ship Marta "
    "Vell had been put out after burning for nineteen hours. None of the twenty-two crew "
    "members were hurt, the authority said in a statement. The ship was carrying timber and "
    "machine parts from Riga to Port Elsen when smoke was seen in the engine room late on "
    "Sunday night. Two tugboats and a coastguard vessel sprayed water on the hull until the "
    "early afternoon. Investigators will board the ship on Tuesday to find the cause of the "
    "fire, and the harbour will stay closed to large vessels until then."
)


def make_article(aid: str, title: str, text: str, published: str | None = None) -> Article:
    """Return a small article with a fake source span."""
    return Article(
        id=aid,
        source=Source(f"{aid}.txt", 0, len(text)),
        text=text,
        title=title,
        published=published,
    )


def fictional_articles() -> tuple[list[Article], dict[str, str]]:
    """Return the nine fictional articles and their true event."""
    arts, gold = [], {}
    for event, reports in EVENTS.items():
        for i, (title, text) in enumerate(reports):
            aid = f"{event}{i}"
            arts.append(make_article(aid, title, text))
            gold[aid] = event
    return arts, gold


def same_story_pairs(arts: list[Article]) -> set[tuple[str, str]]:
    return {
        (a.id, b.id)
        for a, b in combinations(sorted(arts, key=lambda x: x.id), 2)
        if a.story == b.story
    }


# --- seeds ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_articles() -> list[Article]:
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found at {SEEDS}")
    from newsdesk.pipeline import read_articles

    return read_articles([SEEDS])


def check_seed_links(linked: list[Article]) -> None:
    by_outlet = {a.outlet: a for a in linked}
    assert len(linked) == 9
    assert len({a.story for a in linked}) == 1, "the nine seed articles are one story"
    assert all(a.duplicate_of is None for a in linked), "no seed article copies another"
    rewrite, original = by_outlet["GreenWatch"], by_outlet["The Japan Times"]
    assert rewrite.derived_from == (original.id,), "GreenWatch rewrites the Japan Times wire story"
    others = [a for a in linked if a.outlet != "GreenWatch"]
    assert all(a.derived_from == () for a in others), "only GreenWatch is a rewrite"
    assert count_origins(linked) == 8


def test_seeds_form_one_story_with_the_rewrite_tied(seed_articles: list[Article]) -> None:
    linked, _ = link_articles(seed_articles, None, SETTINGS)
    check_seed_links(linked)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_seeds_linked_one_by_one_in_any_order(seed_articles: list[Article], seed: int) -> None:
    arts = list(seed_articles)
    random.Random(seed).shuffle(arts)
    state = None
    linked = []
    for a in arts:
        out, state = link_articles([a], state, SETTINGS)
        linked.extend(out)
        for rid, (_, derived) in state.relinked.items():
            linked = [
                x if x.id != rid else x.__class__(**{**x.__dict__, "derived_from": derived})
                for x in linked
            ]
    check_seed_links(linked)


# --- rewrites on the sample corpus (fictional) -----------------------------------------


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    from newsdesk.pipeline import load_registry, read_articles

    return read_articles([SAMPLES / "corpus"], load_registry([SAMPLES / "outlets.json"]))


def link_in_turn(arts: list[Article], batch: int, state: LinkState | None = None) -> list[Article]:
    """Link ``arts`` a batch at a time, applying the relinks each call reports."""
    linked: dict[str, Article] = {}
    for i in range(0, len(arts), batch):
        out, state = link_articles(arts[i : i + batch], state, SETTINGS)
        linked.update((a.id, a) for a in out)
        for rid, (dup, derived) in state.relinked.items():
            linked[rid] = dataclasses.replace(linked[rid], duplicate_of=dup, derived_from=derived)
    return list(linked.values())


def check_spill_links(linked: list[Article]) -> None:
    name = {a.id: f"{a.outlet} {a.published}" for a in linked}
    biggest = Counter(a.story for a in linked).most_common(1)[0][0]
    spill = [a for a in linked if a.story == biggest]
    assert len(spill) == 14
    copies = {name[a.id]: name[a.duplicate_of] for a in spill if a.duplicate_of}
    rewrites = {name[a.id]: [name[x] for x in a.derived_from] for a in spill if a.derived_from}
    wire = "Coastline Wire 2031-03-14T02:10:00+00:00"
    assert copies == {"Tidewater Times 2031-03-14T16:20:00+13:00": wire}
    # Pacific Ledger and Coastline Wire's own first report share official lines with
    # MarineDaily, but no more than with the other reports: not rewrites.
    assert rewrites == {"Northgate Herald 2031-03-14T08:20:00+00:00": [wire]}
    assert count_origins(spill) == 12


def test_sample_spill_has_one_rewrite_and_twelve_origins(sample_articles: list[Article]) -> None:
    linked, _ = link_articles(sample_articles, None, SETTINGS)
    check_spill_links(linked)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sample_spill_links_do_not_depend_on_order(
    sample_articles: list[Article], seed: int
) -> None:
    arts = list(sample_articles)
    random.Random(seed).shuffle(arts)
    check_spill_links(link_in_turn(arts, batch=1 + seed))


def test_sample_links_survive_a_json_round_trip(sample_articles: list[Article]) -> None:
    head, tail = sample_articles[:10], sample_articles[10:]
    first, state = link_articles(head, None, SETTINGS)
    state = LinkState.from_dict(json.loads(json.dumps(state.to_dict())))
    linked = {a.id: a for a in first}
    later, state = link_articles(tail, state, SETTINGS)
    linked.update((a.id, a) for a in later)
    for rid, (dup, derived) in state.relinked.items():
        linked[rid] = dataclasses.replace(linked[rid], duplicate_of=dup, derived_from=derived)
    check_spill_links(list(linked.values()))


def test_a_source_must_stand_out_from_independent_reports() -> None:
    wire = PairLink("wire", 0.8, 0.8, earlier=True, group="wire")
    sibling = PairLink("sibling", 0.7, 0.7, earlier=True, group="wire")  # rewrote the wire too
    rival = PairLink("rival", 0.7, 0.7, earlier=False, group="rival")
    assert choose_source([wire, sibling], 0.5, 0.5, 1.25) == "wire"
    assert choose_source([wire, sibling, rival], 0.5, 0.5, 1.25) is None
    assert choose_source([PairLink("later", 0.9, 0.9, False, "later")], 0.5, 0.5, 1.25) is None


def test_shingles_ignore_case_and_typography() -> None:
    curly = "The ship’s crew – all 22 – were “safe”,\u00a0officials said."
    plain = 'the ship\'s crew - all 22 - were "safe", officials said.'
    assert (hash_shingles(curly, 3) == hash_shingles(plain, 3)).all()


# --- duplicates ----------------------------------------------------------------------------


def test_exact_copy_and_reprint_point_to_the_earliest() -> None:
    original = make_article(
        "orig", "Ship fire out after 19 hours", WIRE, "2024-03-04T10:00:00+00:00"
    )
    copy = make_article("copy", "Ship fire out after 19 hours", WIRE, "2024-03-04T12:00:00+00:00")
    furniture = "Advertisement\n" + WIRE + "\nRead more: Port Elsen weather\nShare this story"
    reprint = make_article(
        "reprint", "Port Elsen: cargo ship fire extinguished", furniture, "2024-03-05"
    )
    other = make_article("other", *EVENTS["bridge"][0], "2024-03-05")
    linked, _ = link_articles([reprint, copy, original, other], None, SETTINGS)
    by_id = {a.id: a for a in linked}
    assert by_id["orig"].duplicate_of is None
    assert by_id["copy"].duplicate_of == "orig"
    assert by_id["reprint"].duplicate_of == "orig"
    assert by_id["other"].duplicate_of is None
    assert by_id["copy"].story == by_id["orig"].story == by_id["reprint"].story
    assert group_origins(linked) == {
        "orig": "orig",
        "copy": "orig",
        "reprint": "orig",
        "other": "other",
    }


def test_a_late_original_relinks_the_stored_copy() -> None:
    copy = make_article("copy", "Ship fire out", WIRE, "2024-03-04T12:00:00+00:00")
    original = make_article("orig", "Ship fire out", WIRE, "2024-03-04T10:00:00+00:00")
    _, state = link_articles([copy], None, SETTINGS)
    linked, state = link_articles([original], state, SETTINGS)
    assert linked[0].duplicate_of is None
    assert state.relinked == {"copy": ("orig", ())}


def test_headlines_are_never_called_copies() -> None:
    a = make_article("h1", "Ostmark raises rates", "")
    b = make_article("h2", "Ostmark raises rates", "")
    linked, _ = link_articles([a, b], None, SETTINGS)
    assert [x.duplicate_of for x in linked] == [None, None]
    assert linked[0].story == linked[1].story


# --- stories -------------------------------------------------------------------------------


def test_fictional_events_cluster_apart() -> None:
    arts, gold = fictional_articles()
    linked, _ = link_articles(arts, None, SETTINGS)
    stories = {a.id: a.story for a in linked}
    for x, y in combinations(stories, 2):
        assert (stories[x] == stories[y]) == (gold[x] == gold[y]), (x, y)


def test_story_ids_are_stable_across_reingest_and_a_json_round_trip() -> None:
    arts, _ = fictional_articles()
    first, state = link_articles(arts, None, SETTINGS)
    n_stories = len(state.stories.stories)
    state = LinkState.from_dict(json.loads(json.dumps(state.to_dict())))
    again, state = link_articles(arts, state, SETTINGS)
    assert [a.story for a in again] == [a.story for a in first]
    assert len(state.stories.stories) == n_stories
    assert {a.story for a in first} == {"s" + a.id for a in first if a.id.endswith("0")} or len(
        {a.story for a in first}
    ) == 3


def test_new_pages_extend_existing_stories() -> None:
    arts, _ = fictional_articles()
    head = [a for a in arts if not a.id.endswith("2")]
    tail = [a for a in arts if a.id.endswith("2")]
    first, state = link_articles(head, None, SETTINGS)
    state = LinkState.from_dict(json.loads(json.dumps(state.to_dict())))
    later, state = link_articles(tail, state, SETTINGS)
    story_of = {a.id: a.story for a in first}
    for a in later:
        assert a.story == story_of[a.id[:-1] + "0"]


def test_shuffled_input_gives_the_same_stories() -> None:
    # Tolerance: every order must agree with the first on at least 90% of same-story pairs.
    arts, _ = fictional_articles()
    reference = None
    for seed in range(5):
        order = list(arts)
        random.Random(seed).shuffle(order)
        state = None
        linked = []
        for a in order:
            out, state = link_articles([a], state, SETTINGS)
            linked.extend(out)
        pairs = same_story_pairs(linked)
        if reference is None:
            reference = pairs
            continue
        agree = len(pairs & reference) / max(1, len(pairs | reference))
        assert agree >= 0.9


def test_the_time_window_keeps_a_late_look_alike_apart() -> None:
    title, text = EVENTS["rates"][0]
    a = make_article("r2023", title, text, "2023-01-05")
    b = make_article("r2024", title + " again", text.replace("third", "fourth"), "2024-01-05")
    linked, _ = link_articles([a, b], None, SETTINGS)
    assert linked[0].story != linked[1].story


def make_words(rng: random.Random, n: int) -> list[str]:
    """Return ``n`` made-up lower-case words."""
    return [
        "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
        for _ in range(n)
    ]


def test_state_stays_bounded_by_the_window() -> None:
    rng = random.Random(0)
    state = None
    for day in range(30):
        when = f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}"
        arts = []
        for i in range(40):
            words = make_words(rng, 25)
            arts.append(
                make_article(f"d{day}-{i}", " ".join(words[:6]), " ".join(words) + ".", when)
            )
        _, state = link_articles(arts, state, SETTINGS)
    assert state is not None
    assert state.stories.docs == 1200
    window = int(SETTINGS.story_window_days) + 1
    assert len(state.stories.member_of) <= 40 * window + 500  # a sweep runs every 500 articles
    assert len(state.dedup.sigs) <= 40 * window + 500
    assert len(state.sketches) <= 40 * window + 500


def test_an_article_between_two_stories_opens_its_own() -> None:
    # Made-up words: 30 topic words both stories use, 20 of each story's own.
    def words(prefix: str, n: int) -> list[str]:
        return [f"{prefix}{i}zq" for i in range(n)]

    topic = words("topic", 30)
    first = Counter(topic[:30] + words("alpha", 20))
    second = Counter(topic[:30] + words("beta", 20))
    between = Counter(topic[:20] + words("alpha", 10) + words("beta", 10))
    alone = StoryIndex()
    assign_story(alone, "a", first, None, 0.6, None)
    assert assign_story(alone, "c", between, None, 0.6, None)[0] == "sa"
    both = StoryIndex()
    assign_story(both, "a", first, None, 0.6, None)
    assign_story(both, "b", second, None, 0.6, None)
    assert assign_story(both, "c", between, None, 0.6, None)[0] == "sc"
