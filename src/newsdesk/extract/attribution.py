"""Read the words around a quote: cue verbs and the speaker phrase next to them, by rule.

Text is read as word tokens with offsets. A speaker phrase is walked left from a cue to
a boundary (punctuation, a function word), skipping adverbs, times and asides between
commas ("Pence, who is running again, said"), or read right after an inverted cue
("said the Kremlin aide"); a participle cue ("…, saying") takes the clause's subject.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from newsdesk.extract.quote_patterns import (
    CUE_ADVERBS,
    CUE_GAP_WORDS,
    CUE_VERBS,
    DETERMINERS,
    INVERTED_LOWER,
    LEADING_CONJUNCTIONS,
    LEADING_PREPOSITIONS,
    NOT_SPEAKER,
    NOUN_LIKE_CUES,
    PRONOUNS,
    SPEAKER_STOPS,
    TIME_WORDS,
)

TOKEN = re.compile(r"\w+(?:[’'&.-]\w+)*(?:(?<=s)[’'](?!\w)|\.)?|[^\w\s]")
WORD = re.compile(r"\w+(?:[’'&.-]\w+)*(?:(?<=s)[’'](?!\w)|\.)?")
ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_ASIDE_TOKENS = 17  # longest aside between commas skipped ("X, speaking on condition …, said")


@dataclass(frozen=True)
class Span:
    """A character span of the text."""

    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    """Who said it (the speaker phrase) and the cue that says so."""

    speaker: Span
    cue: Span


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return (start, end, word) tokens; a final period stays on the word ("Mr.")."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def fold_case(word: str) -> str:
    """Return ``word`` in lower case without a final period, as the word lists hold it."""
    return word.lower().rstrip(".")


def walk_left(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return the tokens of the phrase ending ``toks``, nearest first, up to a boundary."""
    picked: list[tuple[int, int, str]] = []
    for tok in reversed(toks):
        word = tok[2]
        low = fold_case(word)
        if not WORD.fullmatch(word) or low in SPEAKER_STOPS or len(picked) >= 7:
            break
        picked.append(tok)
        if low in PRONOUNS:
            break
    while picked and fold_case(picked[0][2]) in NOT_SPEAKER:
        picked.pop(0)
    return picked


def _is_adverb(word: str) -> bool:
    """Return whether ``word`` reads as an adverb ("openly", "strongly")."""
    return word.islower() and word.endswith("ly") and len(word) > 4


def speaker_left(text: str, lo: int, cue_start: int) -> Span | None:
    """Return the speaker phrase ending just before a cue, walking left to a boundary.

    Adverbs and times between speaker and cue are skipped ("Trump, however, on Monday
    said"), and so is an aside between commas ("Pence, who is running again, said").
    """
    toks = drop_brackets(tokens(text, lo, cue_start))
    skip = CUE_ADVERBS | TIME_WORDS | CUE_GAP_WORDS
    while toks and (fold_case(toks[-1][2]) in skip or _is_adverb(toks[-1][2])):
        toks.pop()
    if len(toks) > 1 and toks[-1][2] == ",":
        toks.pop()
        commas = [k for k, t in enumerate(toks) if t[2] == ","]
        if commas and len(toks) - commas[-1] <= _ASIDE_TOKENS:
            head = toks[: commas[-1]]
            while head and fold_case(head[-1][2]) in CUE_ADVERBS:
                head.pop()
            picked = walk_left(head)
            if picked and any(speaker_like(t[2]) for t in picked):
                return Span(picked[-1][0], picked[0][1])
    picked = walk_left(toks)
    if not picked:
        return None
    return Span(picked[-1][0], picked[0][1])


def speaker_right(text: str, cue_end: int, hi: int) -> Span | None:
    """Return the speaker phrase after an inverted cue ("said Trump", "said the aide")."""
    picked: list[tuple[int, int, str]] = []
    for tok in tokens(text, cue_end, hi):
        word = tok[2]
        low = fold_case(word)
        if word in "/-" and picked:
            continue  # "9/11 widow Terry Strada"
        if not WORD.fullmatch(word) or len(picked) >= 8:
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
    if not picked or not any(speaker_like(w) for _, _, w in picked):
        return None
    return Span(picked[0][0], picked[-1][1])


def speaker_like(word: str) -> bool:
    """Return whether ``word`` can name a speaker: a name, a pronoun or a role word."""
    low = fold_case(word)
    return word[:1].isupper() or word[:1].isdigit() or low in INVERTED_LOWER or low in PRONOUNS


def find_cue(text: str, lo: int, hi: int, cues: frozenset[str]) -> list[tuple[int, int]]:
    """Return cue words in ``text[lo:hi]``: lower case, not a noun-like base form."""
    return [
        (a, b)
        for a, b, w in tokens(text, lo, hi)
        if fold_case(w) in cues and w[:1].islower() and fold_case(w) not in NOUN_LIKE_CUES
    ]


def looks_like_cue(word: str, open_ended: bool) -> bool:
    """Return whether ``word`` reads as a reporting verb ("said", or "retorted" after ',”')."""
    low = fold_case(word)
    if low in CUE_VERBS:
        return True
    return open_ended and word.islower() and (low.endswith("ed") or low.endswith("s"))


