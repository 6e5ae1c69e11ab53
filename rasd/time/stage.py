"""Pipeline stage: the temporal expressions of a document, resolved against its publication date."""

from __future__ import annotations

from functools import cache

from rasd.doc import Clitic, Document
from rasd.schema import Span, TimeExpression
from rasd.text.normalize import fold
from rasd.time.expressions import find
from rasd.time.lexicon import lexicon


@cache
def _future_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon().words("future"))


def _future_positions(doc: Document) -> list[int]:
    """Normalized positions of future markers: the «سـ» of «سيزور», and «سوف»."""
    assert doc.norm is not None
    words = _future_words()
    return [t.norm_start for t in doc.tokens
            if t.clitic is Clitic.FUTURE or doc.norm.key[t.norm_start : t.norm_end] in words]


def times_stage(doc: Document) -> Document:
    """Fill ``doc.times`` (needs the normalized text, sentences and tokens)."""
    if doc.norm is None:
        raise ValueError("times need the normalized text")
    norm = doc.norm
    markers = _future_positions(doc)
    sentence_spans = [(s.norm_start, s.norm_end) for s in doc.sentences]

    def future_at(position: int) -> bool:
        # a future verb earlier in the same sentence makes a bare month the coming one
        sentence = next(((a, b) for a, b in sentence_spans if a <= position < b), (0, position))
        return any(sentence[0] <= marker < position for marker in markers)

    doc.times = []
    for found in find(norm.key, doc.article.published, future_at):
        start, end = norm.raw_span(found.norm_start, found.norm_end)
        interval = found.interval
        doc.times.append(TimeExpression(
            kind=found.kind,
            start=interval.start if interval else None,
            end=interval.end if interval else None,
            precision=interval.precision if interval else None,
            basis=found.basis,
            span=Span(start=start, end=end, text=doc.raw[start:end], sentence=doc.sentence_at(start)),
        ))
    return doc
