"""Names the knowledge base does not know, found by the words that introduce them.

``lang/ar/name_patterns.tsv`` lists heads: place words («محافظة», «قرية», «قاعدة»), organization
words («كتائب», «قيادة», «قوات») and person titles («العميد», «الشيخ»). The name is the run of
words after the head, up to the head's limit, ending at punctuation or a word of
``name_stopwords.tsv``. A place name must start with a word that is not common Arabic
(``common_words.tsv``), a person's name has two words or more and no article on the first,
and a demonym right after a title («الرئيس اليمني …») is skipped. A person's last name, met
again alone later in the article, is the same person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.doc import Document
from rasd.kb.base import AliasIndex, Key, KnowledgeBase, default_kb, name_key, person_words
from rasd.kb.matcher import Unit, match, units
from rasd.kb.recognize import NameMention
from rasd.lang import load_table
from rasd.schema import EntityType
from rasd.text.normalize import fold
from rasd.text.tokens import proclitics

MIN_SURNAME = 3  # letters a last name needs before it is matched alone
AFFILIATION_WORDS = 5  # words of «باسم …» skipped at most before a person's name


@dataclass(frozen=True, slots=True)
class Head:
    role: str  # place | organization | person
    type: EntityType
    max_words: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    heads: AliasIndex
    by_id: dict[str, Head]
    stopwords: frozenset[str]
    descriptors: frozenset[str]  # adjectives that follow a name without being part of it
    imperfect: frozenset[str]  # first letters of imperfect verbs («تحوي»): such a word ends a name
    affiliation: frozenset[str]  # «باسم»: what follows a title is the body it speaks for


@cache
def _lexicon() -> _Lexicon:
    heads = AliasIndex()
    by_id: dict[str, Head] = {}
    for number, row in enumerate(load_table("name_patterns")):
        head_id = f"head:{number}"
        by_id[head_id] = Head(row["role"], row["type"], int(row["max_words"]))  # type: ignore[arg-type]
        heads.add(name_key(row["head"]), head_id)
    stopwords = frozenset(fold(r["word"]) for r in load_table("name_stopwords"))
    descriptors = frozenset(fold(r["word"]) for r in load_table("name_descriptors"))
    imperfect = frozenset(fold(r["before"]) for r in load_table("clitics") if r["kind"] == "future")
    affiliation = frozenset(fold(r["word"]) for r in load_table("affiliation_words"))
    return _Lexicon(heads, by_id, stopwords, descriptors, frozenset("".join(imperfect)), affiliation)



def place_head_words() -> frozenset[str]:
    """Folded words that introduce a place name: «قاعده», «مطار», «مدينه»…"""
    lex = _lexicon()
    return frozenset(first for first, tails in lex.heads.by_first.items()
                     if any(lex.by_id[ids[0]].role == "place" for _, ids in tails))


def _past_breaks(seq: list[Unit | None], at: int) -> int:
    while at < len(seq) and seq[at] is None:
        at += 1
    return at


class PatternRecognizer:
    name = "patterns"

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or default_kb()
        self.lexicon = _lexicon()
        self.person_words = person_words(self.kb)

    def recognize(self, doc: Document) -> list[NameMention]:
        if doc.norm is None:
            raise ValueError("recognition needs the normalized text")
        seq = units(doc)
        found: list[NameMention] = []
        for m in match(seq, self.lexicon.heads):
            head = self.lexicon.by_id[m.ids[0]]
            name = self._name(seq, m.end, head, m.key)
            if not name:
                continue
            start = m.norm_start if head.role != "person" else name[0].norm_start
            end = name[-1].norm_end
            raw_start, raw_end = doc.norm.raw_span(start, end)
            key = tuple(u.key for u in name)
            if head.role == "organization":
                key = m.key + key  # «قيادة عمليات بغداد» is the whole name
            label_start, label_end = doc.norm.raw_span(name[0].norm_start, end)
            found.append(NameMention(raw_start, raw_end, start, end, key, self.kb.names.ids(key), head.type,
                                     label=doc.raw[label_start:label_end],
                                     head=m.key[0] if head.role == "place" else None))
        found += self._surnames(doc, seq, found)
        return found

    def _common(self, key: str) -> bool:
        return key in self.kb.common and key not in self.person_words

    def _name(self, seq: list[Unit | None], at: int, head: Head, head_key: Key) -> list[Unit]:
        p = proclitics()
        if head.role == "person":
            at = self._skip_affiliation(seq, at)
            while at < len(seq) and (u := seq[at]) is not None and (
                    u.key in self.kb.demonyms or u.key in self.kb.former or u.key in self.lexicon.descriptors):
                at += 1  # «الرئيس اليمني عبد ربه منصور هادي», «الرئيس المخلوع علي عبدالله صالح»
        name: list[Unit] = []
        while at < len(seq) and len(name) < head.max_words:
            unit = seq[at]
            if unit is None or unit.key in self.lexicon.stopwords or unit.key.isdigit():
                break
            if unit.key in self.lexicon.descriptors:
                break  # «جماعة الحوثي المتمردة»: a description follows the name
            if not self._continues(unit, head, first=not name):
                break
            if head.role == "person" and name and self._common(unit.key) and not unit.key.startswith(p.article):
                break  # «بيار نكورونزيزا قتل», «نشيميريمانا أصيبت»: a common word after a name is the verb
            if head.role == "organization" and name and name[-1].key in self.kb.demonyms and self._common(unit.key):
                break  # «ألقت قوات الأمن التركية القبض»: the nisba ends the name, a common word follows
            name.append(unit)
            at += 1
        if not name:
            return []
        if head.role == "person":
            return name if len(name) >= 2 and not name[0].key.startswith(p.article) else []
        if head.role == "place":
            if self._common(name[0].key) and (name[0].key,) not in self.kb.names:
                return []
            known = self._known_prefix(name, head_key)
            if known:
                return name[:known]  # «محافظة الأنبار المطلة», «قاعدة العند المعين»: the place Rasd knows
            while len(name) > 1 and self._common(name[-1].key) and not name[-1].key.startswith(p.article):
                name.pop()  # «مدينة تعز محاصرة»; a definite word stays («منطقة مساكن الطيارين»)
        if head.role == "organization":
            known = self._known_prefix(name, head_key)
            if known:
                return name[:known]  # «تبنى تنظيم داعش الهجوم»: the group Rasd knows, not the noun after it
            if self._common(name[0].key) and not name[0].key.startswith(p.article) and len(name) == 1:
                return []  # «قوات حليفهم»
            if len(name) == 1 and self._common(name[0].key):
                return []  # «قوات الأمن», «قيادة الحرب»: a description, not a name
        return name

    def _skip_affiliation(self, seq: list[Unit | None], at: int) -> int:
        """Past «باسم المقاومة الشعبية،» or «باسم قاعدة العند»: the body a title speaks for, up to a
        comma, or to the end of a name the knowledge base knows («… قاعدة العند قائد نصر»)."""
        unit = seq[at] if at < len(seq) else None
        if unit is None or unit.key not in self.lexicon.affiliation:
            return at
        at = _past_breaks(seq, at + 1)
        known = next(iter(match(seq[at : at + AFFILIATION_WORDS], self.kb.names)), None)
        if known is not None and known.start == 0:
            return _past_breaks(seq, at + known.end)
        for step in range(AFFILIATION_WORDS):
            if at + step < len(seq) and seq[at + step] is None:
                return _past_breaks(seq, at + step)
        return at

    def _known_prefix(self, name: list[Unit], head_key: Key) -> int:
        """Length of the longest start of the name that, with or without its head, is a curated
        place (not a GeoNames namesake such as «مساكن», nor a homograph such as «الشرق»)."""
        for length in range(len(name), 0, -1):
            words = tuple(u.key for u in name[:length])
            if words in self.kb.homographs:
                continue
            for key in (words, (*head_key, *words)):
                if any(not i.startswith("gn:") for i in self.kb.names.ids(key)):
                    return length
        return 0

    def _continues(self, unit: Unit, head: Head, first: bool) -> bool:
        """Whether a word still belongs to the name."""
        if unit.proclitic is not None and unit.proclitic.value in ("conj", "prep", "future"):
            return False  # «قوات التحالف والمقاومة», «معسكر للحوثي»: another phrase begins
        if unit.suffixed and head.role != "person":
            return False  # «قوات حليفهم»: a pronoun suffix, not a name
        if not first and unit.key in self.lexicon.heads.by_first:
            return False  # «محافظة أبين الدكتور الخضر»: a title or place word begins another name
        if first or head.role == "person":
            return True
        p = proclitics()
        if unit.key.startswith(p.article) or (unit.key,) in self.kb.names:
            return True  # construct chains of definite nouns, and known names («عمليات بغداد»)
        if head.role == "organization":
            return False  # «تنظيم الدولة روتينية»
        # in a place name a rare indefinite word may belong («بير باشا»), not a common word or a verb
        return not self._common(unit.key) and unit.key[:1] not in self.lexicon.imperfect

    def _surnames(self, doc: Document, seq: list[Unit | None], persons: list[NameMention]) -> list[NameMention]:
        assert doc.norm is not None
        last_names = {m.key[-1]: m for m in persons if m.type == "PERSON" and len(m.key) >= 2
                      and len(m.key[-1]) >= MIN_SURNAME and not self._common(m.key[-1])}
        found: list[NameMention] = []
        for unit in seq:
            if unit is None or unit.key not in last_names:
                continue
            person = last_names[unit.key]
            if person.norm_start <= unit.norm_start < person.norm_end:
                continue
            start, end = doc.norm.raw_span(unit.norm_start, unit.norm_end)
            found.append(NameMention(start, end, unit.norm_start, unit.norm_end, person.key, person.candidates,
                                     "PERSON"))
        return found
