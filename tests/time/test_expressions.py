"""Temporal expressions: the table of real-style sentences, and the seed article's phrases."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.doc import Document
from rasd.ingest import read_file
from rasd.pipeline import TEXT_STAGES, Pipeline
from rasd.schema import Article, TimeExpression

TABLE = Path(__file__).with_name("expressions.tsv")
PIPELINE = Pipeline((*TEXT_STAGES, "times"))


def times(text: str, published: str | date | None) -> list[TimeExpression]:
    return PIPELINE(Document(Article(id="t", text=text, published=published))).times


def rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_table_is_large_and_varied() -> None:
    table = rows()
    assert len(table) >= 300
    assert {r["kind"] for r in table} == {"date", "since", "deadline", "duration"}
    assert {r["precision"] for r in table} >= {"day", "week", "month", "season", "year", "interval"}


@pytest.mark.parametrize("row", rows(), ids=lambda r: r["expression"])
def test_expression_is_found_and_resolved(row: dict[str, str]) -> None:
    sentence = row["sentence"]
    start = sentence.index(row["expression"])
    end = start + len(row["expression"])
    found = [t for t in times(sentence, row["published"]) if t.span.start < end and start < t.span.end]
    assert found, "not found"
    got = found[0]
    assert got.span.text == row["expression"]
    assert sentence[got.span.start : got.span.end] == got.span.text
    assert got.kind == row["kind"]
    assert (str(got.start or ""), str(got.end or ""), got.precision or "") == (row["start"], row["end"],
                                                                               row["precision"])


SEED_PHRASES = {
    "الشهر الماضي": ("2021-02-01", "2021-02-28"),
    "يوم 3 آذار/مارس": ("2021-03-03", "2021-03-03"),
    "منذ تشرين الأول/أكتوبر": ("2020-10-01", "2021-03-15"),
    "في مطلع آذار/مارس": ("2021-03-01", "2021-03-10"),
    "في غضون 12 شهراً": ("2021-03-15", "2022-03-15"),
}


def test_seed_article_phrases(shared: Path) -> None:
    (article,) = list(read_file(shared / "seed" / "000_87069b9d0aef7d6c.txt"))
    assert isinstance(article, Article)
    found = {t.span.text: t for t in PIPELINE(Document(article)).times}
    for phrase, (start, end) in SEED_PHRASES.items():
        assert phrase in found, phrase
        assert (str(found[phrase].start), str(found[phrase].end)) == (start, end), phrase
    assert found["منذ تشرين الأول/أكتوبر"].kind == "since"
    assert found["في غضون 12 شهراً"].kind == "deadline"


def test_without_a_publication_date_relative_expressions_stay_unresolved() -> None:
    found = {t.span.text: t for t in times("قتل جندي أمس، وفي 3 آذار 2021 أصيب آخر.", None)}
    assert found["أمس"].start is None and found["أمس"].basis == "relative"
    assert str(found["وفي 3 آذار 2021"].start) == "2021-03-03"


def test_cli_prints_json() -> None:
    result = CliRunner().invoke(main, ["time", "سقطت القذائف الليلة الماضية", "--published", "2022-04-03"])
    assert result.exit_code == 0
    (found,) = json.loads(result.stdout)
    assert found["text"] == "الليلة الماضية"
    assert found["value"] == {"start": "2022-04-02", "end": "2022-04-03", "precision": "day"}
