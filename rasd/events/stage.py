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
* **parties**: actors named before the trigger act, those after it are acted on;
* **weapons** named in the sentence.

Violent events of consecutive sentences at the same place and date are one event with several
mentions («the Erbil attack mentioned twice»).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rasd.doc import Clitic, Document, Sentence
from rasd.events.triggers import Trigger, find_cues, find_triggers
from rasd.kb import KnowledgeBase, default_kb
from rasd.kb.model import Entry
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

NEGATION_WORDS = 2
HISTORICAL_DAYS = 365
PRECISION_RANK = {"facility": 4, "city": 3, "district": 3, "admin1": 2, "country": 1}
ACTOR_TYPES = frozenset({"GOVERNMENT", "MILITARY", "POLICE", "ARMED_GROUP", "POLITICAL_GROUP",
                         "INTERNATIONAL_ORGANIZATION", "ORGANIZATION", "PERSON", "GROUP"})
VIOLENT = frozenset({"ASSAULT"})


@dataclass(slots=True)
class _Draft:
    trigger: Trigger
    sentence: int
    mention: Span
    date: DateInterval | None
    location: Location | None
    location_id: str | None
    own_place: bool  # the sentence names the place itself
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
    published = doc.article.published
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
        place = _place(names, kb, raw, sentence.index)
        own_place = place is not None
        if place is not None:
            last_place = place
        elif last_place is not None:
            place = last_place
        seen_types: set[str] = set()
        cues = find_cues(sentence_key)
        future_at = [t.norm_start - sentence.norm_start for t in doc.tokens
                     if t.clitic is Clitic.FUTURE and sentence.norm_start <= t.norm_start < sentence.norm_end]
        for trigger in triggers:
            if trigger.info.type in seen_types:
                continue
            modality = _modality(trigger, cues, sentence_key, future_at)
            if modality in ("negated", "future", "conditional", "historical"):
                continue
            if date is not None and date.basis == "explicit" and published is not None and \
                    (published - date.end).days > HISTORICAL_DAYS:
                continue  # «حرب 1994»: a past war the article recalls is not an event of the news
            seen_types.add(trigger.info.type)
            a, b = doc.norm.raw_span(sentence.norm_start + trigger.start, sentence.norm_start + trigger.end)
            mention = Span(start=a, end=b, text=raw[a:b], sentence=sentence.index)
            draft = _Draft(trigger, sentence.index, mention, date or _publication(doc),
                           place[0] if place else fallback_place[0] if fallback_place else None,
                           place[1] if place else fallback_place[1] if fallback_place else None,
                           own_place, modality=modality)
            _arguments(doc, draft, names, a, sentence)
            drafts.append(draft)
    doc.events = [_event(number, d) for number, d in enumerate(_merged(drafts), start=1)]
    return doc


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


def _place(names: list[tuple[int, int, Entity]], kb: KnowledgeBase, raw: str,
           sentence: int) -> tuple[Location, str] | None:
    """The most precise place named in a sentence, not counting places inside a longer name
    («السعودية» of «التحالف بقيادة السعودية» is not where the event happened)."""
    best: tuple[int, int, Location, str] | None = None
    entries = kb.entries
    for start, end, entity in names:
        if any(a <= start and end <= b and (a, b) != (start, end) for a, b, _ in names):
            continue
        entry = entries.get(entity.kb_id or "")
        if entry is None or not entry.is_place or entry.lat is None:
            continue
        rank = PRECISION_RANK.get(entry.precision or "", 0)
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
    for role, start, end in cues:
        if start <= trigger.start < end:
            return "negated"  # inside «رفضت الكشف عن هويتها»: not an event
        if role == "past_after" and start >= trigger.end and len(key[trigger.end : start].split()) <= NEGATION_WORDS:
            return "historical"  # «وقتل حينها»
        if end > trigger.start:
            continue
        near = len(key[end : trigger.start].split()) <= NEGATION_WORDS
        if role == "negation" and near:
            return "negated"  # «لم يسفر», «وقف الهجمات»
        if role == "past_reference" and (near or key[end : end + 1] in ("", "\u060c", ",")):
            return "historical"  # «المتهمين بتفجير المسجد», «في السابق، كانت الهجمات»
        if role == "future":
            return "future"
        if role == "conditional":
            return "conditional"
        if role in ("report", "anonymous"):
            modality = "reported"
    return modality


def _arguments(doc: Document, draft: _Draft, names: list[tuple[int, int, Entity]], trigger_at: int,
               sentence: Sentence) -> None:
    actors = [(a, b, e) for a, b, e in names if e.type in ACTOR_TYPES]
    before = [x for x in actors if x[1] <= trigger_at]
    after = [x for x in actors if x[0] > trigger_at]
    for role, chosen in (("source", before[-1:]), ("target", after[:1])):
        for a, b, entity in chosen:
            draft.actors.append(Party(role=role, text=entity.text, name_ar=entity.name_ar, name_en=entity.name_en,
                                      entity_id=entity.id, actor_code=entity.actor_code,
                                      span=Span(start=a, end=b, text=doc.raw[a:b], sentence=sentence.index)))
    if draft.trigger.info.type in VIOLENT:
        figures = [c for c in doc.casualties if c.span.sentence == sentence.index]
        totals = casualty_totals(figures)
        draft.fatalities, draft.injuries = totals["killed"], totals["injured"]
    draft.weapons = [w for w in doc.weapons if w.span.sentence == sentence.index]
    draft.mentions = [draft.mention]
    draft.sentences = [sentence.index]


def _merged(drafts: list[_Draft]) -> list[_Draft]:
    """A violent event told over consecutive sentences is one event: the later sentence names no
    other place and gives no figures of its own («انفجار … وأسفر الانفجار عن …»)."""
    out: list[_Draft] = []
    for draft in drafts:
        last = out[-1] if out else None
        figures = draft.fatalities is not None or draft.injuries is not None
        if (last is not None and draft.trigger.info.type in VIOLENT and last.trigger.info.type in VIOLENT
                and draft.sentence - last.sentences[-1] <= 1 and draft.location_id == last.location_id
                and not (figures and (last.fatalities is not None or last.injuries is not None))
                and (not draft.own_place or draft.sentence == last.sentences[-1])
                and _same_date(last.date, draft.date)):
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


def _same_date(a: DateInterval | None, b: DateInterval | None) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _event(number: int, draft: _Draft) -> Event:
    info = draft.trigger.info
    confidence = 0.5 + 0.2 * (draft.location is not None) + 0.2 * (draft.date is not None and
                                                                   draft.date.basis != "publication")
    return Event(
        id=f"v{number}", type=info.type, mode=info.mode,
        acled_event_type=info.acled_event_type, acled_sub_event_type=info.acled_sub_event_type,
        date=draft.date, location=draft.location, actors=draft.actors,
        fatalities=draft.fatalities, injuries=draft.injuries, weapons=draft.weapons,
        attributions=draft.attributions, modality=draft.modality,
        mentions=draft.mentions, sentences=draft.sentences, confidence=round(confidence, 2),
    )
