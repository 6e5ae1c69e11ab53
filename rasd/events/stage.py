"""Pipeline stage: events, sentence by sentence, from triggers and the layers already built.

For each sentence with a trigger, one event per event type:

* **modality** from the cues before the trigger: a negation right before it (within
  ``NEGATION_WORDS`` words), a future verb or marker, or a condition earlier in the sentence make
  the event not have happened, and it is not output; a reporting verb makes it ``reported``;
* **date**: the sentence's own date expression, else the one the previous sentence gave, else
  the publication date (``basis: publication``, the documented fallback);
* **location**: the most precise place named in the sentence (a facility over a city over a
  province over a country), else the place of the previous event of the paragraph, else the
  country the article names most;
* **fatalities and injuries** from the sentence's casualty figures (violent events only);
* **parties**: from the linking words around the trigger (``roles``), named actors and
  parties named by what they are («مدنيين», «مسلحين»);
* **attribution**: who the sentence quotes before the trigger (a reporting verb and its speaker,
  or an unnamed source);
* **weapons** named in the sentence.

Violent events of consecutive sentences at the same place and date are one event with several
mentions («the Erbil attack mentioned twice»).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from rasd.doc import Clitic, Document, Sentence
from rasd.events.acled import NONSTATE_ARMED_SECTORS, VICTIM_SECTORS, acled_types, party_key, sector_of
from rasd.events.claims import link_claims
from rasd.events.roles import assign_roles, generic_parties, speaker_of
from rasd.events.triggers import Trigger, find_cues, find_triggers
from rasd.kb import KnowledgeBase, default_kb
from rasd.kb.geocode import distance_km
from rasd.kb.matcher import variants
from rasd.kb.model import Entry
from rasd.lang import load_table
from rasd.quantities.extract import casualty_totals
from rasd.schema import (
    Attribution,
    DateInterval,
    Entity,
    Event,
    Location,
    Party,
    Span,
    TimeExpression,
    Weapon,
)
from rasd.text.normalize import fold
from rasd.time.lexicon import alternation

NEGATION_WORDS = 2
HISTORICAL_DAYS = 365
PRECISION_RANK = {"facility": 4, "city": 3, "district": 3, "admin1": 2, "country": 1}
ACTOR_TYPES = frozenset({"GOVERNMENT", "MILITARY", "POLICE", "ARMED_GROUP", "POLITICAL_GROUP",
                         "INTERNATIONAL_ORGANIZATION", "ORGANIZATION", "PERSON", "GROUP"})
VIOLENT = frozenset({"ASSAULT"})
INSTITUTIONS = frozenset({"MILITARY", "GOVERNMENT", "POLICE"})  # controlled, not captured
STATE_FORCES = frozenset({"MILITARY", "POLICE"})
SAME_PLACE_KM = 25.0  # two places this close may be one event's («مطار أربيل», «أربيل»)


@dataclass(slots=True)
class _Draft:
    trigger: Trigger
    sentence: int
    mention: Span
    date: DateInterval | None
    location: Location | None
    location_id: str | None
    own_place: bool  # the sentence names the place itself
    own_date: bool  # the sentence gives the date itself
    actors: list[Party] = field(default_factory=list)
    fatalities: int | None = None
    injuries: int | None = None
    weapons: list[Weapon] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    modality: str = "asserted"
    mentions: list[Span] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)


def events_stage(doc: Document) -> Document:
    """Fill ``doc.events`` (needs entities, times and quantities)."""
    if doc.norm is None:
        raise ValueError("events need the normalized text")
    kb = default_kb()
    raw = doc.raw
    key = doc.norm.key
    by_sentence: dict[int, list[tuple[int, int, Entity]]] = {}
    for entity in doc.entities:
        for m in entity.mentions:
            if m.sentence is not None:
                by_sentence.setdefault(m.sentence, []).append((m.start, m.end, entity))
    fallback_place = _main_country(doc, kb)
    institutions = {e.id: e.type in INSTITUTIONS for e in doc.entities}
    published = doc.article.published
    future_marks = [t.norm_start for t in doc.tokens if t.clitic is Clitic.FUTURE]  # «سـ» of «سيقصف»
    drafts: list[_Draft] = []
    last_date: DateInterval | None = None
    last_place: tuple[Location, str] | None = None
    last_paragraph = -1
    for sentence in doc.sentences:
        paragraph = raw.count("\n", 0, sentence.start)
        if paragraph != last_paragraph:
            last_place, last_paragraph = None, paragraph
        sentence_key = key[sentence.norm_start : sentence.norm_end]
        names = by_sentence.get(sentence.index, [])
        spans = [(_to_norm(doc, a, sentence), _to_norm(doc, b, sentence)) for a, b, _ in names]
        spans += [(_to_norm(doc, t.span.start, sentence), _to_norm(doc, t.span.end, sentence))
                  for t in doc.times if t.span.sentence == sentence.index]
        triggers = find_triggers(sentence_key, spans)
        date = _date(doc.times, sentence.index) or last_date
        if _date(doc.times, sentence.index) is not None:
            last_date = date
        references = {a for a, _, _ in names if _is_reference(sentence_key, _to_norm(doc, a, sentence))}
        locatives = frozenset(a for a, _, _ in names if _is_locative(sentence_key, _to_norm(doc, a, sentence)))
        sentence_place = _place(names, kb, raw, sentence.index, references, None)
        inherited = last_place
        if sentence_place is not None and not _vaguer(sentence_place[0], last_place):
            last_place = sentence_place
        seen: set[tuple[str, str | None]] = set()
        cues = find_cues(sentence_key)
        if any(role == "keywords" and sentence_key[:start].strip() == "" for role, start, _ in cues):
            continue  # «سمات: اشتباكات، حوثيين، …»: a page's tags, not news
        future_at = [at - sentence.norm_start for at in future_marks
                     if sentence.norm_start <= at < sentence.norm_end]
        bounds = [doc.norm.raw_span(sentence.norm_start + t.start, sentence.norm_start + t.end) for t in triggers]
        # the trigger's own clause first: «هجوم في أربيل دفع واشنطن لشن غارات في سوريا» is two events
        scoped = []
        for number, (a, _) in enumerate(bounds):
            low = bounds[number - 1][1] if number else sentence.start
            governor = triggers[number].governor
            if governor is not None:  # «في أربيل دفع واشنطن لشن غارات»: the clause starts at «لشن»
                low = max(low, doc.norm.raw_span(sentence.norm_start + governor[0],
                                                 sentence.norm_start + governor[1])[1])
            high = bounds[number + 1][0] if number + 1 < len(bounds) else sentence.end
            # in the clause, a country counts only named as a place («في سوريا»), not as a doer
            clause_names = [n for n in names if low <= n[0] < high and (n[2].type != "COUNTRY" or n[0] in locatives)]
            scoped.append(_place(clause_names, kb, raw, sentence.index, references, a, locatives))
        # the trigger's clause says where it happened («في», «بـ», «داخل»)
        placed = [place is not None and place[0].span is not None and place[0].span.start in locatives
                  for place in scoped]
        for number, (a, _) in enumerate(bounds):
            if scoped[number] is None:
                # «القبض على 17 شخصا، …، في عمليات دهم بمدينة مانيسا»: the same deed told again
                # further on names the place; else the sentence's place nearest the trigger
                again = [scoped[later] for later in range(number + 1, len(triggers))
                         if triggers[later].info.type == triggers[number].info.type and scoped[later] is not None]
                scoped[number] = again[0] if again else _place(names, kb, raw, sentence.index, references, a,
                                                                locatives)
        # a deed before its toll: «قتل 7 جنود عندما اقتحم متشددون …» is the raid, its dead the toll
        for number in sorted(range(len(triggers)), key=lambda n: triggers[n].info.mode == "kill"):
            trigger = triggers[number]
            modality = _modality(trigger, cues, sentence_key, future_at)
            if modality in ("negated", "future", "conditional", "hypothetical", "historical"):
                continue
            if date is not None and date.basis == "explicit" and published is not None and \
                    (published - date.end).days > HISTORICAL_DAYS:
                continue  # «حرب 1994»: a past war the article recalls is not an event of the news
            a, b = bounds[number]
            mention = Span(start=a, end=b, text=raw[a:b], sentence=sentence.index)
            place = scoped[number]
            own_place = place is not None and not _vaguer(place[0], inherited)
            if not own_place:
                place = inherited or place
            identity = (trigger.info.type, place[1] if place else None)
            toll = trigger.info.mode == "kill" and any(t == trigger.info.type for t, _ in seen)
            if identity in seen and not toll:
                continue  # one event per type and place in a sentence
            draft = _Draft(trigger, sentence.index, mention, date or _publication(doc),
                           place[0] if place else fallback_place[0] if fallback_place else None,
                           place[1] if place else fallback_place[1] if fallback_place else None,
                           own_place, _date(doc.times, sentence.index) is not None, modality=modality)
            # «شنت الطائرات غارات على …» is one event: only a trigger of another type ends the clause
            others = [t for t in triggers if t.info.type != trigger.info.type]
            clause = (max((t.end for t in others if t.end <= trigger.start), default=0),
                      min((t.start for t in others if t.start >= trigger.end), default=len(sentence_key)))
            tolls = [(t.start, t.end) for t in triggers if t.info.mode == "kill"]
            _arguments(doc, draft, names, sentence, cues, clause, locatives | references, tolls)
            if toll:  # the toll of the event told: its victims are that event's targets
                told = next((d for d in reversed(drafts) if d.sentence == sentence.index
                             and d.trigger.info.type == trigger.info.type), None)
                if told is None:
                    continue
                # «قتل 17 داعشيا في قصف مدفعي»: who the toll names as killed, between its word and the
                # deed's, was not the one shelling
                victims = {party_key(p) for p in draft.actors if p.role == "target"
                           and p.span is not None and mention.end <= p.span.start < told.mention.start}
                told.actors = [p.model_copy(update={"role": "target"})
                               if party_key(p) in victims else p for p in told.actors]
                known = {party_key(p) for p in told.actors}
                told.actors += [p for p in draft.actors if p.role == "target"
                                and party_key(p) not in known]
                continue
            seen.add(identity)  # a dropped takeover still speaks for its sentence's deed of that type
            if trigger.info.mode == "seize" and not placed[number] and any(
                    p.role == "target" and institutions.get(p.entity_id or "") for p in draft.actors):
                continue  # «سيطرة المخلوع على الجيش»: holding an institution, not taking ground
            drafts.append(draft)
    doc.events = [_event(number, d) for number, d in enumerate(_merged(drafts), start=1)]
    link_claims(doc)
    return doc


def _nisba(folded: str) -> bool:
    """Whether a country mention is its nisba adjective («اليمني», «السورية»), which describes
    another party rather than naming the country as one."""
    demonyms = default_kb().demonyms
    return any(reading in demonyms for reading, _ in variants(folded)) if " " not in folded else False


def _to_norm(doc: Document, raw_offset: int, sentence: Sentence) -> int:
    assert doc.norm is not None
    return doc.norm.offsets.to_norm(raw_offset) - sentence.norm_start


def _date(times: list[TimeExpression], sentence: int) -> DateInterval | None:
    for t in times:
        if t.span.sentence == sentence and t.kind == "date" and t.start is not None and t.end is not None:
            return DateInterval(start=t.start, end=t.end, precision=t.precision or "interval", basis=t.basis,
                                span=t.span)
    return None


def _publication(doc: Document) -> DateInterval | None:
    published = doc.article.published
    if published is None:
        return None
    return DateInterval(start=published, end=published, precision="day", basis="publication")


def _location(entry: Entry, entity: Entity, span: Span | None) -> Location:
    return Location(name_en=entry.name_en, name_ar=entity.name_ar or entity.text, country=entry.country,
                    lat=entry.lat, lon=entry.lon, precision=entry.precision, kb_id=entry.id, span=span)


@cache
def _reference_pattern() -> re.Pattern[str]:
    words = alternation([fold(r["word"]) for r in load_table("place_relations") if r["role"] == "reference"])
    # «شمالي عدن», «المتاخمة للبيضاء»; but «في شمال العراق» is where the event is
    return re.compile(rf"(?<!\w)(?<!في\s)(?:{words})\s+(?:\S+\s+)?(?:ل|و)?$")


@cache
def _locative_pattern() -> re.Pattern[str]:
    words = alternation([fold(r["word"]) for r in load_table("place_relations") if r["role"] == "locative"])
    # «في أربيل», «في مدينة تعز», «داخل الحدود السورية», and a glued «بـ»: «بمدينة تعز», «ببغداد»
    return re.compile(rf"(?:(?<!\w)(?:{words})\s+(?:\S+\s+)?|(?<!\w)و?ب(?:\S+\s+)?)$")


def _is_locative(key: str, start: int) -> bool:
    return _locative_pattern().search(key, max(0, start - 40), start) is not None


def _is_reference(key: str, start: int) -> bool:
    """Whether the name at ``start`` of a folded sentence locates another place or a direction
    («في محافظة لحج شمالي عدن», «فروا باتجاه البيضاء») rather than the event."""
    return _reference_pattern().search(key, max(0, start - 40), start) is not None


def _vaguer(place: Location, than: tuple[Location, str] | None) -> bool:
    """Whether a sentence that names only a country («وسط اليمن») should keep the more precise
    place of the paragraph in that country («زنجبار»)."""
    return than is not None and place.precision == "country" and than[0].country == place.country \
        and than[0].precision != "country"


def _place(names: list[tuple[int, int, Entity]], kb: KnowledgeBase, raw: str,
           sentence: int, references: set[int], near: int | None,
           locatives: frozenset[int] = frozenset()) -> tuple[Location, str] | None:
    """The most precise place named in a sentence, not counting places inside a longer name
    («السعودية» of «التحالف بقيادة السعودية» is not where the event happened), nor places named
    only to locate another one, unless the sentence names no other. A place introduced as where
    something happens («في أربيل», «بمدينة تعز», «داخل الحدود السورية», ``locatives``) comes
    before one named otherwise («عداء لواشنطن»); then the most precise; of equally precise
    places, the one nearest the trigger at ``near``."""
    best: tuple[float, int, Location, str] | None = None
    entries = kb.entries
    for start, end, entity in names:
        if any(a <= start and end <= b and (a, b) != (start, end) for a, b, _ in names):
            continue
        entry = entries.get(entity.kb_id or "")
        if entry is None or not entry.is_place or entry.lat is None:
            continue
        rank: float = PRECISION_RANK.get(entry.precision or "", 0) + (0 if start in references else 10) \
            + (2 if start in locatives else 0)
        if near is not None:
            rank -= min(abs(start - near), 999) / 1000  # a tie-break only
        if best is None or rank > best[0]:
            span = Span(start=start, end=end, text=raw[start:end], sentence=sentence)
            best = (rank, start, _location(entry, entity, span), entry.id)
    return (best[2], best[3]) if best else None


def _main_country(doc: Document, kb: KnowledgeBase) -> tuple[Location, str] | None:
    """The country the article names most, for events whose place it does not give."""
    counts: Counter[str] = Counter()
    entities = {}
    entries = kb.entries
    for entity in doc.entities:
        entry = entries.get(entity.kb_id or "")
        if entry is not None and entry.precision == "country":
            counts[entry.id] += len(entity.mentions)
            entities[entry.id] = entity
    if not counts:
        return None
    entry_id = counts.most_common(1)[0][0]
    return _location(entries[entry_id], entities[entry_id], None), entry_id


def _modality(trigger: Trigger, cues: list[tuple[str, int, int]], key: str, future_at: list[int]) -> str:
    if trigger.future or any(position < trigger.start for position in future_at):
        return "future"  # «سيرسل», «ستكون معركة»
    modality = "asserted"
    if trigger.info.type in VIOLENT and any(role == "trial" for role, _, _ in cues):
        return "historical"  # «اعترف المتهم بأنه استقبل منفذ التفجير»: a deed being tried
    if trigger.info.mode == "kill" and any(role == "summary" for role, _, _ in cues):
        return "historical"  # «مقتل 8 … في أعمال عنف بمحافظة الأنبار»: a sum of incidents told apart
    for role, start, end in cues:
        if role == "purpose" and start <= trigger.start < end:
            continue  # «طالبت» itself is a request
        if start <= trigger.start < end:
            # inside «رفضت الكشف عن هويتها»: not an event; inside «سلسلة هجمات»: several, told apart
            return "historical" if role == "acts" else "negated"
        if role == "past_after" and start >= trigger.end and len(key[trigger.end : start].split()) <= NEGATION_WORDS:
            return "historical"  # «وقتل حينها»
        if end > trigger.start:
            continue
        near = len(key[end : trigger.start].split()) <= NEGATION_WORDS
        if role == "negation" and near:
            return "negated"  # «لم يسفر», «وقف الهجمات»
        if role == "state" and key[end:trigger.start].strip() == "":
            return "negated"  # «تحت سيطرة المقاومة»: who holds a place, not a takeover
        if role == "past_reference" and (near or key[end : end + 1] in ("", "\u060c", ",")):
            return "historical"  # «المتهمين بتفجير المسجد», «في السابق، كانت الهجمات»
        if role == "future":
            return "future"
        if role == "past_clause":
            return "historical"  # «وسبق أن قتل مدنيون في قصف عشوائي خلال الأسابيع الماضية»
        if role == "acts" and key[end:trigger.start].strip() == "":
            return "historical"  # «بأعمال قصف وقنص … خلال يوليو»: a kind of deed over a period
        if role == "purpose" and near:
            return "hypothetical"  # «لتأمينها من هجمات الحوثيين», «يطالبون بانسحاب حزب الله»
        if role == "conditional":
            return "conditional"
        if role in ("report", "anonymous"):
            modality = "reported"
    return modality


def _arguments(doc: Document, draft: _Draft, names: list[tuple[int, int, Entity]], sentence: Sentence,
               cues: list[tuple[str, int, int]], clause: tuple[int, int], places_named: frozenset[int],
               tolls: list[tuple[int, int]]) -> None:
    """Parties, attributions, figures and weapons of one event; parties are looked for in the
    trigger's ``clause`` (between the triggers around it, folded-sentence offsets)."""
    assert doc.norm is not None
    key = doc.norm.key[sentence.norm_start : sentence.norm_end]
    outermost = [(a, b, e) for a, b, e in names
                 if not any(x <= a and b <= y and (x, y) != (a, b) for x, y, _ in names)]  # not inside a name
    named = [(a, b, e) for a, b, e in outermost if e.type in ACTOR_TYPES]
    generics = generic_parties(key, [(_to_norm(doc, a, sentence), _to_norm(doc, b, sentence)) for a, b, _ in named])
    # a country named as a doer, not as a place nor as the nisba of another party
    # («دفع الولايات المتحدة لشن غارات», not «في سوريا» or «القوات العراقية») is a party too
    for a, b, entity in outermost:
        start, end = _to_norm(doc, a, sentence), _to_norm(doc, b, sentence)
        if entity.type == "COUNTRY" and a not in places_named and not _nisba(key[start:end]) \
                and not any(g.start < end and start < g.end for g in generics):
            named.append((a, b, entity))
    named.sort(key=lambda n: n[0])
    spans = [(_to_norm(doc, a, sentence), _to_norm(doc, b, sentence)) for a, b, _ in named]
    parties: list[Party] = []
    for a, b, entity in named:
        parties.append(Party(role="source", text=entity.text, name_ar=entity.name_ar, name_en=entity.name_en,
                             entity_id=entity.id, actor_code=entity.actor_code,
                             span=Span(start=a, end=b, text=doc.raw[a:b], sentence=sentence.index)))
    for generic in generics:
        a, b = doc.norm.raw_span(sentence.norm_start + generic.start, sentence.norm_start + generic.end)
        spans.append((generic.start, generic.end))
        parties.append(Party(role="source", text=doc.raw[a:b], name_en=generic.name_en, actor_code=generic.sector,
                             span=Span(start=a, end=b, text=doc.raw[a:b], sentence=sentence.index)))
    trigger = draft.trigger
    reports = [(start, end) for role, start, end in cues if role in ("report", "anonymous")]
    # civilians, journalists, refugees suffer violence, never wage it
    victims = frozenset(i for i, party in enumerate(parties) if party.actor_code in VICTIM_SECTORS) \
        if trigger.info.type in VIOLENT | {"COERCE"} else frozenset()
    roles = assign_roles(key, (trigger.start, trigger.end), spans, clash=trigger.info.mode == "clash",
                         casualty=trigger.info.mode == "kill", reports=reports, victims=victims, clause=clause,
                         tolls=tolls, seize=trigger.info.mode == "seize")
    if trigger.info.mode == "kill" and "source" not in roles.values():
        announcer = _announcer(key, reports, trigger.start, clause, spans, named, parties, roles)
        if announcer is not None:
            roles[announcer] = "source"
    seen: set[tuple[str, str]] = set()
    for index in sorted(roles, key=lambda i: spans[i][0]):
        party = parties[index]
        identity = (roles[index], party_key(party))
        if identity not in seen:  # «الحوثيين … الحوثي» in one sentence is one party
            seen.add(identity)
            draft.actors.append(party.model_copy(update={"role": roles[index]}))
    for role, start, end in cues:
        if role not in ("report", "anonymous") or end > trigger.start or start < clause[0]:
            continue
        speaker = speaker_of(key, (start, end), spans) if role == "report" else None
        a, b = doc.norm.raw_span(sentence.norm_start + start, sentence.norm_start + end)
        quoted = parties[speaker] if speaker is not None else None
        draft.attributions.append(Attribution(
            kind="anonymous" if role == "anonymous" else "report",
            speaker=quoted.text if quoted else None, entity_id=quoted.entity_id if quoted else None,
            cue=Span(start=a, end=b, text=doc.raw[a:b], sentence=sentence.index),
            span=quoted.span if quoted else None))
    if draft.trigger.info.type in VIOLENT:
        figures = [c for c in doc.casualties if c.span.sentence == sentence.index]
        totals = casualty_totals(figures)
        draft.fatalities, draft.injuries = totals["killed"], totals["injured"]
    draft.weapons = [w for w in doc.weapons if w.span.sentence == sentence.index]
    draft.mentions = [draft.mention]
    draft.sentences = [sentence.index]


