"""Time the web pages over a store of 10,000 fictional articles (target: home and story < 200 ms).

Run from the repo root: ``.venv/bin/python -m bench.web_speed [--stories 1000] [--per-story 10]``.
The store is generated (newsdesk.web.sample: invented names and sentences), served by
uvicorn on 127.0.0.1 in its own process, and each page is fetched over HTTP repeatedly; the
figures are wall-clock times per request as a client sees them and the app's own\nServer-Timing (median and p95).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import write_results
from newsdesk.model import content_hash
from newsdesk.store import Store
from newsdesk.web.sample import fill_store

TARGET_MS = 200.0


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start the app with uvicorn in its own process (as ``newsdesk serve`` runs it); return it and its URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    code = (
        "import sys, uvicorn; from newsdesk.web.app import create_app; "
        "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning', ws='none')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)])
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/static/style.css", timeout=1)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start")


def time_requests(client: httpx.Client, paths: list[str], repeat: int) -> dict[str, float]:
    """Fetch each path ``repeat`` times (after one warm-up); return client and server times in ms."""
    for p in paths:
        client.get(p).raise_for_status()
    wall, app = [], []
    for _ in range(repeat):
        for p in paths:
            t = time.perf_counter()
            r = client.get(p)
            wall.append((time.perf_counter() - t) * 1000)
            r.raise_for_status()
            app.append(float(r.headers["server-timing"].split("dur=")[1]))
    return {**summarize(wall, "client"), **summarize(app, "server"), "requests": len(wall)}


def summarize(times: list[float], who: str) -> dict[str, float]:
    """Return median, p95 and max of ``times``, keys prefixed with ``who``."""
    times = sorted(times)
    return {
        f"{who}_median_ms": round(statistics.median(times), 1),
        f"{who}_p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
        f"{who}_max_ms": round(times[-1], 1),
    }


def build_store(db: Path, stories: int, per_story: int, big: int) -> dict[str, float]:
    """Fill ``db`` with fictional stories plus one large story; return counts and build time."""
    t = time.perf_counter()
    fill_store(db, stories=stories, per_story=per_story)
    if big:
        fill_store(db, stories=1, per_story=big, first=stories)
    store = Store(db)
    counts = {"articles": store.count("articles"), "stories": store.count("stories")}
    store.close()
    return {
        **counts,
        "build_s": round(time.perf_counter() - t, 1),
        "db_mb": round(db.stat().st_size / 1e6, 1),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=980)
    parser.add_argument("--per-story", type=int, default=10)
    parser.add_argument("--big", type=int, default=200, help="articles in one extra, larger story")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "speed.db"
        store_info = build_store(db, args.stories, args.per_story, args.big)
        proc, url = start_server(db)
        try:
            with httpx.Client(base_url=url, timeout=60) as client:
                ids = [
                    s["id"]
                    for s in client.get("/api/stories", params={"limit": 100}).json()["items"]
                ]
                picked = rng.sample(ids, min(10, len(ids)))
                big_id = content_hash(
                    "sample-story", str(args.stories)
                )  # numbered after the others
                article = client.get(f"/api/stories/{picked[0]}/articles").json()["items"][0]["id"]
                pages = {
                    "static_file_floor": [
                        "/static/style.css"
                    ],  # the per-request floor of server + client
                    "home": ["/"],
                    "home_deep_page": ["/?page=40"],
                    "home_filtered": ["/?outlet=Valley+Courier&since=2025-03-01"],
                    "story": [f"/stories/{i}" for i in picked],
                    "story_largest": [f"/stories/{big_id if args.big else picked[0]}"],
                    "article": [f"/articles/{article}?start=0&end=40"],
                    "search": ["/search?q=harbour+bridge"],
                    "api_stories": ["/api/stories"],
                    "api_story": [f"/api/stories/{picked[0]}"],
                }
                figures = {
                    name: time_requests(client, paths, args.repeat) for name, paths in pages.items()
                }
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    ok = all(
        figures[k]["client_p95_ms"] < TARGET_MS for k in ("home", "story")
    )  # the target
    load = os.getloadavg()
    result = {
        "store": store_info,
        "repeat": args.repeat,
        "target_ms": TARGET_MS,
        "home_and_story_p95_under_target": ok,
        "load_average_1m": {"start": round(load_start, 2), "end": round(load[0], 2)},
        "note": "client: wall-clock per request over HTTP on 127.0.0.1 (server in its own process); "
        "server: the app's Server-Timing (time to first byte); the machine is shared, see the load average",
        "pages": figures,
    }
    out = write_results("web_speed", result)
    for name, f in figures.items():
        print(
            f"{name:18s} client median {f['client_median_ms']:6.1f} p95 {f['client_p95_ms']:6.1f} ms"
            f" | server median {f['server_median_ms']:6.1f} p95 {f['server_p95_ms']:6.1f} ms"
        )
    print(f"store: {store_info}; load {load[0]:.1f}; target met: {ok}; wrote {out}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
