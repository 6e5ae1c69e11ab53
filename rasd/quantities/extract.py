"""Quantities, casualty figures and weapons in the folded normalized text.

A quantity is a number (digits, number words, «عشرات», a dual noun, «أحد») with its qualifier
(«ما لا يقل عن», «نحو», ``lang/ar/quantity_qualifiers.tsv``) and the noun it counts
(``counted_nouns.tsv`` gives each noun's plurals and duals, so «جنود» counts «جندي»).
Casualty figures tie a quantity, or a singular or dual victim noun, to the casualty words of
``casualty_words.tsv`` («مقتل», «أصيب», «قتلى»…); «مقتل وإصابة 19» stays a combined figure;
``casualty_zero.tsv`` phrases («لم يسفر عن أي إصابات») state zeros. Weapons come from
``weapons.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from rasd.lang import load_table
from rasd.quantities.numbers import DIGITS, number_words_pattern, parse_number, parse_scaled, scale_pattern
from rasd.text.normalize import fold
from rasd.text.tokens import proclitics
from rasd.time.lexicon import alternation

CASUALTY_FIELDS = ("killed", "injured", "killed_or_injured", "abducted", "arrested")
NOUN_GAP = 2  # words a casualty word may stand from its figure («مقتل ما لا يقل عن 10 جنود»)
SUBJECT_WORDS = 5  # words a subject may put between a negated verb and the rest («لم يسفر الهجوم … عن»)


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # folded-text offsets
    end: int
    value: int
    qualifier: str
    noun: str | None  # singular of the counted noun
    noun_end: int  # end of the counted noun, or ``end`` when there is none


@dataclass(frozen=True, slots=True)
class CasualtyFigure:
    category: str  # killed | injured | killed_or_injured | abducted | arrested
    value: int
    qualifier: str
    start: int  # folded-text span of the whole phrase
    end: int


@dataclass(frozen=True, slots=True)
class WeaponMention:
    weapon: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    qualifiers_before: dict[str, str]
    qualifiers_after: dict[str, str]
    several: dict[str, int]
    singular_of: dict[str, str]  # plural or singular (with or without the accusative alef) -> singular
    duals: dict[str, str]  # dual form -> singular
    casualty: dict[str, tuple[str, str]]  # word -> (category, role)
    zero: dict[str, tuple[int | None, int | None]]  # phrase -> (killed, injured)
    weapons: dict[str, str]
    quantity: re.Pattern[str]
    dual: re.Pattern[str]
    weapon_pattern: re.Pattern[str]
    partitive: frozenset[str]  # «من» in «اثنان من عناصر الشرطة»
    persons: frozenset[str]  # singulars of the nouns that count people


@cache
def _lexicon() -> _Lexicon:
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for row in load_table("quantity_qualifiers"):
        (before if row["position"] == "before" else after)[fold(row["phrase"])] = row["qualifier"]
    several = {fold(r["word"]): int(r["value"]) for r in load_table("several_words")}
    singular_of: dict[str, str] = {}
    duals: dict[str, str] = {}
    for row in load_table("counted_nouns"):
        singular = fold(row["singular"])
        singular_of[singular] = singular
        for plural in row["plurals"].split("|"):
            if plural:
                singular_of.setdefault(fold(plural), singular)
        for dual in row["dual"].split("|"):
            if dual:
                duals[fold(dual)] = singular
    casualty = {fold(r["word"]): (r["category"], r["role"]) for r in load_table("casualty_words")}
    zero = {fold(r["phrase"]): (int(r["killed"]) if r["killed"] else None,
                               int(r["injured"]) if r["injured"] else None) for r in load_table("casualty_zero")}
    weapons = {fold(r["phrase"]): r["weapon"] for r in load_table("weapons")}
    clitics = proclitics()
    conj = alternation(list(clitics.conjunctions))
    prep = alternation(list(clitics.prepositions))
    number = rf"(?P<digits>{DIGITS})(?!\d|\.\d)(?:\s+(?P<scale>{scale_pattern()}))?|(?P<words>{number_words_pattern()})"
    quantity = re.compile(
        rf"(?<!\w)(?:(?:{conj})?(?:{prep})?(?P<qb>{alternation(list(before))})\s+)?"
        rf"(?:(?:{conj})?(?:{prep})?(?P<several>{alternation(list(several))})(?!\w)"
        rf"|(?:{conj})?(?:{prep})?(?:{re.escape(clitics.article)})?(?:{number}))(?!\w)"
    )
    dual_pattern = re.compile(rf"(?<!\w)(?:{conj})?(?:{prep})?(?P<dual>{alternation(list(duals))})(?!\w)")
    weapon_pattern = re.compile(rf"(?<!\w)(?:{conj})?(?:{prep})?(?:{re.escape(clitics.article)})?"
                                rf"(?P<weapon>{alternation(list(weapons))})(?!\w)")
    partitive = frozenset(fold(r["word"]) for r in load_table("time_words") if r["role"] == "of")
    persons = frozenset(fold(r["singular"]) for r in load_table("counted_nouns") if r["class"] == "person")
    return _Lexicon(before, after, several, singular_of, duals, casualty, zero, weapons, quantity, dual_pattern,
                    weapon_pattern, partitive, persons)


def _singular(lex: _Lexicon, word: str) -> str | None:
    """The singular of a counted noun as written («جنود», «جنديا», «الجنود»)."""
    article = proclitics().article
    bare = word.removeprefix(article)
    for form in (word, bare, word.rstrip("\u0627"), bare.rstrip("\u0627")):  # «جنديا»: accusative alef
        if form in lex.singular_of:
            return lex.singular_of[form]
    return None


_NEXT_WORD = re.compile(r"[ \t]*(\w+)")


def _word_at(key: str, at: int) -> re.Match[str] | None:
    return _NEXT_WORD.match(key, at)


def _qualifier_after(lex: _Lexicon, key: str, at: int) -> tuple[str, int] | None:
    for phrase, qualifier in sorted(lex.qualifiers_after.items(), key=lambda item: -len(item[0])):
        m = re.compile(r"[ \t]*" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)").match(key, at)
        if m:
            return qualifier, m.end()
    return None


def _counted_noun(lex: _Lexicon, key: str, start: int, end: int, value: int) -> tuple[str | None, int]:
    """The noun a number counts: the word after it («3 جنود»), after «من» («اثنان من عناصر»),
    or, for one and two, which follow their noun as adjectives, the word before («جندي واحد»)."""
    before = re.search(r"(\w+)\s+$", key[max(0, start - 30) : start])
    if value <= 2 and before is not None:
        noun = _singular(lex, before.group(1))
        if noun is not None:
            return noun, end
    following = _word_at(key, end)
    if following is not None:
        noun = _singular(lex, following.group(1))
        if noun is not None:
            return noun, following.end()
        partitive = _word_at(key, following.end())
        if following.group(1) in lex.partitive and partitive is not None:
            noun = _singular(lex, partitive.group(1))
            if noun is not None:
                return noun, partitive.end()
    if before is not None:
        noun = _singular(lex, before.group(1))
        if noun is not None:
            return noun, end
    return None, end


def find_quantities(key: str) -> list[Quantity]:
    """Numbers with their qualifiers and counted nouns, left to right, not overlapping."""
    lex = _lexicon()
    found: list[Quantity] = []
    for m in lex.quantity.finditer(key):
        if m.group("several"):
            value, qualifier = lex.several[m.group("several")], "several"
        else:
            text = m.group("digits") or m.group("words")
            if m.group("scale"):
                parsed = parse_scaled(m.group("digits"), m.group("scale"))  # «230 ألف»
            else:
                parsed = parse_number(text) if text else None
            if parsed is None:
                continue
            value, qualifier = parsed, "exact"
        if m.group("qb"):
            qualifier = lex.qualifiers_before[" ".join(m.group("qb").split())]
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        end = m.end()
        noun, noun_end = _counted_noun(lex, key, start, end, value)
        after = _qualifier_after(lex, key, end)
        if after is not None and not m.group("qb"):
            qualifier, end = after[0], after[1]
            if noun is None:  # «مئة ونيف متظاهر»
                noun, noun_end = _counted_noun(lex, key, start, end, value)
            noun_end = max(noun_end, end)
        found.append(Quantity(start, end, value, qualifier, noun, noun_end))
    for m in lex.dual.finditer(key):
        found.append(Quantity(m.start(), m.end(), 2, "exact", lex.duals[m.group("dual")], m.end()))
    return _non_overlapping(found)


def _non_overlapping(found: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for q in sorted(found, key=lambda q: (-(q.end - q.start), q.start)):
        if all(q.end <= k.start or k.end <= q.start for k in kept):
            kept.append(q)
    return sorted(kept, key=lambda q: q.start)


def find_weapons(key: str) -> list[WeaponMention]:
    lex = _lexicon()
    return [WeaponMention(lex.weapons[" ".join(m.group("weapon").split())], m.start("weapon"), m.end("weapon"))
            for m in lex.weapon_pattern.finditer(key)]


_WORD = re.compile(r"\w+")


@cache
def _casualty_regex() -> re.Pattern[str]:
    lex = _lexicon()
    clitics = proclitics()
    conj = alternation(list(clitics.conjunctions))
    prep = alternation(list(clitics.prepositions))
    return re.compile(rf"(?<!\w)(?P<conj>{conj})?(?:{prep})?(?:{re.escape(clitics.article)})?"
                      rf"(?P<word>{alternation(list(lex.casualty))})(?!\w)")


@cache
def _zero_regex() -> re.Pattern[str]:
    """Zero phrases; a negated verb may stand apart from the rest («لم يسفر الهجوم عن أي إصابات»)."""
    lex = _lexicon()
    clitics = proclitics()
    conj = alternation(list(clitics.conjunctions))
    parts = []
    for phrase in sorted(lex.zero, key=len, reverse=True):
        words = [re.escape(w) for w in phrase.split()]
        gap = rf"(?:\s+\w+){{0,{SUBJECT_WORDS}}}?" if len(words) > 2 else ""
        parts.append(r"\s+".join(words[:2]) + gap + "".join(r"\s+" + w for w in words[2:]))
    return re.compile(rf"(?<!\w)(?:{conj})?(?P<zero>{'|'.join(parts)})(?!\w)")


@cache
def _common() -> frozenset[str]:
    return frozenset(r["word"] for r in load_table("common_words"))


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(fold(r["word"]) for r in load_table("name_stopwords"))


@dataclass(frozen=True, slots=True)
class _Cue:
    category: str
    role: str
    start: int
    end: int
    conj: bool  # written with a glued «و»


def _cues(lex: _Lexicon, key: str, skip: list[tuple[int, int]]) -> list[_Cue]:
    """Casualty words in order; «مقتل وإصابة», «قتلى وجرحى» become one combined cue."""
    found = [_Cue(*lex.casualty[" ".join(m.group("word").split())], m.start(), m.end(), bool(m.group("conj")))
             for m in _casualty_regex().finditer(key) if not any(a <= m.start() < b for a, b in skip)]
    merged: list[_Cue] = []
    for cue in found:
        last = merged[-1] if merged else None
        # «مقتل وإصابة 19» is one figure; «عناصر قتلوا وجرح أربعة» is two clauses: the verb
        # before «و» already has its subject («قتلوا», «قتلا»)
        has_subject = last is not None and last.role == "verb" and key[last.start : last.end].endswith(("وا", "ا"))
        if (last is not None and cue.conj and _words_between(key, last.end, cue.start) == 0 and not has_subject
                and {last.category, cue.category} == {"killed", "injured"}
                and (last.role == cue.role or {last.role, cue.role} <= {"verb", "noun_event"})):
            merged[-1] = _Cue("killed_or_injured", cue.role, last.start, cue.end, last.conj)
            continue
        merged.append(cue)
    return merged


PARTITIVE = re.compile(r"\s*من\s+(?:\S+\s+){0,4}$")  # «7 عناصر من تنظيم داعش قتلوا»


def _partitive(key: str, start: int, end: int) -> bool:
    """Whether ``key[start:end]`` is a «من …» phrase of at most four words naming whose members
    the counted persons are."""
    return PARTITIVE.match(key[start:end] + " ") is not None


def _words_between(key: str, start: int, end: int) -> int:
    return len(_WORD.findall(key, start, end)) if end > start else 0


def _one_victim(lex: _Lexicon, word: str) -> bool:
    """A single victim named by a noun: a person noun in the singular («جندي», «مهندسا», «زوجته»),
    or a word too rare to be a common one (a typo such as «مقاتول»)."""
    if word in _stopwords() or word.startswith(proclitics().article):
        return False
    if word in lex.singular_of and lex.singular_of[word] in lex.persons and lex.singular_of[word] in (
            word, word.rstrip("\u0627")):
        return True
    for suffix in _pronoun_suffixes():
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 2:
            continue
        # «زوجته»: the ta marbuta of «زوجة» is written ت before a suffix
        for form in (stem, stem[:-1] + TA_MARBUTA if stem.endswith(TA) else stem):
            if lex.singular_of.get(form) in lex.persons:
                return True
    return word not in _common() and word not in lex.singular_of and not word.isdigit()


TA = "\u062a"
TA_MARBUTA = fold("\u0629")


@cache
def _pronoun_suffixes() -> tuple[str, ...]:
    rows = [fold(r["affix"]) for r in load_table("clitics") if r["kind"] == "pron"]
    return tuple(sorted(rows, key=len, reverse=True))


def find_casualties(key: str, quantities: list[Quantity] | None = None) -> list[CasualtyFigure]:
    """Casualty figures of one sentence (folded text): each casualty word with its figure."""
    lex = _lexicon()
    quantities = find_quantities(key) if quantities is None else quantities
    figures: list[CasualtyFigure] = []
    zeros = list(_zero_regex().finditer(key))
    for m in zeros:
        killed, injured = _zero_value(lex, m.group("zero"))
        for category, value in (("killed", killed), ("injured", injured)):
            if value is not None:
                figures.append(CasualtyFigure(category, value, "exact", m.start(), m.end()))
    cues = _cues(lex, key, [(m.start(), m.end()) for m in zeros])
    used: set[int] = set()
    for index, cue in enumerate(cues):
        limit = cues[index + 1].start if index + 1 < len(cues) else len(key)
        figure = _figure(lex, key, cue, limit, quantities, used)
        if figure is not None:
            figures.append(figure)
    return figures


def _zero_value(lex: _Lexicon, text: str) -> tuple[int | None, int | None]:
    words = text.split()
    for phrase, value in lex.zero.items():
        parts = phrase.split()
        if words[:2] == parts[:2] and words[-len(parts) + 2 :] == parts[2:] if len(parts) > 2 else words == parts:
            return value
    return None, None


def _figure(lex: _Lexicon, key: str, cue: _Cue, limit: int, quantities: list[Quantity],
            used: set[int]) -> CasualtyFigure | None:
    def take(i: int, start: int, end: int) -> CasualtyFigure:
        used.add(i)
        q = quantities[i]
        return CasualtyFigure(cue.category, q.value, q.qualifier, min(start, q.start), max(end, q.noun_end))

    if cue.role in ("noun_victim", "fate", "fate_one"):
        # «ثلاثة قتلى», «لقي سبعة أشخاص حتفهم»: the figure (and its noun) stands right before
        for i, q in enumerate(quantities):
            # the victim noun may itself be the counted noun («35 قتيلاً»)
            adjacent = q.noun_end <= cue.start and _words_between(key, q.noun_end, cue.start) == 0
            if i not in used and (adjacent or q.end <= cue.start < q.noun_end):
                return take(i, q.start, cue.end)
        if cue.role == "fate_one":
            return CasualtyFigure(cue.category, 1, "exact", cue.start, cue.end)  # «لقي رجل حتفه»
    following = _word_at(key, cue.end)
    if cue.role != "noun_victim" and following is not None and following.end() <= limit and \
            not any(q.start <= following.start(1) < q.end for q in quantities) and _one_victim(lex, following.group(1)):
        return CasualtyFigure(cue.category, 1, "exact", cue.start, following.end())  # «مقتل جندي»
    for i, q in enumerate(quantities):
        # «مقتل ما لا يقل عن 10 جنود», «القتلى إلى 57»: the figure follows, before the next casualty word
        if i in used or q.start < cue.end or q.start >= limit:
            continue
        if _words_between(key, cue.end, q.start) <= NOUN_GAP and (q.noun is None or q.noun in lex.persons):
            return take(i, cue.start, cue.end)
        break
    if cue.role == "verb":
        for i, q in enumerate(quantities):
            # «ثلاثة جنود قتلوا»: a counted person right before the verb
            if i not in used and q.noun in lex.persons and q.noun_end <= cue.start and \
                    (_words_between(key, q.noun_end, cue.start) == 0 or _partitive(key, q.noun_end, cue.start)):
                return take(i, q.start, cue.end)
        second = _word_at(key, following.end()) if following is not None else None
        if second is not None and second.end() <= limit and _one_victim(lex, second.group(1)) and \
                following is not None and following.group(1) not in lex.singular_of:
            return CasualtyFigure(cue.category, 1, "exact", cue.start, second.end())  # «خطف مجهولون مهندساً»
    return None


class _Figure(Protocol):
    @property
    def category(self) -> str: ...
    @property
    def value(self) -> int: ...


def casualty_totals(figures: Sequence[_Figure]) -> dict[str, int | None]:
    """One figure per category for a sentence: figures of one category add up («قتل 3 جنود و2 مدنيين»)."""
    totals: dict[str, int | None] = dict.fromkeys(CASUALTY_FIELDS)
    for figure in figures:
        current = totals[figure.category]
        totals[figure.category] = figure.value if current is None or figure.value == 0 else current + figure.value
    return totals
