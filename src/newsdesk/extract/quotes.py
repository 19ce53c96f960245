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

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsdesk.extract.quote_patterns import (
    CUE_ADVERBS,
    CUE_GAP_WORDS,
    CUE_VERBS,
    DETERMINERS,
    INDIRECT_CUES,
    INVERTED_LOWER,
    LEADING_CONJUNCTIONS,
    LEADING_PREPOSITIONS,
    NOT_SPEAKER,
    NOUN_LIKE_CUES,
    PRONOUNS,
    SPEAKER_STOPS,
    TIME_WORDS,
)
from newsdesk.extract.sentences import split_sentences
from newsdesk.model import QuoteMention

_PARAGRAPH = re.compile(r"[^\n]+")
# Two apostrophes stand for a double mark in some wire copy (''like this'').
_QUOTE_MARK = re.compile(r"''|[\"“”«»‘’']")
_TOKEN = re.compile(r"\w+(?:[’'&.-]\w+)*(?:(?<=s)[’'](?!\w)|\.)?|[^\w\s]")
_WORD = re.compile(r"\w+(?:[’'&.-]\w+)*(?:(?<=s)[’'](?!\w)|\.)?")
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_MIN_STANDALONE_WORDS = 4
_MIN_INDIRECT_WORDS = 4


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


@dataclass(frozen=True)
class _Attribution:
    speaker: _Span
    cue: _Span


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


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return (start, end, word) tokens; a final period stays on the word ("Mr.")."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _low(word: str) -> str:
    return word.lower().rstrip(".")


