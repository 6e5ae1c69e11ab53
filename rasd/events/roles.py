"""Who acts and who is acted on: the parties of an event, from the words around its trigger.

Arabic news states the parties of an event in a handful of shapes, read here from the linking
words of ``lang/ar/party_words.tsv`` between the trigger and each candidate party:

* the subject right after a verb, or the agent right after a verbal noun, acts
  («سيطرت المقاومة على …», «سيطرة المقاومة على …»);
* a party after «على», «ضد», «استهدفت» or after the head of an object («قصف مواقع الحوثيين»)
  is acted on;
* a party after an agent phrase acts («غارات شنتها مقاتلات التحالف», «بنيران مسلحين»);
* in a clash both sides act («اشتباكات مع المقاومة», «معارك بين الجيش والفصائل»);
* a party named before the trigger acts («الجيش الوطني شن هجوماً»), unless a reporting verb
  stands between them: then it is the speaker, not a party;
* a killing or an injury happens to the party named with it («مقتل 17 من داعش»,
  «7 عناصر من داعش قتلوا»), unless an agent phrase names who did it;
* parties joined by «و» share a role («مليشيات الحوثي والمخلوع صالح»).

Words not linked by any of these shapes are left out: an unknown party stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasd.kb import default_kb
from rasd.lang import load_table
from rasd.text.normalize import fold
from rasd.text.tokens import proclitics
from rasd.time.lexicon import alternation

AFTER_WORDS = 14  # how far after the trigger a linked party may stand
BEFORE_WORDS = 8  # how far before it
OBJECT_WORDS = 1  # words allowed between a subject and the object that follows it
ADJECTIVE_WORDS = 2  # words (adjectives) allowed between a trigger and its agent («غارات جوية عنيفة X»)
VICTIM_WORDS = 5  # words allowed between a killing and its victims («مقتل 49 مسلحا من تنظيم داعش»)
PART_OF = re.compile(r"\s+(?:\S+\s+)?من\s+")  # «مسلحا من تنظيم داعش»: the named group is the party
PART_OF_WORDS = 2  # «من عناصر تنظيم داعش»
AFFILIATED = re.compile(r"\s+(?:(?:ال)?(?:تابع|موال|منتم)\S*\s+)?ل")  # folded «تابعون لـ», «الموالية لـ»
OBJECT_REACH = 16  # characters before a party where the head of its object phrase may stand («أرتالا للحوثيين»)
POINTER_ENDINGS = ("\u0647", "\u0647\u0627")  # folded «ـه», «ـها»: «مصدره», «شنتها»
MARKERS = ("target_marker", "agent_marker", "clash_marker", "object_head")  # also: generic, modifier,
# coordination_head


@dataclass(frozen=True, slots=True)
class GenericParty:
    """A party named by what it is rather than by name: «مدنيين», «مسلحين مجهولين»."""

    start: int  # folded-sentence offsets
    end: int
    name_en: str
    sector: str  # PLOVER sector code: CVL, UAF, REB…


@dataclass(frozen=True, slots=True)
class _Words:
    markers: dict[str, str]  # folded word -> marker role
    marker_pattern: re.Pattern[str]
    generic: dict[str, tuple[str, str]]  # folded word -> (name_en, sector)
    generic_pattern: re.Pattern[str]
    coordination: re.Pattern[str]


@cache
def _words() -> _Words:
    rows = load_table("party_words")
    markers = {fold(r["word"]): r["role"] for r in rows if r["role"] in MARKERS}
    generic = {fold(r["word"]): (r["name_en"], r["sector"]) for r in rows if r["role"] == "generic"}
    # «قوات الأمن التركية», «الفصائل المسلحة السورية»: adjectives and nisba forms extend the party
    modifiers = [fold(r["word"]) for r in rows if r["role"] == "modifier"] + list(default_kb().demonyms)
    clitics = proclitics()
    conj = alternation(list(clitics.conjunctions))
    prep = alternation(list(clitics.prepositions))
    marker_pattern = re.compile(rf"(?<!\w)(?:{conj})?(?P<word>{alternation(list(markers))})(?!\w)")
    generic_pattern = re.compile(rf"(?<!\w)(?:{conj})?(?:{prep})?(?P<word>(?:{alternation(list(generic))}))"
                                 rf"(?P<modifiers>(?:\s+(?:{alternation(modifiers)}))*)(?!\w)")
    # what may stand between two coordinated parties: «و», «والقوات», a comma
    # «قوات "الجيش الوطني" و"المقاومة الشعبية"»: quotation marks may wrap either name
    # «والقوات», «ومقاتلو حزب الله»: a head noun may come with the conjunction (``coordination_head``)
    heads = alternation([fold(r["word"]) for r in rows if r["role"] == "coordination_head"])
    joint = rf"(?:و|او)(?:(?:{heads})(?!\w))?"
    coordination = re.compile(rf"[\s\"'«»“”]*(?:[\u060c,]\s*(?:{joint})?|{joint})[\s\"'«»“”]*")
    return _Words(markers, marker_pattern, generic, generic_pattern, coordination)


def generic_parties(key: str, taken: list[tuple[int, int]]) -> list[GenericParty]:
    """Parties of a folded sentence named by what they are, outside the ``taken`` spans (names)."""
    words = _words()
    found = []
    for m in words.generic_pattern.finditer(key):
        start, end = m.start("word"), m.end("modifiers") if m.group("modifiers") else m.end("word")
        if any(a < end and start < b for a, b in taken):
            continue
        definite = m.group("word").startswith("ال")
        if any(a >= end and key[end:a].strip() == "" and (not definite or " " not in key[a:b]) for a, b in taken):
            # «المسلحين الحوثيين», «عناصر داعش»: the name that follows says who they are; but in
            # «اتهم الجيش جماعة الإخوان» it is another party
            continue
        if any(a >= end and AFFILIATED.fullmatch(key, end, a) for a, _ in taken):
            continue  # «مسلحون تابعون لجماعة الحوثي», «القوات الموالية للرئيس»: the group is the party
        part_of = PART_OF.match(key, end)
        if part_of is not None and any(a >= part_of.end() and len(key[part_of.end() : a].split()) <= PART_OF_WORDS
                                       and not key[part_of.end() : a].endswith(" و")  # «من إيران والقوات»
                                       for a, _ in taken):
            continue
        name_en, sector = words.generic[" ".join(m.group("word").split())]
        found.append(GenericParty(start, end, name_en, sector))
    return found


def _last_marker(key: str, start: int, end: int) -> str | None:
    """The role of the linking word closest before ``end`` within ``key[start:end]``."""
    words = _words()
    last = None
    pointer = False
    for m in words.marker_pattern.finditer(key, start, end):
        word = " ".join(m.group("word").split())
        role = words.markers[word]
        # «قصف مصدره مواقع الفصائل», «قذائف أطلقتها مواقع الجيش»: a relative phrase, its pronoun
        # pointing back at the attack, names the doer whatever noun heads it; but «قصفت طائرات
        # مواقع الحوثيين» strikes the positions
        if not (role == "object_head" and pointer):
            last = role
            pointer = role == "agent_marker" and word.endswith(POINTER_ENDINGS)
    return last


# «كتائب حزب الله، الجماعة الأكثر عداء لواشنطن، وكتائب سيد الشهداء»: a description between commas
APPOSITIVE = re.compile(r"\s*[\u060c,]\s*ال\S+(?:\s+[^\s\u060c,.]+){0,6}\s*[\u060c,]\s*و")


@cache
def _loss_pattern() -> re.Pattern[str]:
    """«من» after a takeover, right before the party or one word before it: that party lost the
    place (``loss_marker`` rows)."""
    words = alternation([fold(r["word"]) for r in load_table("party_words") if r["role"] == "loss_marker"])
    return re.compile(rf"(?<!\w)(?:{words})(?:\s+\S+)?\s*$")


def _words_between(key: str, start: int, end: int) -> int:
    """Words between two offsets, not counting a proclitic glued to the word at ``end`` («لجماعة»)."""
    words = key[start:end].split()
    return len(words) - (1 if words and end > 0 and not key[end - 1].isspace() else 0)


def coordinated(key: str, left_end: int, right_start: int) -> bool:
    """Whether two parties are joined by «و», a comma, or a description between commas."""
    return right_start >= left_end and (_words().coordination.fullmatch(key, left_end, right_start) is not None
                                         or APPOSITIVE.fullmatch(key, left_end, right_start) is not None)


def assign_roles(key: str, trigger: tuple[int, int], parties: list[tuple[int, int]], *, clash: bool,
                 casualty: bool, reports: list[tuple[int, int]], victims: frozenset[int] = frozenset(),
                 clause: tuple[int, int] | None = None, tolls: list[tuple[int, int]] | None = None,
                 seize: bool = False) -> dict[int, str]:
    """Role (``source`` or ``target``) of each party of a folded sentence, by index into
    ``parties`` (spans in ``key``); parties with no role are left out. ``reports`` are the spans
    of reporting verbs («قال», «أعلن») before the trigger: whom they quote is a speaker, not a
    party. ``victims`` can only be acted on (civilians in a violent event). Parties outside the
    ``clause`` (the span between the triggers around this one) belong to other events, and so do
    parties on the far side of a casualty word (``tolls``: «أن جنديا قتل … حينما انفجر لغم»: the
    soldier is the one killed, not who set off the mine)."""
    t_start, t_end = trigger
    speakers = {speaker_of(key, cue, parties) for cue in reports if cue[1] <= t_start}
    low, high = clause if clause is not None else (0, len(key))
    inside = [i for i in range(len(parties)) if i not in speakers and low <= parties[i][0] and parties[i][1] <= high]
    order = sorted(inside, key=lambda i: parties[i][0])
    walls = [a for a, b in tolls or () if (a, b) != trigger]
    order = [i for i in order if not any(min(parties[i][1], t_end) <= w < max(parties[i][0], t_start) for w in walls)]
    after = [i for i in order if parties[i][0] >= t_end and len(key[t_end : parties[i][0]].split()) <= AFTER_WORDS]
    for i in order:  # a party coordinated with the last one in reach shares its role, however far
        if after and parties[i][0] > parties[after[-1]][0] and coordinated(key, parties[after[-1]][1], parties[i][0]):
            after.append(i)
    before = [i for i in order if parties[i][1] <= t_start
              and len(key[parties[i][1] : t_start].split()) <= BEFORE_WORDS]
    roles: dict[int, str] = {}
    previous: int | None = None
    for i in after:
        start = parties[i][0]
        if previous is not None and coordinated(key, parties[previous][1], start):
            if previous in roles:
                roles[i] = roles[previous]
            previous = i
            continue
        anchor = parties[previous][1] if previous is not None else t_end
        marker = _last_marker(key, anchor, start) or (_last_marker(key, t_end, start) if previous is None else None)
        head = key.find(" ", start, parties[i][1])
        word_start = key.rfind(" ", 0, start) + 1  # with a glued preposition: «لطيران»
        if _last_marker(key, word_start, head if head > 0 else parties[i][1]) == "agent_marker":
            marker = "agent_marker"  # the name itself says it acts: «غارة لطيران التحالف الدولي»
        if seize and (previous is None or roles.get(previous) == "source"):
            loss = _loss_pattern().search(key, parties[previous][1] if previous is not None else t_end, start)
            if loss is not None and marker is None:
                marker = "target_marker"  # «استعادة المدن والمواقع من ميليشيات الحوثيين»
        if marker == "agent_marker" or (marker == "clash_marker" and clash):
            roles[i] = "source"
        elif marker in ("target_marker", "object_head", "clash_marker"):
            roles[i] = "target"
        elif previous is None and _words_between(key, t_end, start) <= (VICTIM_WORDS if casualty else ADJECTIVE_WORDS):
            roles[i] = "target" if casualty else "source"  # «مقتل 17 داعشيا» / «سيطرت المقاومة»
        elif previous is not None and roles.get(previous) == "source" and not clash and not casualty \
                and len(key[parties[previous][1] : start].split()) <= OBJECT_WORDS:
            roles[i] = "target"  # verb, subject, object: «هاجم مسلحون مدنيين»
        if roles.get(i) == "source" and i in victims:
            roles[i] = "target"
        previous = i
    # «التحالف دمرت أرتالا للحوثيين بـ7 غارات»: a party that is the object of an earlier verb is acted
    # on, and the doer stands before it
    while len(before) > 1 and _last_marker(key, max(parties[before[-2]][1], parties[before[-1]][0] - OBJECT_REACH),
                                           parties[before[-1]][0]) in ("target_marker", "object_head") \
            and not casualty:
        roles[before[-1]] = "target"
        before = before[:-1]
    if before:
        nearest = before[-1]
        reported = any(parties[nearest][1] <= a and b <= t_start for a, b in reports)
        marker = _last_marker(key, parties[nearest][1], t_start)
        if not reported and marker not in ("target_marker", "object_head"):
            role = "target" if (casualty and marker != "agent_marker") or nearest in victims else "source"
            if role == "target" or clash or "source" not in roles.values():
                chain = [nearest]
                for j in reversed(before[:-1]):
                    if not coordinated(key, parties[j][1], parties[chain[-1]][0]):
                        break
                    chain.append(j)
                for j in chain:
                    roles[j] = role
    return roles


COMPLEMENTIZER = re.compile(r"(?<!\w)(?:ب|و)?(?:ان|انه|انها)(?!\w)")  # folded «أن», «بأن», «إنه»
SPEAKER_WORDS = 3  # «قال المتحدث باسم الجيش», «أعلن الجيش»: the speaker stands close to the verb


def speaker_of(key: str, cue: tuple[int, int], parties: list[tuple[int, int]]) -> int | None:
    """Index of the party that a reporting verb quotes: the one right after it («قال الجيش»),
    else the one right before it («الجيش قال»); ``None`` when the sentence does not name it."""
    c_start, c_end = cue
    # «أفادت مصادر بأن مقاتلات التحالف دمرت»: what follows «أن» is what is said, not who says it
    after = [i for i, (a, _) in enumerate(parties) if a >= c_end and len(key[c_end:a].split()) < SPEAKER_WORDS
             and COMPLEMENTIZER.search(key, c_end, a) is None]
    if after:
        return min(after, key=lambda i: parties[i][0])
    before = [i for i, (_, b) in enumerate(parties) if b <= c_start and len(key[b:c_start].split()) < SPEAKER_WORDS]
    return max(before, key=lambda i: parties[i][1]) if before else None
