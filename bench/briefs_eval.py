"""Score story briefs on AllSides roundups: ROUGE-1/2/Lsum F1 at the reference's length.

Each story's excerpts become articles (one origin each, no annotations), go through
``compare_story`` and ``brief_story`` with the word budget set to the reference's word
count, and the brief, cut at that many words, is scored against the editor's summary
(rouge-score 0.1.2, stemmer on, Lsum over newline-separated sentences). Also reports the
citation check (share of cites that are verbatim substrings of their article) and a
2-fold held-out figure: a small grid of selector settings is chosen on one half of the
stories (split by story) and scored on the other. compare_story runs once per story; only
the brief is redone for each setting.

    .venv/bin/python -m bench.briefs_eval [--limit N] [--no-grid]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
import time
from typing import Any

from rouge_score import rouge_scorer

from bench.common import DATA, read_jsonl, write_results
from newsdesk.brief.brief import brief_story
from newsdesk.compare.story import compare_story
from newsdesk.model import Article, Source, Story
from newsdesk.settings import Settings

PATH = DATA / "briefs" / "allsides_dev.jsonl"
GRID = {
    "brief_title_weight": [0.0, 1.0],
    "brief_length_power": [0.25, 0.5, 0.75],
    "brief_redundancy": [0.0, 0.3, 0.6],
}
_SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)


def make_articles(record: dict[str, Any]) -> list[Article]:
    """Return the record's excerpts as articles."""
    return [
        Article(
            id=a["article_id"],
            source=Source(str(PATH), 0, len(a["text"])),
            text=a["text"],
            outlet=a.get("outlet"),
            title=a.get("title"),
        )
        for a in record["articles"]
    ]


def cut_to_budget(sentences: list[str], budget: int) -> str:
    """Return the sentences, one per line, cut after ``budget`` words in total."""
    lines: list[str] = []
    used = 0
    for s in sentences:
        words = s.split()[: budget - used]
        if not words:
            break
        lines.append(" ".join(words))
        used += len(words)
    return "\n".join(lines)


_COMPARED: dict[str, tuple[list[Article], dict[str, str], Story]] = {}


def compare_record(
    record: dict[str, Any], settings: Settings
) -> tuple[list[Article], dict[str, str], Story]:
    """Return the record's articles, origins and compared story (cached: brief settings
    do not change what compare finds)."""
    key = record["cluster_id"]
    if key not in _COMPARED:
        articles = make_articles(record)
        origins = {a.id: a.id for a in articles}
        story = Story(key, "", tuple(a.id for a in articles))
        _COMPARED[key] = (articles, origins, compare_story(story, articles, origins, settings))
    return _COMPARED[key]


def score_story(record: dict[str, Any], settings: Settings) -> dict[str, float]:
    """Return ROUGE F1s and cite counts of one story's brief."""
    reference = record["reference_summary"]
    budget = len(reference.split())
    local = dataclasses.replace(settings, brief_max_words=budget)
    articles, origins, compared = compare_record(record, local)
    story = brief_story(compared, articles, origins, local)
    by_id = {a.id: a for a in articles}
    cites = [c for b in story.brief for c in b.cites]
    verbatim = sum(1 for c in cites if c.quote and c.quote in by_id[c.article].text)
    s = _SCORER.score(reference, cut_to_budget([b.text for b in story.brief], budget))
    return {
        "r1": s["rouge1"].fmeasure,
        "r2": s["rouge2"].fmeasure,
        "rl": s["rougeLsum"].fmeasure,
        "cites": len(cites),
        "verbatim": verbatim,
        "sentences": len(story.brief),
    }


def score_all(records: list[dict[str, Any]], settings: Settings) -> dict[str, float]:
    """Return mean ROUGE F1 x 100 over ``records`` and the citation check."""
    rows = [score_story(r, settings) for r in records]
    n = max(1, len(rows))
    cites = sum(r["cites"] for r in rows)
    return {
        "rouge1": round(100 * sum(r["r1"] for r in rows) / n, 2),
        "rouge2": round(100 * sum(r["r2"] for r in rows) / n, 2),
        "rougeLsum": round(100 * sum(r["rl"] for r in rows) / n, 2),
        "cites": cites,
        "verbatim_share": round(sum(r["verbatim"] for r in rows) / cites, 4) if cites else 1.0,
        "mean_sentences": round(sum(r["sentences"] for r in rows) / n, 2),
        "stories": len(rows),
    }


def _total(fig: dict[str, float]) -> float:
    return fig["rouge1"] + fig["rouge2"] + fig["rougeLsum"]


def held_out(records: list[dict[str, Any]], base: Settings) -> dict[str, Any]:
    """Return the 2-fold figure: pick grid settings on one half, score on the other."""
    folds = [records[0::2], records[1::2]]
    combos = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    out: dict[str, Any] = {"folds": []}
    sums = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for k in (0, 1):
        tune, test = folds[k], folds[1 - k]
        best = max(combos, key=lambda c: _total(score_all(tune, dataclasses.replace(base, **c))))
        fig = score_all(test, dataclasses.replace(base, **best))
        out["folds"].append({"chosen": best, "test": fig})
        for key in sums:
            sums[key] += fig[key] * len(test)
    out.update({key: round(v / len(records), 2) for key, v in sums.items()})
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N stories")
    parser.add_argument("--no-grid", action="store_true", help="skip the 2-fold held-out grid")
    args = parser.parse_args(argv)
    records = read_jsonl(PATH)
    if args.limit:
        records = records[: args.limit]
    settings = Settings()
    # CPU time, not wall time: the machine is shared with other benchmarks.
    t0 = time.process_time()
    figures: dict[str, Any] = {
        "budget": "reference word count (whitespace words); brief cut there",
        "defaults": score_all(records, settings),
    }
    cpu = time.process_time() - t0
    figures["cpu_seconds_per_story_compare_and_brief"] = round(cpu / max(1, len(records)), 4)
    figures["ablation_no_redundancy"] = score_all(
        records, dataclasses.replace(settings, brief_redundancy=0.0)
    )
    if not args.no_grid:
        figures["held_out_2fold"] = held_out(records, settings)
    figures["baselines_readme"] = {
        "textrank_mmr": [44.37, 16.70, 29.60],
        "oracle": [51.18, 22.99, 34.46],
    }
    out = write_results("briefs_eval", figures, [PATH])
    print(f"defaults: {figures['defaults']}")
    if "held_out_2fold" in figures:
        h = figures["held_out_2fold"]
        print(f"held-out 2-fold: R1 {h['rouge1']} R2 {h['rouge2']} RLsum {h['rougeLsum']}")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
