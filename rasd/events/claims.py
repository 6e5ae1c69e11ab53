"""Claims of responsibility, accusations and denials, linked to the violent events they are about.

After the events of an article are built, three kinds of statement about who did a violent event
are tied to it (the cues are ``claim`` and ``responsibility`` rows of ``event_cues.tsv``):

* a **claim** («تبنى تنظيم داعش الهجوم», «أعلن التنظيم مسؤوليته عن التفجير»): the claimant
  becomes the event's source, as ACLED codes claimed attacks, and the event carries an
  attribution of kind ``claim`` naming it, so the basis stays visible;
* an **accusation** (an ACCUSE event: «اتهمت الحكومة الحوثيين بقصف …»): the accused stay the
  targets of the ACCUSE event, which points at the violent event (``about``); the violent event
  gets an attribution of kind ``accusation`` and loses the accuser and the accused as sources: a
  perpetrator who is only accused is not known;
* a **denial** (a REJECT event with what is denied after it: «نفى الحزب مسؤوليته عن الهجوم»,
  «نفت الجماعة ذلك»): the same link, kind ``denial``, and the denier is no source.

The event a statement is about is the violent one told after it in its sentence («بقصف»,
«عن الهجوم»), else the violent event told last before it.
"""

from __future__ import annotations

from rasd.doc import Document
from rasd.events.acled import party_key
from rasd.events.triggers import find_cues
from rasd.schema import Attribution, AttributionKind, Event, Party, Span

RESPONSIBILITY_WORDS = 5  # «نفى الحزب أي مسؤولية له عن»: how far after the verb what is denied may stand
REPORT_WORDS = 4  # «أعلن تنظيم داعش مسؤوليته»: how far a claim's announcing verb may stand
STATEMENTS: dict[str, AttributionKind] = {"ACCUSE": "accusation", "REJECT": "denial"}
CLAIMANT_TYPES = frozenset({"ARMED_GROUP", "MILITARY", "POLICE", "GOVERNMENT", "POLITICAL_GROUP", "PERSON",
                            "GROUP", "ORGANIZATION"})


def link_claims(doc: Document) -> None:
    """Tie claims, accusations and denials in ``doc.events`` to the violent events they are about."""
    if doc.norm is None or not doc.events:
        return
    for sentence in doc.sentences:
        key = doc.norm.key[sentence.norm_start : sentence.norm_end]
        cues = find_cues(key)

        def raw(start: int, end: int, base: int = sentence.norm_start) -> tuple[int, int]:
            assert doc.norm is not None
            return doc.norm.raw_span(base + start, base + end)

        responsibility = [raw(a, b) for role, a, b in cues if role == "responsibility"]
        # «نفت الجماعة الاتهامات»: an accusation denied is what is denied
        responsibility += [(m.start, m.end) for e in doc.events if e.type == "ACCUSE" for m in e.mentions
                           if m.sentence == sentence.index]
        for event in [e for e in doc.events if e.type in STATEMENTS and sentence.index in e.sentences]:
            mention = next(m for m in event.mentions if m.sentence == sentence.index)
            said_about = any(len(doc.raw[mention.end : a].split()) <= RESPONSIBILITY_WORDS
                             for a, _ in responsibility if a >= mention.end)
            about = _about(doc.events, sentence.index, mention.end)
            if about is None or not (said_about or any(m.sentence == sentence.index and m.start >= mention.end
                                                       for m in about.mentions)):
                continue  # «رفضت المقاومة العرض», «اتهمه بالفساد»: no violent deed is meant
            event.about = about.id
            speaker = next((p for p in event.actors if p.role == "source"), None)
            about.attributions.append(_attribution(STATEMENTS[event.type], speaker, mention, event.id))
            if any(about_mention.sentence == sentence.index for about_mention in about.mentions):
                # the parties around «اتهمت الحكومة الحوثيين بقصف» are the accuser and the accused
                said = {party_key(p) for p in event.actors}
                about.actors = [p for p in about.actors if p.role != "source" or party_key(p) not in said]
            if event.type == "REJECT" and speaker is not None:
                about.actors = [p for p in about.actors if p.role != "source" or party_key(p) != party_key(speaker)]
        for role, a, b in cues:
            if role == "responsibility" and not any(
                    r == "report" and e <= a and len(key[e:a].split()) <= REPORT_WORDS for r, _, e in cues):
                continue  # «مسؤوليته» claims only when announced: «أعلن التنظيم مسؤوليته»
            if role not in ("claim", "responsibility") or _denied(doc.events, sentence.index, raw(a, b)[0]):
                continue
            start, end = raw(a, b)
            claimant = _claimant(doc, sentence.index, start, end, role == "claim")
            about = _about(doc.events, sentence.index, end)
            if claimant is None or about is None:
                continue
            cue = Span(start=start, end=end, text=doc.raw[start:end], sentence=sentence.index)
            about.attributions.append(_attribution("claim", claimant, cue, None))
            if party_key(claimant) not in {party_key(p) for p in about.actors if p.role == "source"}:
                about.actors.append(claimant)


def _attribution(kind: AttributionKind, speaker: Party | None, cue: Span, event_id: str | None) -> Attribution:
    return Attribution(kind=kind, speaker=speaker.text if speaker else None,
                       entity_id=speaker.entity_id if speaker else None, cue=cue,
                       span=speaker.span if speaker else None, event_id=event_id)


def _about(events: list[Event], sentence: int, after: int) -> Event | None:
    """The violent event a statement ending at raw offset ``after`` in ``sentence`` is about."""
    violent = [e for e in events if e.type == "ASSAULT"]
    here = [(m.start, e) for e in violent for m in e.mentions if m.sentence == sentence and m.start >= after]
    if here:
        return min(here, key=lambda pair: pair[0])[1]
    before = [(m.start, e) for e in violent for m in e.mentions if m.sentence is not None and m.sentence < sentence]
    return max(before, key=lambda pair: pair[0])[1] if before else None


def _denied(events: list[Event], sentence: int, at: int) -> bool:
    """Whether a denial verb of the sentence comes before raw offset ``at`` («نفى مسؤوليته»)."""
    return any(e.type == "REJECT" and m.sentence == sentence and m.end <= at for e in events for m in e.mentions)


def _claimant(doc: Document, sentence: int, start: int, end: int, verb: bool) -> Party | None:
    """Who claims: the actor named right after a claiming verb («تبنى تنظيم داعش»), else the
    nearest actor before the cue («أعلن تنظيم داعش مسؤوليته»)."""
    named = sorted(((m.start, m.end, entity) for entity in doc.entities if entity.type in CLAIMANT_TYPES
                    for m in entity.mentions if m.sentence == sentence),
                   key=lambda n: n[0])
    after = [n for n in named if n[0] >= end and len(doc.raw[end : n[0]].split()) <= 1] if verb else []
    before = [n for n in named if n[1] <= start and len(doc.raw[n[1] : start].split()) <= REPORT_WORDS]
    chosen = after[0] if after else before[-1] if before else None
    if chosen is None:
        return None
    a, b, entity = chosen
    return Party(role="source", text=entity.text, name_ar=entity.name_ar, name_en=entity.name_en,
                 entity_id=entity.id, actor_code=entity.actor_code,
                 span=Span(start=a, end=b, text=doc.raw[a:b], sentence=sentence))
