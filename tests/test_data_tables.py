from __future__ import annotations

import subprocess
import sys
import unicodedata
from importlib import resources

import pytest

from rasd.lang import DataTableError, load_table
from tests.conftest import ROOT

TABLES = sorted(p.name.removesuffix(".tsv") for p in (ROOT / "rasd" / "lang" / "ar").glob("*.tsv"))


def test_tables_are_shipped_in_the_package() -> None:
    assert set(TABLES) >= {"normalization", "clitics", "months", "article_labels", "abbreviations",
                           "stem_initial_words", "suffix_final_words", "gazetteer", "actors_states",
                           "actors_groups", "officeholders", "common_words", "place_homographs"}
    assert resources.files("rasd.lang").joinpath("ar", "months.tsv").is_file()


@pytest.mark.parametrize("name", TABLES)
def test_every_row_has_a_source(name: str) -> None:
    rows = load_table(name)
    assert rows, name
    assert all(row["source"].strip() for row in rows)


@pytest.mark.parametrize("name", ["stem_initial_words", "suffix_final_words"])
def test_word_lists_are_clean(name: str) -> None:
    words = [row["word"] for row in load_table(name)]
    assert len(words) == len(set(words)), "duplicates"
    for word in words:
        assert word and all(unicodedata.category(c) == "Lo" for c in word), word


def test_missing_table_is_a_clear_error() -> None:
    with pytest.raises(DataTableError, match="no data table"):
        load_table("no_such_table")


@pytest.mark.parametrize("script", ["build_normalization.py", "build_common_words.py", "build_gazetteer.py"])
def test_generated_tables_rebuild_identically(script: str) -> None:
    if unicodedata.unidata_version != "14.0.0":
        pytest.skip("the committed tables were built with Unicode 14 (Python 3.11)")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_gazetteer_rows_are_well_formed() -> None:
    rows = load_table("gazetteer")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    kinds = {r["kind"] for r in rows}
    assert kinds == {"country", "admin1", "city", "district", "facility"}
    assert sum(r["kind"] == "facility" for r in rows) >= 150
    assert sum(r["kind"] == "country" for r in rows) >= 240
    for r in rows:
        assert r["name_ar"] and r["country"] and r["precision"] in {"country", "admin1", "city", "district", "facility"}
        if r["lat"]:
            assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        assert not r["admin1"] or by_id[r["admin1"]]["kind"] == "admin1"


def test_actors_are_many_and_well_formed() -> None:
    rows = [r for t in ("actors_states", "actors_groups") for r in load_table(t)]
    assert len(rows) >= 600
    ids = {r["id"] for r in rows}
    assert len(ids) == len(rows)
    for r in rows:
        assert r["name_ar"] and r["name_en"] and r["type"]
        assert not r["parent"] or r["parent"] in ids, r["id"]
    terms = load_table("officeholders")
    assert terms and all(t["person_id"] in ids for t in terms)