def _walk_left(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return the tokens of the phrase ending ``toks``, nearest first, up to a boundary."""
    picked: list[tuple[int, int, str]] = []
    for tok in reversed(toks):
        word = tok[2]
        low = _low(word)
        if not _WORD.fullmatch(word) or low in SPEAKER_STOPS or len(picked) >= 7:
            break
        picked.append(tok)
        if low in PRONOUNS:
            break
    while picked and _low(picked[0][2]) in NOT_SPEAKER:
        picked.pop(0)
    return picked


def _speaker_left(text: str, lo: int, cue_start: int) -> _Span | None:
    """Return the speaker phrase ending just before a cue, walking left to a boundary.

    Adverbs and times between speaker and cue are skipped ("Trump, however, on Monday
    said"), and so is an aside between commas ("Pence, who is running again, said").
    """
    toks = _drop_brackets(_tokens(text, lo, cue_start))
    skip = CUE_ADVERBS | TIME_WORDS | CUE_GAP_WORDS
    while toks and _low(toks[-1][2]) in skip:
        toks.pop()
    if len(toks) > 1 and toks[-1][2] == ",":
        toks.pop()
        commas = [k for k, t in enumerate(toks) if t[2] == ","]
        if commas and len(toks) - commas[-1] <= 12:
            head = toks[: commas[-1]]
            while head and _low(head[-1][2]) in CUE_ADVERBS:
                head.pop()
            picked = _walk_left(head)
            if picked and any(_speaker_like(t[2]) for t in picked):
                return _Span(picked[-1][0], picked[0][1])
    picked = _walk_left(toks)
    if not picked:
        return None
    return _Span(picked[-1][0], picked[0][1])


def _speaker_right(text: str, cue_end: int, hi: int) -> _Span | None:
    """Return the speaker phrase after an inverted cue ("said Trump", "said the aide")."""
    picked: list[tuple[int, int, str]] = []
    for tok in _tokens(text, cue_end, hi):
        word = tok[2]
        low = _low(word)
        if word in "/-" and picked:
            continue  # "9/11 widow Terry Strada"
        if not _WORD.fullmatch(word) or len(picked) >= 8:
            break
        if picked and low in SPEAKER_STOPS and low not in {"of", "for"}:
            break
        if not picked and low in SPEAKER_STOPS:
            return None
        picked.append(tok)
        if low in PRONOUNS:
            break
    while picked and picked[-1][2].lower().rstrip(".") in NOT_SPEAKER:
        picked.pop()
    if not picked or not any(_speaker_like(w) for _, _, w in picked):
        return None
    return _Span(picked[0][0], picked[-1][1])


def _speaker_like(word: str) -> bool:
    """Return whether ``word`` can name a speaker: a name, a pronoun or a role word."""
    low = _low(word)
    return word[:1].isupper() or word[:1].isdigit() or low in INVERTED_LOWER or low in PRONOUNS


def _find_cue(text: str, lo: int, hi: int, cues: frozenset[str]) -> list[tuple[int, int]]:
    """Return cue words in ``text[lo:hi]``: lower case, not a noun-like base form."""
    return [
        (a, b)
        for a, b, w in _tokens(text, lo, hi)
        if _low(w) in cues and w[:1].islower() and _low(w) not in NOUN_LIKE_CUES
    ]


def _looks_like_cue(word: str, open_ended: bool) -> bool:
    """Return whether ``word`` reads as a reporting verb ("said", or "retorted" after ',”')."""
    low = _low(word)
    if low in CUE_VERBS:
        return True
    return open_ended and word.islower() and (low.endswith("ed") or low.endswith("s"))


def _subject_of(text: str, lo: int, hi: int) -> _Span | None:
    """Return the subject phrase opening a clause, after a leading "In May, " phrase."""
    toks = _drop_brackets(_tokens(text, lo, hi))
    while toks and _low(toks[0][2]) in LEADING_CONJUNCTIONS:
        toks = toks[1:]
    if toks and _low(toks[0][2]) in LEADING_PREPOSITIONS:
        commas = [k for k, t in enumerate(toks) if t[2] == ","]
        if not commas:
            return None
        toks = toks[commas[0] + 1 :]
    picked: list[tuple[int, int, str]] = []
    for tok in toks:
        word = tok[2]
        if not _WORD.fullmatch(word) or len(picked) >= 8:
            break
        if not (_speaker_like(word) or _low(word) in DETERMINERS):
            break
        picked.append(tok)
        if _low(word) in PRONOUNS:
            break
    while picked and _low(picked[-1][2]) in NOT_SPEAKER:
        picked.pop()
    if not picked:
        return None
    return _Span(picked[0][0], picked[-1][1])


def _drop_brackets(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return ``toks`` without bracketed asides ("Rep. Gwen Moore (D-Wis.) said")."""
    out: list[tuple[int, int, str]] = []
    depth = 0
    for tok in toks:
        if tok[2] in "([":
            depth += 1
        elif tok[2] in ")]" and depth:
            depth -= 1
        elif not depth:
            out.append(tok)
    return out


def _drop_asides(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return ``toks`` without asides between commas after the first word.

    '"…," Cruz, who has proposed repealing it, said' reads as 'Cruz said'.
    """
    commas = [k for k, t in enumerate(toks) if t[2] == ","]
    for first, second in itertools.pairwise(commas):
        if first >= 1 and second - first <= 15:
            return toks[:first] + toks[second + 1 :]
    return toks


def _attribute_after(text: str, lo: int, hi: int, open_ended: bool) -> _Attribution | None:
    """Return the attribution right after a quote: ', he said' or ', said Trump'.

    ``open_ended`` says the quote closed on a comma, "?" or "!", so a verb follows.
    """
    words = [t for t in _drop_asides(_drop_brackets(_tokens(text, lo, hi))) if t[2] != ","]
    if not words or not _WORD.fullmatch(words[0][2]):
        return None
    first = words[0]
    if _low(first[2]) in CUE_VERBS:
        speaker = _speaker_right(text, first[1], hi)
        return None if speaker is None else _Attribution(speaker, _Span(first[0], first[1]))
    if not (_speaker_like(first[2]) or _low(first[2]) in DETERMINERS):
        return None
    for k, (a, b, w) in enumerate(words[:10]):
        if not _WORD.fullmatch(w):
            return None
        if k and _looks_like_cue(w, open_ended):
            speaker = _speaker_left(text, lo, a)
            return None if speaker is None else _Attribution(speaker, _Span(a, b))
        if _low(w) in SPEAKER_STOPS and _low(w) not in {"of", "for", "at", "from"}:
            return None
    return None


def _attribute_before(text: str, lo: int, hi: int) -> _Attribution | None:
    """Return the attribution before a quote in its sentence: 'Trump told reporters: "…'."""
    cues = _find_cue(text, lo, hi, CUE_VERBS)
    for a, b in reversed(cues):
        if text[a:b].lower().endswith("ing"):
            # "…, saying, “…”": the speaker is the subject of the clause
            speaker = _subject_of(text, lo, a)
        else:
            speaker = _speaker_left(text, lo, a)
        if speaker is not None:
            return _Attribution(speaker, _Span(a, b))
    gap = text[lo:hi].rstrip()
    if gap.endswith(":"):
        # "President Trump on call with Putin: “…”", a transcript or a post's lead-in
        speaker = _subject_of(text, lo, lo + len(gap) - 1)
        if speaker is not None:
            colon = lo + len(gap) - 1
            return _Attribution(speaker, _Span(colon, colon + 1))
    found = list(_ACCORDING.finditer(text, lo, hi))
    if found:
        m = found[-1]
        speaker = _speaker_right(text, m.end(), hi)
        if speaker is not None:
            return _Attribution(speaker, _Span(m.start(), m.end()))
    return None


def _sentence_bounds(sentences: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in sentences:
        if a <= pos < b:
            return a, b
    return pos, pos


def _next_char(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _mention(
    start: int, end: int, direct: bool, who: _Attribution | None, text: str
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


def _words_in(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b))


def _attribute_after_quote(
    text: str,
    sentences: Sequence[tuple[int, int]],
    q_start: int,
    q_end: int,
    next_start: int,
    p_end: int,
) -> _Attribution | None:
    """Return the attribution after a quote, in its sentence or a short next one.

    '"…?" Freddy Ortega said.' puts the cue in the next sentence; '"…." He said that …'
    does not attribute the quote, so a next-sentence cue must end its sentence soon.
    """
    _, s_end = _sentence_bounds(sentences, max(q_start, q_end - 1))
    who = _attribute_after(text, q_end, min(next_start, max(s_end, q_end)), True)
    if who is not None or s_end > q_end + 1:
        return who
    _, a_end = _sentence_bounds(sentences, _next_char(text, q_end, p_end))
    if a_end <= s_end:
        return None
    who = _attribute_after(text, q_end, min(next_start, a_end), True)
    if who is None:
        return None
    closing = text[q_end - 2 : q_end - 1]
    allowed = 8 if closing in {",", "?", "!", "—", "-"} else 4
    comma = text.find(",", who.cue.end, a_end)
    return who if _words_in(text, who.cue.end, comma if comma > 0 else a_end) <= allowed else None


def _lead_in(
    text: str, sentences: Sequence[tuple[int, int]], p_start: int, p_end: int
) -> _Attribution | None:
    """Return the attribution a paragraph ending in a colon makes for the next one."""
    body = text[p_start:p_end].rstrip()
    if not body.endswith(":"):
        return None
    colon = p_start + len(body) - 1
    s_start, _ = _sentence_bounds(sentences, colon)
    who = _attribute_before(text, max(s_start, p_start), colon + 1)
    if who is not None:
        return who
    subject = _subject_of(text, max(s_start, p_start), colon)
    return None if subject is None else _Attribution(subject, _Span(colon, colon + 1))


def extract_direct(text: str, sentences: Sequence[tuple[int, int]]) -> list[QuoteMention]:
    """Return the direct quotes of ``text`` with their attributions."""
    out: list[QuoteMention] = []
    last: _Attribution | None = None
    lead_in: _Attribution | None = None
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
            mid_sentence = _words_in(text, lead, q_start) > 0
            who = _attribute_before(text, lead, q_start) if mid_sentence else None
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
                and _words_in(text, q_start, q_end) >= _MIN_STANDALONE_WORDS
            )
            if who is not None:
                out.append(_mention(q_start, end, True, who, text))
                para_last = last = who
                for a, b in pending:
                    out.append(_mention(a, b, True, who, text))
                pending = []
            elif standalone:
                if para_last is not None and out and out[-1].end >= p_start:
                    # a quote continuing the paragraph's attributed quote is one mention
                    out[-1] = replace(out[-1], end=end)
                elif para_last is not None or last is not None:
                    out.append(_mention(q_start, end, True, para_last or last, text))
                else:
                    pending.append((q_start, end))
            i += 1
        for a, b in pending:
            out.append(_mention(a, b, True, None, text))
    return out


def _inside(spans: Sequence[QuoteMention], a: int, b: int) -> bool:
    return any(q.start < b and a < q.end for q in spans)


def extract_indirect(
    text: str, sentences: Sequence[tuple[int, int]], direct: Sequence[QuoteMention]
) -> list[QuoteMention]:
    """Return reported speech in sentences without a direct quote."""
    out: list[QuoteMention] = []
    for s_start, s_end in sentences:
        if _inside(direct, s_start, s_end):
            continue
        body_end = s_end - 1 if text[s_end - 1] in ".!?" else s_end
        found = _indirect_in(text, s_start, body_end)
        if found is not None:
            out.append(found)
    return out


def _indirect_in(text: str, lo: int, hi: int) -> QuoteMention | None:
    """Return the reported speech of one sentence, if it has one."""
    m = _ACCORDING.search(text, lo, hi)
    if m is not None:
        speaker = _speaker_right(text, m.end(), hi)
        if speaker is not None:
            comma = text.find(",", speaker.end, hi)
            if m.start() - lo > 10:  # "…, according to X."
                return _mention(
                    lo, m.start(), False, _Attribution(speaker, _Span(m.start(), m.end())), text
                )
            if comma > 0 and _words_in(text, comma, hi) >= _MIN_INDIRECT_WORDS:
                return _mention(
                    comma + 1, hi, False, _Attribution(speaker, _Span(m.start(), m.end())), text
                )
    for a, b in _find_cue(text, lo, hi, INDIRECT_CUES):
        before = text[lo:a].rstrip()
        comma = before.rfind(",")
        if comma > 0 and _words_in(text, lo, lo + comma) >= _MIN_INDIRECT_WORDS:
            # "…, sources said." or "…, said the aide."
            tail_words = _words_in(text, lo + comma, a)
            if tail_words <= 6 and _words_in(text, b, hi) <= 6:
                speaker = _speaker_left(text, lo + comma + 1, a) or _speaker_right(text, b, hi)
                if speaker is not None:
                    return _mention(lo, lo + comma, False, _Attribution(speaker, _Span(a, b)), text)
        speaker = _speaker_left(text, lo, a)
        if speaker is None:
            continue
        start = b
        rest = _tokens(text, b, hi)
        that = [k for k, t in enumerate(rest[:7]) if t[2].lower() == "that"]
        if that and all(_WORD.fullmatch(t[2]) for t in rest[: that[0]]):
            # "told Trump that …": the content starts after "that"
            start = rest[that[0]][1]
            rest = rest[that[0] + 1 :]
        if rest and rest[0][2].lower().rstrip(".") in {
            "reporters",
            "journalists",
            "me",
            "us",
            "him",
            "her",
            "them",
        }:
            start = rest[0][1]
            rest = rest[1:]
        if rest and rest[0][2] in {",", ":"}:
            start = rest[0][1]
            rest = rest[1:]
        if _words_in(text, start, hi) < _MIN_INDIRECT_WORDS:
            continue
        return _mention(start, hi, False, _Attribution(speaker, _Span(a, b)), text)
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
