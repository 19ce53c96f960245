"""The web app over a real SQLite file and a real server: pages, JSON API, errors, safety, upload."""

from __future__ import annotations

import html
import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.export import contract_schema
from newsdesk.model import Article, Source
from newsdesk.settings import DEFAULT
from newsdesk.store import Store
from newsdesk.web.app import LoopbackHostGuard, create_app, ensure_token, is_loopback
from newsdesk.web.views import Span, split_segments

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest_web import HOSTILE_STORY, HOSTILE_TEXT, find_active_content, live_server, make_db

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_db(tmp_path_factory.mktemp("web") / "news.db", stories=25)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[httpx.Client]:
    with (
        live_server(create_app(str(db))) as server,
        httpx.Client(base_url=server.url, timeout=30) as c,
    ):
        yield c


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = {"$defs": contract_schema()["$defs"], "$ref": f"#/$defs/{name}"}
    return jsonschema.Draft202012Validator(schema)


def _first_sample_story(client: httpx.Client) -> dict:
    items = client.get("/api/stories", params={"limit": 5}).json()["items"]
    return next(s for s in items if s["id"] != HOSTILE_STORY)


# --- JSON API ------------------------------------------------------------------------


def test_api_stories_pages_newest_first_in_contract_shape(client: httpx.Client) -> None:
    first = client.get("/api/stories", params={"limit": 10}).json()
    second = client.get("/api/stories", params={"limit": 10, "offset": 10}).json()
    assert first["total"] == second["total"] == 26
    assert (first["limit"], first["offset"], len(first["items"])) == (10, 0, 10)
    ids = [s["id"] for s in first["items"] + second["items"]]
    assert len(set(ids)) == 20
    lasts = [s["last_date"] for s in first["items"] + second["items"]]
    assert lasts == sorted(lasts, reverse=True)
    story = _validator("story")
    for item in first["items"]:
        story.validate(item)


def test_api_story_and_articles_follow_the_contract(client: httpx.Client) -> None:
    sid = _first_sample_story(client)["id"]
    story = client.get(f"/api/stories/{sid}").json()
    _validator("story").validate(story)
    assert any(c["status"] == "disputed" for c in story["claims"])
    page = client.get(f"/api/stories/{sid}/articles", params={"limit": 2}).json()
    assert (page["total"], len(page["items"])) == (5, 2)
    article = client.get(f"/api/articles/{page['items'][0]['id']}").json()
    _validator("article").validate(article)
    for b in story["brief"]:
        for c in b["cites"]:
            assert c["quote"] in client.get(f"/api/articles/{c['article']}").json()["text"]


def test_api_filters_by_outlet_country_and_dates(client: httpx.Client) -> None:
    everything = client.get("/api/stories", params={"limit": 100}).json()["items"]
    outlet = everything[3]["outlets"][0]
    by_outlet = client.get("/api/stories", params={"outlet": outlet, "limit": 100}).json()
    assert by_outlet["total"] == sum(outlet in s["outlets"] for s in everything)
    by_country = client.get("/api/stories", params={"country": "zz"}).json()
    assert [s["id"] for s in by_country["items"]] == [HOSTILE_STORY]
    since = client.get("/api/stories", params={"since": "2025-01-20", "until": "2025-01-22"}).json()
    assert since["total"] >= 1
    assert all(
        s["last_date"] >= "2025-01-20" and s["first_date"][:10] <= "2025-01-22"
        for s in since["items"]
    )


def test_api_search_finds_articles_and_quotes(client: httpx.Client) -> None:
    found = client.get("/api/search", params={"q": "harbour bridge", "limit": 3}).json()
    assert found["total"] >= 3 and len(found["items"]) == 3
    assert all("harbour" in hit["article"]["text"].lower() for hit in found["items"])
    quotes = client.get("/api/search", params={"q": "see this through"}).json()["quotes"]
    assert quotes and all("through" in q["text"] for q in quotes)
    # FTS5 syntax typed by a user is searched as words, never an error.
    assert client.get("/api/search", params={"q": 'NEAR( "unclosed'}).status_code == 200


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/api/stories/nope", 404, "no story with id 'nope'"),
        ("/api/articles/nope", 404, "no article with id 'nope'"),
        ("/api/stories?limit=0", 422, "limit: Input should be greater than or equal to 1"),
        (
            "/api/stories?since=yesterday",
            422,
            "since: expected a date like 2025-07-03, got 'yesterday'",
        ),
        (
            "/api/stories?country=Narnia",
            422,
            "country: expected a two-letter code like GB, got 'Narnia'",
        ),
        ("/api/search", 422, "q: Field required"),
        ("/api/no-such-thing", 404, "Not Found"),
    ],
)
def test_api_errors_have_one_shape(
    client: httpx.Client, path: str, status: int, message: str
) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.json() == {"ok": False, "error": message, "status": status}


