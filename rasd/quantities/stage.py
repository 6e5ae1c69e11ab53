"""Pipeline stage: quantities, casualty figures and weapons, sentence by sentence."""

from __future__ import annotations

from rasd.doc import Document
from rasd.quantities.extract import find_casualties, find_quantities, find_weapons
from rasd.schema import Casualty, Quantity, Span, Weapon


def quantities_stage(doc: Document) -> Document:
    """Fill ``doc.quantities``, ``doc.casualties`` and ``doc.weapons``. Numbers that belong to a
    date the times stage found («3 آذار 2021») are not quantities."""
    if doc.norm is None:
        raise ValueError("quantities need the normalized text")
    norm = doc.norm
    raw = doc.raw
    in_dates = [(t.span.start, t.span.end) for t in doc.times]

    def span(start: int, end: int, sentence: int) -> Span:
        a, b = norm.raw_span(start, end)
        return Span(start=a, end=b, text=raw[a:b], sentence=sentence)

    doc.quantities, doc.casualties, doc.weapons = [], [], []
    for sentence in doc.sentences:
        offset = sentence.norm_start
        key = norm.key[offset : sentence.norm_end]
        found = []
        for q in find_quantities(key):
            a, b = norm.raw_span(offset + q.start, offset + q.end)
            if any(s <= a < e or s < b <= e for s, e in in_dates):
                continue
            found.append(q)
            doc.quantities.append(Quantity(value=q.value, qualifier=q.qualifier,
                                           noun=q.noun, span=span(offset + q.start, offset + q.end, sentence.index)))
        for figure in find_casualties(key, found):
            doc.casualties.append(Casualty(category=figure.category, value=figure.value,
                                           qualifier=figure.qualifier,
                                           span=span(offset + figure.start, offset + figure.end, sentence.index)))
        for weapon in find_weapons(key):
            doc.weapons.append(Weapon(name=weapon.weapon,
                                      span=span(offset + weapon.start, offset + weapon.end, sentence.index)))
    return doc
