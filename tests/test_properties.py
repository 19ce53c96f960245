"""Hypothesis properties: cleaning only removes, ingest twice stores once, exports validate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsdesk.clean.articles import clean_page
from newsdesk.cli import app
from newsdesk.errors import InputError
from newsdesk.export import build_export
from newsdesk.model import Page
from newsdesk.pipeline import read_articles

WORDS = st.sampled_from(
    "the harbour council said on Monday that ferry service would start in May mayor residents "
    "island tickets cost families Subscribe Related Links © 2031 Download app Credit... photo "
    "By Ana Lima Harbour Gazette time04-07-2031 Updated 6:31 p.m. ET | • ...".split()
)
LINE = (
    st.lists(WORDS, min_size=0, max_size=40)
    .map(" ".join)
    .map(lambda s: s + "." if len(s.split()) > 8 else s)
)
PAGE = st.lists(LINE, min_size=1, max_size=30).map("\n".join)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE)
def test_cleaning_only_removes(text: str) -> None:
    page = Page("gen.txt", "text", text, 0, len(text))
    try:
        articles = clean_page(page, scorer=None)
    except InputError:
        return
    for a in articles:
        region = text[a.source.start : a.source.end]
        # every character of the body comes from the article's span, in order (whitespace aside)
        assert _is_subsequence(_squash(a.text), _squash(region))
        for para in a.text.split("\n\n"):
            assert para in region


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(PAGE, min_size=1, max_size=4))
def test_ingest_twice_stores_once(tmp_path_factory, pages: list[str]) -> None:
    d = tmp_path_factory.mktemp("pages")
    for i, text in enumerate(pages):
        (d / f"p{i}.txt").write_text(
            text
            + "\n\nThe harbour council said on Monday that the ferry service would start in May, the mayor said.\n",
            encoding="utf-8",
        )
    db = d / "t.db"
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(d), "--db", str(db), "--no-analyze"])
    first = runner.invoke(app, ["export", "--db", str(db)]).stdout
    runner.invoke(app, ["ingest", str(d), "--db", str(db), "--no-analyze"])
    second = runner.invoke(app, ["export", "--db", str(db)]).stdout
    assert json.loads(first) == json.loads(second)


def test_seed_export_validates(seeds_dir: Path, contract_schema: dict, db_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db_path)]).exit_code == 0
    result = runner.invoke(app, ["export", "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, contract_schema)
    assert len(doc["articles"]) == 9
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for story in doc["stories"]:
        for item in [*story["brief"], *story["timeline"]]:
            for cite in item["cites"]:
                assert cite["quote"] in texts[cite["article"]]


def test_export_without_stories_validates(seeds_dir: Path, contract_schema: dict) -> None:
    doc = build_export(read_articles([seeds_dir]), [])
    jsonschema.validate(doc, contract_schema)
    assert len(doc["stories"]) == 9
