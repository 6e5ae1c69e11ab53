"""Truces entered by users: resolved against the knowledge base, stored, checked against the events."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.extract import Extractor
from rasd.schema import Article
from rasd.store import SqliteStore, Store, open_store
from rasd.store.sqlite import MIGRATIONS
from rasd.truces.user import TruceDefinition, payload, read_definitions, resolve_party, user_truce

HUDAYDAH = TruceDefinition(name="hudaydah", kind="ceasefire", start=date(2018, 12, 18), area="الحديدة",
                           sides=[["الحوثيون"], ["الحكومة اليمنية", "Saudi-led coalition"]],
                           conditions="redeployment of forces out of the city and its ports")
# the Houthis shell government forces in the city three weeks after the truce began
ATTACK = Article(id="y1", published="2019-01-10",
                 text="قصف الحوثيون مواقع للقوات الحكومية اليمنية في مدينة الحديدة أمس.")
EARLIER = Article(id="y0", published="2018-11-02",
                  text="قصف الحوثيون مواقع للقوات الحكومية اليمنية في مدينة الحديدة أمس.")


def test_parties_resolve_by_id_english_or_arabic_name() -> None:
    houthis = resolve_party("houthis")
    assert houthis is not None and houthis.id == "act:houthis"
    assert resolve_party("الحوثيين") == houthis == resolve_party("Houthis")
    coalition = resolve_party("Saudi-led coalition")  # the start of «Saudi-led coalition in Yemen»
    assert coalition is not None and coalition.actor_code == "IGOCOAMIL"
    assert resolve_party("Nobody's Brigade") is None and resolve_party("الحديدة") is None  # a place, no actor


def test_a_user_truce_takes_its_area_and_status_from_what_the_user_gives() -> None:
    record = user_truce(HUDAYDAH, today=date(2019, 2, 1))
    assert record.key == "user/hudaydah" and record.article_id is None and record.origin == "user"
    assert record.status == "active" and record.country == "YE" and record.precision == "city"
    assert "act:houthis" in record.sides[0].kb_ids and "act:saudi-led-coalition" in record.sides[1].kb_ids
    ended = user_truce(HUDAYDAH.model_copy(update={"end": date(2019, 1, 1)}), today=date(2019, 2, 1))
    assert ended.status == "ended"
    with pytest.raises(ValueError, match="no place"):
        user_truce(HUDAYDAH.model_copy(update={"area": "مكان لا يعرفه أحد"}))


@pytest.fixture
def store(store_target: str) -> Store:
    return open_store(store_target)


def test_an_attack_stored_before_the_truce_was_entered_is_flagged_then_cleared(store: Store) -> None:
    with store:
        for article in (ATTACK, EARLIER):
            store.save(Extractor().extract(article))
        found = store.add_truce(user_truce(HUDAYDAH), payload(HUDAYDAH))
        assert [(v.truce.key, v.event.key) for v in found] == [("user/hudaydah", "y1/v1")]  # not the earlier one
        assert [v.event.key for v in store.violations()] == ["y1/v1"]
        (listed,) = store.truces()
        assert listed.conditions == HUDAYDAH.conditions and listed.side_names[1][1] == "Saudi-led coalition in Yemen"
        store.add_truce(user_truce(HUDAYDAH), payload(HUDAYDAH))  # entered again: replaced, not doubled
        assert len(store.truces()) == 1 and len(store.violations()) == 1
        assert store.remove_truce("user/hudaydah") and store.truces() == [] and store.violations() == []
        assert not store.remove_truce("user/hudaydah")


def test_an_attack_ingested_after_the_truce_was_entered_is_flagged(store: Store) -> None:
    with store:
        store.add_truce(user_truce(HUDAYDAH), payload(HUDAYDAH))
        store.save(Extractor().extract(ATTACK))
        assert [(v.truce.key, v.event.key) for v in store.take_new_violations()] == [("user/hudaydah", "y1/v1")]


def test_yaml_files_load_and_a_bad_entry_is_named(tmp_path: Path) -> None:
    good = tmp_path / "truces.yaml"
    good.write_text("truces:\n  - name: hudaydah\n    sides: [[الحوثيون], [Saudi-led coalition]]\n"
                    "    start: 2018-12-18\n    area: {country: ye}\n", encoding="utf-8")
    (definition,) = read_definitions(good)
    assert definition.sides[0] == ["الحوثيون"] and user_truce(definition).country == "YE"
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: a\n  sides: [[x]]\n  start: 2020-01-01\n- name: b\n  sides: []\n  start: 2020-01-01\n",
                   encoding="utf-8")
    with pytest.raises(ValueError) as failure:
        read_definitions(bad)
    assert str(failure.value).startswith(f"{bad}: truce 2: ") and "\n" not in str(failure.value)


def test_cli_adds_lists_and_removes_a_truce(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    runner = CliRunner()
    runner.invoke(main, ["ingest", "--db", db, "-"], input=ATTACK.text.encode())
    added = runner.invoke(main, ["truces", "add", "hudaydah", "--db", db, "--side", "الحوثيون", "--side",
                                 "Saudi-led coalition; الحكومة اليمنية; Nobody's Brigade", "--start", "2018-12-18",
                                 "--area", "الحديدة"])
    assert added.exit_code == 0, added.output
    assert "«Nobody's Brigade» is no actor Rasd knows" in added.stderr
    listed = json.loads(runner.invoke(main, ["truces", "--db", db, "--format", "json"]).output)
    assert [(t["key"], t["status"]) for t in listed] == [("user/hudaydah", "active")]
    removed = runner.invoke(main, ["truces", "remove", "hudaydah", "--db", db])
    assert removed.exit_code == 0 and json.loads(runner.invoke(main, ["truces", "--db", db, "--format",
                                                                       "json"]).output) == []
    missing = runner.invoke(main, ["truces", "remove", "hudaydah", "--db", db])
    assert missing.exit_code == 1 and "no truce entered by hand" in missing.stderr


def test_upgrading_a_store_keeps_its_truces_and_violations(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, sql in MIGRATIONS[:3]:  # a store as the previous release left it, with one violation
        old.executescript("BEGIN;" + sql + f"INSERT INTO migrations VALUES ('{name}', 'then');COMMIT;")
    sides = json.dumps([{"kb_ids": ["act:houthis"], "names": [], "codes": [], "shown": ["Houthis"]},
                        {"kb_ids": ["act:yemen-government"], "names": [], "codes": [], "shown": ["Yemen"]}])
    with old:
        old.execute("INSERT INTO articles VALUES ('a', 'h', NULL, NULL, '2019-01-10', NULL, NULL, NULL, NULL, "
                    "'ar', NULL, 'نص', 'then')")
        old.execute("INSERT INTO events VALUES ('a/v1', 'a', '0', NULL, 'ASSAULT', '2019-01-09', '2019-01-09', 'YE', "
                    "NULL, NULL, NULL, NULL, NULL, '[]', '[]', '[]', '[]', NULL, NULL, NULL, NULL, 'a/v1', '{}', "
                    "'[]', '[]')")
        old.execute("INSERT INTO truces VALUES ('a/t1', 'a', 'ceasefire', 'active', '2018-12-18', NULL, 'YE', NULL, "
                    "NULL, 'country', ?, '{}')", (sides,))
        old.execute("INSERT INTO violations VALUES ('a/t1', 'a/v1', 'an attack', 'then')")
    old.close()
    with SqliteStore(path) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
        (truce,) = store.truces()
        assert (truce.key, truce.origin, truce.side_names) == ("a/t1", "text", (("Houthis",), ("Yemen",)))
        assert [(v.truce.key, v.event.key) for v in store.violations()] == [("a/t1", "a/v1")]
