"""Quotes and speakers: hard cases on text written here and on the real seed story."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract.annotate import annotate_article, canonicalize_story
from newsdesk.extract.quotes import extract_quotes, find_quote_spans
from newsdesk.model import Article, QuoteMention, Source


def _quotes(text: str) -> list[tuple[str, str | None, bool]]:
    return [(text[q.start : q.end], q.speaker, q.direct) for q in extract_quotes(text)]


def _article(text: str, published: str | None = None) -> Article:
    return Article(id="t", source=Source("t.txt", 0, len(text)), text=text, published=published)


def test_split_quote_around_attribution_is_one_mention() -> None:
    text = '"We had a call," he said, "and it was long." Then he left.'
    got = _quotes(text)
    assert got[0] == ('"We had a call," he said, "and it was long."', "he", True)


def test_quote_marks_of_every_kind() -> None:
    for open_, close in [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'")]:
        text = f"{open_}We will keep talking,{close} Mr. Ushakov told reporters."
        assert _quotes(text) == [(f"{open_}We will keep talking,{close}", "Mr. Ushakov", True)]


def test_apostrophes_are_not_quotes() -> None:
    text = "Trump's aides don't say it's the '90s again."
    assert find_quote_spans(text, 0, len(text)) == []


def test_unbalanced_marks_stay_in_their_paragraph() -> None:
    text = (
        'He said "this never ends\n\nA second paragraph says nothing at all.\n\n"Fine," she said.'
    )
    quotes = extract_quotes(text)
    assert all("\n" not in text[q.start : q.end] for q in quotes)
    assert any(text[q.start : q.end] == '"Fine,"' and q.speaker == "she" for q in quotes)


def test_nested_single_quotes_belong_to_the_double_quote() -> None:
    text = "\"He told me 'no deal' twice,\" the senator said."
    assert _quotes(text) == [("\"He told me 'no deal' twice,\"", "the senator", True)]


def test_inverted_attribution_and_standalone_continuation() -> None:
    text = '"The talks failed," said Yuri Ushakov, a Kremlin aide. "We will try again."\n'
    got = extract_quotes(text)
    assert got[0].speaker == "Yuri Ushakov"
    assert text[got[0].cue_start : got[0].cue_end] == "said"
    assert text[got[0].start : got[0].end].endswith('"We will try again."')


def test_reported_speech() -> None:
    text = (
        "Putin told Trump that Russia would not back down from its goals. "
        "The call lasted almost an hour, according to the Kremlin."
    )
    got = _quotes(text)
    assert ("Russia would not back down from its goals", "Putin", False) in got
    assert ("The call lasted almost an hour", "the Kremlin", False) in got


def test_annotate_resolves_pronouns_titles_and_roles() -> None:
    text = (
        "US President Donald Trump spoke with Russian President Vladimir Putin on Thursday.\n"
        '"It was a long call," Mr. Trump told reporters. "We talked about Iran," he added.\n'
        '"Russia will not give up its goals," the Russian president said.\n'
    )
    quotes = annotate_article(_article(text, "2025-07-04")).quotes
    speakers = [q.speaker for q in quotes if q.direct]
    assert speakers == ["Donald Trump", "Donald Trump", "Vladimir Putin"]


def test_garbage_never_crashes() -> None:
    for text in ["", '"', "“”", "'''", '"a" "b" "c', "said said said", "\n\n\n", "“x,” said."]:
        for q in extract_quotes(text):
            assert 0 <= q.start < q.end <= len(text)


_PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "'",
        "‘",
        "’",
        "''",
        ",",
        ".",
        "?",
        " ",
        "\n",
        "\n\n",
        "said",
        "he",
        "Trump",
        "told reporters",
        "according to",
        "the aide",
        "Mr.",
        "U.S.",
        "that",
        "—",
        "(",
        ")",
        ":",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_quotes_stay_inside_text_and_paragraphs(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for q in extract_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        if q.direct:
            assert "\n" not in text[q.start : q.end]
        for a, b in [(q.speaker_start, q.speaker_end), (q.cue_start, q.cue_end)]:
            if a is not None and b is not None:
                assert 0 <= a < b <= len(text)


# --- the seed story ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def story(seeds_dir: Path) -> list[Article]:
    from newsdesk.pipeline import read_articles

    articles = read_articles([seeds_dir])
    annotated = [dataclasses.replace(a, annotations=annotate_article(a)) for a in articles]
    return canonicalize_story(annotated)


def _find(story: list[Article], needle: str) -> tuple[Article, QuoteMention]:
    for a in story:
        assert a.annotations is not None
        for q in a.annotations.quotes:
            if needle in a.text[q.start : q.end]:
                return a, q
    raise AssertionError(f"no quote holds {needle!r}")


def test_seed_offsets_are_inside_each_article(story: list[Article]) -> None:
    for a in story:
        assert a.annotations is not None
        for q in a.annotations.quotes:
            assert 0 <= q.start < q.end <= len(a.text)
            if q.speaker_start is not None and q.speaker_end is not None:
                assert 0 <= q.speaker_start < q.speaker_end <= len(a.text)
        for e in a.annotations.entities:
            assert a.text[e.start : e.end].strip()


def test_seed_he_added(story: list[Article]) -> None:
    a, q = _find(story, "enough for ourselves,'")
    assert q.speaker == "Donald Trump"
    assert q.cue_start is not None and a.text[q.cue_start : q.cue_end] == "added"


def test_seed_quote_in_embedded_post_is_the_presidents(story: list[Article]) -> None:
    a, q = _find(story, 'today at all."')
    assert "CSPAN" in a.text[q.end : q.end + 20]
    assert q.speaker == "Donald Trump"


def test_seed_aide_quoting_his_president(story: list[Article]) -> None:
    _, q = _find(story, "Our president said")
    assert q.speaker == "Yuri Ushakov"
    _, q = _find(story, "will not back down,")
    assert q.speaker == "Yuri Ushakov"


def test_seed_mr_trump_with_and_without_period(story: list[Article]) -> None:
    for needle in [
        "I didn’t make any progress with him at all,”",
        "I didn't make any progress with him at all,\"",
    ]:
        a, q = _find(story, needle)
        assert q.speaker_start is not None
        assert a.text[q.speaker_start : q.speaker_end] in {"Mr. Trump", "Mr Trump", "Trump"}
        assert q.speaker == "Donald Trump"


def test_seed_times_resolve_against_each_articles_publication(story: list[Article]) -> None:
    # annotate_article hands the publication time to extract_times: "Thursday" in an
    # article of Friday 4 July is 3 July; "earlier that day" follows the day named before
    found: dict[str, set[str]] = {}
    for a in story:
        assert a.annotations is not None
        for t in a.annotations.times:
            mention = a.text[t.start : t.end]
            if mention in {"Thursday", "earlier that day"} and (a.published or "").startswith(
                "2025-07-04"
            ):
                found.setdefault(mention, set()).add(t.value)
    assert found["Thursday"] == {"2025-07-03"}
    assert found["earlier that day"] == {"2025-07-04"}


def test_seed_unnamed_role_takes_the_name_another_outlet_gives(story: list[Article]) -> None:
    # one outlet writes only "the Kremlin aide"; others name "Kremlin aide Yuri Ushakov"
    roles = [
        q
        for a in story
        for q in (a.annotations.quotes if a.annotations else ())
        if q.speaker_start is not None
        and a.text[q.speaker_start : q.speaker_end].lower() == "the kremlin aide"
    ]
    assert roles
    assert {q.speaker for q in roles} == {"Yuri Ushakov"}


def test_canonicalize_story_keeps_speakers_and_entities_in_step(story: list[Article]) -> None:
    names = {e.canonical for a in story if a.annotations for e in a.annotations.entities}
    speakers = {q.speaker for a in story if a.annotations for q in a.annotations.quotes if q.direct}
    assert {"Donald Trump", "Vladimir Putin", "Yuri Ushakov"} <= speakers & names
