"""The embedded default store: one SQLite file (WAL), words indexed by FTS5."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from rasd.dedup import Settings
from rasd.store.base import Store

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_articles_and_extractions",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            title TEXT, author TEXT, published TEXT, publisher TEXT, translator TEXT,
            original_source TEXT, url TEXT, language TEXT, retrieved TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles (published);
        CREATE INDEX articles_hash ON articles (content_hash);
        CREATE TABLE extractions (
            article_id TEXT NOT NULL REFERENCES articles (id),
            rasd_version TEXT NOT NULL,
            schema_version TEXT NOT NULL,
            created_at TEXT NOT NULL,
            sentences INTEGER NOT NULL,
            entities INTEGER NOT NULL,
            events INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (article_id, rasd_version)
        );
        """,
    ),
    (
        "0002_events_and_search",
        """
        CREATE TABLE events (
            key TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id),
            rasd_version TEXT NOT NULL,
            publisher TEXT,
            type TEXT NOT NULL,
            date_start TEXT, date_end TEXT,
            country TEXT, lat REAL, lon REAL, precision TEXT, place_id TEXT, place TEXT,
            sources TEXT NOT NULL, targets TEXT NOT NULL,
            source_names TEXT NOT NULL, target_names TEXT NOT NULL,
            fatalities INTEGER, injuries INTEGER,
            acled_event_type TEXT, acled_sub_event_type TEXT,
            cluster TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX events_article ON events (article_id);
        CREATE INDEX events_type_date ON events (type, date_start, date_end);
        CREATE INDEX events_cluster ON events (cluster);
        CREATE VIRTUAL TABLE articles_search USING fts5 (article_id UNINDEXED, words);
        """,
    ),
    (
        "0003_truces_and_violations",
        """
        ALTER TABLE events ADD COLUMN source_codes TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE events ADD COLUMN target_codes TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE truces (
            key TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id),
            kind TEXT NOT NULL, status TEXT NOT NULL,
            date_start TEXT, date_end TEXT,
            country TEXT, lat REAL, lon REAL, precision TEXT,
            sides TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX truces_article ON truces (article_id);
        CREATE TABLE violations (
            truce_key TEXT NOT NULL REFERENCES truces (key) ON DELETE CASCADE,
            event_key TEXT NOT NULL REFERENCES events (key) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            PRIMARY KEY (truce_key, event_key)
        );
        """,
    ),
    (
        "0004_user_truces",
        """
        CREATE TABLE truces_new (
            key TEXT PRIMARY KEY,
            article_id TEXT REFERENCES articles (id),
            kind TEXT NOT NULL, status TEXT NOT NULL,
            date_start TEXT, date_end TEXT,
            country TEXT, lat REAL, lon REAL, precision TEXT,
            sides TEXT NOT NULL,
            json TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'text',
            conditions TEXT,
            source TEXT
        );
        INSERT INTO truces_new (key, article_id, kind, status, date_start, date_end, country, lat, lon, precision,
                                sides, json)
            SELECT key, article_id, kind, status, date_start, date_end, country, lat, lon, precision, sides, json
            FROM truces;
        CREATE TEMP TABLE kept_violations AS SELECT * FROM violations;
        DROP TABLE violations;
        DROP TABLE truces;
        ALTER TABLE truces_new RENAME TO truces;
        CREATE INDEX truces_article ON truces (article_id);
        CREATE TABLE violations (
            truce_key TEXT NOT NULL REFERENCES truces (key) ON DELETE CASCADE,
            event_key TEXT NOT NULL REFERENCES events (key) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            PRIMARY KEY (truce_key, event_key)
        );
        INSERT INTO violations SELECT * FROM kept_violations;
        DROP TABLE kept_violations;
        """,
    ),
    (
        "0005_components_and_date_basis",
        """
        ALTER TABLE events ADD COLUMN component TEXT;
        ALTER TABLE events ADD COLUMN date_basis TEXT;
        UPDATE events SET component = cluster, date_basis = json_extract(json, '$.date.basis');
        CREATE INDEX events_component ON events (component);
        """,
    ),
    (
        "0006_event_weapons",
        """
        ALTER TABLE events ADD COLUMN weapons TEXT NOT NULL DEFAULT '[]';
        UPDATE events SET weapons = (SELECT json_group_array(DISTINCT json_extract(value, '$.name'))
                                     FROM json_each(events.json, '$.weapons'));
        """,
    ),
    (
        "0007_entities",
        """
        CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles (id),
            entity_id TEXT NOT NULL,
            kb_id TEXT, type TEXT NOT NULL, name TEXT NOT NULL, name_en TEXT, actor_code TEXT, country TEXT,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_id)
        );
        CREATE INDEX entities_kb ON entities (kb_id);
        CREATE INDEX entities_type ON entities (type);
        """,
    ),
)


def default_db_path() -> Path:
    """``$RASD_DB`` if set, else ``rasd.sqlite`` in the user's data directory."""
    env = os.environ.get("RASD_DB")
    if env:
        return Path(env)
    return Path(user_data_dir("rasd", appauthor=False)) / "rasd.sqlite"


class SqliteStore(Store):
    MIGRATIONS = MIGRATIONS
    DAY_SPAN = "julianday(date_end) - julianday(date_start)"

    def __init__(self, path: str | Path, settings: Settings | None = None) -> None:
        super().__init__(settings)
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # a web request may open the store in one worker thread and close it in another; one request
        # at a time uses a connection
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        self.db.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def _run(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.db.execute(sql, parameters)

    def _transaction(self) -> AbstractContextManager[Any]:
        return self.db  # commits on leaving the block, rolls back on an exception

    def _lock_for_writing(self) -> None:
        pass  # one writer at a time is SQLite's own rule: the file lock, waited on up to the timeout

    def _apply_migration(self, name: str, sql: str) -> None:
        # one script, one transaction: a migration is applied and recorded, or neither
        record = f"INSERT INTO migrations VALUES ('{name}', datetime('now'));"
        self.db.executescript("BEGIN;" + sql + record + "COMMIT;")

    def _replace_words(self, article_id: str, words: str) -> None:
        self.db.execute("DELETE FROM articles_search WHERE article_id = ?", (article_id,))
        self.db.execute("INSERT INTO articles_search VALUES (?, ?)", (article_id, words))

    def _words_clause(self, terms: list[str]) -> tuple[str, Any]:
        # each term a phrase: FTS5 reads no operators inside quotes
        match = " ".join('"' + term.replace('"', "") + '"' for term in terms)
        return "SELECT article_id FROM articles_search WHERE words MATCH ?", match
