"""Shared pieces of the bench scripts: data paths, results files, one P/R/F1 counter."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSDESK_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "bench"
RESULTS = ROOT / "bench" / "results"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Return the records of a JSONL file."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def digest(path: Path) -> str:
    """Return the sha256 of a data file, so a results file names exactly what it scored."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def machine() -> dict[str, Any]:
    """Return what a results file records about the machine."""
    mem = None
    try:
        with open("/proc/meminfo") as fh:
            mem = fh.readline().split()[1] + " kB"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def write_results(name: str, figures: dict[str, Any], inputs: list[Path] | None = None) -> Path:
    """Write ``bench/results/NAME.json`` with machine, date, input digests and figures."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}.json"
    doc = {
        "name": name,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "inputs": {
            str(p.relative_to(SHARED)) if p.is_relative_to(SHARED) else str(p): digest(p)
            for p in (inputs or [])
        },
        "figures": figures,
    }
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


@dataclass
class PRF:
    """One tp/fp/fn counter for every quality figure (as spaCy's PRFScore)."""

    tp: float = 0
    fp: float = 0
    fn: float = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4)}


def f1_of(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- the article-extraction-benchmark metric (bench README section 2) ---------------------

_WORD = re.compile(r"\w+")


def aeb_shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Return the multiset of ``n``-token shingles AEB scores on."""
    toks = _WORD.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def aeb_counts(pred: str, gold: str) -> tuple[float, float, float]:
    """Return (tp, fp, fn) of one page, each divided by tp+fp+fn as AEB does."""
    ps, gs = aeb_shingles(pred), aeb_shingles(gold)
    tp = sum((ps & gs).values())
    fp = sum((ps - gs).values())
    fn = sum((gs - ps).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def aeb_score(
    preds: list[str], golds: list[str], bootstrap: int = 1000, seed: int = 0
) -> dict[str, Any]:
    """Return AEB precision, recall, F1 (of the means), exact-match share and bootstrap sd."""
    import random

    per = [aeb_counts(p, g) for p, g in zip(preds, golds, strict=True)]
    exact = [
        _WORD.findall(p or "") == _WORD.findall(g or "") for p, g in zip(preds, golds, strict=True)
    ]

    def prf(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
        ps = [tp / (tp + fp) for tp, fp, fn in rows if tp + fp > 0]
        rs = [tp / (tp + fn) for tp, fp, fn in rows if tp + fn > 0]
        p = sum(ps) / len(ps) if ps else 0.0
        r = sum(rs) / len(rs) if rs else 0.0
        return p, r, f1_of(p, r)

    p, r, f = prf(per)
    rng = random.Random(seed)
    fs = []
    for _ in range(bootstrap):
        sample = [per[rng.randrange(len(per))] for _ in per]
        fs.append(prf(sample)[2])
    mean = sum(fs) / len(fs) if fs else 0.0
    sd = (sum((x - mean) ** 2 for x in fs) / max(1, len(fs) - 1)) ** 0.5 if fs else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(f, 4),
        "f1_sd": round(sd, 4),
        "exact": round(sum(exact) / len(exact), 4) if exact else 0.0,
        "empty": sum(1 for x in preds if not _WORD.findall(x or "")),
        "pages": len(preds),
    }
