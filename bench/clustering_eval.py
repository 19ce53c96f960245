"""Score story clustering on the five development sets (bench README section 3).

Each file is fed through :func:`newsdesk.link.link_articles` one article at a time, in
5 shuffled orders (BASIL and Giveme5W1H in ``published`` order, ties shuffled; the others
in random order with no dates, so no time window). One settings object for every file.
Reports pairwise and BCubed P/R/F1, mean ± sd over the orders, the cluster count, and the
CPU time of the whole link stage per article (duplicates, rewrites and stories).

    .venv/bin/python -m bench.clustering_eval [--orders 5] [--set NAME=VALUE ...] [--only ecbplus]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any

from bench.common import DATA, read_jsonl, write_results
from newsdesk.link import LinkState, link_articles
from newsdesk.link.merge import resolve_story
from newsdesk.model import Article, Source
from newsdesk.settings import Settings

FILES = {
    "ecbplus": ("ecbplus_dev.jsonl", False),
    "uci_headlines": ("uci_headlines_dev.jsonl", False),
    "allsides": ("allsides_dev.jsonl", False),
    "basil": ("basil_dev.jsonl", True),
    "giveme5w1h": ("giveme5w1h_dev.jsonl", True),
}
TARGETS = {
    "ecbplus": 0.90,
    "uci_headlines": 0.85,
    "allsides": 0.80,
    "basil": 0.97,
    "giveme5w1h": 0.90,
}


def make_article(rec: dict[str, Any], dated: bool) -> Article:
    """Return the Article the clusterer sees for one record (never its gold label)."""
    return Article(
        id=rec["id"],
        source=Source(rec["id"], 0, len(rec["text"] or ""), rec.get("url")),
        text=rec["text"] or "",
        title=rec.get("title"),
        outlet=rec.get("outlet"),
        published=rec.get("published") if dated else None,
    )


def order_records(records: list[dict[str, Any]], dated: bool, seed: int) -> list[dict[str, Any]]:
    """Return the records shuffled by ``seed``; dated sets then sorted by date (stable)."""
    out = list(records)
    random.Random(seed).shuffle(out)
    if dated:
        out.sort(key=lambda r: r.get("published") or "")
    return out


def cluster_records(
    records: list[dict[str, Any]], dated: bool, settings: Settings
) -> dict[str, str]:
    """Return article id -> predicted story for records fed one at a time."""
    state: LinkState | None = None
    pred: dict[str, str] = {}
    for rec in records:
        linked, state = link_articles([make_article(rec, dated)], state, settings)
        for a in linked:
            pred[a.id] = a.story or a.id
    if state is None:
        return pred
    # A story merged into an older one later goes by the older id, as the store would update.
    return {a: resolve_story(state.stories, s) for a, s in pred.items()}


def pair_count(sizes: Sequence[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def score_clusters(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """Return pairwise and BCubed P/R/F1 (README section 3) and the cluster count."""
    joint = Counter((gold[d], pred[d]) for d in gold)
    gsize = Counter(gold.values())
    psize = Counter(pred[d] for d in gold)
    tp = pair_count(list(joint.values()))
    pp = pair_count(list(psize.values()))
    gp = pair_count(list(gsize.values()))
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    bp = sum(joint[(gold[d], pred[d])] / psize[pred[d]] for d in gold) / len(gold)
    br = sum(joint[(gold[d], pred[d])] / gsize[gold[d]] for d in gold) / len(gold)

    def f1(a: float, b: float) -> float:
        return 2 * a * b / (a + b) if a + b else 0.0

    return {
        "pair_p": p,
        "pair_r": r,
        "pair_f1": f1(p, r),
        "b3_p": bp,
        "b3_r": br,
        "b3_f1": f1(bp, br),
        "clusters": float(len(psize)),
    }


def summarise(runs: list[dict[str, float]]) -> dict[str, Any]:
    """Return mean and sd of each figure over the runs."""
    out: dict[str, Any] = {}
    for key in runs[0]:
        vals = [r[key] for r in runs]
        out[key] = round(statistics.mean(vals), 4)
        out[key + "_sd"] = round(statistics.stdev(vals), 4) if len(vals) > 1 else 0.0
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--orders", type=int, default=5)
    ap.add_argument("--only", nargs="*", default=list(FILES))
    ap.add_argument("--set", nargs="*", default=[], dest="overrides")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    settings = Settings().with_changes(args.overrides)  # NAME=VALUE, as `ingest --set`
    figures: dict[str, Any] = {"settings": {k: getattr(settings, k) for k in _LINK_SETTINGS}}
    inputs = []
    for name in args.only:
        fname, dated = FILES[name]
        path = DATA / "clustering" / fname
        inputs.append(path)
        records = read_jsonl(path)
        gold = {r["id"]: r["story"] for r in records}
        runs = []
        t0 = time.process_time()
        for seed in range(args.orders):
            pred = cluster_records(order_records(records, dated, seed), dated, settings)
            runs.append(score_clusters(gold, pred))
        # CPU time, not wall time: the machine is shared with other benchmarks.
        secs = (time.process_time() - t0) / args.orders
        summary = summarise(runs)
        summary.update(
            gold_clusters=len(set(gold.values())),
            docs=len(records),
            order="published" if dated else "random",
            target_pair_f1=TARGETS[name],
            docs_per_cpu_s=round(len(records) / secs, 1),
            cpu_ms_per_doc=round(1000 * secs / len(records), 3),
        )
        figures[name] = summary
        print(
            f"{name:14s} pair P/R/F1 {summary['pair_p']:.3f}/{summary['pair_r']:.3f}/"
            f"{summary['pair_f1']:.3f}±{summary['pair_f1_sd']:.3f}  B3 F1 {summary['b3_f1']:.3f}"
            f"  clusters {summary['clusters']:.1f} ({summary['gold_clusters']})"
            f"  target {TARGETS[name]:.2f}",
            flush=True,
        )
    if not args.no_write:
        write_results("clustering", figures, inputs)
    return 0


_LINK_SETTINGS = [
    f.name
    for f in dataclasses.fields(Settings)
    if f.name.startswith(("story_", "shingle", "minhash", "lsh", "duplicate", "derive"))
]

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
