"""Train the text-scrape line classifier on the AEB dev pages and ship it as JSON numbers.

Run from /work/main:  .venv/bin/python -m bench.train_lines [--out PATH]

Stage 1 is a gradient-boosted tree model on per-line features; stage 2 is a second tree
model on the stage-1 probabilities around each line. Stage 2 is trained on *out-of-fold*
stage-1 probabilities (folds grouped by domain), so it learns from probabilities as noisy
as the ones it will see on unseen pages. The trees are exported to flat arrays that
``newsdesk.clean.lines.TreeEnsemble`` walks with numpy; the export is checked against
sklearn's ``predict_proba`` before the file is written.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold
from threadpoolctl import threadpool_limits

from bench.common import DATA, ROOT, digest, read_jsonl
from newsdesk.clean.line_features import FEATURE_NAMES, build_features
from newsdesk.clean.lines import MODEL_FILE, LineModel, TreeEnsemble, build_stack_features

TEXTSCRAPE = DATA / "textscrape" / "dev.jsonl"
MODEL_PATH = ROOT / "src" / "newsdesk" / "data" / MODEL_FILE
SEED = 0
INNER_FOLDS = 5
# spaCy languages whose stop-word lists are merged: the widely published news languages.
STOP_LANGS = tuple(
    [
        "en",
        "de",
        "fr",
        "es",
        "pt",
        "it",
        "nl",
        "ru",
        "uk",
        "pl",
        "id",
        "ms",
        "tr",
        "sv",
        "da",
        "nb",
        "fi",
        "ro",
        "cs",
        "sk",
        "hu",
        "el",
        "bg",
        "hr",
        "sr",
        "sl",
        "ca",
        "eu",
        "lt",
        "lv",
        "et",
        "vi",
        "tl",
        "ar",
        "fa",
        "he",
        "hi",
        "bn",
        "ur",
        "ja",
        "zh",
        "ko",
        "th",
    ]
)
# Stage 1 needs deeper trees (many interacting shape features); stage 2 works on smooth
# neighbour probabilities, where shallow trees do. Sizes are kept small because every
# tree is walked at inference time and a page must score in about a millisecond.
LINE_PARAMS: dict[str, Any] = {
    "max_iter": 100,
    "learning_rate": 0.15,
    "max_depth": 5,
    "max_leaf_nodes": 16,
    "min_samples_leaf": 20,
    "l2_regularization": 1.0,
}
STACK_PARAMS: dict[str, Any] = {
    "max_iter": 80,
    "learning_rate": 0.15,
    "max_depth": 3,
    "min_samples_leaf": 20,
    "l2_regularization": 1.0,
}
# Training weight of a line: 1 + words / WEIGHT_WORDS (0 turns weighting off).
WEIGHT_WORDS = 3.0
# The JSON cannot hold infinity; leaves never compare, so any huge number will do.
LEAF_THRESHOLD = 1e300


def collect_stop_words() -> frozenset[str]:
    """Return the union of spaCy's stop-word lists for ``STOP_LANGS`` (lower-cased)."""
    words: set[str] = set()
    for lang in STOP_LANGS:
        try:
            module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
        except ImportError:
            continue
        words |= {w.lower() for w in module.STOP_WORDS if " " not in w}
    return frozenset(words)


def split_pages(records: list[dict[str, Any]]) -> list[list[str]]:
    """Return each record's lines as the cleaner will see them."""
    return [r["full_text"].split("\n") for r in records]


def weigh_lines(x: np.ndarray) -> np.ndarray:
    """Return a training weight per line that grows with its word count.

    AEB scores word shingles, so a missed 60-word paragraph costs far more than a missed
    2-word caption; unweighted log-loss would treat them alike.
    """
    if WEIGHT_WORDS <= 0:
        return np.ones(x.shape[0])
    words = np.expm1(x[:, FEATURE_NAMES.index("log_words")])
    return 1.0 + words / WEIGHT_WORDS


def fit_trees(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, params: dict[str, Any] = LINE_PARAMS
) -> HistGradientBoostingClassifier:
    """Return a boosted tree classifier fitted with fixed ``params``, seed and weights."""
    model = HistGradientBoostingClassifier(random_state=SEED, **params)
    return model.fit(x, y, sample_weight=w)


