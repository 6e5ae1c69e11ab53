"""The document that flows through the pipeline.

A :class:`Document` owns one article's raw text and never changes it. Stages add layers:
the normalized text with its offset map, sentences, tokens, and (in later stages) entities
and events. Every layer holds raw character offsets, so ``raw[start:end]`` is always the
exact text a unit claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rasd.schema import Article, Casualty, Entity, Event, Quantity, TimeExpression, Truce, Weapon
from rasd.text.normalize import NormalizedText


class TokenKind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"


class Clitic(StrEnum):
    """What a piece split off an Arabic word is."""

    CONJ = "conj"  # و ف
    PREP = "prep"  # ب ك ل
    FUTURE = "future"  # س
    ARTICLE = "article"  # ال
    PRON = "pron"  # pronoun suffixes


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # raw offsets
    end: int
    norm_start: int
    norm_end: int


@dataclass(slots=True)
class Token:
    start: int  # raw offsets
    end: int
    norm_start: int  # offsets into the normalized text
    norm_end: int
    kind: TokenKind
    word: int  # index of the whitespace-delimited word this token belongs to
    clitic: Clitic | None = None  # None for a stem or an unsegmented word


@dataclass(slots=True)
class Document:
    article: Article
    norm: NormalizedText | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    truces: list[Truce] = field(default_factory=list)
    # views computed from the layers above on first use, by the module that needs them
    derived: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def raw(self) -> str:
        return self.article.text

    def text_of(self, unit: Sentence | Token) -> str:
        return self.article.text[unit.start : unit.end]

    def key_of(self, unit: Sentence | Token) -> str:
        """The folded matching key of a unit."""
        if self.norm is None:
            raise ValueError("document is not normalized yet")
        return self.norm.key[unit.norm_start : unit.norm_end]

    def sentence_at(self, raw_offset: int) -> int | None:
        """Index of the sentence containing a raw offset."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= raw_offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.sentences) and self.sentences[lo].start <= raw_offset:
            return lo
        return None
