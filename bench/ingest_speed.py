"""Ingest speed and memory: generated text scrapes and HTML pages into SQLite, one process.

Pages are made from the bundled (fictional) sample corpus with words swapped, so each page
is distinct and carries the same furniture. Measures ingest + clean + store (the story
stages are benchmarked apart) after a warm-up of 50 pages into a throwaway database (model
and locale loading are reported as ``warmup_cpu_s``, not counted): pages/s on one core
(CPU time: robust to other jobs on the shared machine), wall pages/s, the load average,
and peak resident memory. The sample HTML pages are small (a few k characters); the
honest HTML figure is bench/html_speed.py's whole ingest path on the 90 real AEB pages.

    .venv/bin/python -m bench.ingest_speed                 # 3,000 text + 600 HTML pages
    .venv/bin/python -m bench.ingest_speed --memory 100000 # adds the 100,000-page memory run
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, write_results
from newsdesk.clean.meta import detect_language
from newsdesk.pipeline import ingest_files, load_registry
from newsdesk.store import Store

SAMPLES = ROOT / "samples" / "corpus"
WORDS = re.compile(r"\b[a-z]{5,}\b")


def _variants(template: str, n: int, rng: random.Random) -> list[str]:
    vocab = sorted(set(WORDS.findall(template)))
    out = []
    for i in range(n):
        swap = {w: rng.choice(vocab) for w in rng.sample(vocab, min(12, len(vocab)))}
        text = WORDS.sub(lambda m, swap=swap: swap.get(m.group(0), m.group(0)), template)
        out.append(text.replace("Maravel", f"Maravel-{i}"))
    return out


def make_pages(folder: Path, text_pages: int, html_pages: int, seed: int = 0) -> None:
    """Write ``text_pages`` text scrapes and ``html_pages`` HTML pages under ``folder``."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("0[2-5]_*.txt"))]
    htmls = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.html"))]
    for kind, templates, count, ext in (
        ("text", texts, text_pages, "txt"),
        ("html", htmls, html_pages, "html"),
    ):
        made = 0
        while made < count:
            for t in templates:
                batch = min(50, count - made)
                sub = folder / kind / f"{made // 1000:04d}"
                sub.mkdir(parents=True, exist_ok=True)
                for j, v in enumerate(_variants(t, batch, rng)):
                    (sub / f"{made + j:07d}.{ext}").write_text(v, encoding="utf-8")
                made += batch
                if made >= count:
                    break


def warm_up(folder: Path, db: Path) -> float:
    """Ingest the first 50 pages under ``folder`` into a throwaway store; return CPU seconds."""
    registry = load_registry([ROOT / "samples" / "outlets.json"])
    first = sorted(p for p in folder.rglob("*") if p.is_file())[:50]
    cpu0 = time.process_time()
    with Store(db) as store:
        ingest_files(store, first, registry=registry, analyze=False)
    # The language model loads on the first non-English page, which the first 50 pages
    # may not hold: load it here, or its one-off ~0.6 s lands in the per-page figure.
    detect_language("Der Stadtrat hat am Montag beschlossen, die alte Fähre wieder zu öffnen.")
    return round(time.process_time() - cpu0, 2)


def run(folder: Path, db: Path) -> dict[str, Any]:
    """Ingest every page under ``folder`` into a new store; return the speed figures."""
    registry = load_registry([ROOT / "samples" / "outlets.json"])
    store = Store(db)
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    report = ingest_files(store, [folder], registry=registry, analyze=False)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    store.close()
    pages = report.files
    return {
        "pages": pages,
        "articles": report.articles,
        "errors": len(report.errors),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "pages_per_s_per_core": round(pages / cpu, 1) if cpu else 0.0,
        "wall_pages_per_s": round(pages / wall, 1) if wall else 0.0,
        "cpu_ms_per_page": round(1000 * cpu / pages, 3) if pages else 0.0,
        "load_average": [round(load, 2), round(os.getloadavg()[0], 2)],  # before, after
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--text", type=int, default=3000)
    ap.add_argument("--html", type=int, default=600)
    ap.add_argument(
        "--memory", type=int, default=0, help="also ingest this many text pages and report peak RSS"
    )
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for kind, n_text, n_html in (("text", args.text, 0), ("html", 0, args.html)):
            folder = base / kind
            make_pages(folder, n_text, n_html)
            warmup = warm_up(folder, base / f"{kind}-warmup.db")
            figures[kind] = {**run(folder, base / f"{kind}.db"), "warmup_cpu_s": warmup}
            print(kind, figures[kind], flush=True)
            shutil.rmtree(folder)
        if args.memory:
            folder = base / "memory"
            make_pages(folder, args.memory, 0, seed=1)
            figures["memory"] = run(folder, base / "memory.db")
            print("memory", figures["memory"], flush=True)
    figures["targets"] = {
        "text_pages_per_s_per_core": 300,
        "html_pages_per_s_per_core": 60,
        "peak_rss_mb": 500,
    }
    write_results("ingest_speed", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
