from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from rasd.extract import Extractor
from rasd.schema import Article, Extraction
from rasd.store import SqliteStore, Store, default_db_path, open_store
from rasd.store.sqlite import MIGRATIONS

ARTICLE = Article(id="a1", text="أعلنت وزارة الدفاع مقتل جنديين في هجوم بطائرة مسيرة.", published="2022-05-01")


@pytest.fixture
def opener(store_target: str) -> Callable[[], Store]:
    """Opens one store, the same database each call: a SQLite file, or a database on a real PostgreSQL server."""
    return lambda: open_store(store_target)


def test_migrations_are_recorded_and_run_once(opener: Callable[[], Store]) -> None:
    with opener() as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
        assert [name for name, _ in store.MIGRATIONS] == [name for name, _ in MIGRATIONS]
    with opener() as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]


def test_sqlite_store_writes_ahead(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.sqlite"):
        pass
    assert sqlite3.connect(tmp_path / "s.sqlite").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_saving_is_idempotent_and_round_trips(opener: Callable[[], Store]) -> None:
    extraction = Extractor().extract(ARTICLE)
    with opener() as store:
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


def test_search_finds_a_word_however_the_article_attaches_or_spells_it(opener: Callable[[], Store]) -> None:
    texts = {"b": "وصل الوفد إلى بيروت وبغداد أمس.", "e": "سقطت صواريخ قرب مطار أربيل الدولي.",
             "m": "اشتباكات عنيفة في وبالموصل."}
    with opener() as store:
        for key, text in texts.items():
            store.save(Extractor().extract(Article(id=key, text=text, published="2022-05-01")))
        assert store.search("اربيل") == ["e"]  # «أربيل» folded
        assert store.search("بغداد") == ["b"]  # «وبغداد» without its «و»
        assert store.search("الموصل") == ["m"]  # «وبالموصل»
        assert store.search("بيروت بغداد") == ["b"] and store.search("بيروت أربيل") == []


def test_reprocessing_with_a_newer_version_keeps_the_old_extraction(opener: Callable[[], Store]) -> None:
    first = Extractor().extract(ARTICLE)
    newer = first.model_copy(update={"rasd_version": first.rasd_version + ".post1"})
    with opener() as store:
        store.save(first)
        assert store.save(newer) is True
        assert store.extraction_versions("a1") == sorted([first.rasd_version, newer.rasd_version])
        assert {s.report.key for s in store.events()} == {f"a1/{e.id}" for e in first.events}


def test_ingesting_the_seed_and_the_dev_articles_twice_changes_nothing(
        shared: Path, opener: Callable[[], Store]) -> None:
    from rasd.ingest import Problem, read_inputs

    paths = [str(shared / "seed" / "000_87069b9d0aef7d6c.txt"), str(shared / "corpus" / "dev")]
    extractor = Extractor()
    extractions = [extractor.extract(item) for item in read_inputs(paths) if not isinstance(item, Problem)]
    with opener() as store:
        assert all(store.save(e) for e in extractions)
        before = store.dump()
    with opener() as store:
        assert not any(store.save(e) for e in extractions)
        assert store.count() == 25 and len(store.events()) > 50
        assert store.dump() == before


@pytest.fixture(scope="module")
def conflict_extractions(shared: Path) -> list[Extraction]:
    from rasd.ingest import Problem, read_inputs

    extractor = Extractor()
    extractions = []
    for item in read_inputs([str(shared / "corpus" / "saudinewsnet" / "conflict.jsonl")]):
        if isinstance(item, Problem):
            continue
        # the corpus documents its crawl date as the publication date from 1 August 2015 on
        dated = item.retrieved is not None and item.retrieved >= date(2015, 8, 1)
        extractions.append(extractor.extract(item.model_copy(update={"published": item.retrieved} if dated else {})))
    return extractions


def _clusters(store: Store, extractions: list[Extraction], seed: int) -> dict[str, str]:
    order = extractions[:]
    random.Random(seed).shuffle(order)
    with store:
        for extraction in order:
            store.save(extraction)
        return store.clusters()


def test_clusters_of_the_conflict_corpus_do_not_depend_on_ingest_order(
        conflict_extractions: list[Extraction], tmp_path: Path) -> None:
    seen = [_clusters(SqliteStore(tmp_path / f"{seed}.sqlite"), conflict_extractions, seed) for seed in (1, 2)]
    assert seen[0] == seen[1]
    merged = len(seen[0]) - len(set(seen[0].values()))
    assert merged > 20  # the corpus retells many events: some reports do merge


def test_postgres_clusters_the_conflict_corpus_as_sqlite_does(
        conflict_extractions: list[Extraction], tmp_path: Path, postgres_url: str) -> None:
    on_sqlite = _clusters(SqliteStore(tmp_path / "s.sqlite"), conflict_extractions, 3)
    assert _clusters(open_store(postgres_url), conflict_extractions, 4) == on_sqlite


def test_upgrading_fills_new_columns_from_the_stored_event_json(
        opener: Callable[[], Store], monkeypatch: pytest.MonkeyPatch) -> None:
    extraction = Extractor().extract(Article(id="w", published="2022-05-04",
                                             text="قتل ثلاثة جنود أمس بقذيفة هاون سقطت على حاجز في الموصل."))
    (event,) = [e for e in extraction.events if e.type == "ASSAULT"]
    assert [w.name for w in event.weapons] == ["mortar"]
    with opener() as store:
        store.save(extraction)
        expected = store.dump()["events"]
        # the row as a store of the previous release kept it: no weapons column filled yet
        with store._transaction():
            store._run("UPDATE events SET weapons = '[]', date_basis = NULL")
            store._run("DELETE FROM migrations WHERE name IN ('0005_components_and_date_basis', '0006_event_weapons')")
        assert [row[-2:] for row in store.dump()["events"]] == [(None, "[]")]
    monkeypatch.setattr(type(store), "_apply_migration", _refill(type(store)._apply_migration))
    with opener() as store:
        found = store.dump()["events"]
    assert [row[-4:] for row in found] == [row[-4:] for row in expected]  # the new columns
    assert found == expected


def _refill(apply: Callable[..., None]) -> Callable[..., None]:
    """Apply only the filling statements of migrations 0005 and 0006 to a store whose columns exist."""
    def applied(store: Store, name: str, sql: str) -> None:
        kept = ";".join(s for s in sql.split(";") if s.strip().startswith("UPDATE"))
        apply(store, name, kept + ";")
    return applied


def test_entities_are_counted_across_articles_by_their_knowledge_base_entry(opener: Callable[[], Store]) -> None:
    from rasd.store import EntityQuery

    texts = {"a": "قصف الحوثيون مواقع في مدينة تعز أمس.", "b": "اشتبك مسلحون حوثيون مع القوات الحكومية في تعز.",
             "c": "وصل الوفد إلى بيروت أمس."}
    with opener() as store:
        for key, text in texts.items():
            store.save(Extractor().extract(Article(id=key, text=text, published="2022-05-01")))
        total, found = store.entities()
        by_id = {e.kb_id: e for e in found}
        assert by_id["act:houthis"].articles == 2 and found[0].articles == 2  # most named first
        assert total == len(found) == 3 and {e.name_en for e in found} == {"Houthis", "Taiz", "Beirut"}
        places_total, places = store.entities(EntityQuery(type="place", name="Beirut"))
        assert places_total == 1 and places[0].name_en == "Beirut" and places[0].articles == 1
        assert store.entities(EntityQuery(article="c", limit=1))[1][0].kb_id == places[0].kb_id