def subject_of(text: str, lo: int, hi: int) -> Span | None:
    """Return the subject phrase opening a clause, after a leading "In May, " phrase."""
    toks = drop_brackets(tokens(text, lo, hi))
    while toks and fold_case(toks[0][2]) in LEADING_CONJUNCTIONS:
        toks = toks[1:]
    if toks and fold_case(toks[0][2]) in LEADING_PREPOSITIONS:
        commas = [k for k, t in enumerate(toks) if t[2] == ","]
        if not commas:
            return None
        toks = toks[commas[0] + 1 :]
    picked: list[tuple[int, int, str]] = []
    for tok in toks:
        word = tok[2]
        if not WORD.fullmatch(word) or len(picked) >= 8:
            break
        if not (speaker_like(word) or fold_case(word) in DETERMINERS):
            break
        picked.append(tok)
        if fold_case(word) in PRONOUNS:
            break
    while picked and fold_case(picked[-1][2]) in NOT_SPEAKER:
        picked.pop()
    if not picked:
        return None
    return Span(picked[0][0], picked[-1][1])


def drop_brackets(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
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


def drop_asides(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return ``toks`` without asides between commas after the first word.

    '"…," Cruz, who has proposed repealing it, said' reads as 'Cruz said'.
    """
    commas = [k for k, t in enumerate(toks) if t[2] == ","]
    for first, second in itertools.pairwise(commas):
        if first >= 1 and second - first <= 15:
            return toks[:first] + toks[second + 1 :]
    return toks


def attribute_after(text: str, lo: int, hi: int, open_ended: bool) -> Attribution | None:
    """Return the attribution right after a quote: ', he said' or ', said Trump'.

    ``open_ended`` says the quote closed on a comma, "?" or "!", so a verb follows.
    """
    words = [t for t in drop_asides(drop_brackets(tokens(text, lo, hi))) if t[2] != ","]
    if not words or not WORD.fullmatch(words[0][2]):
        return None
    first = words[0]
    if fold_case(first[2]) == "according" and len(words) > 1 and fold_case(words[1][2]) == "to":
        speaker = speaker_right(text, words[1][1], hi)  # '"…" according to CNN.'
        return None if speaker is None else Attribution(speaker, Span(first[0], words[1][1]))
    if fold_case(first[2]) in CUE_VERBS:
        speaker = speaker_right(text, first[1], hi)
        return None if speaker is None else Attribution(speaker, Span(first[0], first[1]))
    if not (speaker_like(first[2]) or fold_case(first[2]) in DETERMINERS):
        return None
    for k, (a, b, w) in enumerate(words[:10]):
        if not WORD.fullmatch(w):
            return None
        if k and looks_like_cue(w, open_ended):
            speaker = speaker_left(text, lo, a)
            return None if speaker is None else Attribution(speaker, Span(a, b))
        if fold_case(w) in SPEAKER_STOPS and fold_case(w) not in {"of", "for", "at", "from"}:
            return None
    return None


def _attribute_by_verb(text: str, lo: int, hi: int) -> Attribution | None:
    """Return an attribution by any verb-like word whose subject names someone.

    A mixed quote is often introduced by a verb no list holds ("McCain dismissed it as
    a “Chinese menu”"); a past-tense or present-tense word after a name stands in.
    """
    for a, b, w in reversed(tokens(text, lo, hi)):
        low = fold_case(w)
        if not w.islower() or len(low) < 5 or low in SPEAKER_STOPS or low in NOUN_LIKE_CUES:
            continue
        if not (low.endswith("ed") or low.endswith("es") or low.endswith("ing")):
            continue
        speaker = speaker_left(text, lo, a)
        if speaker is not None and any(
            speaker_like(t[2]) and not t[2][:1].isdigit()
            for t in tokens(text, speaker.start, speaker.end)
        ):
            return Attribution(speaker, Span(a, b))
        return None
    return None


def attribute_before(text: str, lo: int, hi: int) -> Attribution | None:
    """Return the attribution before a quote in its sentence: 'Trump told reporters: "…'."""
    cues = find_cue(text, lo, hi, CUE_VERBS)
    for k in range(len(cues) - 1, -1, -1):
        a, b = cues[k]
        speaker = None
        if text[a:b].lower().endswith("ing"):
            # "Nefzi said, adding, “…”": the finite cue's speaker, else the clause subject
            earlier = [c for c in cues[:k] if not text[c[0] : c[1]].lower().endswith("ing")]
            if earlier:
                speaker = speaker_left(text, lo, earlier[-1][0])
            speaker = speaker or subject_of(text, lo, a)
        else:
            speaker = speaker_left(text, lo, a)
        if speaker is not None:
            return Attribution(speaker, Span(a, b))
    fallback = _attribute_by_verb(text, lo, hi)
    if fallback is not None:
        return fallback
    gap = text[lo:hi].rstrip()
    if gap.endswith(":"):
        # "President Trump on call with Putin: “…”", a transcript or a post's lead-in
        speaker = subject_of(text, lo, lo + len(gap) - 1)
        if speaker is not None:
            colon = lo + len(gap) - 1
            return Attribution(speaker, Span(colon, colon + 1))
    found = list(ACCORDING.finditer(text, lo, hi))
    if found:
        m = found[-1]
        speaker = speaker_right(text, m.end(), hi)
        if speaker is not None:
            return Attribution(speaker, Span(m.start(), m.end()))
    return None


def words_in(text: str, a: int, b: int) -> int:
    """Return the number of words in ``text[a:b]``."""
    return len(WORD.findall(text, a, b))
