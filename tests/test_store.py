from __future__ import annotations

import sqlite3
from pathlib import Path

from rasd.extract import Extractor
from rasd.schema import Article
from rasd.store import SqliteStore, default_db_path
from rasd.store.sqlite import MIGRATIONS

ARTICLE = Article(id="a1", text="أعلنت وزارة الدفاع مقتل جنديين في هجوم بطائرة مسيرة.", published="2022-05-01")


def test_migrations_are_recorded_and_run_once(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with SqliteStore(path) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
    with SqliteStore(path) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_saving_is_idempotent_and_round_trips(tmp_path: Path) -> None:
    extraction = Extractor().extract(ARTICLE)
    with SqliteStore(tmp_path / "s.sqlite") as store:
        assert store.save(extraction) is True
        assert store.save(extraction) is False
        assert store.count() == 1
        assert store.article("a1") == ARTICLE
        assert store.extraction("a1") == extraction
        changed = Extractor().extract(ARTICLE.model_copy(update={"text": ARTICLE.text + " وأصيب ثلاثة."}))
        assert store.save(changed) is True
        assert store.count() == 1 and store.article("a1").text.endswith("ثلاثة.")  # type: ignore[union-attr]


def test_default_path_follows_environment(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RASD_DB", str(tmp_path / "x.sqlite"))
    assert default_db_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("RASD_DB")
    assert default_db_path().name == "rasd.sqlite"
