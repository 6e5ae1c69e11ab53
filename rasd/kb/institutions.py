"""«الجيش اليمني», «القوات الأمريكية», «الحكومة العراقية»: an institution named by a head word and
the nisba of its country (``lang/ar/institution_heads.tsv``). It links to the country's actor
of that sector when the knowledge base has one, else it is a named institution of its own."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.doc import Document
from rasd.kb.base import AliasIndex, KnowledgeBase, default_kb, name_key
from rasd.kb.matcher import match, units
from rasd.kb.model import Entry
from rasd.kb.recognize import NameMention
from rasd.lang import load_table
from rasd.schema import EntityType


@dataclass(frozen=True, slots=True)
class Head:
    type: EntityType
    sector: str
    name_en: str  # with {country}


@dataclass(frozen=True, slots=True)
class _Heads:
    index: AliasIndex
    by_id: dict[str, Head]


@cache
def _heads() -> _Heads:
    index = AliasIndex()
    by_id: dict[str, Head] = {}
    for number, row in enumerate(load_table("institution_heads")):
        head_id = f"inst:{number}"
        by_id[head_id] = Head(row["type"], row["sector"], row["name_en"])  # type: ignore[arg-type]
        index.add(name_key(row["head"]), head_id)
    return _Heads(index, by_id)


@cache
def _iso3(kb: KnowledgeBase) -> dict[str, str]:
    """ISO alpha-2 -> the alpha-3 prefix the knowledge base's actor codes use for it."""
    found: dict[str, str] = {}
    for entry in kb.entries.values():
        code = entry.actor_code or ""
        if entry.country and len(code) >= 6 and code[:3].isalpha() and code[:3].isupper():
            found.setdefault(entry.country, code[:3])
    return found


@cache
def _by_code(kb: KnowledgeBase) -> dict[str, list[Entry]]:
    found: dict[str, list[Entry]] = {}
    for entry in kb.entries.values():
        if entry.actor_code:
            found.setdefault(entry.actor_code, []).append(entry)
    return found


class InstitutionRecognizer:
    name = "institutions"

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or default_kb()

    def recognize(self, doc: Document) -> list[NameMention]:
        if doc.norm is None:
            raise ValueError("recognition needs the normalized text")
        heads = _heads()
        seq = units(doc)
        found: list[NameMention] = []
        for m in match(seq, heads.index):
            nisba = seq[m.end] if m.end < len(seq) else None
            country = self.kb.demonyms.get(nisba.key) if nisba is not None else None
            if nisba is None or country is None:
                continue
            head = heads.by_id[m.ids[0]]
            start, end = doc.norm.raw_span(m.norm_start, nisba.norm_end)
            key = (*m.key, nisba.key)
            actor = self._actor(country, head, m.key[0])
            country_name = self.kb.entries[self.kb.country_entry[country]].name_en if country in \
                self.kb.country_entry else country
            found.append(NameMention(start, end, m.norm_start, nisba.norm_end, key, (actor,) if actor else (),
                                     head.type, label=doc.raw[start:end],
                                     name_en=head.name_en.format(country=country_name), country=country))
        return found

    def _actor(self, country: str, head: Head, first_word: str) -> str | None:
        """The knowledge base's actor of that country and sector, preferring one named with the
        same head word («الجيش العراقي» for «الجيش …»)."""
        code = _iso3(self.kb).get(country, "") + head.sector
        fitting = [e for e in _by_code(self.kb).get(code, ()) if e.country == country and e.type == head.type]
        if not fitting:
            return None
        fitting.sort(key=lambda e: (name_key(e.name_ar)[:1] != (first_word,), e.parent is not None, e.id))
        return fitting[0].id
