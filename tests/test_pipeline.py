from __future__ import annotations

import pytest

from rasd.doc import Document
from rasd.pipeline import DEFAULT_STAGES, Pipeline, PipelineError, register
from rasd.schema import Article


def test_default_pipeline_fills_every_layer() -> None:
    doc = Pipeline()(Document(Article(id="x", text="قصفت الطائرات مواقع في ريف إدلب. وقتل ثلاثة مدنيين.")))
    assert Pipeline().names == DEFAULT_STAGES
    assert doc.norm is not None and len(doc.sentences) == 2 and len(doc.tokens) >= 10


def test_misordered_or_unknown_stages_fail_when_built() -> None:
    with pytest.raises(PipelineError, match="needs norm"):
        Pipeline(("sentences", "normalize"))
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(("normalize", "nonsense"))


def test_registered_stage_joins_a_pipeline() -> None:
    @register("count_words_test", requires=["tokens"], assigns=["events"])
    def count(doc: Document) -> Document:
        doc.entities = []
        return doc

    assert Pipeline((*DEFAULT_STAGES, "count_words_test")).names[-1] == "count_words_test"
