"""Read and write newsdesk data in one SQLite file (WAL mode, FTS5 search).

Every write of one input goes through :meth:`Store.atomic`, so a failure half-way leaves
the database as it was, and a re-run after a crash finishes the job.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdesk.errors import StoreError
from newsdesk.model import Article, Page, Story, from_dict, to_dict
from newsdesk.store.rows import ARTICLE_COLS, article_row, row_article
from newsdesk.store.schema import LATEST, MIGRATIONS


@dataclass(frozen=True)
class StorySummary:
    """One row of the story list: what the home page and ``newsdesk stories`` show."""

    id: str
    title: str
    articles: int
    outlets: tuple[str, ...]
    countries: tuple[str, ...]
    origins: int
    disputed: int
    first_date: str | None
    last_date: str | None
    lead: str | None = None  # first brief sentence


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _fts_query(q: str) -> str:
    # Quote every term so user text can never be FTS5 syntax (a lone '"' or 'NEAR(' errors).
    q = "".join(ch if ch.isprintable() else " " for ch in q)  # a NUL ends SQLite's string
    terms = [t.replace('"', '""') for t in q.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms)


class Store:
    """A newsdesk database. Open with ``Store(path)``; nothing connects at import."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(
                f"{self.path}: no such database (run `newsdesk ingest --db {self.path}` first)"
            )
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsdesk database ({exc})") from exc
        self._depth = 0

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions and schema -----------------------------------------------------

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this newsdesk ({LATEST})"
            )
        for number in range(version, LATEST):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={number + 1}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Run the block in one transaction; nested, in a savepoint of the outer one.

        A nested block that fails is undone alone and its error raised; the outer
        transaction goes on if the caller handles the error.
        """
        if self._depth:
            name = f"sp{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def commit_now(self) -> None:
        """Commit the open outer transaction and begin the next (a long batch, in steps)."""
        if self._depth != 1:
            raise StoreError("commit_now needs an open outer transaction and no nested one")
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN IMMEDIATE")

    # --- inputs and pages ------------------------------------------------------------

    def has_input(self, sha256: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM inputs WHERE sha256=?", (sha256,)).fetchone()
            is not None
        )

    def add_input(self, sha256: str, path: str, kind: str, size: int, articles: int) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO inputs(sha256, path, kind, size, articles, ingested_at) VALUES (?,?,?,?,?,?)",
            (sha256, path, kind, size, articles, _now()),
        )

    def has_page(self, page_id: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM pages WHERE id=?", (page_id,)).fetchone() is not None
        )

    def add_page(self, page: Page, input_sha: str, page_id: str | None = None) -> bool:
        """Store a page once (``page_id``: its id if known); return False when it was already there."""
        cur = self.conn.execute(
            'INSERT OR IGNORE INTO pages(id, input, path, kind, url, record, start, "end") VALUES (?,?,?,?,?,?,?,?)',
            (
                page_id or page.id,
                input_sha,
                page.path,
                page.kind,
                page.url,
                page.record,
                page.start,
                page.end,
            ),
        )
        return cur.rowcount > 0

    # --- articles --------------------------------------------------------------------

    def put_articles(self, articles: Sequence[Article]) -> int:
        """Insert new articles and update known ones (link/extract results); return new count."""
        added = 0
        for a in articles:
            row = article_row(a)
            cur = self.conn.execute(
                f"INSERT OR IGNORE INTO articles({ARTICLE_COLS}) VALUES ({','.join('?' * len(row))})",
                row,
            )
            if cur.rowcount:
                added += 1
            else:
                self.conn.execute(
                    "UPDATE articles SET outlet=?, outlet_country=?, title=?, authors=?, published=?, updated=?, "
                    "language=?, text=?, partial=?, story=?, duplicate_of=?, derived_from=?, annotations=?, "
                    "removed=? WHERE id=?",
                    (*row[7:], a.id),
                )
        return added

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            f"SELECT {ARTICLE_COLS} FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        return row_article(row) if row else None

    def articles(self, ids: Sequence[str] | None = None, story: str | None = None) -> list[Article]:
        """Return articles in arrival order, all or those with ``ids`` or in ``story``."""
        if ids is not None:
            found = {}
            for chunk in _chunks(list(ids), 500):
                q = f"SELECT {ARTICLE_COLS} FROM articles WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY seq"
                for row in self.conn.execute(q, chunk):
                    found[row["id"]] = row_article(row)
            return [found[i] for i in ids if i in found]
        if story is not None:
            rows = self.conn.execute(
                f"SELECT {ARTICLE_COLS} FROM articles WHERE story=? ORDER BY seq", (story,)
            )
        else:
            rows = self.conn.execute(f"SELECT {ARTICLE_COLS} FROM articles ORDER BY seq")
        return [row_article(r) for r in rows]

    def pending_articles(self) -> list[Article]:
        """Return the articles no story holds yet (new since the last link run), in arrival order."""
        rows = self.conn.execute(
            f"SELECT {ARTICLE_COLS} FROM articles WHERE story IS NULL ORDER BY seq"
        )
        return [row_article(r) for r in rows]

    def count(self, table: str) -> int:
        if table not in {"inputs", "pages", "articles", "stories"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def search_articles(
        self, q: str, limit: int = 20, offset: int = 0
    ) -> list[tuple[Article, str]]:
        """Return (article, snippet) for an FTS5 search over titles and texts, best first."""
        fq = _fts_query(q)
        if not fq:
            return []
        rows = self.conn.execute(
            f"SELECT {', '.join('a.' + c.strip() for c in ARTICLE_COLS.split(','))}, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snip FROM articles_fts "
            "JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? "
            "ORDER BY rank LIMIT ? OFFSET ?",
            (fq, limit, offset),
        ).fetchall()
        return [(row_article(r), r["snip"]) for r in rows]

    def search_quotes(self, q: str, limit: int = 20) -> list[dict[str, str]]:
        fq = _fts_query(q)
        if not fq:
            return []
        rows = self.conn.execute(
            "SELECT story, speaker, text FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
            (fq, limit),
        )
        return [dict(r) for r in rows]

    # --- stories ---------------------------------------------------------------------

    def put_story(self, story: Story, articles: Sequence[Article]) -> None:
        """Store a story with the summary columns its list needs; replaces an older version."""
        dates = sorted(a.published for a in articles if a.published)
        outlets = sorted({a.outlet for a in articles if a.outlet})
        countries = sorted({a.outlet_country for a in articles if a.outlet_country})
        disputed = sum(1 for c in story.claims if c.status == "disputed")
        self.conn.execute(
            "INSERT OR REPLACE INTO stories(id, title, data, articles, outlets, countries, origins, disputed, "
            "first_date, last_date, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                story.id,
                story.title,
                json.dumps(to_dict(story), ensure_ascii=False),
                len(story.articles),
                json.dumps(outlets, ensure_ascii=False),
                json.dumps(countries),
                story.origins,
                disputed,
                dates[0] if dates else None,
                dates[-1] if dates else None,
                _now(),
            ),
        )
        self.conn.execute("DELETE FROM quotes_fts WHERE story=?", (story.id,))
        for quote in story.quotes:
            for variant in quote.variants:
                self.conn.execute(
                    "INSERT INTO quotes_fts(story, speaker, text) VALUES (?,?,?)",
                    (story.id, quote.speaker or "", variant.text),
                )

    def rename_story(self, old: str, new: str) -> None:
        """Move the articles of story ``old`` into ``new`` and drop ``old`` (a merge)."""
        self.conn.execute("UPDATE articles SET story=? WHERE story=?", (new, old))
        self.conn.execute("DELETE FROM stories WHERE id=?", (old,))
        self.conn.execute("DELETE FROM quotes_fts WHERE story=?", (old,))

    def clear_links(self) -> None:
        """Forget every article's story and links, so they are linked again from scratch."""
        self.conn.execute("UPDATE articles SET story=NULL, duplicate_of=NULL, derived_from='[]'")
        self.conn.execute("DELETE FROM stories")
        self.conn.execute("DELETE FROM quotes_fts")

    def delete_stories(self, keep: set[str]) -> None:
        """Drop stories no article points to any more (after re-clustering)."""
        for (sid,) in self.conn.execute("SELECT id FROM stories").fetchall():
            if sid not in keep:
                self.conn.execute("DELETE FROM stories WHERE id=?", (sid,))
                self.conn.execute("DELETE FROM quotes_fts WHERE story=?", (sid,))

    def get_story(self, story_id: str) -> Story | None:
        row = self.conn.execute("SELECT data FROM stories WHERE id=?", (story_id,)).fetchone()
        return from_dict(Story, json.loads(row["data"])) if row else None

    def stories(self) -> list[Story]:
        rows = self.conn.execute("SELECT data FROM stories ORDER BY last_date DESC, id")
        return [from_dict(Story, json.loads(r["data"])) for r in rows]

    def list_stories(
        self,
        limit: int = 50,
        offset: int = 0,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        country: str | None = None,
        ids: Sequence[str] | None = None,
    ) -> tuple[list[StorySummary], int]:
        """Return a page of story summaries, newest first, and the total matching."""
        where, args = [], []  # type: tuple[list[str], list[Any]]
        if since:
            where.append("last_date >= ?")
            args.append(since)
        if until:
            where.append("substr(first_date, 1, 10) <= ?")
            args.append(until)
        if outlet:
            where.append("EXISTS (SELECT 1 FROM json_each(stories.outlets) WHERE value = ?)")
            args.append(outlet)
        if country:
            where.append("EXISTS (SELECT 1 FROM json_each(stories.countries) WHERE value = ?)")
            args.append(country.upper())
        if ids is not None:
            where.append(f"id IN ({','.join('?' * len(ids))})" if ids else "0")
            args.extend(ids)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = self.conn.execute(f"SELECT count(*) FROM stories {clause}", args).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT id, title, articles, outlets, countries, origins, disputed, first_date, last_date, "
            f"json_extract(data, '$.brief[0].text') AS lead FROM stories {clause} "
            "ORDER BY last_date DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
        out = [
            StorySummary(
                id=r["id"],
                title=r["title"],
                articles=r["articles"],
                outlets=tuple(json.loads(r["outlets"])),
                countries=tuple(json.loads(r["countries"])),
                origins=r["origins"],
                disputed=r["disputed"],
                first_date=r["first_date"],
                last_date=r["last_date"],
                lead=r["lead"],
            )
            for r in rows
        ]
        return out, int(total)

    # --- stage state -----------------------------------------------------------------

    def get_state(self, name: str) -> Any:
        row = self.conn.execute("SELECT data FROM state WHERE name=?", (name,)).fetchone()
        return json.loads(row["data"]) if row else None

    def put_state(self, name: str, data: Any) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO state(name, data) VALUES (?, ?)",
            (name, json.dumps(data, ensure_ascii=False)),
        )


def _split_sql(script: str) -> list[str]:
    # sqlite3.complete_statement tells where a statement (with its triggers' inner ';') ends.
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
