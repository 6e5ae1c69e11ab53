"""Pipeline stage: recognize and link the entities of a document."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rasd.doc import Document
from rasd.kb.base import KnowledgeBase, default_kb
from rasd.kb.institutions import InstitutionRecognizer
from rasd.kb.link import link
from rasd.kb.matcher import units
from rasd.kb.patterns import PatternRecognizer, place_head_words
from rasd.kb.publisher import PublisherRecognizer, article_outlets
from rasd.kb.recognize import DictionaryRecognizer, NameMention, Recognizer
from rasd.schema import Entity
from rasd.text.tokens import proclitics


class EntityStage:
    """Runs the recognizers, keeps the longest of overlapping names, links the rest."""

    def __init__(self, kb: KnowledgeBase | None = None, recognizers: Sequence[Recognizer] | None = None) -> None:
        self.kb = kb or default_kb()
        self.recognizers: Sequence[Recognizer] = recognizers or (
            DictionaryRecognizer(self.kb), InstitutionRecognizer(self.kb), PatternRecognizer(self.kb),
            PublisherRecognizer(self.kb))

    def __call__(self, doc: Document) -> Document:
        mentions: list[NameMention] = []
        quoted_outlets: list[NameMention] = []
        for recognizer in self.recognizers:
            found = recognizer.recognize(doc)
            mentions.extend(found)
            if recognizer.name == "publisher":
                quoted_outlets += [m for m in found if _quoted(doc.raw, m)]
        # an outlet's short name in quotes in its own article is the outlet («علمت «الرياض»»,
        # «قال لـ"الرياض"»), though unquoted it is most often the city
        taken = {(m.start, m.end) for m in quoted_outlets}
        mentions = [m for m in mentions if (m.start, m.end) not in taken or m in quoted_outlets]
        mentions += _short_names(doc, self.kb, mentions)
        mentions = _without_anaphora(mentions)
        top = _without_overlaps([m for m in mentions if not m.nested])
        nested = _without_overlaps([m for m in mentions if m.nested])
        # a Saudi paper's «المملكة» is Saudi Arabia: the outlet's country is part of the context
        home = {c for o in article_outlets(doc, self.kb) if (c := self.kb.entries[o].country)}
        doc.entities = link(doc, self.kb, sorted(top + nested, key=lambda m: (m.start, -m.end)), home)
        self._metadata_outlets(doc)
        return doc

    def _metadata_outlets(self, doc: Document) -> None:
        """The translator and the original source a translated article names in its byline lines
        are entities of it, though the body may never name them."""
        linked = {e.kb_id for e in doc.entities}
        for outlet, role in article_outlets(doc, self.kb).items():
            if role == "publisher" or outlet in linked:
                continue
            entry = self.kb.entries[outlet]
            doc.entities.append(Entity(id=f"e{len(doc.entities) + 1}", text=entry.name_ar, name_ar=entry.name_ar,
                                       name_en=entry.name_en, type=entry.type, kb_id=entry.id,
                                       actor_code=entry.actor_code, country=entry.country))


QUOTES = frozenset('«»"“”\'')  # either way round: «ل»الرياض»» is written too


def _quoted(raw: str, mention: NameMention) -> bool:
    return mention.start > 0 and raw[mention.start - 1] in QUOTES and mention.end < len(raw) and \
        raw[mention.end] in QUOTES


GROUP_TYPES = frozenset({"ARMED_GROUP", "POLITICAL_GROUP", "ORGANIZATION"})


def _short_names(doc: Document, kb: KnowledgeBase, mentions: list[NameMention]) -> list[NameMention]:
    """A group named in full once, then by its name without the closing adjective: «حزب العمال»
    after «حزب العمال الكردستاني», «حركة أحرار» after «حركة أحرار الشام الإسلامية». The short form
    counts only when it names nothing else Rasd knows and does not end in a place («قوات سوريا»)."""
    assert doc.norm is not None
    shorts: dict[tuple[str, ...], NameMention] = {}
    for m in mentions:
        if len(m.candidates) != 1 or len(m.key) < 3 or not m.key[-1].endswith(NISBA_ENDINGS):
            continue
        entry = kb.entries.get(m.candidates[0])
        short = m.key[:-1]
        if entry is None or entry.type not in GROUP_TYPES or short in kb.names or short[-1] in kb.demonyms:
            continue
        if any(kb.entries[i].is_place for i in kb.names.ids(short[-1:])):
            continue
        shorts.setdefault(short, m)
    if not shorts:
        return []
    taken = [(m.norm_start, m.norm_end) for m in mentions]
    seq = units(doc)
    found: list[NameMention] = []
    for i, unit in enumerate(seq):
        for short, full in shorts.items():
            end = i + len(short)
            if unit is None or unit.norm_start < full.norm_end or end > len(seq):
                continue  # only after the full name was given
            window = seq[i:end]
            if any(u is None or u.key != w for u, w in zip(window, short, strict=True)):
                continue
            first, last = window[0], window[-1]
            assert first is not None and last is not None
            if any(a < last.norm_end and first.norm_start < b for a, b in taken):
                continue  # part of a longer name found already (the full name itself)
            start, stop = doc.norm.raw_span(first.norm_start, last.norm_end)
            found.append(NameMention(start, stop, first.norm_start, last.norm_end, short, full.candidates,
                                     full.type))
    return found


NISBA_ENDINGS = ("ي", "يه")  # folded «الكردستاني», «الإسلامية»


def _without_anaphora(mentions: list[NameMention]) -> list[NameMention]:
    """Drop «القاعدة» (al-Qaeda by name) where the article introduced a base as «قاعدة …»:
    there the word refers back to the base. The same for «المطار», «المدينة»…"""
    article = proclitics().article
    heads = place_head_words()
    used = {m.key[0] for m in mentions if len(m.key) > 1 and m.key[0] in heads}
    used |= {m.head for m in mentions if m.head is not None}
    anaphors = {article + head for head in used}
    return [m for m in mentions if not (len(m.key) == 1 and m.key[0] in anaphors)]


def _without_overlaps(mentions: list[NameMention]) -> list[NameMention]:
    """Longest first; a mention overlapping one already kept is dropped."""
    kept: list[NameMention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


@cache
def _default_stage() -> EntityStage:
    return EntityStage()


def entities_stage(doc: Document) -> Document:
    """The default entity stage over the shipped knowledge base (built on first use)."""
    return _default_stage()(doc)
