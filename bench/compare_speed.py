"""Time compare + brief of a generated 100-article story on one core (goal: under 5 s).

The story is generated (fictional, no bench data): 100 articles of 25 sentences drawn from
a pool of event sentences with varied wording, dates, counts and quotes, some articles
copies of others, so alignment, positions, quotes and the brief all have work to do.

    .venv/bin/python -m bench.compare_speed [--articles N] [--repeat R]
"""

from __future__ import annotations

import os

# One core: keep numpy/BLAS from spreading over the machine.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

from bench.common import write_results  # noqa: E402
from newsdesk.brief.brief import brief_story  # noqa: E402
from newsdesk.compare.align import _split_and_compare  # noqa: E402
from newsdesk.compare.story import compare_story  # noqa: E402
from newsdesk.model import Article, Source, Story  # noqa: E402
from newsdesk.settings import Settings  # noqa: E402

PLACES = ["Eastbrook", "Vell", "Northmoor", "Calder", "Ashford", "Linwick", "Harrowgate", "Selby"]
PEOPLE = ["Lena Ortiz", "Tomas Reyne", "Ines Calloway", "Oren Halstead", "Maureen Ashdown"]
VERBS = ["approved", "rejected", "opened", "closed", "announced", "delayed", "funded", "inspected"]
THINGS = ["flood barrier", "tram line", "bridge", "harbour wall", "school", "water plant"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FILLER = ["officials said", "according to the council", "residents said", "the agency reported"]


def make_sentence(rng: random.Random, k: int) -> str:
    """Return one fictional news sentence; ``k`` picks the underlying event."""
    ev = random.Random(k)
    place, thing, verb = ev.choice(PLACES), ev.choice(THINGS), ev.choice(VERBS)
    day = ev.choice(DAYS) if rng.random() > 0.05 else rng.choice(DAYS)
    count = ev.randint(2, 900) + (rng.randint(1, 3) if rng.random() < 0.05 else 0)
    if ev.random() < 0.2:
        person = ev.choice(PEOPLE)
        return f'"The {thing} in {place} will serve {count} families," {person} said on {day}.'
    lead = rng.choice(["The", "A", "The new"])
    return f"{lead} {thing} in {place} was {verb} on {day}, {rng.choice(FILLER)}, at a cost of {count} million euros."


def make_story(n: int, sentences: int = 25, seed: int = 0) -> tuple[list[Article], dict[str, str]]:
    """Return ``n`` generated articles of one story and their origins (every 10th a copy)."""
    rng = random.Random(seed)
    articles: list[Article] = []
    origins: dict[str, str] = {}
    for i in range(n):
        aid = f"a{i:03d}"
        if i % 10 == 9:
            src = articles[i - 1]
            text = src.text.replace(" said", " told reporters")
            origins[aid] = origins[src.id]
        else:
            text = " ".join(make_sentence(rng, rng.randrange(60)) for _ in range(sentences))
            origins[aid] = aid
        articles.append(
            Article(
                aid,
                Source("generated", 0, len(text)),
                text,
                outlet=f"Outlet {i}",
                published="2031-03-14",
                title=f"Story {i}",
            )
        )
    return articles, origins


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    articles, origins = make_story(args.articles)
    settings = Settings()
    story = Story("bench", "", tuple(a.id for a in articles))
    times: list[float] = []
    cpu: list[float] = []
    result = story
    for _ in range(args.repeat):
        _split_and_compare.cache_clear()  # each run starts cold; only compare→brief share
        t0, c0 = time.perf_counter(), time.process_time()
        result = brief_story(
            compare_story(story, articles, origins, settings), articles, origins, settings
        )
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    figures = {
        "articles": len(articles),
        "sentences": sum(a.text.count(". ") + 1 for a in articles),
        "characters": sum(len(a.text) for a in articles),
        "seconds_median": round(statistics.median(times), 3),
        "seconds_all": [round(t, 3) for t in times],
        # CPU seconds of this process: the one-core cost when other jobs share the machine.
        "cpu_seconds_median": round(statistics.median(cpu), 3),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "goal_seconds": 5.0,
        "claims": len(result.claims),
        "quotes": len(result.quotes),
        "brief_sentences": len(result.brief),
        "threads": os.environ.get("OMP_NUM_THREADS"),
    }
    out = write_results("compare_speed", figures)
    print(
        f"{len(articles)} articles: median {figures['seconds_median']} s wall, "
        f"{figures['cpu_seconds_median']} s CPU (load {figures['load_average_1min']}) -> {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
