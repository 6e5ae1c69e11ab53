from __future__ import annotations

from rasd.doc import Document
from rasd.kb.base import AliasIndex, name_key
from rasd.kb.matcher import match, units, variants
from rasd.pipeline import Pipeline
from rasd.schema import Article
from rasd.text.normalize import fold

TEXT = Pipeline(("normalize", "sentences", "tokens"))


def doc_of(raw: str) -> Document:
    return TEXT(Document(Article(id="t", text=raw)))


def index_of(*names: str) -> AliasIndex:
    index = AliasIndex()
    for number, name in enumerate(names):
        index.add(name_key(name), f"x{number}")
    return index


def found(raw: str, index: AliasIndex) -> list[str]:
    doc = doc_of(raw)
    assert doc.norm is not None
    return [raw[slice(*doc.norm.raw_span(m.norm_start, m.norm_end))] for m in match(units(doc), index)]


def test_proclitic_readings_of_a_word() -> None:
    readings = dict(variants(fold("وبالموصل")))
    assert readings[fold("وبالموصل")] == 0 and readings[fold("بالموصل")] == 1 and readings[fold("الموصل")] == 2
    assert dict(variants(fold("للعراق")))[fold("العراق")] == 1  # li- + the article «ل»


def test_longest_multiword_name_wins_and_clitics_stay_outside_the_span() -> None:
    index = index_of("الولايات المتحدة", "الولايات المتحدة الأمريكية", "بيروت", "العراق", "أربيل")
    raw = "وصل إلى بيروت وللولايات المتحدة الأمريكية علاقات بالعراق، أما اربيل فهادئة."
    assert found(raw, index) == ["بيروت", "لولايات المتحدة الأمريكية", "العراق", "اربيل"]


def test_punctuation_breaks_a_multiword_name() -> None:
    index = index_of("الولايات المتحدة")
    assert found("الولايات، المتحدة", index) == []
    assert found("«الولايات المتحدة»", index) == ["الولايات المتحدة"]
