"""The most frequent place matches over the whole SaudiNewsNet corpus are places, not words.

``reviewed_place_matches.tsv`` holds the 300 most frequent place names Rasd matched over
all 31,030 articles, each reviewed by a person as really naming that place (folded name,
the entry it linked to, the verdict). This test recomputes the top 300 and fails when a name
enters it that nobody has reviewed, or that was judged a common word.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import SHARED

REVIEWED = Path(__file__).with_name("reviewed_place_matches.tsv")
CORPUS = SHARED / "corpus" / "saudinewsnet" / "all.jsonl.gz"
TOP = 300


def reviewed() -> dict[tuple[str, str], str]:
    with REVIEWED.open(encoding="utf-8") as handle:
        return {(r["name"], r["entry_id"]): r["verdict"] for r in csv.DictReader(handle, delimiter="\t")}


def test_reviewed_list_holds_300_places() -> None:
    verdicts = reviewed()
    assert len(verdicts) >= TOP
    assert set(verdicts.values()) <= {"place", "common word"}


@pytest.mark.slow
def test_top_place_matches_over_the_corpus_are_reviewed_places() -> None:
    if not CORPUS.exists():
        pytest.skip("../shared is not beside this checkout")
    from scripts.place_matches import count_places, top_names

    verdicts = reviewed()
    top = top_names(count_places(CORPUS), TOP)
    unknown = [(name, entry) for name, entry, _ in top if (name, entry) not in verdicts]
    words = [(name, entry) for name, entry, _ in top if verdicts.get((name, entry)) == "common word"]
    assert not unknown, f"not reviewed yet: {unknown[:20]}"
    assert not words, f"common words among the top {TOP} place matches: {words}"