def test_an_unlinked_article_is_its_own_story(tmp_path: Path) -> None:
    db = make_db(tmp_path / "w.db", stories=1, hostile=False)
    lone = Article(
        id="lone-1", source=Source("lone.txt", 0, 24), text="A lone report on a fair.", title="Fair"
    )
    store = Store(db)
    store.put_articles([lone])
    store.close()
    with live_server(create_app(str(db))) as server, httpx.Client(base_url=server.url) as c:
        story = c.get("/api/stories/lone-1").json()
        page = c.get("/stories/lone-1").text
        articles = c.get("/api/stories/lone-1/articles").json()
    assert story == {
        "id": "lone-1",
        "title": "Fair",
        "articles": ["lone-1"],
        "origins": 1,
        "brief": [],
        "quotes": [],
        "claims": [],
        "timeline": [],
    }
    assert "<h1>Fair</h1>" in page and "No brief yet." in page
    assert [a["story"] for a in articles["items"]] == ["lone-1"]


def test_a_missing_database_is_reported_in_the_error_shape(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with live_server(create_app(str(missing))) as server, httpx.Client(base_url=server.url) as c:
        r = c.get("/api/stories")
        page = c.get("/", headers=HTML)
    expected = f"{missing}: no such database (run `newsdesk ingest --db {missing}` first)"
    assert r.status_code == 503 and r.json() == {"ok": False, "error": expected, "status": 503}
    assert page.status_code == 503 and "no such database" in page.text
    assert not missing.exists()


def test_api_wrong_method_has_the_error_shape(client: httpx.Client) -> None:
    r = client.delete("/api/stories")
    assert r.status_code == 405
    assert r.json() == {"ok": False, "error": "Method Not Allowed", "status": 405}


def test_openapi_and_docs_are_served_without_a_cdn(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/search",
    } <= set(spec["paths"])
    assert (
        spec["components"]["schemas"]["Story"]["required"]
        == contract_schema()["$defs"]["story"]["required"]
    )
    docs = client.get("/docs").text
    assert "GET /api/search" in docs and "cdn" not in docs.lower()


# --- HTML pages ----------------------------------------------------------------------


def test_home_lists_stories_with_counts_and_pages(client: httpx.Client) -> None:
    page = client.get("/", headers=HTML).text
    assert "26 stories" in page and "independent origin" in page and "disputed" in page
    assert 'rel="next"' in page and "page 1 of 2" in page
    assert "page 2 of 2" in client.get("/", params={"page": 2}).text
    filtered = client.get("/", params={"country": "ZZ"}).text
    assert "1 story match" in filtered


def test_story_page_shows_claims_side_by_side_quotes_timeline_and_origins(
    client: httpx.Client,
) -> None:
    sid = _first_sample_story(client)["id"]
    page = client.get(f"/stories/{sid}").text
    assert 'class="claim disputed"' in page and 'class="positions side-by-side"' in page
    story = client.get(f"/api/stories/{sid}").json()
    values = [p["value"] for p in story["claims"][0]["positions"]]
    assert len(values) == 2 and all(f'<p class="value">{v}</p>' in page for v in values)
    assert 'class="badge single-source"' in page
    assert "2 wordings across outlets" in page
    assert 'class="timeline"' in page and "<rect" in page
    assert 'class="badge copy"' in page and 'class="badge rewrite"' in page
    assert 'class="cite-ctx" id="cite-1"' in page and "<mark>" in page


def test_article_page_marks_cite_annotations_and_removed(client: httpx.Client) -> None:
    sid = _first_sample_story(client)["id"]
    story = client.get(f"/api/stories/{sid}").json()
    cite = story["claims"][0]["positions"][0]["cites"][0]
    article = client.get(f"/api/articles/{cite['article']}").json()
    start = article["text"].index(cite["quote"])
    page = client.get(
        f"/articles/{cite['article']}", params={"start": start, "end": start + len(cite["quote"])}
    ).text
    assert '<mark id="cite">' in page
    assert 'class="ent ent-PERSON"' in page and 'class="time"' in page and 'class="quote"' in page
    assert '<details class="removed">' in page and "Removed by cleaning (1 piece)" in page
    assert "https://example.org/" in page and "characters 0–" in page


def test_search_page_marks_hits(client: httpx.Client) -> None:
    page = client.get("/search", params={"q": "bridge"}).text
    assert (
        '<span class="hit" title="">bridge</span>' in page
        or '<span class="hit" title="">Bridge</span>' in page
    )
    quotes = client.get("/search", params={"q": "see this through"}).text
    assert "<h2>Quotes</h2>" in quotes and "<q>We will see this through together</q>" in quotes


def test_html_errors_are_pages(client: httpx.Client) -> None:
    r = client.get("/stories/nope", headers=HTML)
    assert (
        r.status_code == 404
        and "<h1>Error 404</h1>" in r.text
        and "no story with id &#39;nope&#39;" in r.text
    )


# --- safety --------------------------------------------------------------------------


def test_hostile_story_is_inert_on_every_page(client: httpx.Client) -> None:
    pages = [
        "/",
        f"/stories/{HOSTILE_STORY}",
        "/articles/hostile-1",
        "/articles/hostile-1?start=0&end=30",
        "/articles/hostile-2",
        "/search?q=officials+deny",
        "/search?q=script",
        "/?country=ZZ",
    ]
    for path in pages:
        r = client.get(path, headers=HTML)
        assert r.status_code == 200, path
        assert find_active_content(r.text) == [], path
        if "hostile-2" not in path:
            assert "&lt;script&gt;" in r.text, path
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]


