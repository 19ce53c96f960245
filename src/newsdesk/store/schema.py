"""The SQLite schema as numbered migrations; ``PRAGMA user_version`` records the last applied.

A migration is appended, never edited: a database made by an older newsdesk is brought up
to date by running the ones it lacks, each in its own transaction.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: inputs, pages, articles (+ FTS5), stories (+ FTS5 over quotes), stage state
    """
    CREATE TABLE inputs (
        sha256      TEXT PRIMARY KEY,       -- hash of the file's bytes: a file seen twice is read once
        path        TEXT NOT NULL,          -- as first given
        kind        TEXT NOT NULL,
        size        INTEGER NOT NULL,
        articles    INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE pages (
        id          TEXT PRIMARY KEY,       -- content hash of the page
        input       TEXT NOT NULL REFERENCES inputs(sha256),
        path        TEXT NOT NULL,
        kind        TEXT NOT NULL,
        url         TEXT,
        record      TEXT,
        start       INTEGER NOT NULL,
        "end"       INTEGER NOT NULL
    );
    CREATE TABLE articles (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,  -- arrival order: "earliest seen"
        id             TEXT NOT NULL UNIQUE,
        page           TEXT REFERENCES pages(id),
        path           TEXT NOT NULL,
        start          INTEGER NOT NULL,
        "end"          INTEGER NOT NULL,
        url            TEXT,
        record         TEXT,
        outlet         TEXT,
        outlet_country TEXT,
        title          TEXT,
        authors        TEXT NOT NULL DEFAULT '[]',
        published      TEXT,
        updated        TEXT,
        language       TEXT,
        text           TEXT NOT NULL,
        partial        INTEGER NOT NULL DEFAULT 0,
        story          TEXT,
        duplicate_of   TEXT,
        derived_from   TEXT NOT NULL DEFAULT '[]',
        annotations    TEXT,
        removed        TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TABLE stories (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        data        TEXT NOT NULL,          -- the Story as JSON (brief, quotes, claims, timeline)
        articles    INTEGER NOT NULL,
        outlets     TEXT NOT NULL DEFAULT '[]',
        countries   TEXT NOT NULL DEFAULT '[]',
        origins     INTEGER NOT NULL,
        disputed    INTEGER NOT NULL DEFAULT 0,
        first_date  TEXT,
        last_date   TEXT,
        updated_at  TEXT NOT NULL
    );
    CREATE INDEX stories_last ON stories(last_date);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(story UNINDEXED, speaker, text, tokenize='unicode61 remove_diacritics 2');
    CREATE TABLE state (
        name  TEXT PRIMARY KEY,             -- e.g. the link stage's LSH index and story centroids
        data  TEXT NOT NULL
    );
    """,
]

LATEST = len(MIGRATIONS)
