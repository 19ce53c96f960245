"""Bad input: one clear error line per file, the batch goes on, nothing half-written."""

from __future__ import annotations

import gzip
import io
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app

GOOD = (
    "Harbour Ferry Starts Service\n\n"
    "The harbour council said on Monday that the new ferry between the old town and the island "
    "would start carrying passengers in May, after two years of delays and a long dispute over costs.\n\n"
    "Mayor Ines Varga told reporters the service would run every hour and that tickets would cost "
    "less than the bus, which she said would help families living on the island.\n"
)


def _warc_gz(records: int = 3) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(records):
        html = (
            f"<html><head><title>Ferry story {i}</title></head><body><article><h1>Ferry story {i}</h1>"
            + "".join(f"<p>{line}</p>" for line in GOOD.split("\n\n")[1:])
            + "</article></body></html>"
        ).encode()
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        rec = writer.create_warc_record(
            f"https://ferry{i}.example/news/{i}",
            "response",
            payload=io.BytesIO(html),
            http_headers=headers,
        )
        writer.write_record(rec)
        rec.raw_stream.close()  # warcio spools the payload to a temp file it leaves open
    return buf.getvalue()


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    d = tmp_path / "batch"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n ")
    (d / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (d / "huge.txt").write_bytes(b"x" * 50_000_000)
    (d / "broken.warc.gz").write_bytes(_warc_gz()[:700])
    (d / "malformed.html").write_text(
        "<html><body><div><p>" + GOOD.replace("\n\n", "<p>") + "<div><span>", encoding="utf-8"
    )
    (d / "dangling.txt").symlink_to(d / "nowhere.txt")
    return d


def test_each_bad_file_gets_one_error_line_and_the_rest_goes_on(batch: Path, db_path: Path) -> None:
    result = _run("ingest", str(batch), "--db", str(db_path))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    by_file = {Path(line[len("error: ") :].split(": ", 1)[0]).name: line for line in errors}
    assert set(by_file) == {
        "empty.txt",
        "blank.txt",
        "binary.bin",
        "huge.txt",
        "broken.warc.gz",
        "dangling.txt",
    }
    assert "empty file" in by_file["empty.txt"]
    assert "binary file" in by_file["binary.bin"]
    assert "single line of 50,000,000 characters" in by_file["huge.txt"]
    assert "truncated or corrupt" in by_file["broken.warc.gz"]
    assert "cannot read" in by_file["dangling.txt"]
    assert len(errors) == 6
    # the good text file and the malformed-but-readable HTML are stored
    assert _count(db_path, "articles") == 2
    assert _count(db_path, "inputs") == 2


def test_failed_file_leaves_store_as_it_was(tmp_path: Path, db_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert _run("ingest", str(good), "--db", str(db_path)).exit_code == 0
    before = {t: _count(db_path, t) for t in ("inputs", "pages", "articles", "stories")}
    broken = tmp_path / "cut.warc.gz"
    broken.write_bytes(_warc_gz(5)[:-200])
    result = _run("ingest", str(broken), "--db", str(db_path))
    assert result.exit_code == 1
    assert "cut.warc.gz" in result.stderr
    assert {t: _count(db_path, t) for t in before} == before


def test_invalid_utf8_is_read_with_a_warning(tmp_path: Path, db_path: Path) -> None:
    f = tmp_path / "mixed.txt"
    f.write_bytes(
        GOOD.replace("Mayor", "Mayor \u00e9").encode().replace(b"harbour", b"harb\xffour", 1)
    )
    result = _run("ingest", str(f), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "mixed.txt" in result.stderr
    assert _count(db_path, "articles") == 1


def test_whole_warc_is_read(tmp_path: Path, db_path: Path) -> None:
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(_warc_gz(3))
    result = _run("ingest", str(f), "--db", str(db_path), "--no-analyze")
    assert result.exit_code == 0, result.output
    assert _count(db_path, "articles") == 3
    # a WARC is told by content, whatever its name
    g = tmp_path / "renamed.txt"
    g.write_bytes(gzip.decompress(_warc_gz(2)).replace(b"ferry", b"boat"))
    assert _run("ingest", str(g), "--db", str(db_path), "--no-analyze").exit_code == 0
    assert _count(db_path, "articles") == 5


def test_missing_path(tmp_path: Path, db_path: Path) -> None:
    result = _run("ingest", str(tmp_path / "nope"), "--db", str(db_path))
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nope'}: no such file or folder" in result.stderr


def test_same_page_twice_is_stored_once(tmp_path: Path, db_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(GOOD, encoding="utf-8")
    b = tmp_path / "copy-of-a.txt"
    b.write_text(GOOD, encoding="utf-8")
    for _ in range(2):
        assert _run("ingest", str(a), "--db", str(db_path)).exit_code == 0
    assert _run("ingest", str(b), "--db", str(db_path)).exit_code == 0
    assert _count(db_path, "articles") == 1


def test_batched_commits_store_what_one_commit_per_file_stores(tmp_path: Path) -> None:
    """Files share a transaction (a savepoint each): the store ends up the same either way."""
    from newsdesk.pipeline import ingest_files
    from newsdesk.settings import Settings
    from newsdesk.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(GOOD.replace("May", f"May {i + 1}"), encoding="utf-8")
    (folder / "2-empty.txt").write_text("  \n", encoding="utf-8")
    counts = []
    for commit_files in (1, 200):
        with Store(tmp_path / f"{commit_files}.db") as store:
            report = ingest_files(
                store, [folder], Settings(commit_files=commit_files), analyze=False
            )
            assert (report.files, report.articles, len(report.errors)) == (6, 5, 1)
            counts.append([store.count(t) for t in ("inputs", "pages", "articles")])
    assert counts[0] == counts[1] == [5, 5, 5]


def test_failed_nested_write_is_undone_alone(tmp_path: Path) -> None:
    """A file that fails inside a batch is rolled back to its savepoint; the batch goes on."""
    from newsdesk.store import Store

    with Store(tmp_path / "s.db") as store:
        with store.atomic():
            store.add_input("a" * 64, "a.txt", "text", 1, 0)
            with pytest.raises(RuntimeError), store.atomic():
                store.add_input("b" * 64, "b.txt", "text", 1, 0)
                raise RuntimeError("bad file")
            store.add_input("c" * 64, "c.txt", "text", 1, 0)
        assert store.count("inputs") == 2
        assert not store.has_input("b" * 64)


def test_input_from_memory_reads_as_from_disk(tmp_path: Path) -> None:
    from newsdesk.ingest import decode_input, read_input

    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body><p>" + GOOD.encode() + b"</p></body></html>")
    on_disk = read_input(path)
    in_memory = decode_input(str(path), path.read_bytes(), ".html")
    assert on_disk == in_memory


def test_bad_setting_is_refused_before_anything_is_read(tmp_path: Path, db_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(GOOD, encoding="utf-8")
    result = _run("ingest", str(a), "--db", str(db_path), "--set", "story_threshold=high")
    assert result.exit_code == 1
    assert "error: setting story_threshold: 'high' is not a float" in result.stderr
    result = _run("ingest", str(a), "--db", str(db_path), "--set", "no_such_setting=1")
    assert "unknown setting 'no_such_setting'" in result.stderr
    ok = _run("ingest", str(a), "--db", str(db_path), "--set", "story_embeddings=false")
    assert ok.exit_code == 0
