"""Score the whole text-cleaning path (split, rules, line classifier) on textscrape/dev.

`bench.textscrape_eval` scores the line classifier alone; this scores what `newsdesk
ingest` keeps of a text scrape: `clean_page` on each page's full text, every article's
paragraphs joined, against the gold body (AEB metric). The held-out figure retrains the
line model per fold (5 folds grouped by domain) so no page is cleaned by a model that saw
its domain; the in-sample figure uses the shipped model.

    .venv/bin/python -m bench.textscrape_clean_eval
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench.common import DATA, aeb_score, read_jsonl, write_results
from bench.train_lines import fold_models
from newsdesk.clean.articles import clean_page
from newsdesk.clean.lines import LineModel
from newsdesk.errors import InputError
from newsdesk.model import Page

DATA_FILE = DATA / "textscrape" / "dev.jsonl"
Scorer = Callable[[Sequence[str]], list[float]]


def clean_text(record: dict[str, Any], scorer: Scorer | None) -> str:
    """Return what the cleaner keeps of one page, articles' paragraphs one per line."""
    text = record["full_text"]
    page = Page("page.txt", "text", text, 0, len(text), url=record.get("url"))
    try:
        articles = clean_page(page, scorer=scorer) if scorer else clean_page(page)
    except InputError:
        return ""
    return "\n".join(a.text.replace("\n\n", "\n") for a in articles)


def held_out(records: list[dict[str, Any]], folds: int) -> list[str]:
    """Return each page cleaned with a line model trained without its domain."""
    pages = [r["full_text"].split("\n") for r in records]
    out = [""] * len(records)
    for model, test in fold_models(pages, records, folds):

        def scorer(lines: Sequence[str], m: LineModel = model) -> list[float]:
            return [float(p) for p in m.score(lines)]

        for i in test:
            out[i] = clean_text(records[i], scorer)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    records = read_jsonl(DATA_FILE)
    golds = [r["body"] for r in records]
    t0 = time.process_time()
    shipped = [clean_text(r, None) for r in records]
    cpu = time.process_time() - t0
    figures: dict[str, Any] = {
        "in_sample_shipped_model": aeb_score(shipped, golds),
        "pages_per_cpu_second": round(len(records) / cpu, 1),
    }
    print("in-sample", figures["in_sample_shipped_model"], flush=True)
    figures["held_out_grouped_cv"] = aeb_score(held_out(records, args.folds), golds)
    figures["held_out_grouped_cv"]["folds"] = args.folds
    print("held-out", figures["held_out_grouped_cv"], flush=True)
    write_results("textscrape_clean", figures, [DATA_FILE])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
