"""Count the disputes compare finds on real multi-outlet stories (a false-dispute check).

The bench data has no gold disputes. Its stories (BASIL: one event told by three outlets;
ECB+: one event per story, many outlets) rarely contradict each other on a date or a
count, so every dispute found is a candidate false positive: the figure to keep low. Each
dispute is listed (story, slot, values, first cite of each side) for checking by hand.

    .venv/bin/python -m bench.compare_disputes [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

from bench.common import DATA, read_jsonl, write_results
from newsdesk.model import Article, Source
from newsdesk.pipeline import analyze_story
from newsdesk.settings import Settings

SETS = ("basil_dev", "ecbplus_dev")


def read_stories(path: Path, limit: int) -> list[tuple[str, list[Article]]]:
    """Return up to ``limit`` stories of a clustering file with two or more texts."""
    by_story: dict[str, list[Article]] = collections.defaultdict(list)
    for row in read_jsonl(path):
        if not row.get("text"):
            continue
        by_story[row["story"]].append(
            Article(
                id=row["id"],
                source=Source(path.name, 0, len(row["text"])),
                text=row["text"],
                outlet=row.get("outlet"),
                published=row.get("published"),
            )
        )
    stories = [(sid, arts) for sid, arts in sorted(by_story.items()) if len(arts) >= 2]
    return stories[:limit]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=100, help="stories per data set")
    args = parser.parse_args(argv)
    settings = Settings()
    figures: dict[str, object] = {}
    inputs = []
    for name in SETS:
        path = DATA / "clustering" / f"{name}.jsonl"
        inputs.append(path)
        stories = read_stories(path, args.limit)
        listed = []
        slots: collections.Counter[str] = collections.Counter()
        claims = 0
        c0 = time.process_time()
        for sid, articles in stories:
            story, _ = analyze_story(sid, articles, settings)
            claims += len(story.claims)
            for claim in story.claims:
                if claim.status != "disputed":
                    continue
                slots[claim.slot or "?"] += 1
                sides = [f"{p.value}: {p.cites[0].quote[:160]}" for p in claim.positions]
                listed.append({"story": sid, "slot": claim.slot, "sides": sides})
        figures[name] = {
            "stories": len(stories),
            "claims": claims,
            "disputes": len(listed),
            "disputes_per_story": round(len(listed) / max(1, len(stories)), 3),
            "by_slot": dict(slots),
            "cpu_seconds": round(time.process_time() - c0, 1),
            "disputes_listed": listed,
        }
        print(f"{name}: {len(stories)} stories, {len(listed)} disputes {dict(slots)}")
    out = write_results("compare_disputes", figures, inputs)
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
