"""Event triggers and context cues, from ``lang/ar/event_triggers.tsv`` and ``event_cues.tsv``.

A trigger is a verb, verbal noun or participle that reports an event of a PLOVER type
(«هجوم», «قصفت», «اشتباكات», «اعتقال», «اتهم»), with a glued conjunction, preposition or article
allowed. A word that belongs to a name («الحشد الشعبي») or a date («فجر اليوم») is not a trigger:
the stage passes those spans to skip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from rasd.lang import load_table
from rasd.text.normalize import fold
from rasd.text.tokens import proclitics
from rasd.time.lexicon import alternation

ACCUSATIVE = "\u0627"  # the alef of tanween fath («هجوماً»)
ANOTHER = re.compile(r"\s+(?:ال)?(?:اخر|اخري|ثان|الثاني|الثانيه|جديد|جديده)(?!\w)")  # «الهجوم الآخر», «هجوم جديد»


@dataclass(frozen=True, slots=True)
class TriggerInfo:
    type: str  # PLOVER event type
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None


@dataclass(frozen=True, slots=True)
class Trigger:
    info: TriggerInfo
    start: int  # folded-text offsets of the trigger word (clitics included)
    end: int
    future: bool  # written with the future «سـ»
    definite: bool  # «الهجوم», «التفجير»: names an event already told, unless «آخر» follows
    support: bool = False  # a support verb («شن»): an event only when no noun it governs is one
    governor: tuple[int, int] | None = None  # the support verb that governs this trigger («لشن غارات»)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    triggers: dict[str, TriggerInfo]
    cues: dict[str, str]  # word -> negation | future | conditional | report | anonymous
    trigger_pattern: re.Pattern[str]
    cue_pattern: re.Pattern[str]
    support_verbs: frozenset[str]  # «شن», «نفذ»: the noun they govern says what happened
    idle_objects: re.Pattern[str]  # «حربا», «حملة إعلامية»: what a support verb may wage without an incident


# casualty words report violence: a killing or an injury is an assault, an arrest a coercion
CASUALTY_EVENTS = {"killed": TriggerInfo("ASSAULT", "kill", None, None),
                   "injured": TriggerInfo("ASSAULT", "kill", None, None),
                   "killed_or_injured": TriggerInfo("ASSAULT", "kill", None, None),
                   "abducted": TriggerInfo("ASSAULT", "abduct", "Violence against civilians",
                                           "Abduction/forced disappearance"),
                   "arrested": TriggerInfo("COERCE", "arrest", "Strategic developments", "Arrests")}


@cache
def _lexicon() -> _Lexicon:
    ambiguous = {fold(r["word"]) for r in load_table("ambiguous_triggers")}
    triggers = {fold(r["word"]): CASUALTY_EVENTS[r["category"]] for r in load_table("casualty_words")
                if r["role"] != "noun_victim" and fold(r["word"]) not in ambiguous}
    triggers.update({fold(r["word"]): TriggerInfo(r["type"], r["mode"] or None, r["acled_event_type"] or None,
                                                  r["acled_sub_event_type"] or None)
                     for r in load_table("event_triggers")})
    cues = {fold(r["word"]): r["role"] for r in load_table("event_cues")}
    clitics = proclitics()
    conj = alternation(list(clitics.conjunctions))
    prep = alternation(list(clitics.prepositions))
    future = alternation([fold(r["affix"]) for r in load_table("clitics") if r["kind"] == "future"])
    pronouns = alternation([fold(r["affix"]) for r in load_table("clitics") if r["kind"] == "pron"])
    article = re.escape(clitics.article)
    trigger_pattern = re.compile(rf"(?<!\w)(?:{conj})?(?:{prep})?(?P<future>{future})?(?P<article>{article})?"
                                 rf"(?P<word>{alternation(list(triggers))})"
                                 rf"(?:{ACCUSATIVE}|(?P<pronoun>{pronouns}))?(?!\w)")  # «قصفاً», «سيطرتها», «رفضته»
    cue_pattern = re.compile(rf"(?<!\w)(?:{conj})?(?:{prep})?(?P<word>{alternation(list(cues))})(?!\w)")
    support = load_table("support_verbs")
    verbs = frozenset(fold(r["word"]) for r in support if r["role"] == "verb")
    idle = re.compile(rf"(?:{conj})?(?:{alternation([fold(r['word']) for r in support if r['role'] != 'verb'])})"
                      rf"(?:{ACCUSATIVE})?(?!\w)")
    return _Lexicon(triggers, cues, trigger_pattern, cue_pattern, verbs, idle)


def find_triggers(key: str, skip: list[tuple[int, int]]) -> list[Trigger]:
    """Triggers of a folded sentence, outside the ``skip`` spans (names, dates)."""
    lex = _lexicon()
    found = []
    for m in lex.trigger_pattern.finditer(key):
        if any(a < m.end("word") and m.start("word") < b for a, b in skip):
            continue
        info = lex.triggers[m.group("word")]
        # «التفجير», and a killing told with its victim's pronoun («مقتله»), name an event told before
        definite = (bool(m.group("article")) or (bool(m.group("pronoun")) and info.mode == "kill")) \
            and ANOTHER.match(key, m.end()) is None
        found.append(Trigger(info, m.start(), m.end(), bool(m.group("future")), definite,
                             m.group("word") in lex.support_verbs))
    kept = [t for t in found if not _attacked(key, t, found)]
    out: list[Trigger] = []
    for trigger in kept:
        governed = _governed(key, trigger, kept)
        if governed is None:
            out.append(trigger)
        elif governed is not trigger:
            kept[kept.index(governed)] = replace(governed, governor=(trigger.start, trigger.end))
    return [next(k for k in kept if (k.start, k.end) == (t.start, t.end)) for t in out]


PAUSES = ".\u060c,:؛"  # punctuation that ends a verb's reach
SUPPORT_WORDS = 9  # «شنت طائرات التحالف فجر أمس غارات»: how far a support verb's noun may stand


def _governed(key: str, trigger: Trigger, found: list[Trigger]) -> Trigger | None:
    """For a support verb, the trigger it gives way to: the noun it governs («شنت الطائرات
    غارات» is the air strike, «شنت قوات الدرك حملات اعتقال» the arrests), or itself when it
    wages no incident at all («شنوا حرباً»); ``None`` when it stands as the event."""
    if not trigger.support:
        return None
    lex = _lexicon()
    for m in re.finditer(r"\S+", key[trigger.end :]):
        between = key[trigger.end : trigger.end + m.start()]
        if len(between.split()) >= SUPPORT_WORDS or "." in between:
            break
        if lex.idle_objects.match(key, trigger.end + m.start()):
            return trigger
    # commas may set off what stands between («شنت قوات الدرك، فجر الجمعة، خمس عمليات أمنية»)
    return next((t for t in found if t.start >= trigger.end and len(key[trigger.end : t.start].split()) < SUPPORT_WORDS
                 and "." not in key[trigger.end : t.start]), None)


OBJECT_WORDS = 3  # «دمرت أرتالا وتعزيزات»: how far after a violent verb its object may stand


def _attacked(key: str, trigger: Trigger, found: list[Trigger]) -> bool:
    """Whether a mobilization word is what a violent trigger just before it hit («قصف حشود
    الحوثيين», «دمرت أرتالا وتعزيزات»): the troops are the object, not an event of their own."""
    if trigger.info.type != "MOBILIZE":
        return False
    return any(t.info.type == "ASSAULT" and t.end <= trigger.start
               and len(key[t.end : trigger.start].split()) <= OBJECT_WORDS
               and not any(c in key[t.end : trigger.start] for c in PAUSES)
               for t in found)


def find_cues(key: str) -> list[tuple[str, int, int]]:
    """(role, start, end) of the context words of a folded sentence: negation, future, condition,
    reporting verbs and anonymous sources."""
    lex = _lexicon()
    return [(lex.cues[" ".join(m.group("word").split())], m.start(), m.end())
            for m in lex.cue_pattern.finditer(key)]
