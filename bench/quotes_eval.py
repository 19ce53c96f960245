"""Score quote extraction on PolNeAR (bench README section 4): detection, speaker, end-to-end.

Run from the repo root: ``.venv/bin/python -m bench.quotes_eval [--split dev|train] [--limit N]``.
Gold per article is the first line of each article id. Content spans are character sets
(union of fragments); each prediction in order takes the unused gold with the highest share
(overlap / smaller size), matched if the share is at least 0.5 (1:1, greedy). The speaker is
right when the predicted speaker span meets the gold source. End-to-end hits are matched
pairs with the right speaker.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import DATA, PRF, read_jsonl, write_results
from newsdesk.extract.quotes import extract_quotes
from newsdesk.model import QuoteMention


@dataclass
class Track:
    """Counters of one track (direct or all)."""

    detection: PRF = field(default_factory=PRF)
    end_to_end: PRF = field(default_factory=PRF)
    speaker_right: int = 0
    speaker_judged: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "detection": self.detection.as_dict(),
            "end_to_end": self.end_to_end.as_dict(),
            "speaker_accuracy": round(self.speaker_right / self.speaker_judged, 4)
            if self.speaker_judged
            else 0.0,
            "speaker_judged": self.speaker_judged,
            "gold": int(self.detection.tp + self.detection.fn),
            "predicted": int(self.detection.tp + self.detection.fp),
        }


def chars_of(fragments: list[dict[str, Any]]) -> set[int]:
    """Return the character set covered by a list of ``{start, end}`` fragments."""
    out: set[int] = set()
    for f in fragments:
        out.update(range(f["start"], f["end"]))
    return out


def first_per_id(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the first record of each article id, in file order."""
    seen: set[str] = set()
    out = []
    for r in records:
        if r["id"] not in seen:
            seen.add(r["id"])
            out.append(r)
    return out


def in_direct_track(text: str, q: QuoteMention) -> bool:
    """Return whether a prediction belongs to the direct track, by the gold's own rule.

    Gold puts an attribution in the direct track when its content holds ", “ or ”; the
    same test on the predicted content keeps the tracks symmetric (a quote in two
    apostrophes, ''like this'', is direct for newsdesk but outside this track).
    """
    return q.direct and any(ch in text[q.start : q.end] for ch in '"“”')


def score_article(
    record: dict[str, Any],
    preds: list[QuoteMention],
    track: Track,
    direct: bool,
    by_flag: bool = False,
) -> None:
    """Add one article's matches to ``track`` (direct track when ``direct``).

    ``by_flag`` picks direct-track predictions by ``QuoteMention.direct`` alone.
    """
    text = record["text"]
    golds = [
        (chars_of(a["content"]), chars_of(a["source"]))
        for a in record["attributions"]
        if a["content"] and (a["has_quotation_marks"] or not direct)
    ]
    chosen = [q for q in preds if not direct or (q.direct if by_flag else in_direct_track(text, q))]
    used = [False] * len(golds)
    for q in chosen:
        pc = set(range(q.start, q.end))
        best, best_share = -1, 0.0
        for i, (gc, _) in enumerate(golds):
            if used[i] or not pc or not gc:
                continue
            share = len(pc & gc) / min(len(pc), len(gc))
            if share > best_share:
                best, best_share = i, share
        if best < 0 or best_share < 0.5:
            track.detection.fp += 1
            track.end_to_end.fp += 1
            continue
        used[best] = True
        track.detection.tp += 1
        source = golds[best][1]
        right = False
        if source:
            track.speaker_judged += 1
            if q.speaker_start is not None and q.speaker_end is not None:
                right = bool(source & set(range(q.speaker_start, q.speaker_end)))
            track.speaker_right += right
        if right:
            track.end_to_end.tp += 1
        else:
            track.end_to_end.fp += 1
            track.end_to_end.fn += 1
    missed = used.count(False)
    track.detection.fn += missed
    track.end_to_end.fn += missed


def main(argv: list[str]) -> int:
    """Score extract_quotes on a PolNeAR split and write bench/results/quotes[_train].json."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args(argv)
    path: Path = DATA / "quotes" / f"polnear_{args.split}.jsonl"
    records = first_per_id(read_jsonl(path))
    if args.limit:
        records = records[: args.limit]
    direct, every, flagged = Track(), Track(), Track()
    words = 0
    t0 = time.process_time()
    for record in records:
        preds = extract_quotes(record["text"])
        words += len(record["text"].split())
        score_article(record, preds, direct, True)
        score_article(record, preds, every, False)
        score_article(record, preds, flagged, True, by_flag=True)
    cpu = time.process_time() - t0
    figures = {
        "split": args.split,
        "articles": len(records),
        "direct": direct.as_dict(),
        "all": every.as_dict(),
        "direct_by_flag": flagged.as_dict(),
        "words_per_cpu_second": round(words / cpu) if cpu else None,
    }
    print(f"{args.split}: {len(records)} articles, {figures['words_per_cpu_second']} words/s")
    for name, tr in (("direct", direct), ("all", every), ("flag", flagged)):
        d = tr.as_dict()
        print(
            f"  {name:6} detection {d['detection']}  speaker {d['speaker_accuracy']} "
            f"end-to-end {d['end_to_end']}  gold {d['gold']} predicted {d['predicted']}"
        )
    if not args.no_write and not args.limit:
        name = "quotes" if args.split == "dev" else "quotes_train"
        write_results(name, figures, [path])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
