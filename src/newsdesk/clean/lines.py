"""Say which lines of a plain-text page scrape are article body, from the text alone.

Two stages, both gradient-boosted trees trained by ``bench/train_lines.py`` and shipped as
plain numbers in ``newsdesk/data/lines_model.json``:

1. each line is scored from its own shape, its neighbours' shapes and its place relative
   to the densest run of prose (:mod:`newsdesk.clean.line_features`);
2. each line is scored again from the stage-1 probabilities around it, which is what lets
   a short subheading inside the body survive and a lone long caption outside it go.

Inference is numpy only: the model is loaded once, lazily, and no sklearn is needed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import compress
from typing import Any

import numpy as np
from numpy.typing import NDArray

from newsdesk.clean.line_context import distance_to, find_best_run, shift_columns, window_means
from newsdesk.clean.line_features import BASE_NAMES, FEATURE_NAMES, build_features

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

MODEL_FILE = "lines_model.json"


STACK_OFFSETS = (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5)
STACK_RADII = (2, 5, 10)
# Stage-1 features passed through to stage 2: the line's own shape and place.
STACK_PASSTHROUGH = len(BASE_NAMES) + 6


def build_stack_features(probs: FloatArray, x: FloatArray) -> FloatArray:
    """Return the stage-2 matrix: stage-1 probabilities around each line, plus its shape.

    The best run of lines on Σ(p - 0.5) is the contiguity prior: body is mostly one region,
    and a short line inside it (a subheading) is likelier body than the same line outside.

    >>> build_stack_features(np.array([0.1, 0.9, 0.2]), np.zeros((3, 80))).shape[0]
    3
    """
    n = probs.shape[0]
    idx = np.arange(n, dtype=np.float64)
    shifted = shift_columns(probs, STACK_OFFSETS).reshape(n, -1)
    windows = window_means(probs, STACK_RADII)
    start, end = find_best_run(probs - 0.5)
    if end > start:
        inside = ((idx >= start) & (idx < end)).astype(np.float64)
        before = np.log1p(np.clip(start - idx, 0, None))
        after = np.log1p(np.clip(idx - (end - 1), 0, None))
        run_share = np.full(n, (end - start) / n)
    else:
        inside = np.zeros(n)
        before = after = np.full(n, np.log1p(n))
        run_share = np.zeros(n)
    back, ahead = distance_to(probs >= 0.5)
    context = [
        inside,
        before,
        after,
        run_share,
        np.maximum.accumulate(probs),
        np.maximum.accumulate(probs[::-1])[::-1],
        np.full(n, probs.max() if n else 0.0),
        np.log1p(back),
        np.log1p(ahead),
    ]
    return np.column_stack([probs, shifted, *windows, *context, x[:, :STACK_PASSTHROUGH]])


def lay_out_levels(
    d: dict[str, Any],
) -> tuple[tuple[IntArray, ...], tuple[FloatArray, ...], FloatArray]:
    """Return the trees of ``d`` as complete binary trees, level by level, and their leaves.

    Node i of tree t at level l sits at t * 2**l + i and its children at 2i and 2i + 1 of
    the next level, so a walk steps by arithmetic instead of looking children up. A leaf
    above the last level is padded with tests that always go left (threshold +inf), and its
    value is stored at its leftmost descendant.
    """
    depth = int(d["depth"])
    n_trees = len(d["roots"])
    feature = [np.zeros(n_trees << lvl, dtype=np.int64) for lvl in range(depth)]
    threshold = [np.full(n_trees << lvl, np.inf) for lvl in range(depth)]
    leaf = np.zeros((n_trees, 1 << depth))
    for tree, root in enumerate(d["roots"]):
        todo = [(int(root), 0, 0)]
        while todo:
            node, lvl, i = todo.pop()
            if d["left"][node] == node:
                leaf[tree, i << (depth - lvl)] = d["value"][node]
                continue
            feature[lvl][(tree << lvl) + i] = d["feature"][node]
            threshold[lvl][(tree << lvl) + i] = d["threshold"][node]
            todo += [
                (int(d["left"][node]), lvl + 1, 2 * i),
                (int(d["right"][node]), lvl + 1, 2 * i + 1),
            ]
    return tuple(feature), tuple(threshold), leaf.ravel()


@dataclass(frozen=True)
class TreeEnsemble:
    """A boosted tree ensemble as flat arrays: node i tests X[:, feature[i]] <= threshold[i].

    Leaves point to themselves and hold their output in ``value``. Prediction walks the
    same trees laid out level by level (``lay_out_levels``), every row taking exactly
    ``depth`` steps whatever leaf depth it reaches.
    """

    feature: IntArray
    threshold: FloatArray
    left: IntArray
    right: IntArray
    value: FloatArray
    roots: IntArray
    depth: int
    baseline: float
    level_feature: tuple[IntArray, ...]
    level_threshold: tuple[FloatArray, ...]
    leaf_value: FloatArray

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TreeEnsemble:
        """Return the ensemble stored by ``bench/train_lines.py``."""
        level_feature, level_threshold, leaf_value = lay_out_levels(d)
        return cls(
            feature=np.asarray(d["feature"], dtype=np.int64),
            threshold=np.asarray(d["threshold"], dtype=np.float64),
            left=np.asarray(d["left"], dtype=np.int64),
            right=np.asarray(d["right"], dtype=np.int64),
            value=np.asarray(d["value"], dtype=np.float64),
            roots=np.asarray(d["roots"], dtype=np.int64),
            depth=int(d["depth"]),
            baseline=float(d["baseline"]),
            level_feature=level_feature,
            level_threshold=level_threshold,
            leaf_value=leaf_value,
        )

    def predict_proba(self, x: FloatArray) -> FloatArray:
        """Return P(class 1) for each row of ``x`` (all trees walked at once)."""
        n, width = x.shape
        if n == 0:
            return np.zeros(0)
        flat_x = x.ravel()
        row_base = (np.arange(n, dtype=np.int64) * width)[:, None]
        # Node t * 2**l + i of level l has its children at 2 * node (+ 1) of level l + 1,
        # so the index carries the tree along and one shift-and-add steps every row.
        node = np.empty((n, self.roots.size), dtype=np.int64)
        node[:] = np.arange(self.roots.size, dtype=np.int64)
        if self.depth > 0:
            # Level 0 holds one node per tree: a column gather, no index arithmetic.
            go_right = x[:, self.level_feature[0]] > self.level_threshold[0]
            node <<= 1
            node += go_right
        # take(mode="clip") skips the bounds check indexing does; every index is in range.
        for lvl in range(1, self.depth):
            feature = np.take(self.level_feature[lvl], node, mode="clip")
            value = np.take(flat_x, feature + row_base, mode="clip")
            go_right = value > np.take(self.level_threshold[lvl], node, mode="clip")
            node <<= 1
            node += go_right
        raw = self.baseline + np.take(self.leaf_value, node, mode="clip").sum(axis=1)
        out: FloatArray = 1.0 / (1.0 + np.exp(-raw))
        return out


@dataclass(frozen=True)
class LineModel:
    """The shipped line classifier: stop words, the two tree stages, the decision threshold."""

    stop_words: frozenset[str]
    line_stage: TreeEnsemble
    stack_stage: TreeEnsemble

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LineModel:
        """Return the model from its JSON form, refusing one built for other features."""
        if list(d["features"]) != list(FEATURE_NAMES):
            raise ValueError(
                f"{MODEL_FILE} was trained on other features; rerun bench/train_lines.py"
            )
        return cls(
            stop_words=frozenset(d["stop_words"]),
            line_stage=TreeEnsemble.from_dict(d["line_stage"]),
            stack_stage=TreeEnsemble.from_dict(d["stack_stage"]),
        )

    def score(self, lines: Sequence[str]) -> FloatArray:
        """Return the stage-2 body probability of each line of one page.

        Blank lines score 0 and are left out of the page the model sees: the scrapes it
        was trained on have none, so neighbour and position features assume there are none.
        """
        probs = np.zeros(len(lines))
        stripped = [line.strip() for line in lines]
        filled = list(compress(range(len(lines)), stripped))
        if filled:
            kept = stripped if len(filled) == len(lines) else [stripped[i] for i in filled]
            x = build_features(kept, self.stop_words)
            first = self.line_stage.predict_proba(x)
            probs[filled] = self.stack_stage.predict_proba(build_stack_features(first, x))
        return probs


@cache
def load_model() -> LineModel:
    """Return the shipped line model, read from the package data once."""
    text = resources.files("newsdesk").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return LineModel.from_dict(json.loads(text))


def score_lines(lines: Sequence[str]) -> list[float]:
    """Return P(body) for each line of ONE page (or one article segment of a page).

    >>> scores = score_lines(["Home | News | Sport", "Sign in"])
    >>> len(scores), all(0.0 <= s <= 1.0 for s in scores)
    (2, True)
    """
    return [float(p) for p in load_model().score(lines)]


def select_body(lines: Sequence[str], threshold: float = 0.5) -> list[bool]:
    """Return, for each line of one page, whether it is article body.

    The stage-2 scores already carry the sequence context (neighbour probabilities), so
    the decision is the threshold on them.

    >>> select_body(["Home", "Contact us", "Copyright 2024 Example Media"])
    [False, False, False]
    """
    return [bool(p >= threshold) for p in load_model().score(lines)]
