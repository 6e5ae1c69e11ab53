"""The shared store: one PostgreSQL database a team's ingesters and readers use together.

Same tables as SQLite, with double-precision coordinates and the searchable words as a text
array under a GIN index (the words are Rasd's own foldings, so no text-search parser is
needed). Writers take one advisory lock per transaction, so two ingesters never interleave
their cluster updates.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

import psycopg

from rasd.dedup import Settings
from rasd.store.base import Store

WRITE_LOCK = 0x72617364  # "rasd": the advisory lock every writing transaction holds

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
            country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, precision TEXT, place_id TEXT, place TEXT,
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
        CREATE TABLE articles_search (
            article_id TEXT PRIMARY KEY REFERENCES articles (id),
            words TEXT[] NOT NULL
        );
        CREATE INDEX articles_search_words ON articles_search USING GIN (words);
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
            country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, precision TEXT,
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
        ALTER TABLE truces ALTER COLUMN article_id DROP NOT NULL;
        ALTER TABLE truces ADD COLUMN origin TEXT NOT NULL DEFAULT 'text';
        ALTER TABLE truces ADD COLUMN conditions TEXT;
        ALTER TABLE truces ADD COLUMN source TEXT;
        """,
    ),
    (
        "0005_components_and_date_basis",
        """
        ALTER TABLE events ADD COLUMN component TEXT;
        ALTER TABLE events ADD COLUMN date_basis TEXT;
        UPDATE events SET component = cluster, date_basis = json::jsonb -> 'date' ->> 'basis';
        CREATE INDEX events_component ON events (component);
        """,
    ),
    (
        "0006_event_weapons",
        """
        ALTER TABLE events ADD COLUMN weapons TEXT NOT NULL DEFAULT '[]';
        UPDATE events SET weapons = (SELECT COALESCE(json_agg(DISTINCT w ->> 'name'), '[]'::json)::text
                                     FROM jsonb_array_elements(events.json::jsonb -> 'weapons') w);
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


class PostgresStore(Store):
    MIGRATIONS = MIGRATIONS
    DAY_SPAN = "(date_end::date - date_start::date)"

    def __init__(self, url: str, settings: Settings | None = None) -> None:
        super().__init__(settings)
        self.url = url
        # autocommit: reads see committed data at once; writes are grouped by _transaction
        self.db = psycopg.connect(url, autocommit=True)
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def _run(self, sql: str, parameters: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        # the shared SQL has no literal «?» or «%»: placeholders only
        return self.db.execute(sql.replace("?", "%s"), parameters)

    def _transaction(self) -> AbstractContextManager[Any]:
        return self.db.transaction()

    def _lock_for_writing(self) -> None:
        self.db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))

    def _apply_migration(self, name: str, sql: str) -> None:
        with self.db.transaction():
            self._lock_for_writing()  # two processes opening a new database migrate it once
            if self.db.execute("SELECT 1 FROM migrations WHERE name = %s", (name,)).fetchone():
                return
            self.db.execute(sql)  # a script: no parameters, so several statements
            self.db.execute("INSERT INTO migrations VALUES (%s, now()::text)", (name,))

    def _replace_words(self, article_id: str, words: str) -> None:
        self.db.execute("INSERT INTO articles_search VALUES (%s, %s) ON CONFLICT (article_id) "
                        "DO UPDATE SET words = excluded.words", (article_id, sorted(set(words.split()))))

    def _words_clause(self, terms: list[str]) -> tuple[str, Any]:
        return "SELECT article_id FROM articles_search WHERE words @> ?::text[]", terms
