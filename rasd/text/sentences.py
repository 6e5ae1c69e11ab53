"""Sentence splitting over the normalized text.

A line break always ends a sentence (headlines, bylines and paragraphs are lines). Inside a
line a sentence ends at ``. ! ? ؟ …`` (with any closing quotes or brackets) before white
space, unless the word before the dot is an abbreviation (``lang/ar/abbreviations.tsv``) or
a single letter, as in «د.» or initials.
"""

from __future__ import annotations

import re
from functools import cache

from rasd.doc import Document, Sentence
from rasd.lang import column
from rasd.text.normalize import fold, fold_normalized

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_END = re.compile(r"[.!?\u061f\u2026]+[\"'\u00bb\u201d\u2019)\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(fold(a) for a in column("abbreviations", "abbreviation"))


@cache
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    match = _WORD_BEFORE.search(line, max(0, dot - 12), dot)
    if match is None:
        return False
    word = match.group(1)
    if len(word) == 1:
        return not word.isdigit()
    known = _abbreviations()
    return len(word) <= _longest(known) and fold_normalized(word) in known


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a normalized text, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        body = line.group()
        for end_mark in _END.finditer(body):
            if _is_abbreviation(body, end_mark.start()):
                continue
            _add(text, spans, start, line.start() + end_mark.end())
            start = line.start() + end_mark.end()
        _add(text, spans, start, line.end())
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentences_stage(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.sentences`` (needs ``doc.norm``)."""
    if doc.norm is None:
        raise ValueError("sentences need the normalized text")
    norm = doc.norm
    doc.sentences = []
    for index, (n_start, n_end) in enumerate(split_sentences(norm.text)):
        start, end = norm.raw_span(n_start, n_end)
        doc.sentences.append(Sentence(index, start, end, n_start, n_end))
    return doc