def export_trees(model: HistGradientBoostingClassifier) -> dict[str, Any]:
    """Return the fitted trees as flat lists for :class:`TreeEnsemble` (leaves self-loop)."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    depth = 0
    for (predictor,) in model._predictors:  # one predictor per iteration (binary task)
        nodes = predictor.nodes
        base = len(feature)
        roots.append(base)
        for i, node in enumerate(nodes):
            if node["is_leaf"]:
                feature.append(0)
                threshold.append(LEAF_THRESHOLD)
                left.append(base + i)
                right.append(base + i)
                value.append(float(node["value"]))
            else:
                feature.append(int(node["feature_idx"]))
                threshold.append(float(node["num_threshold"]))
                left.append(base + int(node["left"]))
                right.append(base + int(node["right"]))
                value.append(0.0)
            depth = max(depth, int(node["depth"]))
    return {
        "feature": feature,
        "threshold": threshold,
        "left": left,
        "right": right,
        "value": value,
        "roots": roots,
        "depth": depth,
        "baseline": float(np.ravel(model._baseline_prediction)[0]),
    }


def predict_out_of_fold(
    xs: list[np.ndarray], ys: list[np.ndarray], groups: list[str]
) -> list[np.ndarray]:
    """Return stage-1 probabilities for each page from a model that never saw its domain."""
    out: list[np.ndarray] = [np.zeros(0)] * len(xs)
    folds = GroupKFold(n_splits=min(INNER_FOLDS, len(set(groups))))
    for train, test in folds.split(np.zeros(len(xs)), groups=groups):
        x = np.vstack([xs[i] for i in train])
        model = fit_trees(x, np.concatenate([ys[i] for i in train]), weigh_lines(x))
        for i in test:
            out[i] = model.predict_proba(xs[i])[:, 1]
    return out


def fit_line_model(
    xs: list[np.ndarray], ys: list[np.ndarray], groups: list[str], stop_words: frozenset[str]
) -> dict[str, Any]:
    """Return the JSON-ready two-stage model trained on the given pages."""
    x_all, y_all = np.vstack(xs), np.concatenate(ys)
    line_stage = fit_trees(x_all, y_all, weigh_lines(x_all))
    oof = predict_out_of_fold(xs, ys, groups)
    stack_x = [build_stack_features(p, x) for p, x in zip(oof, xs, strict=True)]
    stack_stage = fit_trees(np.vstack(stack_x), y_all, weigh_lines(x_all), STACK_PARAMS)
    for model, x in ((line_stage, xs[0]), (stack_stage, stack_x[0])):
        check_export(model, x)
    return {
        "features": list(FEATURE_NAMES),
        "stop_words": sorted(stop_words),
        "line_stage": export_trees(line_stage),
        "stack_stage": export_trees(stack_stage),
    }


def check_export(model: HistGradientBoostingClassifier, x: np.ndarray) -> None:
    """Raise if the exported trees disagree with sklearn on ``x``."""
    ours = TreeEnsemble.from_dict(export_trees(model)).predict_proba(x)
    theirs = model.predict_proba(x)[:, 1]
    if not np.allclose(ours, theirs, atol=1e-9):
        raise AssertionError(f"exported trees differ by {np.abs(ours - theirs).max():.3g}")


def featurize(pages: list[list[str]], stop_words: frozenset[str]) -> list[np.ndarray]:
    """Return the stage-1 feature matrix of every page."""
    return [build_features(lines, stop_words) for lines in pages]


def fold_models(
    pages: list[list[str]], records: list[dict[str, Any]], folds: int
) -> Iterator[tuple[LineModel, list[int]]]:
    """Yield a line model per fold and the pages it did not see (folds grouped by domain)."""
    stop_words = collect_stop_words()
    xs = featurize(pages, stop_words)
    ys = [np.asarray(r["line_labels"], dtype=np.int64) for r in records]
    groups = [r["domain"] for r in records]
    for k, (train, test) in enumerate(GroupKFold(n_splits=folds).split(xs, groups=groups)):
        with threadpool_limits(1):
            data = fit_line_model(
                [xs[i] for i in train],
                [ys[i] for i in train],
                [groups[i] for i in train],
                stop_words,
            )
        yield LineModel.from_dict(data), [int(i) for i in test]
        print(f"fold {k + 1}/{folds} done", file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    """Train on every dev page and write the model JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    records = read_jsonl(TEXTSCRAPE)
    stop_words = collect_stop_words()
    xs = featurize(split_pages(records), stop_words)
    ys = [np.asarray(r["line_labels"], dtype=np.int64) for r in records]
    # One OpenMP thread: on a shared 2-core machine the threads' busy-waiting made each
    # fit ten times slower, and the fits are small.
    with threadpool_limits(1):
        model = fit_line_model(xs, ys, [r["domain"] for r in records], stop_words)
    model["training"] = {
        "data": str(TEXTSCRAPE.relative_to(DATA)),
        "sha256": digest(TEXTSCRAPE),
        "pages": len(records),
        "sklearn": sklearn.__version__,
        "params": {"line_stage": LINE_PARAMS, "stack_stage": STACK_PARAMS},
        "weight_words": WEIGHT_WORDS,
        "seed": SEED,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
