"""The sample articles the project ships: they read, and their metadata is right."""

from __future__ import annotations

from datetime import date

from rasd.extract import Extractor
from rasd.ingest import read_inputs
from rasd.schema import Article
from tests.conftest import SAMPLES

PUBLISHED = {
    "sample-01": date(2021, 10, 21),
    "sample-02": date(2021, 9, 16),
    "sample-03": date(2022, 4, 3),
    "sample-04": date(2022, 6, 11),
    "sample-05": date(2024, 6, 20),
    "sample-06": date(2024, 2, 22),
}


def test_samples_read_with_their_dates_and_sources() -> None:
    articles = {a.id: a for a in read_inputs([SAMPLES]) if isinstance(a, Article)}
    assert {k: a.published for k, a in articles.items()} == PUBLISHED
    assert all(a.language == "ar" and a.url and a.url.startswith("https://example.org/") for a in articles.values())
    translated = articles["sample-05"]
    assert translated.translator == translated.publisher == "نشرة المدار"
    assert translated.original_source == "ذا نايل ريفيو"
    assert articles["sample-01"].author == "علي الساعدي"


def test_samples_split_into_sentences_and_tokens() -> None:
    extractor = Extractor()
    for article in read_inputs([SAMPLES]):
        assert isinstance(article, Article)
        doc = extractor.document(article)
        assert len(doc.sentences) >= 8
        assert len(doc.tokens) > 250
        # Eastern Arabic digits (sample-04 writes all its figures so) read as numbers
        if article.id == "sample-04":
            assert any(doc.key_of(t) == "2022" for t in doc.tokens)
