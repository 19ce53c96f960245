"""The five real seed pages become exactly 9 articles with the right bodies and metadata.

Expected bodies are given as line numbers of the seed files (read at test time), so no
seed text is copied into the project. A body line marked "prefix" is kept up to a glued
tail that cleaning must cut; "suffix" marks a glued dateline cut from the start.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.pipeline import read_articles

# file -> list of (title line or None, body lines, outlet, country, authors, published, updated, partial)
EXPECTED = {
    "000_a0da7e7e88388d5f.txt": [
        (5, [(17, "prefix")], "Yahoo", "US", [], "2025-07-04", None, False),
        (19, [31], "Times of Oman", "OM", [], "2025-07-04", None, False),
        (33, [45], "The Independent", "GB", [], "2025-07-04", None, False),
        (47, [59], "The Japan Times", "JP", [], "2025-07-04", None, False),
        (61, [(73, "prefix")], "Yahoo", "US", [], "2025-07-03", None, False),
    ],
    "001_2647d41e91e4d310.txt": [
        (None, [(0, "suffix"), *range(1, 12)], "SpaceWar", "US", [], "2025-07-03", None, False),
    ],
    "002_430fdf1d00515a17.txt": [
        (0, [15, 17, 19, 21, 23, 25, 27], "The New York Times", "US", ["Paul Sonne", "Tyler Pager"],
         "2025-07-03", "2025-07-03T18:31:00-04:00", True),
    ],
    "003_69dd8bf05461d683.txt": [
        (7, list(range(17, 46, 2)), "GreenWatch", "BD", [], "2025-07-04T11:03:00+06:00", None, False),
    ],
    "004_e9c59388bfe4e749.txt": [
        (0, list(range(2, 23, 2)), "Reportultra", None, [], "2025-07-04T16:33:00+07:00", None, False),
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def seed_articles(seeds_dir: Path) -> dict[str, list]:
    return {name: read_articles([seeds_dir / name]) for name in EXPECTED}


def test_nine_articles(seeds_dir: Path) -> None:
    assert len(read_articles([seeds_dir])) == 9


@pytest.mark.parametrize(
    ("name", "n"), [(name, n) for name, rows in EXPECTED.items() for n in range(len(rows))]
)
def test_article(seeds_dir: Path, seed_articles: dict[str, list], name: str, n: int) -> None:
    raw = (seeds_dir / name).read_text(encoding="utf-8").split("\n")
    articles = seed_articles[name]
    assert len(articles) == len(EXPECTED[name])
    title_line, body, outlet, country, authors, published, updated, partial = EXPECTED[name][n]
    a = articles[n]
    assert a.title == (raw[title_line].strip() if title_line is not None else None)
    assert a.outlet == outlet
    assert a.outlet_country == country
    assert list(a.authors) == authors
    assert a.published == published
    assert a.updated == updated
    assert a.partial is partial
    assert a.language == "en"
    paragraphs = a.text.split("\n\n")
    assert len(paragraphs) == len(body)
    for para, spec in zip(paragraphs, body, strict=True):
        line, how = spec if isinstance(spec, tuple) else (spec, "whole")
        source = raw[line].strip()
        if how == "whole":
            assert para == source
        elif how == "prefix":  # a glued tail was cut: the paragraph ends at a sentence end
            assert source.startswith(para) and len(para) < len(source)
            assert para.rstrip()[-1] in ".!?\"'”’"
        else:  # a glued dateline was cut from the start
            assert source.endswith(para) and len(para) < len(source)


def test_spans_cover_the_file_in_order(seeds_dir: Path, seed_articles: dict[str, list]) -> None:
    for name, articles in seed_articles.items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        ends = 0
        for a in articles:
            assert a.source.path.endswith(name)
            assert a.source.start == ends
            ends = a.source.end
            region = text[a.source.start : a.source.end]
            for para in a.text.split("\n\n"):
                assert para in region
        assert ends == len(text)


def test_furniture_is_gone(seed_articles: dict[str, list]) -> None:
    furniture = ["Download", "Subscribe", "Related Links", "Credit...", "verify access", "Read Entire Article",
                 "Olahraga", ".png", "Privacy policy", "All rights reserved", "Latest news with", "• "]  # fmt: skip
    for articles in seed_articles.values():
        for a in articles:
            for bit in furniture:
                assert bit not in a.text, (a.outlet, bit)


def test_removed_furniture_is_recorded(seed_articles: dict[str, list]) -> None:
    reasons = {r.reason for arts in seed_articles.values() for a in arts for r in a.removed}
    assert {
        "paywall",
        "caption",
        "image",
        "dateline",
        "glued-headlines",
        "glued-copyright",
        "chip",
    } <= reasons