def _announcer(key: str, reports: list[tuple[int, int]], trigger_start: int, clause: tuple[int, int],
               spans: list[tuple[int, int]], named: list[tuple[int, int, Entity]], parties: list[Party],
               roles: dict[int, str]) -> int | None:
    """The armed forces that announce the killing of an armed group's men killed them
    («أعلنت قيادة عمليات بغداد عن مقتل 17 داعشيا»): index of that speaker, if any. A ministry or
    an outlet that reports deaths is only a speaker."""
    enemy = any(role == "target" and sector_of(parties[i].actor_code) in NONSTATE_ARMED_SECTORS
                for i, role in roles.items())
    if not enemy:
        return None
    for start, end in reports:
        if end > trigger_start or start < clause[0]:
            continue
        speaker = speaker_of(key, (start, end), spans)
        if speaker is not None and speaker < len(named) and named[speaker][2].type in STATE_FORCES:
            return speaker
    return None


def _merged(drafts: list[_Draft]) -> list[_Draft]:
    """A violent event told over consecutive sentences is one event: the later sentence names no
    other place and gives no figures of its own («انفجار … وأسفر الانفجار عن …»). A definite
    trigger with no place of its own («التفجير») later in the article names the violent event
    told last, unless «آخر» or «جديد» marks it as another."""
    out: list[_Draft] = []
    for draft in drafts:
        violent = [d for d in out if d.trigger.info.type in VIOLENT]
        # the violent event told last at this place, in this sentence or the one before
        recent = [d for d in violent if draft.sentence - d.sentences[-1] <= 1 and _same_place(d, draft)]
        last = recent[-1] if recent else None
        anaphoric = draft.trigger.definite and not draft.own_place and not draft.own_date and bool(violent)
        if anaphoric:
            last = violent[-1]  # «التفجير» later in the article is the bombing told before
        figures = draft.fatalities is not None or draft.injuries is not None
        if (last is not None and draft.trigger.info.type in VIOLENT and last.trigger.info.type in VIOLENT
                and _same_place(last, draft)
                and not (figures and (last.fatalities is not None or last.injuries is not None))
                and (not draft.own_place or draft.sentence == last.sentences[-1]
                     or (figures and last.fatalities is None and last.injuries is None)  # the toll, told next
                     or _retold(last, draft))
                and (anaphoric or _same_date(last.date, draft.date))):
            last.mentions += draft.mentions
            last.sentences += draft.sentences
            last.fatalities = last.fatalities if draft.fatalities is None else draft.fatalities \
                if last.fatalities is None else max(last.fatalities, draft.fatalities)
            last.injuries = last.injuries if draft.injuries is None else draft.injuries \
                if last.injuries is None else max(last.injuries, draft.injuries)
            known = {p.entity_id for p in last.actors}
            last.actors += [p for p in draft.actors if p.entity_id not in known]
            last.weapons += draft.weapons
            continue
        out.append(draft)
    return out


