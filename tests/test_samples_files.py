"""The bundled sample corpus: every file exists, parses as its kind, and stays fictional."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import re
import zoneinfo
from pathlib import Path

import feedparser
import lxml.html
from warcio.archiveiterator import ArchiveIterator

from newsdesk.clean.outlets import build_registry, default_registry, parse_outlets

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CORPUS = SAMPLES / "corpus"
TEXTS = [
    "01_newsloop_aggregator.txt",
    "02_seawatch_ticker.txt",
    "03_marinedaily_dateline.txt",
    "04_meridianpost_paywall.txt",
    "05_dispatchline_datefirst.txt",
]
HTMLS = ["06_harbourgazette_jsonld.html", "07_pacificledger_hostile.html"]
WARC = "08_ccnews.warc.gz"
FEEDS = {"09_northgate_rss.xml": "rss20", "10_oceanicreview_atom.xml": "atom10"}
JSONL = "11_articles.jsonl"
ALL = [*TEXTS, *HTMLS, WARC, *FEEDS, JSONL]


def test_corpus_holds_exactly_the_listed_files() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(ALL)


def test_readme_describes_every_file() -> None:
    readme = (SAMPLES / "README.md").read_text("utf-8")
    for name in ALL:
        assert f"`{name}`" in readme, name


def test_text_files_are_utf8_with_lines() -> None:
    for name in TEXTS:
        text = (CORPUS / name).read_bytes().decode("utf-8")
        assert len(text.split("\n")) > 10 and "\r" not in text, name


def test_aggregator_page_has_four_items_in_seed_layout() -> None:
    lines = (CORPUS / TEXTS[0]).read_text("utf-8").split("\n")
    dates = [i for i, line in enumerate(lines) if re.fullmatch(r"time\d\d-\d\d-\d{4}", line)]
    assert len(dates) == 4
    for i in dates:
        title, outlet = lines[i - 5], lines[i - 2]
        assert lines[i - 4] == title and lines[i + 5] == title
        assert lines[i + 3] == f"  \u2022 {outlet}"


def test_html_pages_parse_and_carry_their_metadata() -> None:
    gazette = lxml.html.fromstring((CORPUS / HTMLS[0]).read_bytes())
    (ld,) = gazette.xpath('//script[@type="application/ld+json"]/text()')
    data = json.loads(ld)
    assert data["@type"] == "NewsArticle"
    assert data["datePublished"] == "2031-03-14T07:15:00+07:00"
    assert [a["name"] for a in data["author"]] == ["Tomasz Elwin", "Rosa Quint"]
    ledger = lxml.html.fromstring((CORPUS / HTMLS[1]).read_bytes())
    # The hostile title is text, not markup, once parsed.
    assert "<script>" in ledger.findtext(".//title")
    assert ledger.xpath('//meta[@property="article:published_time"]/@content') == [
        "2031-03-14T11:05:00+11:00"
    ]
    assert ledger.xpath("//img/@onerror") == ["alert('pwned')"]


def load_make_binary():
    spec = importlib.util.spec_from_file_location("make_binary", SAMPLES / "make_binary.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_warc_matches_its_script_and_holds_three_responses() -> None:
    committed = (CORPUS / WARC).read_bytes()
    buffer = io.BytesIO()
    load_make_binary().write_warc(buffer)
    assert hashlib.sha256(buffer.getvalue()).hexdigest() == hashlib.sha256(committed).hexdigest()
    responses = []
    for record in ArchiveIterator(io.BytesIO(committed)):
        if record.rec_type == "response":
            uri = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
            html = record.content_stream().read().decode("utf-8")
            responses.append((uri, date, html))
    assert [urlhost(u) for u, _, _ in responses] == [
        "www.coastlinewire.example",
        "tidewatertimes.example",
        "skywardscience.example",
    ]
    assert all(re.fullmatch(r"2031-03-1\dT\d\d:\d\d:\d\dZ", d) for _, d, _ in responses)
    assert all("<article>" in h for _, _, h in responses)


def urlhost(url: str) -> str:
    return url.split("/")[2]


def test_feeds_parse_with_full_content() -> None:
    for name, version in FEEDS.items():
        feed = feedparser.parse((CORPUS / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.version == version
        assert len(feed.entries) == 2
        for entry in feed.entries:
            assert len(entry.content[0].value) > 300
            assert entry.get("published")


def test_jsonl_rows_parse() -> None:
    rows = [json.loads(line) for line in (CORPUS / JSONL).read_text("utf-8").splitlines()]
    assert len(rows) == 2
    assert set(rows[0]) == {"url", "outlet", "title", "authors", "published", "text"}
    assert set(rows[1]) == {"text"}


def test_sample_outlets_are_fictional_and_well_formed() -> None:
    outlets = parse_outlets((SAMPLES / "outlets.json").read_text("utf-8"))
    real = default_registry()
    for outlet in outlets:
        assert outlet.hosts and all(h.endswith(".example") for h in outlet.hosts)
        assert outlet.country is not None and re.fullmatch(r"[A-Z]{2}", outlet.country)
        assert outlet.tz is not None
        zoneinfo.ZoneInfo(outlet.tz)
        for name in (outlet.name, *outlet.aliases):
            assert real.by_name.get(name.casefold().removeprefix("the ")) is None, name
    registry = build_registry([*real.outlets, *outlets])
    assert len(registry.outlets) == len(real.outlets) + len(outlets)


def test_corpus_names_only_fictional_hosts() -> None:
    # Any URL in the corpus must use the reserved .example TLD (schema.org and the
    # RSS/Atom namespaces aside), so nothing points at a real outlet.
    allowed = {"schema.org", "purl.org", "www.w3.org"}
    for name in [*TEXTS, *HTMLS, *FEEDS, JSONL]:
        text = (CORPUS / name).read_text("utf-8")
        for host in re.findall(r"https?://([^/\s\"'<>]+)", text):
            assert host.endswith(".example") or host in allowed, (name, host)


def read_raw(number: str) -> str:
    (path,) = CORPUS.glob(f"{int(number):02d}_*")
    if path.suffix == ".gz":
        stream = ArchiveIterator(io.BytesIO(path.read_bytes()))
        return "\n".join(r.content_stream().read().decode("utf-8") for r in stream)
    return path.read_text("utf-8")


def test_readme_expected_titles_and_authors_occur_in_their_files() -> None:
    # The integrator's pipeline tests assert the README table; keep it true to the files.
    readme = (SAMPLES / "README.md").read_text("utf-8")
    rows = re.findall(r"^\| (\d+)[a-d]? \| [^|]+ \| [^|]+ \| ([^|]+) \| ([^|]+) \|", readme, re.M)
    assert len(rows) == 19
    for number, title, authors in rows:
        raw = read_raw(number)
        title = title.strip().removesuffix(" (as literal text)")
        if title != "—" and not title.startswith("— "):
            assert title in raw, (number, title)
        for author in authors.split(","):
            author = author.strip()
            if not author.startswith("—"):
                assert author in raw, (number, author)
