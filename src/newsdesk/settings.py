"""Every threshold and default of newsdesk, in one place, each with a help line.

Stages take a :class:`Settings` argument instead of reading globals, so a bench run can
sweep a value without touching code. ``Settings.help()`` lists them for the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any


def _opt(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    # --- ingest -----------------------------------------------------------------------
    max_file_bytes: int = _opt(200_000_000, "inputs larger than this are refused")
    max_line_chars: int = _opt(1_000_000, "a text line longer than this is not an article line")
    upload_max_bytes: int = _opt(20_000_000, "largest file the web upload accepts")
    commit_files: int = _opt(200, "ingest commits every this many files (each all-or-nothing)")
    commit_seconds: float = _opt(2.0, "... or every this many seconds, whichever comes first")

    # --- clean ------------------------------------------------------------------------
    body_threshold: float = _opt(0.5, "line-classifier probability above which a line is body")
    min_article_words: int = _opt(
        80, "a split segment with fewer words of running text is not an article"
    )

    # --- link -------------------------------------------------------------------------
    shingle_size: int = _opt(3, "words per shingle for near-duplicate detection")
    minhash_perm: int = _opt(128, "MinHash permutations")
    lsh_threshold: float = _opt(0.3, "MinHash LSH candidate threshold")
    duplicate_jaccard: float = _opt(0.8, "verified shingle containment that makes a duplicate")
    story_window_days: float = _opt(
        14.0, "only stories active within this many days are candidates"
    )
    story_threshold: float = _opt(0.25, "TF-IDF cosine to a story centroid that joins the story")
    story_embeddings: bool = _opt(
        True, "embed headline-like articles (MiniLM int8 ONNX) to cluster them into stories"
    )
    derive_sentence_sim: float = _opt(0.5, "sentence-pair similarity that aligns two sentences")
    derive_share: float = _opt(0.5, "share of a rewrite's sentences aligned in order to its source")
    derive_coverage: float = _opt(0.5, "share of the source's sentences a rewrite must retell")
    derive_margin: float = _opt(
        1.25, "a source must align this many times better than any independent story member"
    )

    # --- extract ----------------------------------------------------------------------

    # --- compare ----------------------------------------------------------------------
    claim_similarity: float = _opt(
        0.2, "TF-IDF cosine at which sentences of two origins state one claim"
    )
    slot_similarity: float = _opt(
        0.35, "cosine of clause contexts at which two dates are of one event"
    )
    number_similarity: float = _opt(
        0.5, "cosine of clause contexts at which two numbers of one unit count the same thing"
    )
    dispute_similarity: float = _opt(
        0.3, "sides of a dispute must hold two sentences this close (TF-IDF cosine)"
    )
    number_tolerance: float = _opt(
        0.1, "relative margin of an approximate number ('about 1,200') when values are compared"
    )
    claim_max: int = _opt(60, "most claims kept per story (most-sourced first)")
    quote_overlap: float = _opt(
        0.6, "share of the shorter quote's words that makes two quotes one utterance"
    )
    negation_similarity: float = _opt(
        0.6, "aligned sentences this similar disagree when only one negates"
    )

    # --- brief ------------------------------------------------------------------------
    brief_min_sentences: int = _opt(3, "fewest sentences in a multi-article brief")
    brief_max_sentences: int = _opt(7, "most sentences in a brief")
    brief_max_words: int = _opt(130, "word budget of a brief: selection stops once it is reached")
    brief_concept_origins: int = _opt(
        2, "origins that must use a word or word pair for it to count as coverage"
    )
    brief_title_weight: float = _opt(
        1.0, "extra coverage weight of a word or word pair found in a headline"
    )
    brief_length_power: float = _opt(
        0.5, "sentence gain is divided by its word count to this power"
    )
    brief_truncated_factor: float = _opt(
        1.0, "gain multiplier of a sentence cut off by the scrape ('...')"
    )
    brief_redundancy: float = _opt(
        0.3, "gain is scaled by 1 - this x the highest similarity to a sentence already chosen"
    )
    timeline_max_entries: int = _opt(12, "most timeline entries per story")

    @classmethod
    def help(cls) -> list[tuple[str, Any, str]]:
        """Return (name, default, help) for every setting."""
        return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(cls)]

    def with_changes(self, pairs: Sequence[str]) -> Settings:
        """Return these settings with ``NAME=VALUE`` changes applied (as typed on a CLI).

        Raise ``ValueError`` naming the setting when a name is unknown or a value does not
        fit its type.

        >>> Settings().with_changes(["story_threshold=0.3", "story_embeddings=no"]).story_embeddings
        False
        """
        kinds: dict[str, Any] = {f.name: type(f.default) for f in fields(self)}
        changes: dict[str, Any] = {}
        for pair in pairs:
            name, sep, raw = (part.strip() for part in pair.partition("="))
            if not sep or name not in kinds:
                known = "" if sep else " (write NAME=VALUE)"
                raise ValueError(f"unknown setting {name!r}{known}; see `newsdesk settings`")
            kind = kinds[name]
            if kind is bool:
                if raw.lower() not in _BOOLS:
                    raise ValueError(f"setting {name}: {raw!r} is not true or false")
                changes[name] = _BOOLS[raw.lower()]
                continue
            try:
                changes[name] = kind(raw)
            except ValueError:
                raise ValueError(f"setting {name}: {raw!r} is not a {kind.__name__}") from None
        return replace(self, **changes)


_BOOLS = {"true": True, "yes": True, "on": True, "1": True}
_BOOLS.update({"false": False, "no": False, "off": False, "0": False})

DEFAULT = Settings()
