"""The library entry point: articles in, :class:`~rasd.schema.Extraction` records out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rasd import __version__
from rasd.doc import Document
from rasd.ingest import Problem
from rasd.pipeline import Pipeline
from rasd.schema import Article, Extraction, Sentence


def to_extraction(doc: Document) -> Extraction:
    raw = doc.raw
    return Extraction(
        rasd_version=__version__,
        article=doc.article,
        sentences=[Sentence(index=s.index, start=s.start, end=s.end, text=raw[s.start : s.end])
                   for s in doc.sentences],
        entities=doc.entities,
        times=doc.times,
        quantities=doc.quantities,
        casualties=doc.casualties,
        weapons=doc.weapons,
        events=doc.events,
        truces=doc.truces,
    )


class Extractor:
    """Runs a pipeline over articles. Build one and reuse it: stages load their data once."""

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self.pipeline = pipeline or Pipeline()

    def document(self, article: Article) -> Document:
        return self.pipeline(Document(article))

    def extract(self, article: Article) -> Extraction:
        return to_extraction(self.document(article))

    def extract_all(self, items: Iterable[Article | Problem]) -> Iterator[Extraction | Problem]:
        """Extract every article; problems pass through, and a failing article becomes one."""
        for item in items:
            if isinstance(item, Problem):
                yield item
                continue
            try:
                yield self.extract(item)
            except (ValueError, LookupError, ArithmeticError) as exc:
                # a bug on one article must not stop the batch; it is reported with its id
                yield Problem(item.id, f"extraction failed: {type(exc).__name__}: {exc}")
