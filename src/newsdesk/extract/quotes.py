"""Find who said what: direct quotes (any quotation marks) and reported speech, by rule.

Direct quotes are paired quotation marks inside one paragraph (an opening mark left open
runs to the paragraph end, the convention for quotes spanning paragraphs, and never beyond).
A quote is attributed by the cue next to it ("…," he said / said Trump / Trump told
reporters: "…"); a split quote ("…," he said, "…") is one mention; a quote standing alone as
a sentence takes the latest speaker of its paragraph or the paragraph before. Reported
speech is a sentence "X said (that) …", "…, X said", "according to X, …" outside quotes.
Speaker mentions are the words next to the cue (a pronoun, a name or a role); the name is
resolved by :func:`resolve_speakers` against the named mentions before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from newsdesk.extract.attribution import (
    ACCORDING,
    WORD,
    Attribution,
    Span,
    attribute_after,
    attribute_before,
    find_cue,
    fold_case,
    speaker_left,
    speaker_like,
    speaker_right,
    subject_of,
    tokens,
    words_in,
)
from newsdesk.extract.quote_patterns import (
    ADJUNCT_OPENERS,
    AGENT_NOUNS,
    AGENT_SUFFIXES,
    CUE_VERBS,
    INDIRECT_CUES,
    TOLD_OBJECTS,
)
from newsdesk.extract.sentences import split_sentences
from newsdesk.model import QuoteMention

_PARAGRAPH = re.compile(r"[^\n]+")
# Two apostrophes stand for a double mark in some wire copy (''like this'').
_QUOTE_MARK = re.compile(r"''|[\"“”«»‘’']")
_MIN_STANDALONE_WORDS = 4
_MIN_INDIRECT_WORDS = 4


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def find_quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return quoted spans (marks included) in ``text[start:end]``, one paragraph.

    Double marks pair first; single marks count only outside double quotes and when they
    are not apostrophes. An unclosed double quote runs to the paragraph end.

    >>> t = 'He said "yes" and \\'maybe\\' but Trump\\'s "open'
    >>> [t[a:b] for a, b in find_quote_spans(t, 0, len(t))]
    ['"yes"', "'maybe'", '"open']
    """
    spans: list[tuple[int, int]] = []
    open_double: int | None = None
    open_single: int | None = None
    for m in _QUOTE_MARK.finditer(text, start, end):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i > start else " "
        after = text[m.end()] if m.end() < end else " "
        if ch == "''":
            ch = '"'
            if open_double is not None:
                spans.append((open_double, m.end()))
                open_double = None
                continue
        if ch in '"“”«»':
            if open_double is None:
                if ch in "”»":
                    continue  # a stray closing mark opens nothing
                open_double, open_single = i, None
            elif ch in "“«" and (before.isspace() or not (after.isspace() or after in ",.;:")):
                # a new opening mark while one is open: the first was never closed
                spans.append((open_double, i))
                open_double = i
            else:
                spans.append((open_double, i + 1))
                open_double = None
            continue
        if open_double is not None:
            continue  # single marks nested in a double quote belong to it
        if _is_word_char(before) and _is_word_char(after):
            continue  # an apostrophe: don't, Trump's
        if open_single is None:
            if (before.isspace() or before in "([—–-:") and not after.isspace():
                open_single = i
        elif not before.isspace() and not _is_word_char(after):
            if i - open_single > 1:
                spans.append((open_single, i + 1))
            open_single = None
    if open_double is not None:
        spans.append((open_double, end))
    spans.sort()
    return spans


