"""Pipeline stage: truces, ceasefires and de-escalation agreements the article reports.

A sentence with a truce word (``lang/ar/truce_words.tsv``: «هدنة», «وقف إطلاق النار»,
«التهدئة», «خفض التصعيد») gives a truce record:

* **status**: ``ended`` when the sentence says it is over («انتهاء الهدنة»), ``violated`` when it
  says it was broken («خرق الهدنة»), ``proposed`` when it is asked for or offered, or told in the
  future or as a condition («دعا إلى وقف إطلاق النار», «ستدخل الهدنة حيز التنفيذ»), else ``active``;
* **sides**: the party after «مع» against the one that speaks or acts before the truce word
  («أعلنت الفصائل انتهاء الهدنة مع القوات الأمريكية»), the two parties after «بين», else the
  first two parties the sentence names («اتفقت الأطراف (الفصائل والقوات الأمريكية) على التهدئة»);
* **dates**: a «منذ …» expression is when it began; the sentence's own date is when it ended
  (an ended truce) or began;
* **area**: the place the sentence names, else none.

Mentions of one truce (same kind, a side in common) in one article are one record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Literal, cast

from rasd.doc import Document, Sentence
from rasd.events.acled import party_key
from rasd.events.roles import coordinated, generic_parties
from rasd.events.triggers import find_cues
from rasd.kb import default_kb
from rasd.kb.matcher import variants
from rasd.lang import load_table
from rasd.schema import DateInterval, Entity, Location, Party, Span, Truce
from rasd.text.normalize import fold
from rasd.time.lexicon import alternation

PARTY_TYPES = frozenset({"GOVERNMENT", "MILITARY", "POLICE", "ARMED_GROUP", "POLITICAL_GROUP", "PERSON",
                         "GROUP", "ORGANIZATION", "INTERNATIONAL_ORGANIZATION", "COUNTRY"})
TruceKind = Literal["truce", "ceasefire", "de-escalation"]
TruceStatus = Literal["proposed", "active", "ended", "violated"]
STATUS_RANK = {"proposed": 0, "active": 1, "violated": 2, "ended": 3}
WITH = re.compile(r"(?<!\w)(?:و)?(?:مع|بين)(?!\w)")


@dataclass(frozen=True, slots=True)
class _Words:
    kinds: dict[str, TruceKind]  # truce word -> kind
    roles: dict[str, str]  # end / violation / proposal word -> role
    truce: re.Pattern[str]
    context: re.Pattern[str]
    backer: re.Pattern[str]  # «المدعومة من»: who is named next backs a side


@cache
def _words() -> _Words:
    rows = load_table("truce_words")
    kinds: dict[str, TruceKind] = {fold(r["word"]): cast(TruceKind, r["kind"]) for r in rows if r["role"] == "truce"}
    roles = {fold(r["word"]): r["role"] for r in rows if r["role"] not in ("truce", "backer")}
    backer = re.compile(rf"(?<!\w)(?:{alternation([fold(r['word']) for r in rows if r['role'] == 'backer'])})\s*")
    truce = re.compile(rf"(?<!\w)(?:و|ب|ل|ف)?(?P<word>{alternation(list(kinds))})(?!\w)")
    context = re.compile(rf"(?<!\w)(?:و|ب|ل|ف)?(?P<word>{alternation(list(roles))})(?!\w)")
    return _Words(kinds, roles, truce, context, backer)


def truces_stage(doc: Document) -> Document:
    """Fill ``doc.truces`` (needs entities and times)."""
    if doc.norm is None:
        raise ValueError("truces need the normalized text")
    words = _words()
    found: list[Truce] = []
    for sentence in doc.sentences:
        key = doc.norm.key[sentence.norm_start : sentence.norm_end]
        for m in words.truce.finditer(key):
            kind = words.kinds[" ".join(m.group("word").split())]
            if any(t.kind == kind and sentence.index in t.sentences for t in found):
                continue  # «الهدنة … الهدنة» in one sentence is one mention
            truce = _truce(doc, sentence, key, m.start("word"), m.end("word"), kind, len(found) + 1)
            same = next((t for t in found if t.kind == kind and _share_a_side(t, truce)), None)
            if same is None:
                found.append(truce)
            else:
                _merge(same, truce)
    doc.truces = found
    return doc


def _truce(doc: Document, sentence: Sentence, key: str, start: int, end: int, kind: TruceKind,
           number: int) -> Truce:
    assert doc.norm is not None
    base = sentence.norm_start
    a, b = doc.norm.raw_span(base + start, base + end)
    mention = Span(start=a, end=b, text=doc.raw[a:b], sentence=sentence.index)
    status = _status(key, start)
    since = next((t for t in doc.times if t.span.sentence == sentence.index and t.kind == "since"
                  and t.start is not None), None)
    dated = next((t for t in doc.times if t.span.sentence == sentence.index and t.kind == "date"
                  and t.start is not None and t.end is not None), None)
    began = DateInterval(start=since.start, end=since.start, precision=since.precision or "interval",
                         basis=since.basis, span=since.span) if since is not None and since.start is not None else None
    over = None
    if dated is not None and dated.start is not None and dated.end is not None:
        interval = DateInterval(start=dated.start, end=dated.end, precision=dated.precision or "interval",
                                basis=dated.basis, span=dated.span)
        if status == "ended":
            over = interval
        elif began is None:
            began = interval
    return Truce(id=f"t{number}", kind=kind, sides=_sides(doc, sentence, key, start, end),
                 area=_area(doc, sentence), start=began, end=over, status=status,
                 mentions=[mention], sentences=[sentence.index])


def _status(key: str, at: int) -> TruceStatus:
    words = _words()
    roles = [words.roles[" ".join(m.group("word").split())] for m in words.context.finditer(key)]
    if "end" in roles:
        return "ended"
    if "violation" in roles:
        return "violated"
    cues = find_cues(key)
    if "proposal" in roles or any(role in ("future", "conditional") and s < at for role, s, _ in cues):
        return "proposed"
    return "active"


def _parties(doc: Document, sentence: Sentence, key: str) -> list[tuple[int, int, Party]]:
    """Parties of a sentence in folded-sentence offsets: named actors (not inside a longer name)
    and parties named by what they are («الفصائل المسلحة»)."""
    assert doc.norm is not None
    norm = doc.norm
    base = sentence.norm_start
    named: list[tuple[int, int, Entity, int, int]] = []
    for entity in doc.entities:
        if entity.type not in PARTY_TYPES:
            continue
        for m in entity.mentions:
            if m.sentence == sentence.index:
                named.append((norm.offsets.to_norm(m.start) - base, norm.offsets.to_norm(m.end) - base, entity,
                              m.start, m.end))
    demonyms = default_kb().demonyms
    outer = [n for n in named if not any(o[0] <= n[0] and n[1] <= o[1] and (o[0], o[1]) != (n[0], n[1])
                                         for o in named)
             and not (n[2].type == "COUNTRY" and any(r in demonyms for r, _ in variants(key[n[0] : n[1]])))]
    found = [(s, e, Party(role="source", text=entity.text, name_ar=entity.name_ar, name_en=entity.name_en,
                          entity_id=entity.id, actor_code=entity.actor_code,
                          span=Span(start=a, end=b, text=doc.raw[a:b], sentence=sentence.index)))
             for s, e, entity, a, b in outer]
    backed = [m.end() for m in _words().backer.finditer(key)]
    found = [f for f in found if not any(0 <= f[0] - end <= 1 for end in backed)]  # «المدعومة من إيران»
    for generic in generic_parties(key, [(s, e) for s, e, _ in found]):
        a, b = norm.raw_span(base + generic.start, base + generic.end)
        found.append((generic.start, generic.end,
                      Party(role="source", text=doc.raw[a:b], name_en=generic.name_en, actor_code=generic.sector,
                            span=Span(start=a, end=b, text=doc.raw[a:b], sentence=sentence.index))))
    return sorted(found, key=lambda f: f[0])


def _sides(doc: Document, sentence: Sentence, key: str, start: int, end: int) -> list[list[Party]]:
    parties = _parties(doc, sentence, key)
    if not parties:
        return []
    link = next((m for m in WITH.finditer(key) if m.start() >= end or m.end() <= start), None)
    if link is not None:
        after = [p for s, _, p in parties if s >= link.end()]
        if "بين" in link.group(0) and len(after) >= 2:
            return [[after[0]], [after[1]]]
        before = [p for _, e, p in parties if e <= link.start()]
        if after and before:
            return [[before[-1]], [after[0]]]
    for (_, left_end, left), (right_start, _, right) in pairwise(parties):
        if coordinated(key, left_end, right_start):  # «الهيئة التنسيقية … والحكومة العراقية»
            return [[left], [right]]
    if len(parties) >= 2:
        return [[parties[0][2]], [parties[1][2]]]
    return [[parties[0][2]]]


def _area(doc: Document, sentence: Sentence) -> Location | None:
    kb = default_kb()
    for entity in doc.entities:
        entry = kb.entries.get(entity.kb_id or "")
        if entry is None or not entry.is_place or entry.precision == "country" or entry.lat is None:
            continue
        if any(m.sentence == sentence.index for m in entity.mentions):
            return Location(name_en=entry.name_en, name_ar=entity.name_ar or entity.text, country=entry.country,
                            lat=entry.lat, lon=entry.lon, precision=entry.precision, kb_id=entry.id)
    for entity in doc.entities:  # a country the sentence names as a place («في العراق»)
        entry = kb.entries.get(entity.kb_id or "")
        if entry is not None and entry.precision == "country" and any(
                m.sentence == sentence.index for m in entity.mentions) and entity.type == "COUNTRY":
            return Location(name_en=entry.name_en, name_ar=entity.name_ar or entity.text, country=entry.country,
                            lat=entry.lat, lon=entry.lon, precision=entry.precision, kb_id=entry.id)
    return None


def _share_a_side(a: Truce, b: Truce) -> bool:
    left = {party_key(p) for side in a.sides for p in side}
    return bool(left & {party_key(p) for side in b.sides for p in side})


def _merge(into: Truce, other: Truce) -> None:
    into.mentions += other.mentions
    into.sentences += other.sentences
    if STATUS_RANK[other.status] > STATUS_RANK[into.status]:
        into.status = other.status
    into.start = into.start or other.start
    into.end = into.end or other.end
    into.area = into.area or other.area
    if len(other.sides) > len(into.sides):
        into.sides = other.sides
