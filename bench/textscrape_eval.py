"""Score the text-scrape line classifier on the AEB dev pages: held-out and shipped model.

Run from /work/main:  .venv/bin/python -m bench.textscrape_eval [--folds 5] [--skip-cv]

- held-out: k-fold cross-validation grouped by domain; in each fold the whole two-stage
  model (including stage 2's inner out-of-fold step) is trained on the other folds only;
- in-sample: the shipped model (``src/newsdesk/data/lines_model.json``, trained on all 90
  pages) scored on the same pages, for comparison only;
- speed: pages per second (wall) and CPU ms per page (process time) of ``select_body``
  with the shipped model.

Metrics as bench README section 1: line micro P/R/F1, line macro F1 and AEB F1.
Writes ``bench/results/textscrape.json``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from bench.common import PRF, aeb_score, f1_of, read_jsonl, write_results
from bench.train_lines import (
    TEXTSCRAPE,
    fold_models,
    split_pages,
)
from newsdesk.clean.lines import load_model, select_body

THRESHOLDS = (0.3, 0.4, 0.5, 0.6)


def score_pages(
    decide: Sequence[list[bool]], pages: list[list[str]], records: list[dict[str, Any]]
) -> dict[str, Any]:
    """Return line micro P/R/F1, line macro P/R/F1 and the AEB scores of per-line decisions."""
    micro = PRF()
    precisions: list[float] = []
    recalls: list[float] = []
    preds: list[str] = []
    for keep, lines, rec in zip(decide, pages, records, strict=True):
        page = PRF()
        for k, label in zip(keep, rec["line_labels"], strict=True):
            page.tp += k and label
            page.fp += k and not label
            page.fn += (not k) and label
        micro.tp, micro.fp, micro.fn = micro.tp + page.tp, micro.fp + page.fp, micro.fn + page.fn
        precisions.append(page.precision)
        recalls.append(page.recall)
        preds.append("\n".join(line for line, k in zip(lines, keep, strict=True) if k))
    mp, mr = float(np.mean(precisions)), float(np.mean(recalls))
    return {
        "line_micro": micro.as_dict(),
        "line_macro": {"p": round(mp, 4), "r": round(mr, 4), "f1": round(f1_of(mp, mr), 4)},
        "aeb": aeb_score(preds, [r["body"] for r in records]),
    }


def cross_validate(
    pages: list[list[str]], records: list[dict[str, Any]], folds: int
) -> list[np.ndarray]:
    """Return held-out stage-2 probabilities per page (folds grouped by domain)."""
    probs: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for model, test in fold_models(pages, records, folds):
        for i in test:
            probs[i] = model.score(pages[i])
    return probs


def sweep(
    probs: list[np.ndarray], pages: list[list[str]], records: list[dict[str, Any]]
) -> dict[str, Any]:
    """Return the scores at each threshold of ``THRESHOLDS``."""
    return {
        f"{t:.2f}": score_pages([list(p >= t) for p in probs], pages, records) for t in THRESHOLDS
    }


def time_pages(select: Callable[[list[str]], list[bool]], pages: list[list[str]]) -> float:
    """Return pages per second of ``select`` over ``pages`` (best of three passes)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for lines in pages:
            select(lines)
        best = min(best, time.perf_counter() - start)
    return len(pages) / best


def time_pages_cpu(select: Callable[[list[str]], list[bool]], pages: list[list[str]]) -> float:
    """Return the CPU milliseconds per page of ``select`` (best of five passes).

    Process time, not wall time: the machine is shared, and other jobs' load would
    otherwise be counted as ours.
    """
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for lines in pages:
            select(lines)
        best = min(best, time.process_time() - start)
    return 1000 * best / len(pages)


def time_reference_loop() -> float:
    """Return the best-of-five seconds of ``sum(range(100_000))`` on this machine now."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        sum(range(100_000))
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    """Score held-out (grouped CV) and in-sample, time ``select_body``, write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--skip-cv", action="store_true", help="only the shipped model")
    args = parser.parse_args(argv)
    records = read_jsonl(TEXTSCRAPE)
    pages = split_pages(records)
    figures: dict[str, Any] = {"pages": len(pages), "lines": sum(map(len, pages))}
    if not args.skip_cv:
        with threadpool_limits(1):  # see bench/train_lines.py
            held_out = cross_validate(pages, records, args.folds)
        figures["held_out"] = {"folds": args.folds, "grouped_by": "domain"}
        figures["held_out"].update(sweep(held_out, pages, records))
    shipped = load_model()
    figures["in_sample"] = sweep([shipped.score(lines) for lines in pages], pages, records)
    select_body(pages[0])  # load the model before timing
    rate = time_pages(select_body, pages)
    cpu_ms = time_pages_cpu(select_body, pages)
    figures["speed"] = {
        # The machine is shared: a pure-Python reference loop timed alongside lets a
        # reader scale the rate to a quiet machine (about 1 ms there).
        "reference_loop_ms": round(time_reference_loop() * 1000, 2),
        "select_body_pages_per_s": round(rate, 1),
        "ms_per_page": round(1000 / rate, 3),
        "cpu_ms_per_page": round(cpu_ms, 3),
        "mean_lines_per_page": round(figures["lines"] / len(pages), 1),
    }
    out = write_results("textscrape", figures, [TEXTSCRAPE])
    for name in ("held_out", "in_sample"):
        if name in figures:
            s = figures[name]["0.50"]
            print(
                f"{name}: AEB F1 {s['aeb']['f1']} (P {s['aeb']['p']} R {s['aeb']['r']}), "
                f"line micro F1 {s['line_micro']['f1']}, macro F1 {s['line_macro']['f1']}"
            )
    print(f"speed: {rate:.0f} pages/s, {cpu_ms:.3f} CPU ms/page; wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
