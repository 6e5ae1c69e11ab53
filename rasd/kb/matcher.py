"""Longest-match dictionary matching of names over a document's words.

The document is read as *units*: runs of adjacent letter and number tokens (punctuation ends
a unit and stops a multi-word name). A name may start with proclitics glued to its first
word («وبيروت», «بالموصل», «للعراق» = li- + «العراق»): each unit is looked up as written and
with its conjunction and preposition letters stripped; the longest name wins, and among
equally long ones the reading that strips least.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rasd.doc import Clitic, Document
from rasd.kb.base import AliasIndex, Key
from rasd.text.tokens import proclitics, segment_cached


@dataclass(frozen=True, slots=True)
class Unit:
    key: str  # folded text
    norm_start: int
    norm_end: int
    proclitic: Clitic | None = None  # the first clitic the tokenizer split off, if any
    suffixed: bool = False  # a pronoun suffix is attached («حليفهم»): not part of a name


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # index of the first unit
    end: int  # index after the last unit
    norm_start: int  # normalized offsets, clitics stripped
    norm_end: int
    key: Key
    ids: tuple[str, ...]
    unstripped: str | None = None  # the first word as written, when proclitics were stripped off it


def units(doc: Document) -> list[Unit | None]:
    """The document's units in order; None stands for a break (punctuation). Computed once."""
    found: list[Unit | None] | None = doc.derived.get("units")
    if found is None:
        found = doc.derived["units"] = _units(doc)
    return found


_WORD_RUN = re.compile(r"\w+")


def _units(doc: Document) -> list[Unit | None]:
    """Runs of word characters of the folded text; any punctuation between two runs is a break.
    Each run's clitics come from the tokenizer's segmentation of the word."""
    if doc.norm is None:
        raise ValueError("matching needs the normalized text")
    key = doc.norm.key
    text = doc.norm.text
    out: list[Unit | None] = []
    last = 0
    for run in _WORD_RUN.finditer(key):
        start, end = run.span()
        if out and not key[last:start].isspace():
            out.append(None)  # punctuation, not just white space, between two runs
        elif not out and start > 0 and key[:start].strip():
            out.append(None)
        pieces = segment_cached(text[start:end]) if end - start > 2 else ()
        proclitic = _CLITICS.get(pieces[0][2] or "") if pieces else None
        suffixed = bool(pieces) and pieces[-1][2] == Clitic.PRON.value
        out.append(Unit(run.group(), start, end, proclitic, suffixed))
        last = end
    if out and key[last:].strip():
        out.append(None)
    return out


_CLITICS = {c.value: c for c in Clitic}


_VARIANTS: dict[str, tuple[tuple[str, int], ...]] = {}
_VARIANTS_LIMIT = 200_000


def variants(word: str) -> tuple[tuple[str, int], ...]:
    """Readings of a folded word with its proclitics stripped: (reading, letters stripped)."""
    found = _VARIANTS.get(word)
    if found is None:
        if len(_VARIANTS) >= _VARIANTS_LIMIT:
            _VARIANTS.clear()
        found = _VARIANTS[word] = tuple(_variants(word))
    return found


def _variants(word: str) -> list[tuple[str, int]]:
    p = proclitics()
    found = [(word, 0)]
    rest, stripped = word, 0
    if rest[:1] in p.conjunctions and len(rest) > 2:
        rest, stripped = rest[1:], 1
        found.append((rest, stripped))
    if rest[:1] in p.prepositions and len(rest) > 2:
        found.append((rest[1:], stripped + 1))
    for fused, (article, before) in p.fused_article.items():
        for reading, count in list(found):
            if reading.startswith(fused) and len(reading) > len(fused) + 1:
                # «للعراق» reads «العراق»: the li- is stripped, its second lam is the article
                found.append((article + reading[len(fused) :], count + before))
    return found


def match(units_: list[Unit | None], index: AliasIndex) -> Iterator[Match]:
    """Every longest, non-overlapping name of ``index`` in the units, left to right."""
    i = 0
    n = len(units_)
    by_first = index.by_first
    while i < n:
        unit = units_[i]
        if unit is None:
            i += 1
            continue
        best: tuple[int, int, Key, tuple[str, ...]] | None = None  # (length, -stripped, key, ids)
        for reading, stripped in variants(unit.key):
            for tail, ids in by_first.get(reading, ()):
                length = 1 + len(tail)
                if best is not None and (length, -stripped) <= best[:2]:
                    continue
                if i + length > n:
                    continue
                if all((u := units_[i + 1 + k]) is not None and u.key == word for k, word in enumerate(tail)):
                    best = (length, -stripped, (reading, *tail), ids)
        if best is None:
            i += 1
            continue
        length, minus_stripped, key, ids = best
        last = units_[i + length - 1]
        assert last is not None
        yield Match(i, i + length, unit.norm_start - minus_stripped, last.norm_end, key, ids,
                    unit.key if minus_stripped else None)
        i += length
