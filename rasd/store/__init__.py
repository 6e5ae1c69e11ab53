"""Persistence. All SQL lives in this package."""

from __future__ import annotations

import os
import re
from pathlib import Path

from rasd.dedup import Settings
from rasd.store.base import EntityQuery, EventQuery, Store, StoredArticle, StoredEntity, StoredEvent, Violation
from rasd.store.sqlite import SqliteStore, default_db_path


def is_postgres_url(value: str) -> bool:
    return value.startswith(("postgresql://", "postgres://"))


def default_db() -> str:
    """``$RASD_DB`` (a file or a URL) if set, else ``rasd.sqlite`` in the user's data directory."""
    return os.environ.get("RASD_DB") or str(default_db_path())


def shown(db: str) -> str:
    """A database as it may be printed: a URL without its password."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", db)


def open_store(db: str | Path | None = None, settings: Settings | None = None) -> Store:
    """The store at ``db``: a ``postgresql://`` URL, or a SQLite file (default: ``default_db_path()``)."""
    target = str(db) if db is not None else default_db()
    if is_postgres_url(target):
        try:
            from rasd.store.postgres import PostgresStore
        except ImportError as exc:  # psycopg is an optional dependency
            raise RuntimeError("a postgresql:// store needs psycopg: pip install 'rasd[postgres]'") from exc
        return PostgresStore(target, settings)
    return SqliteStore(target, settings)


__all__ = [
    "EntityQuery",
    "EventQuery",
    "SqliteStore",
    "Store",
    "StoredArticle",
    "StoredEntity",
    "StoredEvent",
    "Violation",
    "default_db",
    "default_db_path",
    "open_store",
    "shown",
]
