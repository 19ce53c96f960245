"""Split article text into sentences, as character spans, by rule (fast, no model).

A line break always ends a sentence, except a soft wrap (a line that does not end in
terminal punctuation followed by a line starting in lower case): scraped articles put one
paragraph per line, and headlines or captions carry no final period. Inside a paragraph a
sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes or brackets) before
whitespace and a word that does not start in lower case, unless the period belongs to an
abbreviation ("Mr.", "Feb. 24", "Vladimir V. Putin"; "U.S." only before a usual opener).
"""

from __future__ import annotations

import re

from newsdesk.extract.quote_patterns import (
    AMBIGUOUS_ABBREVIATIONS,
    NON_FINAL_ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_OPENERS,
)

_LINE = re.compile(r"[^\n]+")
_TERMINAL_END = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")
# A candidate boundary: terminal punctuation, closing quotes/brackets, then whitespace.
_CANDIDATE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=\S)")
_WORD_BEFORE = re.compile(r"([\w.&'-]+)$")
_WORD_AFTER = re.compile(r"[\"'“‘«(\[]*([\w'’-]+)")


def _split_lines(text: str) -> list[tuple[int, int]]:
    """Return paragraph spans: one per line, soft-wrapped lines joined."""
    blocks: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        start, end = m.span()
        line = m.group()
        if not line.strip():
            continue
        if blocks:
            prev_start, prev_end = blocks[-1]
            gap = text[prev_end:start]
            prev = text[prev_start:prev_end]
            stripped = line.lstrip()
            if gap.count("\n") == 1 and stripped[:1].islower() and not _TERMINAL_END.search(prev):
                blocks[-1] = (prev_start, end)
                continue
        blocks.append((start, end))
    return blocks


def _is_boundary(block: str, m: re.Match[str]) -> bool:
    """Return whether the candidate ``m`` inside ``block`` really ends a sentence."""
    after = block[m.end() :]
    first = after[:1]
    if first.islower():
        return False
    if m.group(1) != ".":
        return True
    before = _WORD_BEFORE.search(block, 0, m.start())
    if before is None:
        return True
    word = before.group(1).lower().rstrip(".")
    if m.group(2):
        # A closing quote after the period ends the sentence whatever the word was.
        return True
    if word in NON_FINAL_ABBREVIATIONS:
        return False
    if word in NUMBER_ABBREVIATIONS and first.isdigit():
        return False
    if len(word) == 1 and word.isalpha() and before.group(1).isupper():
        return False  # an initial: "Vladimir V. Putin"
    if word in AMBIGUOUS_ABBREVIATIONS or ("." in word and len(word) <= 6):
        nxt = _WORD_AFTER.match(after)
        return nxt is not None and nxt.group(1).lower() in SENTENCE_OPENERS
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the character spans of the sentences of ``text``, in order.

    Spans never cross a line break between paragraphs and carry no outer whitespace.

    >>> t = 'Mr. Putin spoke on Feb. 24. "It was long," he said. "We talked."\\nNext line'
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Mr. Putin spoke on Feb. 24.', '"It was long," he said.', '"We talked."', 'Next line']
    """
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _split_lines(text):
        block = text[block_start:block_end]
        start = 0
        for m in _CANDIDATE.finditer(block):
            if _is_boundary(block, m):
                cut = m.end(2)
                a, b = _trim(text, block_start + start, block_start + cut)
                if a < b:
                    spans.append((a, b))
                start = m.end()
        a, b = _trim(text, block_start + start, block_end)
        if a < b:
            spans.append((a, b))
    return spans
