"""Shared pieces of the web tests: a hostile story, test databases, a real server on 127.0.0.1.

Not a conftest pytest loads by itself: the web test files import it by name (their folder
is put on ``sys.path``), so it stays out of the integrator's ``tests/conftest.py``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from newsdesk.model import (
    Annotations,
    Article,
    BriefSentence,
    Cite,
    Claim,
    Entity,
    Position,
    Quote,
    QuoteMention,
    QuoteVariant,
    Removed,
    Source,
    Story,
    TimelineEntry,
)
from newsdesk.store import Store
from newsdesk.web.sample import fill_store

SHARED = Path(
    os.environ.get("NEWSDESK_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)
SEEDS = SHARED / "seeds"

# Each payload calls a function the browser test watches for; any of them running is a failure.
HOSTILE_TITLE = "<script>window.__pwned='title'</script>Evil headline"
HOSTILE_TEXT = (
    "Officials met on Monday.<script>window.__pwned='text'</script>\n\n"
    "An image <img src=x onerror=\"window.__pwned='img'\"> was here.\n\n"
    "A link <a href=\"javascript:window.__pwned='link'\">click me</a> and an "
    "<svg onload=\"window.__pwned='svg'\"></svg> too.\n\n"
    '"We deny it all," said <b onmouseover="window.__pwned=1">Eve Spoof</b>.'
)
HOSTILE_STORY = "hostile-story"


def build_hostile() -> tuple[Story, list[Article]]:
    """Return a story whose every user-visible field carries markup or a script."""
    text = HOSTILE_TEXT
    at = text.index("<img")
    quote_at = text.index('"We deny')
    article = Article(
        id="hostile-1",
        source=Source(
            "<script>alert('path')</script>.txt", 0, len(text), "javascript:window.__pwned='url'"
        ),
        text=text,
        outlet="<i onclick=\"window.__pwned='outlet'\">Evil Outlet</i>",
        outlet_country="ZZ",
        title=HOSTILE_TITLE,
        authors=("<script>window.__pwned='author'</script>",),
        published="2099-01-01T10:00:00+00:00",
        language="en",
        story=HOSTILE_STORY,
        annotations=Annotations(
            entities=(
                Entity(
                    at, at + 10, '"><script>x</script>', "<script>window.__pwned='ent'</script>"
                ),
            ),
            quotes=(
                QuoteMention(quote_at + 1, quote_at + 18, True, "<img src=x onerror=alert(7)>"),
            ),
        ),
        removed=(Removed(0, 5, "<script>window.__pwned='removed'</script>"),),
    )
    cite = Cite.from_span(article, at, at + 40)
    second = Article(
        id="hostile-2",
        source=Source("other.txt", 0, 20, "https://example.org/fine"),
        text="A calm second report.",
        outlet="Calm Outlet",
        title="Calm title",
        published="2099-01-02",
        story=HOSTILE_STORY,
        derived_from=("hostile-1",),
    )
    story = Story(
        id=HOSTILE_STORY,
        title=HOSTILE_TITLE,
        articles=(article.id, second.id),
        brief=(
            BriefSentence("<svg onload=\"window.__pwned='brief'\"></svg>Brief sentence.", (cite,)),
        ),
        quotes=(
            Quote(
                "<img src=x onerror=\"window.__pwned='speaker'\">",
                "<script>window.__pwned='quote'</script>",
                (QuoteVariant("<script>window.__pwned='variant'</script>", (cite,)),),
            ),
        ),
        claims=(
            Claim(
                "<script>window.__pwned='claim'</script>",
                "disputed",
                1,
                (
                    Position("javascript:window.__pwned='pos'", (cite,), 1),
                    Position("<b>2</b>", (Cite.from_span(second, 0, 6),), 1),
                ),
            ),
        ),
        timeline=(
            TimelineEntry("2099-01-01", "<script>window.__pwned='timeline'</script>", (cite,)),
        ),
        origins=1,
    )
    return story, [article, second]


def make_db(path: Path, *, stories: int = 3, hostile: bool = True, seeds: bool = False) -> Path:
    """Fill a database with fictional stories, the hostile story and, if asked, the real seeds."""
    fill_store(path, stories=stories, per_story=5)
    store = Store(path)
    try:
        if hostile:
            story, articles = build_hostile()
            with store.atomic():
                store.put_articles(articles)
                store.put_story(story, articles)
        if seeds:
            from newsdesk.pipeline import ingest_files

            report = ingest_files(store, [SEEDS])
            assert not report.errors, report.errors
    finally:
        store.close()
    return path


class LiveServer:
    """Run an ASGI app with uvicorn in a thread on a free 127.0.0.1 port."""

    def __init__(self, app: FastAPI) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        # ws="none": websockets is not used and importing it warns (warnings are errors here).
        config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@contextmanager
def live_server(app: FastAPI) -> Iterator[LiveServer]:
    """Yield a started :class:`LiveServer`, stopped afterwards."""
    server = LiveServer(app).start()
    try:
        yield server
    finally:
        server.stop()


class ActiveContent(HTMLParser):
    """Collect everything in a page that could run: scripts, handlers, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            src = dict(attrs).get("src")
            if src != "/static/app.js":
                self.found.append(f"script src={src!r}")
            self._in_script = True
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            risky = value and value.strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            )
            if name.lower() in {"href", "src", "action", "formaction"} and risky:
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.append(f"inline script: {data[:40]!r}")


def find_active_content(html: str) -> list[str]:
    """Return the active content in ``html`` other than the app's own script file."""
    parser = ActiveContent()
    parser.feed(html)
    parser.close()
    return parser.found
