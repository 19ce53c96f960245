"""Score HTML body extraction on the AEB pages (bench README section 2), ours beside trafilatura.

Runs, on the same pages in the same process: trafilatura 2.x ``extract`` with
``favor_precision=True`` (its best setting here) and with defaults, then
:func:`newsdesk.clean.html.extract_html`. Reports the AEB metric for each, a paired
bootstrap of ours against trafilatura's best, an ablation without the line filters, a
5-fold cross-validation grouped by domain of the body thresholds (``BodyRules``), and a
SILVER publication-day check: the file has no gold dates, so pages whose URL holds a
full /YYYY/MM/DD/ date are compared with that day.

    .venv/bin/python -m bench.html_eval [--bootstrap 1000] [--no-cv]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import trafilatura

from bench.common import DATA, aeb_counts, aeb_score, read_jsonl, write_results
from newsdesk.clean import html as H

PATH = DATA / "html" / "dev.jsonl"
URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|[^\d])")
GRID = {
    "short_body": (0, 800, 1500, 3000),
    "recall_gain": (1.5, 2.0, 3.0),
    "short_line": (12, 20, 30),
    "link_words": (0, 12, 25, 40),
}


@dataclass
class Cached:
    """What the body cleaner needs of one page, computed once for the threshold sweep."""

    precision: str
    recall: str
    titles: set[str]
    authors: tuple[str, ...]
    anchors: set[str]


def cache_page(html: str, url: str | None) -> Cached:
    """Return the trafilatura outputs and page facts the body cleaner works from."""
    tree = H.parse_html(html)
    assert tree is not None
    records, meta = H.read_json_ld(tree), H.read_meta(tree)
    article = H.first_article(records)
    title = H.extract_title(tree, article, meta)
    authors = H.extract_authors(tree, article, meta, H.extract_sitename(records, meta))
    titles = H.read_title_variants(tree, title, meta)
    H.prepare_tree(tree)
    prec = H.run_trafilatura(tree, url, precision=True)
    rec = H.run_trafilatura(tree, url, precision=False)
    anchors = H.read_anchor_texts(tree)
    return Cached(prec, rec, titles, authors, anchors)


def body_from_cache(c: Cached, rules: H.BodyRules) -> str:
    """Return the body :func:`H.extract_html` would give under ``rules``."""
    text = c.precision
    if len(text) < rules.short_body and len(c.recall) > rules.recall_gain * len(text):
        text = c.recall
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    anchors = c.anchors if rules.link_words else set()
    return "\n\n".join(H.filter_lines(lines, c.titles, c.authors, anchors, rules))


def f1_of_counts(rows: list[tuple[float, float, float]]) -> float:
    """Return the AEB F1 (harmonic mean of the mean P and mean R) of per-page counts."""
    ps = [tp / (tp + fp) for tp, fp, _ in rows if tp + fp > 0]
    rs = [tp / (tp + fn) for tp, _, fn in rows if tp + fn > 0]
    p, r = sum(ps) / max(1, len(ps)), sum(rs) / max(1, len(rs))
    return 2 * p * r / (p + r) if p + r else 0.0


def cross_validate(cache: list[Cached], golds: list[str], domains: list[str]) -> dict[str, Any]:
    """Return held-out AEB scores: thresholds chosen on 4 folds of domains, scored on the 5th."""
    names = sorted(set(domains))
    random.Random(0).shuffle(names)
    fold_of = {d: i % 5 for i, d in enumerate(names)}
    grid = [
        H.BodyRules(**dict(zip(GRID, vals, strict=True)))
        for vals in itertools.product(*GRID.values())
    ]
    all_preds = {r: [body_from_cache(c, r) for c in cache] for r in grid}
    counts = {r: [aeb_counts(p, g) for p, g in zip(all_preds[r], golds, strict=True)] for r in grid}
    held: list[str] = [""] * len(cache)
    chosen = []
    for fold in range(5):
        train = [i for i, d in enumerate(domains) if fold_of[d] != fold]
        best = max(grid, key=lambda r: f1_of_counts([counts[r][i] for i in train]))
        chosen.append(asdict(best))
        for i, d in enumerate(domains):
            if fold_of[d] == fold:
                held[i] = all_preds[best][i]
    in_sample_best = max(grid, key=lambda r: f1_of_counts(counts[r]))
    return {
        "held_out": aeb_score(held, golds),
        "chosen_per_fold": chosen,
        "default_rules": asdict(H.RULES),
        "default_rules_full_file": aeb_score(all_preds[H.RULES], golds, bootstrap=0),
        "best_rules_full_file_optimistic": {
            "rules": asdict(in_sample_best),
            "score": aeb_score(all_preds[in_sample_best], golds, bootstrap=0),
        },
        "grid": {k: list(v) for k, v in GRID.items()},
    }


def paired_bootstrap(
    ours: list[str], theirs: list[str], golds: list[str], n: int
) -> dict[str, float]:
    """Return how often ours beats theirs in F1 when pages are resampled (same resamples)."""
    a = [aeb_counts(p, g) for p, g in zip(ours, golds, strict=True)]
    b = [aeb_counts(p, g) for p, g in zip(theirs, golds, strict=True)]
    f1 = f1_of_counts
    rng = random.Random(1)
    wins, diffs = 0, []
    for _ in range(n):
        idx = [rng.randrange(len(a)) for _ in a]
        d = f1([a[i] for i in idx]) - f1([b[i] for i in idx])
        diffs.append(d)
        wins += d > 0
    diffs.sort()
    return {
        "share_ours_better": round(wins / max(1, n), 4),
        "diff_ci95": [round(diffs[int(0.025 * n)], 4), round(diffs[int(0.975 * n) - 1], 4)]
        if n
        else [],
    }


def check_days(extracts: list[H.HtmlExtract], urls: list[str]) -> dict[str, Any]:
    """Return the SILVER day check: published day against a /YYYY/MM/DD/ date in the URL."""
    rows = [
        (x.published, m) for x, u in zip(extracts, urls, strict=True) if (m := URL_DAY.search(u))
    ]
    right = sum(1 for pub, m in rows if pub and pub[:10] == "-".join(m.groups()))
    # A time stated in UTC can fall on the next or previous calendar day of the outlet's
    # own (URL) date, so also count a one-day difference.
    near = sum(
        1 for pub, m in rows if pub and abs((_day(pub) - _day("-".join(m.groups()))).days) <= 1
    )
    with_time = sum(1 for x in extracts if x.published and "T" in x.published)
    return {
        "label": "SILVER: URL-date pages only; the URL day is not a gold publication time",
        "pages_with_url_day": len(rows),
        "day_matches": right,
        "day_accuracy": round(right / len(rows), 4) if rows else None,
        "day_within_one_accuracy": round(near / len(rows), 4) if rows else None,
        "no_date": sum(1 for pub, _ in rows if not pub),
        "published_found_all_pages": sum(1 for x in extracts if x.published),
        "published_with_time_and_offset": with_time,
        "updated_found": sum(1 for x in extracts if x.updated),
    }


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso[:10])


def main(argv: Sequence[str]) -> int:
    """Run the side-by-side evaluation and write ``bench/results/html.json``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bootstrap", type=int, default=1000)
    ap.add_argument("--no-cv", action="store_true", help="skip the threshold cross-validation")
    args = ap.parse_args(list(argv))
    recs = read_jsonl(PATH)
    golds = [r["body"] for r in recs]
    urls = [r["url"] for r in recs]
    figures: dict[str, Any] = {"pages": len(recs), "trafilatura": trafilatura.__version__}
    runs = {
        "trafilatura_precision": {"include_comments": False, "favor_precision": True},
        "trafilatura_default": {"include_comments": False},
    }
    preds: dict[str, list[str]] = {}
    for name, kw in runs.items():
        t0 = time.perf_counter()
        preds[name] = [trafilatura.extract(r["html"], url=r["url"], **kw) or "" for r in recs]
        figures[name] = {
            **aeb_score(preds[name], golds, args.bootstrap),
            "seconds": round(time.perf_counter() - t0, 2),
        }
    t0 = time.perf_counter()
    extracts = [H.extract_html(r["html"], r["url"]) for r in recs]
    preds["ours"] = [x.text for x in extracts]
    figures["ours"] = {
        **aeb_score(preds["ours"], golds, args.bootstrap),
        "seconds": round(time.perf_counter() - t0, 2),
    }
    figures["ours_vs_trafilatura_precision"] = paired_bootstrap(
        preds["ours"], preds["trafilatura_precision"], golds, args.bootstrap
    )
    figures["publication_day_silver"] = check_days(extracts, urls)
    figures["partial_pages"] = sum(x.partial for x in extracts)
    figures["language_found"] = sum(1 for x in extracts if x.language)
    if not args.no_cv:
        cache = [cache_page(r["html"], r["url"]) for r in recs]
        off = H.BodyRules(short_body=1500, short_line=0, link_words=0)
        figures["ablation_pattern_and_link_filters_off"] = aeb_score(
            [body_from_cache(c, off) for c in cache], golds, bootstrap=0
        )
        figures["cv_5fold_by_domain"] = cross_validate(cache, golds, [r["domain"] for r in recs])
    out = write_results("html", figures, [PATH])
    for key in ("trafilatura_precision", "trafilatura_default", "ours"):
        f = figures[key]
        print(
            f"{key:24s} P {f['p']:.4f} R {f['r']:.4f} F1 {f['f1']:.4f} ± {f['f1_sd']:.4f} exact {f['exact']:.3f}"
        )
    if "cv_5fold_by_domain" in figures:
        h = figures["cv_5fold_by_domain"]["held_out"]
        print(
            f"{'ours, CV held-out':24s} P {h['p']:.4f} R {h['r']:.4f} F1 {h['f1']:.4f} ± {h['f1_sd']:.4f}"
        )
    print("paired bootstrap:", figures["ours_vs_trafilatura_precision"])
    print("publication day (silver):", figures["publication_day_silver"])
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
