"""Truces, ceasefires and de-escalation agreements read from real-style sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rasd.doc import Document
from rasd.ingest import read_file
from rasd.pipeline import Pipeline
from rasd.schema import Article, Truce

PIPELINE = Pipeline()


def truces(text: str, published: str = "2023-05-10") -> list[Truce]:
    return PIPELINE(Document(Article(id="t", text=text, published=published))).truces


def sides(truce: Truce) -> list[list[str]]:
    return [[p.name_en or p.text for p in side] for side in truce.sides]


def test_a_ceasefire_between_two_named_parties_in_a_city() -> None:
    text = "أعلن الجيش السوداني وقوات الدعم السريع وقف إطلاق النار في الخرطوم يوم 3 أيار/مايو."
    (ceasefire,) = truces(text)
    assert (ceasefire.kind, ceasefire.status) == ("ceasefire", "active")
    assert sides(ceasefire) == [["Sudanese Armed Forces"], ["Rapid Support Forces"]]
    assert ceasefire.area is not None and ceasefire.area.name_en == "Khartoum"
    assert ceasefire.start is not None and ceasefire.start.start == date(2023, 5, 3)
    for mention in ceasefire.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_a_truce_asked_for_is_proposed_and_one_broken_is_violated() -> None:
    (asked,) = truces("دعا المبعوث الأممي إلى هدنة بين الحوثيين والحكومة اليمنية خلال شهر رمضان.")
    assert asked.status == "proposed"
    assert sides(asked) == [["Houthis"], ["Government of Yemen (internationally recognised)"]]
    (broken,) = truces("اتهمت الحكومة اليمنية الحوثيين بخرق الهدنة في الحديدة أمس.")
    assert broken.status == "violated"


def test_the_reference_article_truce_ended_in_early_march(shared: Path) -> None:
    (article,) = list(read_file(shared / "seed" / "000_87069b9d0aef7d6c.txt"))
    doc = PIPELINE(Document(article))
    (truce,) = [t for t in doc.truces if t.kind == "truce"]
    assert truce.status == "ended"
    assert [[p.text for p in side] for side in truce.sides] == [["الفصائل المسلحة"], ["القوات الأمريكية"]]
    assert truce.start is not None and truce.start.start == date(2020, 10, 1)
    assert truce.end is not None and date(2021, 3, 1) <= truce.end.start <= truce.end.end <= date(2021, 3, 10)
    assert truce.area is not None and truce.area.country == "IQ"
