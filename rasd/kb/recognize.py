"""Recognizers find names in a document; the linker decides which real-world entry each is.

:class:`Recognizer` is the interface: anything that turns a :class:`Document` into
:class:`NameMention` records can be plugged in (the shipped dictionary recognizer, or later a
token-classification model loaded from a local directory) without changing the linker or
the pipeline stage that calls it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from rasd.doc import Document
from rasd.kb.base import NISBA_ENDING, Key, KnowledgeBase, default_kb, name_key, person_words
from rasd.kb.matcher import Unit, match, units, variants
from rasd.lang import load_table
from rasd.schema import EntityType


@dataclass(frozen=True, slots=True)
class NameMention:
    """A name found in the text: raw and normalized offsets, and what it may refer to."""

    start: int
    end: int
    norm_start: int
    norm_end: int
    key: Key  # folded words of the name as read
    candidates: tuple[str, ...]  # knowledge-base ids it may refer to; empty when unknown
    type: EntityType | None = None  # the recognizer's guess, for names the KB does not know
    office: str | None = None  # an office title («رئيس الوزراء العراقي») standing for its holder
    label: str | None = None  # the name without the word that introduced it («تعز» of «مدينة تعز»)
    unstripped: str | None = None  # folded first word with its proclitics, when they were stripped
    nested: bool = False  # may lie inside a longer name («السعودية» in «القوات البرية السعودية»)
    head: str | None = None  # the folded place word that introduced the name («قاعده»)
    name_en: str | None = None  # an English name for a name the knowledge base does not know
    country: str | None = None  # its country, when the name says it («الجيش اليمني»)


NESTED_TYPES = frozenset({"COUNTRY", "PLACE", "FACILITY", "INTERNATIONAL_ORGANIZATION"})


@cache
def _idioms() -> tuple[Key, ...]:
    """Phrases that begin with a name but mean something else (``name_idioms.tsv``)."""
    return tuple(name_key(row["phrase"]) for row in load_table("name_idioms"))


class Recognizer(Protocol):
    name: str

    def recognize(self, doc: Document) -> list[NameMention]: ...


class DictionaryRecognizer:
    """Names and office titles from the knowledge base, matched longest first."""

    name = "dictionary"

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or default_kb()
        self.person_words = person_words(self.kb)

    def recognize(self, doc: Document) -> list[NameMention]:
        if doc.norm is None:
            raise ValueError("recognition needs the normalized text")
        span = doc.norm.raw_span
        found: list[NameMention] = []
        seq = units(doc)
        for m in match(seq, self.kb.names):
            if self._idiom(seq, m.start):
                continue  # «مسقط رأس الرئيس»: a birthplace, not Muscat
            start, end = span(m.norm_start, m.norm_end)
            found.append(NameMention(start, end, m.norm_start, m.norm_end, m.key, m.ids, unstripped=m.unstripped))
            if m.end - m.start > 1 and not any(self.kb.entries[i].is_place for i in m.ids):
                found += self._inside(doc, seq[m.start + 1 : m.end])
        taken = [(m.norm_start, m.norm_end) for m in found]
        for m in match(seq, self.kb.offices):
            if any(s < m.norm_end and m.norm_start < e for s, e in taken) or self._named_after(seq, m.end):
                continue
            start, end = span(m.norm_start, m.norm_end)
            found.append(NameMention(start, end, m.norm_start, m.norm_end, m.key, (), "PERSON", m.ids[0]))
        found += self._demonyms(doc, seq, taken)
        found.sort(key=lambda m: m.start)
        return found

    @staticmethod
    def _idiom(seq: list[Unit | None], at: int) -> bool:
        """Whether an idiom that begins like a name («مسقط رأس») starts at ``seq[at]``."""
        for phrase in _idioms():
            words = seq[at : at + len(phrase)]
            if len(words) == len(phrase) and \
                    all(u is not None and u.key == w for u, w in zip(words, phrase, strict=True)):
                return True
        return False

    def _inside(self, doc: Document, inner: list[Unit | None]) -> list[NameMention]:
        """Countries, places and international organizations named inside a longer actor name:
        «الأمم المتحدة» in «الأمين العام للأمم المتحدة», «العراق» in «قيادة العمليات في العراق»."""
        assert doc.norm is not None
        found = []
        for m in match(inner, self.kb.names):
            ids = tuple(i for i in m.ids if self.kb.entries[i].type in NESTED_TYPES)
            if ids:
                start, end = doc.norm.raw_span(m.norm_start, m.norm_end)
                found.append(NameMention(start, end, m.norm_start, m.norm_end, m.key, ids, nested=True))
        return found

    def _demonyms(self, doc: Document, seq: list[Unit | None], taken: list[tuple[int, int]]) -> list[NameMention]:
        """A nisba adjective names its country: «مصدر أمني عراقي», «الحدود السورية»; not inside
        another name («وكالة الأنباء الألمانية» is dpa, not Germany)."""
        assert doc.norm is not None
        found = []
        covered = sorted(taken)
        starts = [s for s, _ in covered]
        reach: list[int] = []  # the furthest end of the names that start up to each one
        for _, end in covered:
            reach.append(max(end, reach[-1]) if reach else end)
        for index, unit in enumerate(seq):
            if unit is None:
                continue
            at = bisect_right(starts, unit.norm_start) - 1
            if at >= 0 and unit.norm_start < reach[at]:
                continue
            previous = seq[index - 1] if index else None
            if previous is not None and previous.key in self.person_words:
                continue  # «أمير الهندي»: a family name, not the country
            if unit.key.endswith(NISBA_ENDING) and not doc.norm.text[unit.norm_start : unit.norm_end].endswith(
                    NISBA_ENDING):
                continue  # «اليمنى» (right-hand) folds like «اليمني» (Yemeni); a nisba never ends in alef maqsura
            for reading, stripped in variants(unit.key):
                country = self.kb.demonyms.get(reading)
                entry_id = self.kb.country_entry.get(country or "")
                if entry_id:
                    start, end = doc.norm.raw_span(unit.norm_start + stripped, unit.norm_end)
                    found.append(NameMention(start, end, unit.norm_start + stripped, unit.norm_end, (reading,),
                                             (entry_id,), nested=True))
                    break
        return found

    def _named_after(self, seq: list[Unit | None], at: int) -> bool:
        """An office title followed by a name («الرئيس العراقي صدام حسين») or by «الراحل», «السابق»
        is not the office's holder on the publication date."""
        following = seq[at] if at < len(seq) else None
        if following is None:
            return False
        return following.key in self.kb.former or following.key not in self.kb.common or \
            (following.key,) in self.kb.names
