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
from rasd.store.migrations import VIOLATIONS, Dialect, migrations, truce_columns

# SQLite cannot drop a column's NOT NULL: 0004 rebuilds the truces table, keeping its violations
USER_TRUCES = f"""
    CREATE TABLE truces_new ({truce_columns("REAL", article_required=False)},
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
    {VIOLATIONS}
    INSERT INTO violations SELECT * FROM kept_violations;
    DROP TABLE kept_violations;
"""
SQLITE = Dialect(
    real="REAL",
    word_index="CREATE VIRTUAL TABLE articles_search USING fts5 (article_id UNINDEXED, words);",
    user_truces=USER_TRUCES,
    date_basis="json_extract(json, '$.date.basis')",
    # «events.json»: inside json_each, a bare «json» is the function's own input column
    weapons="(SELECT json_group_array(DISTINCT json_extract(value, '$.name')) "
            "FROM json_each(events.json, '$.weapons'))",
)
MIGRATIONS = migrations(SQLITE)


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
