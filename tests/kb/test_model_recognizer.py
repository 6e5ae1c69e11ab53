"""A model recognizer plugs into the entity stage through the same interface."""

from __future__ import annotations

import re

from rasd.doc import Document
from rasd.kb import EntityStage, default_kb
from rasd.kb.model_recognizer import ModelRecognizer
from rasd.pipeline import TEXT_STAGES, Pipeline
from rasd.schema import Article


def test_spans_from_a_model_are_linked_or_kept_as_typed_names() -> None:
    raw = "قالَ المتحدث باسم الجيش، العقيد سامر الخطيب، إن الاشتباكات امتدت إلى أربيل."

    def predict(text: str) -> list[tuple[int, int, str]]:
        # a tagger's output: character spans on the raw text with BIO-free labels
        return [(m.start(), m.end(), label) for pattern, label in (("سامر الخطيب", "PER"), ("أربيل", "LOC"))
                for m in re.finditer(pattern, text)]

    doc = Pipeline(TEXT_STAGES)(Document(Article(id="m", text=raw)))
    stage = EntityStage(default_kb(), [ModelRecognizer(predict)])
    found = {e.text: e for e in stage(doc).entities}
    assert found["أربيل"].kb_id is not None and found["أربيل"].country == "IQ"
    person = found["سامر الخطيب"]
    assert person.type == "PERSON" and person.kb_id is None
    assert raw[person.mentions[0].start : person.mentions[0].end] == "سامر الخطيب"
