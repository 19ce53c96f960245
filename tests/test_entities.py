"""Sentences, entities and canonical names on text written here and on the real seeds."""

from __future__ import annotations

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