def _retold(last: _Draft, draft: _Draft) -> bool:
    """The next sentence tells the same attack again: at the same place with the same weapon
    («قتل الجنرال في هجوم صاروخي في بوجمبورا. أصيبت سيارته في هجوم صاروخي في العاصمة»), or
    naming only the same country."""
    if last.location_id != draft.location_id:
        return False
    if draft.location is not None and draft.location.precision == "country":
        return True  # naming the same country again says nothing new about where
    return bool({w.name for w in last.weapons} & {w.name for w in draft.weapons})


def _same_place(a: _Draft, b: _Draft) -> bool:
    """The same place, or two within a town's reach («مطار أربيل» and «أربيل»)."""
    if a.location_id == b.location_id:
        return True
    x, y = a.location, b.location
    if x is None or y is None or x.lat is None or x.lon is None or y.lat is None or y.lon is None \
            or "country" in (x.precision, y.precision):
        return False
    return distance_km((x.lat, x.lon), (y.lat, y.lon)) <= SAME_PLACE_KM


def _same_date(a: DateInterval | None, b: DateInterval | None) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _event(number: int, draft: _Draft) -> Event:
    info = draft.trigger.info
    acled_event_type, acled_sub_event_type = acled_types(info, draft.weapons, draft.actors)
    confidence = 0.5 + 0.2 * (draft.location is not None) + 0.2 * (draft.date is not None and
                                                                   draft.date.basis != "publication")
    return Event(
        id=f"v{number}", type=info.type, mode=info.mode,
        acled_event_type=acled_event_type, acled_sub_event_type=acled_sub_event_type,
        date=draft.date, location=draft.location, actors=draft.actors,
        fatalities=draft.fatalities, injuries=draft.injuries, weapons=draft.weapons,
        attributions=draft.attributions, modality=draft.modality,
        mentions=draft.mentions, sentences=draft.sentences, confidence=round(confidence, 2),
    )
