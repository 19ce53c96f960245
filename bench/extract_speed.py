"""Measure extraction speed: words per CPU second of annotate_article, and of each part.

Run from the repo root: ``.venv/bin/python -m bench.extract_speed [--articles N]``.
Text: the PolNeAR dev articles (news prose, read only here). CPU time of this process
(``time.process_time``) is the per-core figure, so other jobs on the machine do not count;
spaCy runs single-threaded.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from bench.common import DATA, read_jsonl, write_results
from newsdesk.extract.annotate import annotate_article
from newsdesk.extract.entities import extract_entities
from newsdesk.extract.nlp import load_nlp, parse_text
from newsdesk.extract.quantities import extract_quantities
from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.sentences import split_sentences
from newsdesk.extract.times import extract_times
from newsdesk.model import Article, Source


def time_words(fn: Callable[[Any], Any], items: list[Any], words: int) -> float:
    """Return words per CPU second of ``fn`` over ``items``."""
    t0 = time.process_time()
    for item in items:
        fn(item)
    spent = time.process_time() - t0
    return round(words / spent) if spent else 0.0


def main(argv: list[str]) -> int:
    """Time annotate_article and its parts; write bench/results/extract_speed.json."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=0, help="use only the first N articles")
    args = ap.parse_args(argv)
    path: Path = DATA / "quotes" / "polnear_dev.jsonl"
    seen: set[str] = set()
    records = []
    for r in read_jsonl(path):
        if r["id"] not in seen:
            seen.add(r["id"])
            records.append(r)
    if args.articles:
        records = records[: args.articles]
    articles = [
        Article(
            id=r["id"],
            source=Source(str(path), 0, len(r["text"])),
            text=r["text"],
            published=r["publication_date"],
        )
        for r in records
    ]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    load_nlp()
    annotate_article(articles[0])  # warm caches outside the clock
    docs = [parse_text(t) for t in texts]
    figures = {
        "articles": len(articles),
        "words": words,
        "annotate_article_words_per_s": time_words(annotate_article, articles, words),
        "parts_words_per_s": {
            "spacy_ner": time_words(parse_text, texts, words),
            "entities_given_doc": time_words(
                lambda i: extract_entities(texts[i], docs[i]), list(range(len(texts))), words
            ),
            "quotes": time_words(extract_quotes, texts, words),
            "sentences": time_words(split_sentences, texts, words),
            "times": time_words(lambda a: extract_times(a.text, a.published), articles, words),
            "quantities": time_words(extract_quantities, texts, words),
        },
        "pipeline": list(load_nlp().pipe_names),
        "threads": os.environ.get("OMP_NUM_THREADS"),
    }
    print(figures)
    write_results("extract_speed", figures, [path])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