def test_hostile_text_keeps_every_character(client: httpx.Client) -> None:
    page = client.get("/articles/hostile-1").text
    body = page[
        page.index('<div class="text">') + len('<div class="text">') : page.index(
            "</div>", page.index('<div class="text">')
        )
    ]
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == HOSTILE_TEXT
    assert 'href="javascript:' not in page and "(not a web link)" in page


@given(
    text=st.text(max_size=60),
    spans=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8),
    mark=st.none() | st.tuples(st.integers(0, 60), st.integers(0, 60)),
)
def test_split_segments_keeps_the_text_whatever_the_spans(
    text: str, spans: list[tuple[int, int]], mark: tuple[int, int] | None
) -> None:
    segments = split_segments(text, [Span(a, b, "x") for a, b in spans], mark)
    assert "".join(s.text for s in segments) == text
    assert all(s.text for s in segments)


def test_a_loopback_server_refuses_other_host_names(db: Path) -> None:
    app = create_app(str(db))
    app.add_middleware(LoopbackHostGuard)  # as serve() does on 127.0.0.1
    with live_server(app) as server, httpx.Client(base_url=server.url) as c:
        assert c.get("/api/stories").status_code == 200
        assert (
            c.get("/api/stories", headers={"host": f"localhost:{server.port}"}).status_code == 200
        )
        r = c.get("/api/stories", headers={"host": f"rebind.evil.test:{server.port}"})
    assert r.status_code == 400 and r.json()["error"].startswith(
        "unexpected Host 'rebind.evil.test:"
    )


def test_serve_runs_on_loopback_and_guards_the_host(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"  # serve() makes an empty database so the upload page can fill it
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = f"from newsdesk.web.app import serve; serve({str(db)!r}, port={port})"
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(url + "/api/stories")
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, (
                    proc.stdout.read() if proc.stdout else ""
                )
                time.sleep(0.1)
        assert r.json() == {"items": [], "total": 0, "limit": 20, "offset": 0}
        assert httpx.get(url + "/api/stories", headers={"host": "evil.test"}).status_code == 400
    finally:
        proc.terminate()
        proc.communicate(timeout=20)  # reads and closes the pipe


def test_a_public_host_gets_a_token() -> None:
    assert ensure_token("127.0.0.1", None) is None
    assert ensure_token("0.0.0.0", None) not in (None, "")
    assert ensure_token("0.0.0.0", "mine") == "mine"


def test_loopback_hosts_are_told_apart() -> None:
    assert [
        is_loopback(h)
        for h in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "192.168.1.4", "example.org")
    ] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]


# --- writes --------------------------------------------------------------------------

ARTICLE_TEXT = (
    "Lindqvist Bay ferry crews ended their strike on Tuesday after a week of talks.\n\n"
    "The union said the new contract raises pay by four per cent over two years, and "
    "the operator said every route would run normally from Wednesday morning.\n\n"
    "Passengers had faced long queues at both terminals while the crews stayed ashore, "
    "and local shops reported fewer visitors than in any week this year.\n\n"
    '"We are glad to be back at sea," said the union steward, Rolf Mackie.\n'
)


