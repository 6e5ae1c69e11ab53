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
from rasd.store.migrations import Dialect, migrations

WRITE_LOCK = 0x72617364  # "rasd": the advisory lock every writing transaction holds

POSTGRES = Dialect(
    real="DOUBLE PRECISION",
    # the words are Rasd's own foldings: an array under a GIN index, no text-search parser
    word_index="""
        CREATE TABLE articles_search (
            article_id TEXT PRIMARY KEY REFERENCES articles (id),
            words TEXT[] NOT NULL
        );
        CREATE INDEX articles_search_words ON articles_search USING GIN (words);
    """,
    user_truces="""
        ALTER TABLE truces ALTER COLUMN article_id DROP NOT NULL;
        ALTER TABLE truces ADD COLUMN origin TEXT NOT NULL DEFAULT 'text';
        ALTER TABLE truces ADD COLUMN conditions TEXT;
        ALTER TABLE truces ADD COLUMN source TEXT;
    """,
    date_basis="json::jsonb -> 'date' ->> 'basis'",
    weapons="(SELECT COALESCE(json_agg(DISTINCT w ->> 'name'), '[]'::json)::text "
            "FROM jsonb_array_elements(events.json::jsonb -> 'weapons') w)",
)
MIGRATIONS = migrations(POSTGRES)


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
