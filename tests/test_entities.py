"""Sentences, entities and canonical names on text written here and on the real seeds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsdesk.extract.annotate import annotate_article, canonicalize_story
from newsdesk.extract.entities import extract_entities
from newsdesk.extract.names import canonical_persons, canonical_places, clean_name
from newsdesk.extract.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_split_sentences_keeps_abbreviations_together() -> None:
    text = "Mr. Putin spoke to Vladimir V. Putin's aide on Feb. 24. She met U.S. officials. It was No. 5."
    assert _sentences(text) == [
        "Mr. Putin spoke to Vladimir V. Putin's aide on Feb. 24.",
        "She met U.S. officials.",
        "It was No. 5.",
    ]


def test_split_sentences_ends_at_abbreviation_before_opener() -> None:
    assert _sentences("He lives in the U.S. The talks went on. He said no. Then he left.") == [
        "He lives in the U.S.",
        "The talks went on.",
        "He said no.",
        "Then he left.",
    ]


def test_split_sentences_handles_quotes() -> None:
    text = '"Is it true?" he asked. He said: "No." Then he left. "It was long," he said.'
    assert _sentences(text) == [
        '"Is it true?" he asked.',
        'He said: "No."',
        "Then he left.",
        '"It was long," he said.',
    ]


def test_split_sentences_never_crosses_paragraphs() -> None:
    text = 'Unbalanced "quote without end\n\nNew paragraph here. Second\nHeadline without period\n'
    spans = split_sentences(text)
    assert _sentences(text) == [
        'Unbalanced "quote without end',
        "New paragraph here.",
        "Second",
        "Headline without period",
    ]
    assert all("\n\n" not in text[a:b] for a, b in spans)


def test_split_sentences_joins_soft_wraps_and_survives_empty() -> None:
    assert _sentences("a line that wraps\nonto the next one.") == [
        "a line that wraps\nonto the next one."
    ]
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


# --- names and entities ------------------------------------------------------------------


def test_clean_name_drops_titles_possessives_and_initials() -> None:
    assert clean_name("Mr. Putin") == "Putin"
    assert clean_name("Mr Trump’s") == "Trump"
    assert clean_name("US President Donald Trump") == "Donald Trump"
    assert clean_name("Vladimir V. Putin") == "Vladimir Putin"


def test_canonical_persons_meet_across_spellings() -> None:
    zelensky = [
        "Volodymyr Zelenskyy",
        "Zelensky",
        "Zelenskiy",
        "Volodymyr Zelenskiy",
        "Volodymyr Zelenskyy",
    ]
    got = canonical_persons(
        [
            *zelensky,
            "Vladimir Putin",
            "Putin",
            "Donald Trump",
            "Melania Trump",
            "Trump",
            "Donald Trump",
        ]
    )
    assert {got["Zelensky"], got["Zelenskiy"], got["Volodymyr Zelenskiy"]} == {
        "Volodymyr Zelenskyy"
    }
    assert got["Putin"] == "Vladimir Putin"
    assert got["Trump"] == "Donald Trump"  # the most mentioned Trump
    assert got["Melania Trump"] == "Melania Trump"


def test_canonical_places_fold_dots_and_aliases() -> None:
    got = canonical_places(["U.S.", "US", "the United States", "Kremlin", "the Kremlin"])
    assert got["U.S."] == got["US"] == got["the United States"] == "United States"
    assert got["the Kremlin"] == "Kremlin"


def test_extract_entities_relabels_a_surname_read_as_organisation() -> None:
    text = "President Donald Trump spoke on Thursday. Trump said the call was long."
    persons = {e.canonical for e in extract_entities(text) if e.label == "PERSON"}
    assert persons == {"Donald Trump"}


@pytest.fixture(scope="module")
def story(seeds_dir: Path) -> list:
    from newsdesk.pipeline import read_articles

    articles = read_articles([seeds_dir])
    return canonicalize_story(
        [dataclasses.replace(a, annotations=annotate_article(a)) for a in articles]
    )


def test_seed_story_has_one_name_per_person(story: list) -> None:
    by_mention: dict[str, set[str]] = {}
    for a in story:
        for e in a.annotations.entities:
            if e.label == "PERSON":
                by_mention.setdefault(a.text[e.start : e.end], set()).add(e.canonical)
    zelensky = set().union(*(v for k, v in by_mention.items() if k.startswith("Zelensk")))
    putin = set().union(*(v for k, v in by_mention.items() if "Putin" in k))
    assert len(zelensky) == 1
    assert putin == {"Vladimir Putin"}
    assert {"Zelenskyy", "Zelensky", "Zelenskiy"} <= {
        k.split()[-1] for k in by_mention if "elensk" in k
    }