def test_upload_needs_the_token_and_same_origin(tmp_path: Path) -> None:
    db = make_db(tmp_path / "w.db", stories=1, hostile=False)
    files = {"files": ("ferry.txt", ARTICLE_TEXT.encode(), "text/plain")}
    with (
        live_server(create_app(str(db), token="s3cret")) as server,
        httpx.Client(base_url=server.url, timeout=120) as c,
    ):
        r = c.post("/api/upload", files=files)
        assert r.status_code == 401 and r.json()["error"].startswith(
            "this server needs a write token"
        )
        r = c.post("/api/upload", files=files, headers={"authorization": "Bearer nope"})
        assert r.status_code == 401
        r = c.post(
            "/api/upload",
            files=files,
            headers={"x-newsdesk-token": "s3cret", "origin": "http://evil.test"},
        )
        assert r.status_code == 403 and r.json()["error"].startswith("cross-site write refused")
        r = c.post("/api/upload", headers={"authorization": "Bearer s3cret"}, data={"x": "1"})
        assert r.status_code == 400 and r.json()["error"].startswith("no files")
        r = c.post(
            "/api/upload",
            files=files,
            headers={"authorization": "Bearer s3cret", "origin": server.url},
        )
        assert r.status_code == 200, r.text
        report = r.json()
    assert report["ok"] and report["files"] == 1 and report["articles"] >= 1, report
    assert report["results"] == [
        {"name": "ferry.txt", "articles": report["articles"], "error": None}
    ]
    saved = list((tmp_path / "w.db.uploads").iterdir())
    assert len(saved) == 1 and saved[0].name.endswith("-ferry.txt")
    with (
        live_server(create_app(str(db), token="s3cret")) as server,
        httpx.Client(base_url=server.url, timeout=120) as c,
    ):
        again = c.post(
            "/api/upload", files=files, headers={"authorization": "Bearer s3cret"}
        ).json()
    assert again["articles"] == 0 and again["skipped"] == 1
    assert list((tmp_path / "w.db.uploads").iterdir()) == saved  # the repeat is not kept


def test_upload_reports_each_bad_file(tmp_path: Path) -> None:
    db = make_db(tmp_path / "w.db", stories=1, hostile=False)
    app = create_app(str(db), settings=replace(DEFAULT, upload_max_bytes=2000))
    files = [
        ("files", ("big.txt", b"x" * 2001, "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("../../ok.txt", ARTICLE_TEXT.encode(), "text/plain")),
    ]
    with live_server(app) as server, httpx.Client(base_url=server.url, timeout=120) as c:
        report = c.post("/api/upload", files=files).json()
        assert client_sees_article(c, "ferry")
    assert report["files"] == 3 and not report["ok"]
    assert [r["name"] for r in report["results"]] == ["big.txt", "empty.txt", "ok.txt"]
    assert report["errors"][:2] == [
        "big.txt: larger than the upload limit of 2,000 bytes",
        "empty.txt: empty file",
    ]
    assert report["results"][2]["error"] is None and report["results"][2]["articles"] >= 1


def test_upload_streams_progress_one_line_per_event(tmp_path: Path) -> None:
    db = make_db(tmp_path / "w.db", stories=1, hostile=False)
    files = [
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("ferry.txt", ARTICLE_TEXT.encode(), "text/plain")),
    ]
    with (
        live_server(create_app(str(db))) as server,
        httpx.Client(base_url=server.url, timeout=120) as c,
    ):
        r = c.post("/api/upload", params={"stream": "true"}, files=files)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    events = [json.loads(line) for line in r.text.splitlines()]
    assert [e["event"] for e in events] == ["received", "file", "file", "linking", "done"]
    assert events[0] == {"event": "received", "files": 2, "total": 1}
    assert events[1] == {
        "event": "file",
        "name": "empty.txt",
        "articles": 0,
        "error": "empty.txt: empty file",
    }
    assert events[2]["name"] == "ferry.txt" and events[2]["done"] == events[2]["total"] == 1
    assert events[-1]["report"]["files"] == 2 and events[-1]["report"]["articles"] >= 1


def client_sees_article(c: httpx.Client, word: str) -> bool:
    return c.get("/api/search", params={"q": word}).json()["total"] >= 1
