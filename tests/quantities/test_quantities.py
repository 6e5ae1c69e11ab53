"""Numbers and casualty figures: the tables of real-style sentences, and the seed's figures."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.doc import Document
from rasd.ingest import read_file
from rasd.pipeline import TEXT_STAGES, Pipeline
from rasd.quantities.extract import casualty_totals, find_casualties
from rasd.schema import Article, Casualty, Quantity
from rasd.text.normalize import fold

HERE = Path(__file__).parent
PIPELINE = Pipeline((*TEXT_STAGES, "times", "quantities"))


def table(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def analysed(text: str) -> Document:
    return PIPELINE(Document(Article(id="q", text=text)))


@pytest.mark.parametrize("row", table("numbers.tsv"), ids=lambda r: r["expression"])
def test_number_value_qualifier_and_noun(row: dict[str, str]) -> None:
    sentence = row["sentence"]
    start = sentence.index(row["expression"])
    end = start + len(row["expression"])
    found: list[Quantity] = [q for q in analysed(sentence).quantities if q.span.start < end and start < q.span.end]
    assert found, "not found"
    q = found[0]
    assert sentence[q.span.start : q.span.end] == q.span.text
    assert (q.value, q.qualifier) == (int(row["value"]), row["qualifier"])
    if row["noun"]:
        assert q.noun == fold(row["noun"])


@pytest.mark.parametrize("row", table("casualties.tsv"), ids=lambda r: r["sentence"][:40])
def test_casualty_figures(row: dict[str, str]) -> None:
    figures = find_casualties(analysed(row["sentence"]).norm.key)  # type: ignore[union-attr]
    totals = casualty_totals(figures)
    expected = {k: int(row[k]) if row[k] else None for k in totals}
    assert totals == expected


def casualties_of(text: str) -> list[Casualty]:
    return analysed(text).casualties


def test_seed_figures(shared: Path) -> None:
    (article,) = list(read_file(shared / "seed" / "000_87069b9d0aef7d6c.txt"))
    assert isinstance(article, Article)
    doc = PIPELINE(Document(article))
    figures = {(c.category, c.value) for c in doc.casualties}
    assert ("killed", 1) in figures and ("injured", 9) in figures  # «أودى بحياة مقاتول عسكري وجرح تسعة آخرين»
    assert ("injured", 0) in figures  # «لم يسفر عن أي إصابات»
    rockets = [q for q in doc.quantities if q.span.text.startswith("ما لا يقل عن")]
    assert rockets and (rockets[0].value, rockets[0].qualifier, rockets[0].noun) == (10, "at_least", fold("صاروخ"))
    assert {w.name for w in doc.weapons} >= {"rocket"}


def test_cli_prints_json() -> None:
    result = CliRunner().invoke(main, ["quantities", "أسفر القصف بقذائف الهاون عن مقتل وإصابة 19 شخصاً"])
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert {"type": "casualty", "category": "killed_or_injured", "value": 19} .items() <= next(
        f for f in found if f["type"] == "casualty").items()
    assert any(f["type"] == "weapon" and f["weapon"] == "mortar" for f in found)
