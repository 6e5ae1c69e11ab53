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
                           "stem_initial_words", "suffix_final_words"}
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


def test_normalization_table_rebuilds_identically() -> None:
    if unicodedata.unidata_version != "14.0.0":
        pytest.skip("the committed table was built with Unicode 14 (Python 3.11)")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_normalization.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