def _sentence_bounds(sentences: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    """Return the sentence holding ``pos`` (binary search: long texts stay linear)."""
    k = bisect.bisect_right(sentences, pos, key=lambda s: s[0]) - 1
    if k >= 0 and sentences[k][0] <= pos < sentences[k][1]:
        return sentences[k]
    return pos, pos


def _next_char(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _mention(
    start: int, end: int, direct: bool, who: Attribution | None, text: str
) -> QuoteMention:
    if who is None:
        return QuoteMention(start, end, direct)
    cue_end = who.cue.end - (text[who.cue.end - 1] == ".")
    s_start, s_end = who.speaker.start, who.speaker.end
    last = text[s_start:s_end].split()[-1]
    if last.endswith(".") and len(last) > 4:
        s_end -= 1  # a sentence's period, not an abbreviation's ("Jr.", "Inc.")
    return QuoteMention(
        start,
        end,
        direct,
        speaker=text[s_start:s_end],
        speaker_start=s_start,
        speaker_end=s_end,
        cue_start=who.cue.start,
        cue_end=cue_end,
    )


def _attribute_after_quote(
    text: str,
    sentences: Sequence[tuple[int, int]],
    q_start: int,
    q_end: int,
    next_start: int,
    p_end: int,
) -> Attribution | None:
    """Return the attribution after a quote, in its sentence or a short next one.

    '"…?" Freddy Ortega said.' puts the cue in the next sentence; '"…." He said that …'
    does not attribute the quote, so a next-sentence cue must end its sentence soon.
    """
    _, s_end = _sentence_bounds(sentences, max(q_start, q_end - 1))
    who = attribute_after(text, q_end, min(next_start, max(s_end, q_end)), True)
    if who is not None or s_end > q_end + 1:
        return who
    _, a_end = _sentence_bounds(sentences, _next_char(text, q_end, p_end))
    if a_end <= s_end:
        return None
    who = attribute_after(text, q_end, min(next_start, a_end), True)
    if who is None:
        return None
    closing = text[q_end - 2 : q_end - 1]
    allowed = 8 if closing in {",", "?", "!", "—", "-"} else 4
    comma = text.find(",", who.cue.end, a_end)
    return who if words_in(text, who.cue.end, comma if comma > 0 else a_end) <= allowed else None


def _lead_in(
    text: str, sentences: Sequence[tuple[int, int]], p_start: int, p_end: int
) -> Attribution | None:
    """Return the attribution a paragraph ending in a colon makes for the next one."""
    body = text[p_start:p_end].rstrip()
    if not body.endswith(":"):
        return None
    colon = p_start + len(body) - 1
    s_start, _ = _sentence_bounds(sentences, colon)
    who = attribute_before(text, max(s_start, p_start), colon + 1)
    if who is not None:
        return who
    subject = subject_of(text, max(s_start, p_start), colon)
    return None if subject is None else Attribution(subject, Span(colon, colon + 1))


def _dangling_cue(
    text: str, sentences: Sequence[tuple[int, int]], s_start: int, p_start: int, prev_end: int
) -> Attribution | None:
    """Return the attribution a paragraph's previous sentence ends on ("…, he said. “…”")."""
    k = bisect.bisect_right(sentences, s_start - 1, key=lambda s: s[0]) - 1
    if k < 0 or sentences[k][1] > s_start or sentences[k][0] < max(p_start, prev_end):
        return None
    a, b = sentences[k]
    toks = [t for t in tokens(text, a, b) if WORD.fullmatch(t[2])]
    if not any(fold_case(t[2]) in CUE_VERBS for t in toks[-6:]):
        return None
    return attribute_before(text, a, b)


def _recent_subject(
    text: str, sentences: Sequence[tuple[int, int]], p_start: int, last_at: int
) -> Attribution | None:
    """Return the speaker a paragraph between the last quote and this one brings in.

    "Carter said that … [new paragraph] “That's because …”": when prose came between,
    the subject of a cue in the paragraph just before speaks, not the earlier speaker.
    """
    k = bisect.bisect_right(sentences, p_start - 1, key=lambda s: s[0]) - 1
    if k < 0 or sentences[k][0] < last_at:
        return None
    a = sentences[k][0]
    line_start = text.rfind("\n", 0, a) + 1
    j = k
    while j > 0 and sentences[j - 1][0] >= max(line_start, last_at):
        j -= 1
    for s_a, s_b in sentences[j : k + 1]:
        cues = find_cue(text, s_a, s_b, CUE_VERBS)
        if cues:
            speaker = speaker_left(text, s_a, cues[0][0])
            if speaker is not None:
                return Attribution(speaker, Span(*cues[0]))
    return None


def extract_direct(text: str, sentences: Sequence[tuple[int, int]]) -> list[QuoteMention]:
    """Return the direct quotes of ``text`` with their attributions."""
    out: list[QuoteMention] = []
    last: Attribution | None = None
    last_at = 0  # where the latest attributed quote ends
    lead_in: Attribution | None = None
    for para in _PARAGRAPH.finditer(text):
        p_start, p_end = para.span()
        spans = find_quote_spans(text, p_start, p_end)
        pending: list[tuple[int, int]] = []  # standalone quotes waiting for a speaker
        i = 0
        # a paragraph ending "She went on to say:" announces the next one's quote
        para_last, lead_in = lead_in, _lead_in(text, sentences, p_start, p_end)
        while i < len(spans):
            q_start, q_end = spans[i]
            s_start, _ = _sentence_bounds(sentences, q_start)
            _, s_end = _sentence_bounds(sentences, max(q_start, q_end - 1))
            prev_end = spans[i - 1][1] if i else p_start
            next_start = spans[i + 1][0] if i + 1 < len(spans) else p_end
            lead = max(prev_end, s_start)
            mid_sentence = words_in(text, lead, q_start) > 0
            who = attribute_before(text, lead, q_start) if mid_sentence else None
            if who is not None and text[q_end - 2 : q_end - 1] == ",":
                # '… said "…," the Florida senator said': the cue after a comma-closed
                # quote names its speaker
                who = attribute_after(text, q_end, min(next_start, max(s_end, q_end)), True) or who
            end = q_end
            if who is None:
                who = _attribute_after_quote(text, sentences, q_start, q_end, next_start, p_end)
                if who is not None:
                    # a split quote: '"…," he said, "…"' continues in the same sentence
                    while i + 1 < len(spans) and spans[i + 1][0] < s_end:
                        gap = text[spans[i][1] : spans[i + 1][0]]
                        if "." in gap.strip(" ,") and not gap.strip().endswith(","):
                            break
                        i += 1
                        end = spans[i][1]
            standalone = (
                who is None
                and not text[max(prev_end, s_start) : q_start].strip()
                and words_in(text, q_start, q_end) >= _MIN_STANDALONE_WORDS
            )
            if who is not None:
                out.append(_mention(q_start, end, True, who, text))
                para_last = last = who
                last_at = q_end
                for a, b in pending:
                    out.append(_mention(a, b, True, who, text))
                pending = []
            elif standalone:
                dangling = _dangling_cue(text, sentences, s_start, p_start, prev_end)
                if dangling is not None:
                    # "Sam Lau … said in a statement. “…”": the cue ends the sentence before
                    out.append(_mention(q_start, end, True, dangling, text))
                    para_last = last = dangling
                elif para_last is not None and out and out[-1].end >= p_start:
                    # a quote continuing the paragraph's attributed quote is one mention
                    out[-1] = replace(out[-1], end=end)
                elif para_last is not None or last is not None:
                    who = para_last or _recent_subject(text, sentences, p_start, last_at) or last
                    out.append(_mention(q_start, end, True, who, text))
                else:
                    pending.append((q_start, end))
            i += 1
        for a, b in pending:
            out.append(_mention(a, b, True, None, text))
    return out


def _inside(spans: Sequence[QuoteMention], a: int, b: int) -> bool:
    """Return whether a quote of ``spans`` (sorted by start) meets ``a:b``."""
    k = bisect.bisect_left(spans, b, key=lambda q: q.start)
    return any(q.end > a for q in spans[max(0, k - 8) : k])


def extract_indirect(
    text: str, sentences: Sequence[tuple[int, int]], direct: Sequence[QuoteMention]
) -> list[QuoteMention]:
    """Return reported speech in sentences without a direct quote."""
    direct = sorted(direct, key=lambda q: q.start)
    out: list[QuoteMention] = []
    for s_start, s_end in sentences:
        if _inside(direct, s_start, s_end):
            continue
        body_end = s_end - 1 if text[s_end - 1] in ".!?" else s_end
        found = _indirect_in(text, s_start, body_end)
        if found is not None:
            out.append(found)
    return out


def _agent_like(text: str, speaker: Span) -> bool:
    """Return whether a speaker phrase names someone who speaks ("the aide", not "the toll")."""
    last = text[speaker.start : speaker.end].split()[-1]
    low = fold_case(last)
    return (
        speaker_like(last)
        or low in AGENT_NOUNS
        or (low.endswith("s") and not low.endswith("ss") and len(low) > 3)  # "advocates"
        or low.endswith(AGENT_SUFFIXES)  # "businessman", "technologist", "commissioner"
    )


def _indirect_in(text: str, lo: int, hi: int) -> QuoteMention | None:
    """Return the reported speech of one sentence, if it has one."""
    m = ACCORDING.search(text, lo, hi)
    if m is not None:
        speaker = speaker_right(text, m.end(), hi)
        if speaker is not None:
            comma = text.find(",", speaker.end, hi)
            if m.start() - lo > 10:  # "…, according to X."
                return _mention(
                    lo, m.start(), False, Attribution(speaker, Span(m.start(), m.end())), text
                )
            if comma > 0 and words_in(text, comma, hi) >= _MIN_INDIRECT_WORDS:
                return _mention(
                    comma + 1, hi, False, Attribution(speaker, Span(m.start(), m.end())), text
                )
    for a, b in find_cue(text, lo, hi, INDIRECT_CUES):
        before = text[lo:a].rstrip()
        comma = before.rfind(",")
        if comma > 0 and words_in(text, lo, lo + comma) >= _MIN_INDIRECT_WORDS:
            # "…, sources said." or "…, said the aide."
            tail_words = words_in(text, lo + comma, a)
            after = tokens(text, b, hi)
            adjunct = bool(after) and fold_case(after[0][2]) in ADJUNCT_OPENERS
            if tail_words <= 6 and (words_in(text, b, hi) <= 3 or adjunct):
                speaker = speaker_left(text, lo + comma + 1, a) or speaker_right(text, b, hi)
                if speaker is not None and _agent_like(text, speaker):
                    return _mention(lo, lo + comma, False, Attribution(speaker, Span(a, b)), text)
        speaker = speaker_left(text, lo, a)
        prior = tokens(text, max(lo, a - 5), a)
        if speaker is None and prior and fold_case(prior[-1][2]) in {"and", "but"}:
            speaker = subject_of(text, lo, a)  # "He also expressed concern … and said …"
        if speaker is None or not _agent_like(text, speaker):
            continue
        start = b
        rest = tokens(text, b, hi)
        that = [k for k, t in enumerate(rest[:7]) if t[2].lower() == "that"]
        if that and all(WORD.fullmatch(t[2]) for t in rest[: that[0]]):
            # "told Trump that …": the content starts after "that"
            start = rest[that[0]][1]
            rest = rest[that[0] + 1 :]
        elif rest and fold_case(rest[0][2]) in TOLD_OBJECTS:
            start = rest[0][1]  # "told reporters …"
            rest = rest[1:]
        if rest and rest[0][2] in {",", ":"}:
            start = rest[0][1]
            rest = rest[1:]
        if words_in(text, start, hi) < _MIN_INDIRECT_WORDS:
            continue
        return _mention(start, hi, False, Attribution(speaker, Span(a, b)), text)
    return None


def _strip(text: str, q: QuoteMention) -> QuoteMention:
    a, b = q.start, q.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in " \t,;:":
        b -= 1
    return replace(q, start=a, end=b)


def extract_quotes(text: str, doc: Any = None) -> list[QuoteMention]:
    """Return the direct and reported quotes of ``text``, in text order.

    ``doc`` (a spaCy Doc of ``text``) is accepted for callers that have one; the rules
    here need only the text. Speakers are the mention's words, not yet canonical names.

    >>> t = '"We had a call," he told reporters. Putin said the talks would go on for weeks.'
    >>> [(t[q.start:q.end], q.speaker, q.direct) for q in extract_quotes(t)]
    [('"We had a call,"', 'he', True), ('the talks would go on for weeks', 'Putin', False)]
    """
    del doc  # reserved: entity spans could sharpen speaker phrases later
    sentences = split_sentences(text)
    direct = extract_direct(text, sentences)
    indirect = extract_indirect(text, sentences, direct)
    quotes = [_strip(text, q) for q in [*direct, *indirect]]
    return sorted((q for q in quotes if q.end > q.start), key=lambda q: (q.start, q.end))
