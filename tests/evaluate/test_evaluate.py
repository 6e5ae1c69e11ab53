"""``rasd evaluate`` on gold files written for these tests, over real pipeline output."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rasd.cli import main
from rasd.evaluate import evaluate_dirs, load_gold
from rasd.evaluate.gold import day_interval, interval_of
from rasd.evaluate.match import name_key
from rasd.extract import Extractor
from rasd.output import to_json
from rasd.schema import Article

TEXT = ("قُتل ثلاثة جنود وأصيب خمسة آخرون أمس في هجوم بقذائف الهاون شنه مسلحون على موقع للجيش في مدينة تعز. "
        "وقال الجيش إن قواته سيطرت على مواقع الحوثيين في مأرب.")


def _write(tmp_path: Path, gold_events: list[dict[str, object]], *, broken: bool = False) -> tuple[Path, Path]:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir(parents=True)
    pred_dir.mkdir(parents=True)
    gold = {"id": "t1", "published": "2022-05-12", "events": gold_events,
            "entities": [{"names": ["تعز", "Taiz"]}, {"names": ["الحوثيون", "Houthis"]}, {"names": ["بغداد"]}]}
    (gold_dir / "t1.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (gold_dir / "t2.gold.json").write_text(json.dumps({"id": "t2", "events": []}), encoding="utf-8")
    extraction = Extractor().extract(Article(id="t1", text=TEXT, published="2022-05-12"))
    (pred_dir / "t1.json").write_text("{not json" if broken else to_json(extraction), encoding="utf-8")
    return gold_dir, pred_dir


TAIZ_ATTACK = {"type": "ASSAULT", "date": "2022-05-11", "fatalities": 3, "injuries": 5,
               "location": {"name": "Taiz", "country": "YE", "lat": 13.58, "lon": 44.02, "precision": "city"},
               "sources": [{"names": ["مسلحون", "gunmen"]}]}


def test_dates_read_as_day_intervals() -> None:
    assert day_interval("2021-02") == (day_interval("2021-02-01")[0], day_interval("2021-02-28")[1])  # type: ignore[index]
    interval = interval_of({"start": "2021-02-01", "end": "2021-03-15"})
    assert interval is not None and (interval[1] - interval[0]).days == 42
    assert interval_of(None) is None and day_interval("soon") is None


def test_names_compare_after_folding() -> None:
    assert name_key("الحوثيين") == name_key("حوثيين") == name_key("الحوثيّين")
    assert name_key("The Houthis") == name_key("houthis")


def test_a_right_event_scores_with_its_attributes(tmp_path: Path) -> None:
    gold_dir, pred_dir = _write(tmp_path, [TAIZ_ATTACK])
    evaluation = evaluate_dirs(gold_dir, pred_dir)
    first = evaluation.articles[0]
    assert first.id == "t1" and first.counts["events"].found == 1 and first.counts["events"].gold == 1
    assert first.attributes["date"] == [1, 1] and first.attributes["location"] == [1, 1]
    assert first.attributes["fatalities"] == [1, 1] and first.attributes["injuries"] == [1, 1]
    assert first.counts["source_actors"].found == 1
    assert first.counts["entities"].found == 2 and first.counts["entities"].gold == 3
    report = evaluation.as_dict()
    assert report["articles"] == 2 and report["unreadable_predictions"] == ["t2"]


def test_a_wrong_place_or_type_does_not_match(tmp_path: Path) -> None:
    elsewhere = dict(TAIZ_ATTACK, location={"name": "Baghdad", "country": "IQ", "lat": 33.3, "lon": 44.4,
                                             "precision": "city"})
    gold_dir, pred_dir = _write(tmp_path, [elsewhere, dict(TAIZ_ATTACK, type="PROTEST")])
    counts = evaluate_dirs(gold_dir, pred_dir).articles[0].counts["events"]
    assert counts.found == 0 and counts.gold == 2 and counts.predicted >= 1


def test_an_optional_event_is_neither_right_nor_wrong(tmp_path: Path) -> None:
    seize = {"type": "ASSAULT", "optional": True,
             "location": {"name": "Marib", "country": "YE", "lat": 15.46, "lon": 45.32, "precision": "city"}}
    gold_dir, pred_dir = _write(tmp_path, [TAIZ_ATTACK])
    without = evaluate_dirs(gold_dir, pred_dir).articles[0].counts["events"].predicted
    gold_dir, pred_dir = _write(tmp_path / "b", [TAIZ_ATTACK, seize])
    with_optional = evaluate_dirs(gold_dir, pred_dir).articles[0].counts["events"]
    assert with_optional.gold == 1 and with_optional.predicted == without - 1


def test_the_command_reports_an_unreadable_prediction_and_goes_on(tmp_path: Path) -> None:
    gold_dir, pred_dir = _write(tmp_path, [TAIZ_ATTACK], broken=True)
    result = CliRunner().invoke(main, ["evaluate", str(gold_dir), str(pred_dir), "--format", "json"])
    assert result.exit_code == 0
    assert "unreadable prediction" in result.stderr and "t1.json" in result.stderr
    report = json.loads(result.stdout)
    assert report["events"]["tp"] == 0 and report["events"]["gold"] == 1
    markdown = CliRunner().invoke(main, ["evaluate", str(gold_dir), str(pred_dir), "--format", "markdown"])
    assert "| t1 | 1 | 0 | 0 |" in markdown.stdout


def test_gold_files_load_their_parties_and_counts(tmp_path: Path) -> None:
    gold_dir, _ = _write(tmp_path, [TAIZ_ATTACK])
    article = load_gold(gold_dir / "t1.gold.json")
    (event,) = article.events
    assert event.type == "ASSAULT" and event.fatalities == 3 and event.sources == [["مسلحون", "gunmen"]]
    assert event.place is not None and event.place.country == "YE"
