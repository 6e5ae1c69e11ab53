"""Persistence. All SQL lives in this package."""

from rasd.store.sqlite import SqliteStore, StoredArticle, default_db_path

__all__ = ["SqliteStore", "StoredArticle", "default_db_path"]
