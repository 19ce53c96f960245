"""Measure link speed and memory on a generated 100,000-article stream (no embeddings).

The stream is made up here (no bench data): 1,000 articles a day over 100 days; each
article reports one of the stories running that day (story words and names drawn from a
made-up Zipf vocabulary, plus common words); 5% are exact copies and 5% reprints with extra
furniture lines. Only :func:`newsdesk.link.link_articles` is timed (CPU time, so other
load on the machine counts little), in batches as ``newsdesk ingest`` would call it, on one
core. Peak RSS is read before and after the state is written as JSON once at the end; the
CPU cost of that save and of loading it back is reported apart.

    .venv/bin/python -m bench.link_speed [--articles 100000] [--batch 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from collections.abc import Iterator

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from bench.common import write_results
from newsdesk.link import LinkState, link_articles
from newsdesk.model import Article, Source
from newsdesk.settings import Settings

SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]


def make_vocab(rng: random.Random, n: int) -> list[str]:
    """Return ``n`` distinct made-up words."""
    seen: set[str] = set()
    while len(seen) < n:
        seen.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(seen)


def generate_stream(n: int, per_day: int, seed: int = 0) -> Iterator[Article]:
    """Yield ``n`` generated articles in published order."""
    rng = random.Random(seed)
    vocab = make_vocab(rng, 30_000)
    weights = [1.0 / (i + 1) for i in range(len(vocab))]
    common = vocab[:3000]
    rare = vocab[3000:]
    stories: list[tuple[list[str], list[str]]] = []
    recent: list[Article] = []
    for i in range(n):
        day = i // per_day
        if rng.random() < 0.15 or not stories:
            topic = rng.sample(rare, 15)
            names = [w.capitalize() for w in rng.sample(rare, 4)]
            stories.append((topic, names))
            stories = stories[-300:]  # about 300 stories running at once
        published = f"{day * 86400 + (i % per_day) * 80:d}"
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(1.7e9 + int(published)))
        roll = rng.random()
        if roll < 0.05 and recent:
            src = rng.choice(recent)
            yield Article(
                id=f"a{i}",
                source=Source("gen", 0, 0),
                text=src.text,
                title=src.title,
                published=stamp,
            )
            continue
        if roll < 0.10 and recent:
            src = rng.choice(recent)
            text = "Advertisement\n" + src.text + "\nRead more stories\nShare on social media"
            yield Article(
                id=f"a{i}", source=Source("gen", 0, 0), text=text, title=src.title, published=stamp
            )
            continue
        topic, names = rng.choice(stories[-300:])
        words = (
            rng.choices(common, weights[:3000], k=170)
            + rng.choices(topic, k=25)
            + rng.choices(names, k=8)
        )
        rng.shuffle(words)
        sentences = [
            " ".join(words[j : j + 17]).capitalize() + "." for j in range(0, len(words), 17)
        ]
        art = Article(
            id=f"a{i}",
            source=Source("gen", 0, 0),
            text=" ".join(sentences),
            title=" ".join([names[0], *topic[:5]]),
            published=stamp,
        )
        recent = [*recent[-200:], art]
        yield art


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    settings = Settings(story_embeddings=False)  # the target is "without embeddings"
    state = None
    linked_total = 0
    dups = derived = 0
    secs = 0.0
    cpu = 0.0
    batch: list[Article] = []
    rss_after_first_day = None
    checkpoints = []

    def flush() -> None:
        nonlocal state, linked_total, dups, derived, secs, cpu
        t0 = time.perf_counter()
        c0 = time.process_time()
        out, state = link_articles(batch, state, settings)
        secs += time.perf_counter() - t0
        cpu += time.process_time() - c0
        linked_total += len(out)
        dups += sum(1 for a in out if a.duplicate_of)
        derived += sum(1 for a in out if a.derived_from)
        batch.clear()

    link_articles([], None, settings)  # load lazy data (word frequencies) outside the clock
    for art in generate_stream(args.articles, 1000):
        batch.append(art)
        if len(batch) >= args.batch:
            flush()
            if rss_after_first_day is None and linked_total >= 10_000:
                rss_after_first_day = peak_rss_mb()
            if linked_total % 20_000 == 0:
                assert state is not None
                checkpoints.append(
                    {
                        "articles": linked_total,
                        "peak_rss_mb": round(peak_rss_mb(), 1),
                        "stories_in_window": len(state.stories.stories),
                    }
                )
                print(
                    checkpoints[-1],
                    f"{linked_total / secs:.0f} art/s",
                    f"{linked_total / cpu:.0f} art/cpu-s",
                    flush=True,
                )
    if batch:
        flush()
    assert state is not None
    rss_before_dump = peak_rss_mb()
    c0 = time.process_time()
    dumped = json.dumps(state.to_dict())
    dump_cpu = time.process_time() - c0
    c0 = time.process_time()
    LinkState.from_dict(json.loads(dumped))
    load_cpu = time.process_time() - c0
    state_json = len(dumped)
    del dumped
    figures = {
        "articles": linked_total,
        "batch": args.batch,
        "seconds": round(secs, 2),
        "articles_per_s": round(linked_total / secs, 1),
        "cpu_seconds": round(cpu, 2),
        "articles_per_cpu_s": round(linked_total / cpu, 1),
        "load_average_at_end": os.getloadavg(),
        "duplicates_found": dups,
        "derived_found": derived,
        "duplicates_generated_about": "10% (5% exact, 5% with furniture)",
        "stories_in_window_at_end": len(state.stories.stories),
        "articles_in_window_at_end": len(state.stories.member_of),
        "state_json_mb": round(state_json / 1e6, 1),
        # ``newsdesk ingest`` saves the state after each call and loads it before the next.
        "state_save_cpu_s": round(dump_cpu, 2),
        "state_load_cpu_s": round(load_cpu, 2),
        "peak_rss_mb_before_state_json": round(rss_before_dump, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_rss_mb_after_10k": rss_after_first_day,
        "checkpoints": checkpoints,
        "window_days": settings.story_window_days,
        "embeddings": "none (TF-IDF, names, time only)",
    }
    print(json.dumps(figures, indent=1))
    if not args.no_write:
        write_results("link_speed", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
