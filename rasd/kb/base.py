"""The knowledge base: places and actors with their Arabic names, loaded from shipped tables.

Tables (``rasd/lang/ar/``, each row with its ``source``):
``gazetteer.tsv`` (countries, first-level divisions, populated places, facilities; built by
``scripts/build_gazetteer.py``), ``actors_states.tsv`` and ``actors_groups.tsv`` (curated
actors), ``officeholders.tsv`` (who held which office when), ``demonyms.tsv`` (nisba
adjectives of each country, built with the gazetteer) and ``demonym_suffixes.tsv``.

Every Arabic name and alias is indexed by its folded key split into words, so matching text
is a dictionary walk over the words of a document.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import cast

from rasd.kb.model import Entry, OfficeTerm
from rasd.lang import load_table
from rasd.schema import EntityType, PlacePrecision
from rasd.text.normalize import fold
from rasd.text.tokens import proclitics

PLACE_TYPES: dict[str, EntityType] = {"country": "COUNTRY", "admin1": "PLACE", "city": "PLACE",
                                      "district": "PLACE", "facility": "FACILITY"}
ACTOR_TABLES = ("actors_states", "actors_groups")
NISBA_ENDING = "\u064a"  # ya: a nisba adjective takes the regular inflections
CLOSE_SPELLING = 0.8  # a Latin-only place must also be spelled alike with و and ي, not just share consonants

Key = tuple[str, ...]

# Where Rasd's readers write about: the Arab League states and their neighbours at war or in
# the news with them. A place here beats a namesake elsewhere, all else equal.
REGION = frozenset({"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
                    "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH", "IR", "TR", "IL", "AF", "SS"})
# Where Arabic is spoken, a common word can really be a place's name («حجة»).
ARABIC_SPEAKING = REGION - {"IR", "TR", "IL", "AF", "SS"}


def name_key(name: str) -> Key:
    """The folded words of a name, as the matcher compares them."""
    return tuple(fold(name).split())


@cache
def _compound_prefixes() -> tuple[str, ...]:
    return tuple(fold(row["prefix"]) for row in load_table("name_compounds"))


def spellings(key: Key) -> set[Key]:
    """A name as written with its compound names joined or apart: «عبد الله» / «عبدالله»."""
    found = {key}
    for prefix in _compound_prefixes():
        for variant in list(found):
            joined: list[str] = []
            i = 0
            while i < len(variant):
                if variant[i] == prefix and i + 1 < len(variant):
                    joined.append(prefix + variant[i + 1])
                    i += 2
                else:
                    joined.append(variant[i])
                    i += 1
            split: list[str] = []
            for word in variant:
                if word.startswith(prefix) and len(word) > len(prefix) + 1:
                    split += [prefix, word[len(prefix):]]
                else:
                    split.append(word)
            found |= {tuple(joined), tuple(split)}
    return found


@dataclass(slots=True)
class AliasIndex:
    """Folded names, indexed by their first word: first word -> [(rest of the words, ids)]."""

    by_first: dict[str, list[tuple[Key, tuple[str, ...]]]] = field(default_factory=dict)
    longest: int = 1

    def add(self, key: Key, entry_id: str) -> None:
        if not key:
            return
        tails = self.by_first.setdefault(key[0], [])
        for index, (tail, ids) in enumerate(tails):
            if tail == key[1:]:
                if entry_id not in ids:
                    tails[index] = (tail, (*ids, entry_id))
                return
        tails.append((key[1:], (entry_id,)))
        tails.sort(key=lambda item: -len(item[0]))  # longest names first
        self.longest = max(self.longest, len(key))

    def __contains__(self, key: Key) -> bool:
        return any(tail == key[1:] for tail, _ in self.by_first.get(key[0], ()))

    def ids(self, key: Key) -> tuple[str, ...]:
        for tail, ids in self.by_first.get(key[0], ()) if key else ():
            if tail == key[1:]:
                return ids
        return ()


@dataclass(slots=True, eq=False)  # compared and hashed by identity: one per process
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    names: AliasIndex = field(default_factory=AliasIndex)
    aliases: dict[str, list[Key]] = field(default_factory=dict)  # entry id -> its names' keys
    demonyms: dict[str, str] = field(default_factory=dict)  # folded nisba form -> ISO alpha-2
    offices: AliasIndex = field(default_factory=AliasIndex)  # office phrase -> office ids
    terms: dict[str, list[OfficeTerm]] = field(default_factory=lambda: defaultdict(list))
    country_entry: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> entry id
    common: dict[str, float] = field(default_factory=dict)  # folded common word -> Zipf frequency
    homographs: frozenset[Key] = frozenset()  # place names that are mostly ordinary words («الخبر»)
    former: frozenset[str] = frozenset()  # «السابق», «الراحل»: an office title about someone past
    # (name, entry id) pairs that hold only when the article is about the entry's country
    contextual: frozenset[tuple[Key, str]] = frozenset()
    latin: dict[str, list[Entry]] = field(default_factory=dict)  # skeleton -> places named only in Latin
    latin_fine: dict[str, tuple[str, ...]] = field(default_factory=dict)  # their id -> fine skeletons
    load_seconds: float = 0.0

    def commonness(self, key: Key) -> float:
        """How common a one-word name is as an ordinary word (Zipf); 0 for phrases and rare words."""
        return self.common.get(key[0], 0.0) if len(key) == 1 else 0.0

    def add(self, entry: Entry, aliases: Iterable[str]) -> None:
        self.entries[entry.id] = entry
        keys = self.aliases.setdefault(entry.id, [])
        for name in (entry.name_ar, *aliases):
            for key in spellings(name_key(name)) if entry.type == "PERSON" else (name_key(name),):
                self.names.add(key, entry.id)
                keys.append(key)

    def aliases_of(self, entry_id: str) -> tuple[Key, ...]:
        return tuple(self.aliases.get(entry_id, ()))

    def by_skeleton(self, name: str, countries: Iterable[str]) -> Entry | None:
        """The place of the given countries named only in Latin script whose consonants match an
        Arabic name; among several, the closest in full spelling (with و and ي), then the biggest."""
        from rasd.kb.skeleton import arabic_skeleton, similarity

        wanted = set(countries)
        found = [e for e in self.latin.get(arabic_skeleton(name), ()) if e.country in wanted]
        if not found:
            return None
        fine = arabic_skeleton(name, fine=True)

        def closeness(entry: Entry) -> float:
            return max((similarity(fine, f) for f in self.latin_fine.get(entry.id, ())), default=0.0)

        best = max(found, key=lambda e: (closeness(e), e.population, e.id))
        return best if closeness(best) >= CLOSE_SPELLING else None

    def holder(self, office: str, day: date) -> str | None:
        """The person who held ``office`` on ``day``."""
        for term in self.terms.get(office, ()):
            if term.holds_on(day):
                return term.person_id
        return None


def _float(value: str) -> float | None:
    return float(value) if value else None


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def _load_places(kb: KnowledgeBase) -> None:
    for row in load_table("gazetteer"):
        kind = row["kind"]
        entry = Entry(
            id=row["id"], type=PLACE_TYPES[kind], name_en=row["name_en"], name_ar=row["name_ar"],
            country=row["country"] or None, lat=_float(row["lat"]), lon=_float(row["lon"]),
            precision=cast(PlacePrecision, row["precision"]), admin1=row["admin1"] or None,
            population=int(row["population"] or 0), capital=row["capital"] == "yes", source=row["source"],
        )
        kb.add(entry, _split(row["aliases_ar"]))
        if kind == "country":
            kb.country_entry[entry.country or ""] = entry.id


def _load_actors(kb: KnowledgeBase) -> None:
    for table in ACTOR_TABLES:
        for row in load_table(table):
            entry = Entry(
                id=row["id"], type=cast(EntityType, row["type"]), name_en=row["name_en"], name_ar=row["name_ar"],
                country=row["country"] or None, actor_code=row["plover_code"] or None,
                parent=row["parent"] or None, source=row["source"],
            )
            kb.add(entry, _split(row["aliases_ar"]))


def _load_offices(kb: KnowledgeBase) -> None:
    for row in load_table("officeholders"):
        term = OfficeTerm(row["office"], row["country"] or None, row["person_id"],
                          date.fromisoformat(row["start"]), date.fromisoformat(row["end"]) if row["end"] else None)
        kb.terms[term.office].append(term)
        for phrase in _split(row["office_ar"]):
            kb.offices.add(name_key(phrase), term.office)


def _load_demonyms(kb: KnowledgeBase) -> None:
    """Nisba adjectives: each base («عراقي», and variants such as «أميركي») in every inflection
    of ``demonym_suffixes.tsv``, with and without the article; irregular plurals as written."""
    suffixes = [fold(row["suffix"]) for row in load_table("demonym_suffixes")]
    article = proclitics().article
    for row in load_table("demonyms"):
        written = [w for w in (row["demonym_ar"], *_split(row["demonym_forms_ar"])) if w and " " not in w]
        for word in written:
            key = fold(word)
            # an irregular plural is listed as news write it, often with the article («الأتراك»)
            has_article = word.startswith(article)
            stem = key[len(article):] if has_article else key
            forms = [stem + suffix for suffix in suffixes] if stem.endswith(NISBA_ENDING) else [stem]
            for form in forms:
                kb.demonyms.setdefault(form, row["iso2"])
                kb.demonyms.setdefault(article + form, row["iso2"])


def _load_latin_places(kb: KnowledgeBase) -> None:
    """GeoNames places of the region with no Arabic name, found by consonant skeleton only."""
    for row in load_table("gazetteer_latin"):
        entry = Entry(id=row["id"], type="PLACE", name_en=row["name_en"], name_ar="", country=row["country"],
                      lat=float(row["lat"]), lon=float(row["lon"]), precision="city", admin1=row["admin1"] or None,
                      population=int(row["population"] or 0), source=row["source"])
        kb.entries.setdefault(entry.id, entry)
        kb.latin_fine[entry.id] = tuple(row["fine"].split("|"))
        for skeleton in row["skeletons"].split("|"):
            kb.latin.setdefault(skeleton, []).append(entry)


def load_kb() -> KnowledgeBase:
    started = time.perf_counter()
    kb = KnowledgeBase()
    _load_places(kb)
    _load_latin_places(kb)
    _load_actors(kb)
    _load_offices(kb)
    _load_demonyms(kb)
    kb.common = {row["word"]: float(row["zipf"]) for row in load_table("common_words")}
    kb.homographs = frozenset(name_key(row["word"]) for row in load_table("place_homographs"))
    kb.former = frozenset(fold(row["word"]) for row in load_table("former_words"))
    contextual = []
    for row in load_table("contextual_aliases"):
        key = name_key(row["alias"])
        kb.names.add(key, row["actor_id"])
        contextual.append((key, row["actor_id"]))
    kb.contextual = frozenset(contextual)
    kb.load_seconds = time.perf_counter() - started
    return kb


@cache
def person_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words of the names of the persons the knowledge base knows: given names are common
    words («علي», «صالح»), and these say which common words may still be part of a name."""
    return frozenset(w for e in kb.entries.values() if e.type == "PERSON" for w in name_key(e.name_ar))


@cache
def default_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    return load_kb()
