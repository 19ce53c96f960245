"""Compare: claims, positions, status and quotes on a small fictional story and on the seeds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsdesk.compare.story import compare_story
from newsdesk.extract.annotate import annotate_article, canonicalize_story
from newsdesk.link.origins import group_origins
from newsdesk.model import Article, Claim, Source, Story
from newsdesk.settings import Settings

SETTINGS = Settings()

# A fictional story: three outlets, one copy, one paywalled preview.
# A and B put the vote on Tuesday 4 March; C puts it on Wednesday 5 March and alone names
# the contractor; D rewrites A; E is a partial preview that never mentions the cost.
TEXTS = {
    "a": (
        "Northbay Post",
        "2031-03-05",
        "The Eastbrook city council approved a new flood barrier along the Vell river on Tuesday. "
        "The barrier will cost 12 million euros and protect 4,000 homes, council officials said. "
        'Mayor Lena Ortiz said: "This barrier will keep the river out of our homes for fifty years." '
        "Heavy rain flooded the lower town of Eastbrook twice last winter.",
    ),
    "b": (
        "Valley Courier",
        "2031-03-05",
        "Eastbrook's city council approved the flood barrier on the Vell river on Tuesday, March 4. "
        "The flood barrier along the Vell will cost 12 million euros, officials said. "
        '"This barrier will keep the river out of our homes for fifty years," Mayor Lena Ortiz told reporters. '
        "Opposition councillors had asked for a cheaper earth dyke.",
    ),
    "c": (
        "Riverside Wire",
        "2031-03-06",
        "The city council of Eastbrook approved the flood barrier along the Vell river on Wednesday, March 5. "
        "Construction firm Halvorsen Build won the contract after a tender that lasted three years. "
        'Mayor Lena Ortiz said the barrier would "keep the river out of our homes for fifty years".',
    ),
    "d": (
        "Eastbrook Now",
        "2031-03-05",
        "Eastbrook city council approved a new flood barrier along the Vell river on Tuesday. "
        "The barrier will cost 12 million euros and protect 4,000 homes, officials said. "
        "Heavy rain flooded the lower town of Eastbrook twice last winter, residents recall.",
    ),
    "e": (
        "The Daily Ledger",
        "2031-03-05",
        "The Eastbrook city council approved a flood barrier along the Vell river this week.",
    ),
}


def make_story() -> tuple[Story, list[Article], dict[str, str]]:
    source = Source("fictional.txt", 0, 1)
    articles = [
        Article(
            id=k,
            source=source,
            text=t,
            outlet=o,
            published=p,
            title=f"{o}: Eastbrook barrier approved",
        )
        for k, (o, p, t) in TEXTS.items()
    ]
    articles = [dataclasses.replace(a, derived_from=("a",)) if a.id == "d" else a for a in articles]
    articles = [dataclasses.replace(a, partial=True) if a.id == "e" else a for a in articles]
    origins = group_origins(articles)
    story = Story("s1", "Eastbrook flood barrier", tuple(a.id for a in articles))
    return story, articles, origins


def find_claim(claims: tuple[Claim, ...], words: str) -> Claim:
    hits = [c for c in claims if any(words in cite.quote for p in c.positions for cite in p.cites)]
    assert hits, f"no claim cites {words!r}"
    return hits[0]


def check_cites_verbatim(story: Story, articles: list[Article]) -> int:
    by_id = {a.id: a for a in articles}
    cites = [c for b in story.brief for c in b.cites]
    cites += [c for q in story.quotes for v in q.variants for c in v.cites]
    cites += [c for cl in story.claims for p in cl.positions for c in p.cites]
    cites += [c for e in story.timeline for c in e.cites]
    for c in cites:
        assert c.quote and c.quote in by_id[c.article].text, (c.article, c.quote)
        if c.start is not None:
            assert by_id[c.article].text[c.start : c.end] == c.quote
    return len(cites)


@pytest.fixture(scope="module")
def fictional() -> tuple[Story, list[Article], dict[str, str]]:
    story, articles, origins = make_story()
    return compare_story(story, articles, origins, SETTINGS), articles, origins


def test_other_day_is_disputed_with_both_sides_cited(fictional) -> None:
    story, _, _ = fictional
    claim = find_claim(story.claims, "approved")
    assert claim.status == "disputed" and claim.slot == "date"
    values = {p.value: p for p in claim.positions}
    assert set(values) == {"2031-03-04", "2031-03-05"}
    assert {c.article for c in values["2031-03-04"].cites} >= {"a", "b"}
    assert values["2031-03-04"].origins == 2  # d copies a: counted once
    assert [c.article for c in values["2031-03-05"].cites] == ["c"]


def test_fact_one_outlet_reports_is_single_source(fictional) -> None:
    story, _, _ = fictional
    claim = find_claim(story.claims, "Halvorsen Build")
    assert claim.status == "single-source" and claim.independent_sources == 1


def test_copy_counts_once_with_its_original(fictional) -> None:
    story, _, _ = fictional
    claim = find_claim(story.claims, "lower town")
    assert {c.article for c in claim.positions[0].cites} == {"a", "d"}
    assert claim.status == "single-source" and claim.independent_sources == 1


def test_fact_two_origins_report_is_corroborated(fictional) -> None:
    story, _, _ = fictional
    claim = find_claim(story.claims, "12 million")
    assert claim.status == "corroborated"
    assert claim.independent_sources == 2


def test_partial_article_never_disagrees_by_omission(fictional) -> None:
    story, _, _ = fictional
    for claim in story.claims:
        for position in claim.positions[1:]:
            assert all(c.article != "e" for c in position.cites)


def test_quote_wordings_group_into_one_utterance(fictional) -> None:
    story, articles, _ = fictional
    mayor = [q for q in story.quotes if "fifty years" in q.text]
    assert len(mayor) == 1
    assert {c.article for v in mayor[0].variants for c in v.cites} == {"a", "b", "c"}
    check_cites_verbatim(story, articles)


def test_compare_works_on_annotated_articles() -> None:
    story, articles, origins = make_story()
    annotated = canonicalize_story(
        [dataclasses.replace(a, annotations=annotate_article(a)) for a in articles]
    )
    story = compare_story(story, annotated, origins, SETTINGS)
    mayor = [q for q in story.quotes if "fifty years" in q.text]
    assert len(mayor) == 1 and mayor[0].speaker is not None and "Ortiz" in mayor[0].speaker
    assert find_claim(story.claims, "approved").status == "disputed"
    check_cites_verbatim(story, annotated)


# --- the seeds: the Trump–Putin call of Thursday 3 July 2025 --------------------------


@pytest.fixture(scope="module")
def seed_story(seeds_dir: Path) -> tuple[Story, list[Article]]:
    from newsdesk.link.linker import link_articles
    from newsdesk.pipeline import analyze_story, read_articles

    articles = read_articles(sorted(seeds_dir.glob("*.txt")))
    linked, _ = link_articles(articles, None, SETTINGS)
    story, members = analyze_story("seeds", linked, SETTINGS)
    return story, members


def outlet_of(articles: list[Article], article_id: str) -> str:
    return next(a.outlet or "" for a in articles if a.id == article_id)


def test_seed_call_day_is_disputed_by_one_outlet(seed_story) -> None:
    story, articles = seed_story
    disputed = [c for c in story.claims if c.status == "disputed" and c.slot == "date"]
    assert disputed
    claim = disputed[0]
    values = {p.value: p for p in claim.positions}
    assert set(values) == {"2025-07-03", "2025-07-04"}
    odd = {outlet_of(articles, c.article) for c in values["2025-07-04"].cites}
    assert odd == {"GreenWatch"}
    assert values["2025-07-03"].origins >= 2
    assert claim.independent_sources == values["2025-07-03"].origins


def test_seed_single_and_corroborated_claims(seed_story) -> None:
    story, articles = seed_story
    for claim in story.claims:
        origins = {group_origins(articles)[c.article] for p in claim.positions[:1] for c in p.cites}
        assert claim.independent_sources == len(origins)
        if claim.status == "single-source":
            assert len(origins) == 1
        if claim.status == "corroborated":
            assert len(origins) >= 2
    assert any(c.status == "single-source" for c in story.claims)
    assert any(c.status == "corroborated" for c in story.claims)


def test_seed_quotes_have_the_right_speakers(seed_story) -> None:
    story, articles = seed_story
    progress = [q for q in story.quotes if "make any progress" in q.text]
    assert len(progress) == 1
    quote = progress[0]
    assert quote.speaker == "Donald Trump"
    assert len(quote.variants) >= 3
    assert len({c.article for v in quote.variants for c in v.cites}) >= 6
    aide = [q for q in story.quotes if "not back down" in q.text]
    assert aide and aide[0].speaker == "Yuri Ushakov"
    check_cites_verbatim(story, articles)


# --- mechanisms on small fictional stories ------------------------------------------------


def compare_texts(texts: dict[str, tuple[str, str]]) -> tuple[Story, list[Article]]:
    """Compare articles given as id -> (published, text), each its own origin."""
    source = Source("fictional.txt", 0, 1)
    articles = [
        Article(id=k, source=source, text=t, outlet=f"Outlet {k}", published=p)
        for k, (p, t) in texts.items()
    ]
    story = Story("s", "t", tuple(a.id for a in articles))
    return compare_story(story, articles, {a.id: a.id for a in articles}, SETTINGS), articles


def test_date_of_another_event_in_the_sentence_is_not_a_dispute() -> None:
    story, articles = compare_texts(
        {
            "a": ("2031-05-10", "The ferry Alda hit the pier at Norvik late on Thursday, and "
                  "about 300 litres of diesel had leaked by early Friday, the port said."),
            "b": ("2031-05-10", "About 300 litres of diesel had leaked from the ferry Alda into "
                  "Norvik harbour by early Friday, the port said."),
            "c": ("2031-05-10", "The port said about 300 litres of diesel had leaked from the "
                  "ferry Alda at Norvik harbour by Friday morning."),
        }
    )  # fmt: skip
    assert not [c for c in story.claims if c.status == "disputed"]
    check_cites_verbatim(story, articles)


def test_other_day_for_the_same_event_is_a_dispute_inside_a_longer_sentence() -> None:
    story, _ = compare_texts(
        {
            "a": ("2031-05-10", "The ferry Alda hit the pier at Norvik late on Thursday, the port said."),
            "b": ("2031-05-10", "The ferry Alda struck the pier at Norvik at about 10 p.m. on Thursday."),
            "c": ("2031-05-10", "The ferry Alda struck the Norvik pier late on Wednesday, May 7, "
                  "according to dock workers, and has leaked diesel ever since."),
        }
    )  # fmt: skip
    disputed = [c for c in story.claims if c.status == "disputed"]
    assert len(disputed) == 1 and disputed[0].slot == "date"
    values = {p.value: {c.article for c in p.cites} for p in disputed[0].positions}
    assert values == {"2031-05-08": {"a", "b"}, "2031-05-07": {"c"}}


def test_compatible_numbers_agree() -> None:
    story, _ = compare_texts(
        {
            "a": ("2031-05-10", "About 1,200 tonnes of fuel oil leaked from the tanker Brel near Osk."),
            "b": ("2031-05-10", "More than 1,000 tonnes of fuel oil leaked from the tanker Brel near Osk."),
            "c": ("2031-05-10", "The tanker Brel ran aground about 6 km south of Osk on Monday."),
            "d": ("2031-05-10", "The tanker Brel ran aground about 4 miles south of Osk on Monday."),
        }
    )  # fmt: skip
    assert not [c for c in story.claims if c.status == "disputed"]


def test_different_counts_of_one_thing_are_a_dispute() -> None:
    story, _ = compare_texts(
        {
            "a": ("2031-05-10", "Rescuers took 22 crew members off the tanker Brel near Osk."),
            "b": ("2031-05-10", "Rescuers lifted 22 crew members off the tanker Brel near Osk."),
            "c": ("2031-05-10", "Rescuers took 19 crew members off the tanker Brel near Osk."),
        }
    )  # fmt: skip
    disputed = [c for c in story.claims if c.status == "disputed"]
    assert len(disputed) == 1 and disputed[0].slot == "number"
    values = {p.value: {c.article for c in p.cites} for p in disputed[0].positions}
    assert set(values) == {"22 crew", "19 crew"} and values["19 crew"] == {"c"}


def test_plan_date_is_not_set_against_the_day_it_was_said() -> None:
    story, _ = compare_texts(
        {
            "a": ("2031-05-10", "Mayor Ilse Varga said on Thursday that the Osk bridge would reopen."),
            "b": ("2031-05-10", "Mayor Ilse Varga will reopen the Osk bridge on Friday, she said."),
            "c": ("2031-05-10", "Mayor Ilse Varga said on Thursday the Osk bridge was safe again."),
        }
    )  # fmt: skip
    assert not [c for c in story.claims if c.status == "disputed"]


# --- the sample corpus (samples/README.md): the spill story, through the real pipeline ----


@pytest.fixture(scope="module")
def spill(tmp_path_factory: pytest.TempPathFactory) -> tuple[Story, list[Article]]:
    from newsdesk.pipeline import ingest_files, load_registry
    from newsdesk.store import Store

    samples = Path(__file__).resolve().parents[1] / "samples"
    store = Store(tmp_path_factory.mktemp("samples") / "news.db")
    try:
        registry = load_registry([samples / "outlets.json"])
        report = ingest_files(store, [samples / "corpus"], SETTINGS, registry=registry)
        assert not report.errors, report.errors
        story = max(store.stories(), key=lambda s: len(s.articles))
        articles = store.articles(story=story.id)
    finally:
        store.close()
    assert any(a.outlet == "Dispatchline" for a in articles)  # the spill story
    return story, articles


def outlets_of(articles: list[Article], cites: tuple) -> set[str]:
    return {outlet_of(articles, c.article) for c in cites}


def test_sample_grounding_day_is_disputed_by_dispatchline(spill) -> None:
    story, articles = spill
    disputed = [c for c in story.claims if c.status == "disputed"]
    assert len(disputed) == 1 and disputed[0].slot == "date"
    values = {p.value: p for p in disputed[0].positions}
    assert set(values) == {"2031-03-13", "2031-03-12"}
    assert outlets_of(articles, values["2031-03-12"].cites) == {"Dispatchline"}
    thursday = outlets_of(articles, values["2031-03-13"].cites)
    assert {"The Island Courier", "Harbour Gazette", "SeaWatch", "Averin Today"} <= thursday
    assert values["2031-03-13"].origins >= 8
    assert disputed[0].independent_sources == values["2031-03-13"].origins
    check_cites_verbatim(story, articles)


def test_sample_by_early_friday_is_not_set_against_thursday(spill) -> None:
    story, _ = spill
    leak = find_claim(story.claims, "by early Friday")
    assert leak.status == "corroborated"
    cited = {c.quote for p in leak.positions for c in p.cites}
    assert any("more than 1,000 tonnes" in q for q in cited)  # agrees with "about 1,200"
    for claim in story.claims:
        for position in claim.positions[1:]:
            assert all("by early Friday" not in c.quote for c in position.cites)


def test_sample_copies_count_once_and_partial_never_disputes(spill) -> None:
    story, articles = spill
    crew = find_claim(story.claims, "All 22 crew members were lifted off")
    assert crew.status == "corroborated"
    origins = group_origins(articles)
    assert crew.independent_sources == len({origins[c.article] for c in crew.positions[0].cites})
    assert crew.independent_sources < len(crew.positions[0].cites)  # 8b and 9a retell 8a
    partial = {a.id for a in articles if a.partial}
    assert partial  # the Meridian Post preview
    for claim in story.claims:
        for position in claim.positions:
            assert {c.article for c in position.cites} - partial or len(claim.positions) == 1


def test_sample_single_source_facts(spill) -> None:
    story, articles = spill
    # The sentence also dates the grounding, so the dispute cites it too; its own claim:
    slick = find_claim(tuple(c for c in story.claims if c.slot != "date"), "14 kilometres long")
    assert slick.status == "single-source"
    assert outlets_of(articles, slick.positions[0].cites) == {"Oceanic Review"}


def test_other_events_of_the_same_people_are_not_disputes() -> None:
    story, _ = compare_texts(
        {
            "a": ("2031-05-10", "Mayor Ilse Varga said on Thursday that the Osk bridge was safe again."),
            "b": ("2031-05-10", "Mayor Ilse Varga met the transport minister in Osk on Wednesday."),
            "c": ("2031-05-10", "Mayor Ilse Varga said on Thursday the Osk bridge had passed its inspection."),
        }
    )  # fmt: skip
    assert not [c for c in story.claims if c.status == "disputed"]


def test_date_belongs_to_its_own_clause_without_a_comma() -> None:
    story, _ = compare_texts(
        {
            "a": ("2031-05-10", "Storms flooded the Osk valley on Monday, and the river Brel burst its banks on Tuesday."),
            "b": ("2031-05-10", "The river Brel burst its banks on Wednesday after storms flooded the Osk valley."),
        }
    )  # fmt: skip
    disputed = [c for c in story.claims if c.status == "disputed"]
    assert len(disputed) == 1
    assert {p.value for p in disputed[0].positions} == {"2031-05-06", "2031-05-07"}
