"""`rasd events` and `rasd export` over a store holding articles from several outlets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.export.acled import COLUMNS

ARTICLES = [
    {"id": "a", "publisher": "outlet-a", "published": "2022-05-04",
     "text": "قتل ثلاثة جنود عراقيين أمس في هجوم بسيارة مفخخة استهدف حاجزا للجيش في مدينة الموصل."},
    {"id": "b", "publisher": "outlet-b", "published": "2022-05-04",
     "text": "أعلنت مصادر أمنية مقتل جنديين وإصابة خمسة آخرين في تفجير سيارة مفخخة قرب حاجز عسكري في الموصل أمس."},
    {"id": "c", "publisher": "outlet-c", "published": "2022-05-04",
     "text": "تظاهر مئات الطلاب في بيروت أمس احتجاجا على ارتفاع الأقساط الجامعية."},
]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    path = tmp_path / "rasd.sqlite"
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_events_are_merged_across_outlets_and_filtered(db: Path) -> None:
    found = json.loads(run("events", "--db", str(db), "--format", "json"))
    (attack,) = [e for e in found if e["type"] == "ASSAULT"]
    assert {r["publisher"] for r in attack["reports"]} == {"outlet-a", "outlet-b"}
    assert attack["fatalities"]["low"] == 2 and attack["fatalities"]["high"] == 3
    assert attack["location"]["name"] == "Mosul" and attack["date"]["start"] == "2022-05-03"
    assert [e["type"] for e in json.loads(run("events", "--db", str(db), "--country", "LB", "--format", "json"))] \
        == ["PROTEST"]
    assert json.loads(run("events", "--db", str(db), "--query", "بيروت", "--format", "json"))[0]["type"] == "PROTEST"
    assert json.loads(run("events", "--db", str(db), "--from", "2022-05-05", "--format", "json")) == []
    inside = json.loads(run("events", "--db", str(db), "--bbox", "42,35,45,38", "--format", "json"))
    assert [e["type"] for e in inside] == ["ASSAULT"]
    assert "Mosul" in run("events", "--db", str(db))


def test_acled_csv_has_acled_columns_and_the_lowest_count(db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(db), "--format", "acled-csv"))))
    assert tuple(rows[0].keys()) == COLUMNS
    (attack,) = [r for r in rows if r["disorder_type"] == "Political violence"]
    assert attack["country"] == "Iraq" and attack["location"] == "Mosul" and attack["fatalities"] == "2"
    assert attack["event_date"] == "2022-05-03" and attack["time_precision"] == "1"
    assert attack["source"] == "outlet-a; outlet-b"
    assert [r["event_type"] for r in rows if r["disorder_type"] == "Demonstrations"] == ["Protests"]


def test_plover_records_and_geojson_load(db: Path, tmp_path: Path) -> None:
    records = [json.loads(line) for line in run("export", "--db", str(db), "--format", "plover-jsonl").splitlines()]
    assert {r["event"][0] for r in records} == {"ASSAULT", "PROTEST"}
    for record in records:
        assert {"id", "date", "event", "source", "recipient", "quad_code", "event_loc", "coder"} <= set(record)
    out = tmp_path / "events.geojson"
    run("export", "--db", str(db), "--format", "geojson", "--out", str(out))
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        assert 25 <= lon <= 50 and 30 <= lat <= 40  # longitude first (RFC 7946), in the Levant and Iraq


def test_parquet_holds_typed_columns_and_the_range_of_counts(db: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    run("export", "--db", str(db), "--format", "parquet", "--out", str(out))
    table = pq.read_table(out)
    assert table.schema.field("date_start").type == pa.date32() and table.schema.field("latitude").type == pa.float64()
    (attack,) = [r for r in table.to_pylist() if r["type"] == "ASSAULT"]
    assert (attack["fatalities_low"], attack["fatalities_high"]) == (2, 3)  # «جنديين» against «ثلاثة جنود»
    assert json.loads(attack["fatalities_by_report"]) == {"a/v1": 3, "b/v1": 2}
    assert attack["outlets"] == ["outlet-a", "outlet-b"] and str(attack["date_start"]) == "2022-05-03"
    refused = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert refused.exit_code != 0 and "give --out FILE" in refused.output


def test_a_bad_bounding_box_is_a_clear_error(db: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--bbox", "north-of-here"])
    assert result.exit_code != 0 and "WEST,SOUTH,EAST,NORTH" in result.output
