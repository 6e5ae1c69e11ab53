from __future__ import annotations

import sqlite3
from datetime import date
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


def _dump(path: Path) -> list[str]:
    return list(sqlite3.connect(path).iterdump())


def test_search_finds_a_word_however_the_article_attaches_or_spells_it(tmp_path: Path) -> None:
    texts = {"b": "وصل الوفد إلى بيروت وبغداد أمس.", "e": "سقطت صواريخ قرب مطار أربيل الدولي.",
             "m": "اشتباكات عنيفة في وبالموصل."}
    with SqliteStore(tmp_path / "s.sqlite") as store:
        for key, text in texts.items():
            store.save(Extractor().extract(Article(id=key, text=text, published="2022-05-01")))
        assert store.search("اربيل") == ["e"]  # «أربيل» folded
        assert store.search("بغداد") == ["b"]  # «وبغداد» without its «و»
        assert store.search("الموصل") == ["m"]  # «وبالموصل»
        assert store.search("بيروت بغداد") == ["b"] and store.search("بيروت أربيل") == []


def test_reprocessing_with_a_newer_version_keeps_the_old_extraction(tmp_path: Path) -> None:
    first = Extractor().extract(ARTICLE)
    newer = first.model_copy(update={"rasd_version": first.rasd_version + ".post1"})
    with SqliteStore(tmp_path / "s.sqlite") as store:
        store.save(first)
        assert store.save(newer) is True
        versions = store.db.execute("SELECT rasd_version FROM extractions ORDER BY rasd_version").fetchall()
        assert [v for (v,) in versions] == sorted([first.rasd_version, newer.rasd_version])
        assert {s.report.key for s in store.events()} == {f"a1/{e.id}" for e in first.events}


def test_ingesting_the_seed_and_the_dev_articles_twice_changes_nothing(shared: Path, tmp_path: Path) -> None:
    from rasd.ingest import Problem, read_inputs

    paths = [str(shared / "seed" / "000_87069b9d0aef7d6c.txt"), str(shared / "corpus" / "dev")]
    extractor = Extractor()
    extractions = [extractor.extract(item) for item in read_inputs(paths) if not isinstance(item, Problem)]
    path = tmp_path / "s.sqlite"
    with SqliteStore(path) as store:
        assert all(store.save(e) for e in extractions)
    before = _dump(path)
    with SqliteStore(path) as store:
        assert not any(store.save(e) for e in extractions)
        assert store.count() == 25 and len(store.events()) > 50
    assert _dump(path) == before


def test_clusters_of_the_conflict_corpus_do_not_depend_on_ingest_order(shared: Path, tmp_path: Path) -> None:
    import random

    from rasd.ingest import Problem, read_inputs

    extractor = Extractor()
    extractions = []
    for item in read_inputs([str(shared / "corpus" / "saudinewsnet" / "conflict.jsonl")]):
        if isinstance(item, Problem):
            continue
        # the corpus documents its crawl date as the publication date from 1 August 2015 on
        dated = item.retrieved is not None and item.retrieved >= date(2015, 8, 1)
        extractions.append(extractor.extract(item.model_copy(update={"published": item.retrieved} if dated else {})))
    seen = []
    for seed in (1, 2):
        order = extractions[:]
        random.Random(seed).shuffle(order)
        with SqliteStore(tmp_path / f"{seed}.sqlite") as store:
            for extraction in order:
                store.save(extraction)
            seen.append(store.clusters())
    assert seen[0] == seen[1]
    merged = len(seen[0]) - len(set(seen[0].values()))
    assert merged > 20  # the corpus retells many events: some reports do merge
