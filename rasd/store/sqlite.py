"""The embedded default store: one SQLite file.

Articles are stored once, keyed by id, with the hash of their text; storing the same article
again changes nothing. Each extractor version's output is kept beside the article as JSON,
so re-processing with a newer version adds a row instead of destroying the old one. Schema
changes are named migrations, recorded in ``migrations`` and applied in order on open.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType

from platformdirs import user_data_dir

from rasd.schema import Article, Extraction

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
)


def default_db_path() -> Path:
    """``$RASD_DB`` if set, else ``rasd.sqlite`` in the user's data directory."""
    env = os.environ.get("RASD_DB")
    if env:
        return Path(env)
    return Path(user_data_dir("rasd", appauthor=False)) / "rasd.sqlite"


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    published: date | None
    title: str | None
    publisher: str | None
    language: str | None
    sentences: int
    entities: int
    events: int


class SqliteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
        self._migrate()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        with self.db:
            self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            # one script, one transaction: a migration is applied and recorded, or neither
            record = f"INSERT INTO migrations VALUES ('{name}', '{_now()}');"
            self.db.executescript("BEGIN;" + sql + record + "COMMIT;")

    def migrations(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    def save(self, extraction: Extraction) -> bool:
        """Store an article and its extraction in one transaction; False when nothing changed."""
        article = extraction.article
        payload = extraction.model_dump_json()
        with self.db:
            row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
            changed = row is None or row[0] != article.content_hash
            if changed:
                self.db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (article.id, article.content_hash, article.title, article.author,
                     _iso(article.published), article.publisher, article.translator,
                     article.original_source, article.url, article.language, _iso(article.retrieved),
                     article.text, _now()),
                )
            old = self.db.execute(
                "SELECT json FROM extractions WHERE article_id = ? AND rasd_version = ?",
                (article.id, extraction.rasd_version),
            ).fetchone()
            if changed or old is None or old[0] != payload:
                self.db.execute(
                    "INSERT OR REPLACE INTO extractions VALUES (?,?,?,?,?,?,?,?)",
                    (article.id, extraction.rasd_version, extraction.schema_version, _now(),
                     len(extraction.sentences), len(extraction.entities), len(extraction.events), payload),
                )
                changed = True
        return changed

    def articles(self) -> Iterator[StoredArticle]:
        query = """
            SELECT a.id, a.published, a.title, a.publisher, a.language,
                   COALESCE(e.sentences, 0), COALESCE(e.entities, 0), COALESCE(e.events, 0)
            FROM articles a
            LEFT JOIN extractions e ON e.article_id = a.id
                AND e.created_at = (SELECT MAX(created_at) FROM extractions WHERE article_id = a.id)
            ORDER BY a.published, a.id
        """
        for row in self.db.execute(query):
            yield StoredArticle(row[0], date.fromisoformat(row[1]) if row[1] else None, *row[2:])

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute(
            "SELECT id, title, author, published, publisher, translator, original_source, url, language, "
            "retrieved, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        keys = ("id", "title", "author", "published", "publisher", "translator", "original_source", "url",
                "language", "retrieved", "text")
        return Article.model_validate(dict(zip(keys, row, strict=True)))

    def extraction(self, article_id: str) -> Extraction | None:
        row = self.db.execute(
            "SELECT json FROM extractions WHERE article_id = ? ORDER BY created_at DESC LIMIT 1",
            (article_id,)).fetchone()
        return Extraction.model_validate_json(row[0]) if row else None

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
