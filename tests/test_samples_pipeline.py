"""The bundled sample corpus (fictional, every input kind) becomes the articles samples/README.md lists."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.pipeline import load_registry, read_articles

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

# (file, n-th article of that file): outlet, title start, authors, published, updated, partial
EXPECTED = {
    ("01_newsloop_aggregator.txt", 0): ("Lantern Daily", "Oil spill shuts Port Averin", (), "2031-03-14", None, False),
    ("01_newsloop_aggregator.txt", 1): ("The Island Courier", "Maravel spill: crews race", (), "2031-03-14", None, False),
    ("01_newsloop_aggregator.txt", 2): ("Lowmoor Echo", "Lowmoor council approves", (), "2031-03-13", None, False),
    ("01_newsloop_aggregator.txt", 3): ("Coastline Wire", "Ship aground off Maravel", (), "2031-03-13", None, False),
    ("02_seawatch_ticker.txt", 0): ("SeaWatch", "Stranded Grain Ship", (), "2031-03-14T09:12:00+06:00", None, False),
    ("03_marinedaily_dateline.txt", 0): ("MarineDaily", None, (), "2031-03-13", None, False),
    ("04_meridianpost_paywall.txt", 0): ("The Meridian Post", "Grain Ship Runs Aground", ("Clara Nwosu", "Ethan Marr"),
                                         "2031-03-13", "2031-03-13T18:31:00-04:00", True),
    ("05_dispatchline_datefirst.txt", 0): ("Dispatchline", "Maravel oil spill: harbour shut", (), "2031-03-14T16:33:00+07:00", None, False),
    ("06_harbourgazette_jsonld.html", 0): ("Harbour Gazette", "Oil from stranded Orla Brand", ("Tomasz Elwin", "Rosa Quint"),
                                           "2031-03-14T07:15:00+07:00", "2031-03-14T09:02:00+07:00", False),
    ("07_pacificledger_hostile.html", 0): ("Pacific Ledger", "Reef grounding: what we know", ("Liam Osei",), "2031-03-14T11:05:00+11:00", None, False),
    ("08_ccnews.warc.gz", 0): ("Coastline Wire", "Cargo ship runs aground", ("Maya Thornfield",), "2031-03-14T02:10:00+00:00", None, False),
    ("08_ccnews.warc.gz", 1): ("Tidewater Times", "Cargo ship runs aground", ("Maya Thornfield",), "2031-03-14T16:20:00+13:00", None, False),
    ("08_ccnews.warc.gz", 2): ("Skyward Science", "Kellan Observatory astronomers", ("Priya Vandermeer",), "2031-03-12T09:30:00-07:00", None, False),
    ("09_northgate_rss.xml", 0): ("Northgate Herald", "Grain ship hits reef", (), "2031-03-14T08:20:00+00:00", None, False),
    ("09_northgate_rss.xml", 1): ("Northgate Herald", "Tram extension to Hallam Park", ("Gemma Rudd",), "2031-03-13T21:47:00+00:00", None, False),
    ("10_oceanicreview_atom.xml", 0): ("Oceanic Review", "Satellite images show", ("Nadia Ferrante", "Joel Whitcombe"),
                                       "2031-03-14T19:30:00+08:00", "2031-03-14T19:45:00+08:00", False),
    ("10_oceanicreview_atom.xml", 1): ("Oceanic Review", "Newly found comet Kellan", ("Joel Whitcombe",), "2031-03-13T08:00:00+08:00", None, False),
    ("11_articles.jsonl", 0): ("Averin Today", "Salvage team to pump fuel", ("Mireille Santos",), "2031-03-14T10:30:00+07:00", None, False),
    ("11_articles.jsonl", 1): (None, None, (), None, None, False),
}  # fmt: skip

NOT_IN_BODY = [
    "Maravel Fishermen Fear", "Ferry Services To Maravel", "Copyright 2031", "GET THE APP", "Related Links",
    "|Subscribe", "Credit...", "Read Entire Article", "More Stories", "Privacy Notice", "dispatchline.example",
    "Advertisement", "document.write", "onerror=\"alert('pwned')\"", "Ledger Morning Brief", "Most read",
    "confirm your access", "Berita",
]  # fmt: skip


@pytest.fixture(scope="module")
def articles() -> dict[tuple[str, int], object]:
    registry = load_registry([SAMPLES / "outlets.json"])
    out: dict[tuple[str, int], object] = {}
    for a in read_articles([SAMPLES / "corpus"], registry):
        name = Path(a.source.path).name
        n = sum(1 for key in out if key[0] == name)
        out[(name, n)] = a
    return out


def test_every_expected_article_and_no_more(articles: dict) -> None:
    assert set(articles) == set(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_metadata(articles: dict, key: tuple[str, int]) -> None:
    outlet, title, authors, published, updated, partial = EXPECTED[key]
    a = articles[key]
    assert a.outlet == outlet
    assert (a.title is None) if title is None else a.title.startswith(title)
    assert a.authors == authors
    assert a.published == published
    assert a.updated == updated
    assert a.partial is partial


def test_no_furniture_in_bodies(articles: dict) -> None:
    for key, a in articles.items():
        for bit in NOT_IN_BODY:
            assert bit not in a.text, (key, bit)


def test_hostile_markup_is_text_only(articles: dict) -> None:
    a = articles[("07_pacificledger_hostile.html", 0)]
    assert "<script>alert('ledger')</script>" in a.title  # the page escaped it: it is literal text
    assert "<img src=x onerror=alert(document.cookie)>" in a.text


def test_demo_job_builds_a_valid_export(
    tmp_path: Path, contract_schema: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SAMPLES.parent)
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(app, ["demo", "--db", str(db), "--no-serve"])
    assert result.exit_code == 0, result.output
    doc = json.loads(db.with_suffix(".json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, contract_schema)
    assert len(doc["articles"]) == len(EXPECTED)
