"""Numbers written in digits or in words, as Arabic news writes them.

Word values come from ``lang/ar/number_words.tsv`` (every gender, case and construct form);
ordinals for day numbers from ``ordinal_words.tsv``. A number in words is a run of number
words joined by «و»: «خمسة وعشرين» = 25, «ثلاثمائة وخمسين» = 350, «ثلاثة آلاف» = 3000,
«أحد عشر» = 11, «ثلاث عشرة» = 13. Everything here reads folded text (``NormalizedText.key``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasd.lang import load_table
from rasd.text.normalize import fold


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: int
    kind: str  # unit, ten, tens, hundred, thousand, thousands, million, millions


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    words: dict[str, NumberWord]
    ordinals: dict[str, int]
    word_pattern: str  # regex alternation of the folded number words, longest first
    ordinal_pattern: str
    conjunction: str  # «و»


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def lexicon() -> NumberLexicon:
    words = {fold(r["word"]): NumberWord(int(r["value"]), r["kind"]) for r in load_table("number_words")}
    ordinals = {fold(r["word"]): int(r["value"]) for r in load_table("ordinal_words")}
    conjunction = next(fold(r["affix"]) for r in load_table("clitics") if r["kind"] == "conj")
    return NumberLexicon(words, ordinals, _alternation(list(words)), _alternation(list(ordinals)), conjunction)


DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"


def number_words_pattern() -> str:
    """A regex (on folded text) for a number written in words: number words joined by «و»."""
    lex = lexicon()
    word = rf"(?:{lex.word_pattern})(?!\w)"
    return rf"{word}(?:\s+{lex.conjunction}?{word}){{0,4}}"


def number_pattern() -> str:
    """Digits, or a number in words."""
    return rf"(?:{DIGITS})(?!\d|\.\d)|{number_words_pattern()}"


def scale_pattern() -> str:
    """A regex for the scale words a figure in digits may take: «230 ألف», «1.5 مليون»."""
    lex = lexicon()
    scales = [w for w, n in lex.words.items() if n.kind in ("thousand", "thousands", "million", "millions")
              and n.value in (1000, 1_000_000, 1_000_000_000)]
    return rf"(?:{_alternation(scales)})(?!\w)"


def parse_scaled(digits: str, scale: str) -> int | None:
    """«230» «ألف» = 230000, «1.5» «مليون» = 1500000."""
    entry = lexicon().words.get(scale)
    try:
        value = float(digits.replace(",", "")) * (entry.value if entry else 0)
    except ValueError:
        return None
    return int(value) if entry is not None and value.is_integer() else None


def parse_digits(text: str) -> int | None:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


def parse_words(text: str) -> int | None:
    """The value of a number in words («خمسة وعشرين»); None when a word is not a number."""
    lex = lexicon()
    total = 0  # completed thousands/millions groups
    group = 0  # the group being read (below a thousand)
    teen = False
    for raw in text.split():
        word = raw[len(lex.conjunction):] if raw.startswith(lex.conjunction) and raw not in lex.words else raw
        entry = lex.words.get(word)
        if entry is None:
            return None
        if entry.kind == "ten" and group and group < 10 and not teen:
            group += 10  # «ثلاثة عشر» = 13, «أحد عشر» = 11
            teen = True
        elif entry.kind == "hundred" and entry.value == 100 and 0 < group < 10:
            group *= 100  # «ثلاث مئة» = 300
        elif entry.kind in ("thousands", "millions"):
            total += max(group, 1) * entry.value  # «ثلاثة آلاف»
            group = 0
        elif entry.kind in ("thousand", "million"):
            total += (group or 1) * entry.value if group else entry.value
            group = 0
        else:
            group += entry.value
    return total + group


def parse_number(text: str) -> int | None:
    text = text.strip()
    if text[:1].isdigit():
        return parse_digits(text)
    return parse_words(text)


def parse_ordinal(text: str) -> int | None:
    """Day ordinals: «الثالث» = 3, «الحادي عشر» = 11, «الحادي والعشرين» = 21, «الثلاثين» = 30."""
    lex = lexicon()
    value = 0
    for raw in text.split():
        word = raw[len(lex.conjunction):] if raw.startswith(lex.conjunction) and raw not in lex.ordinals else raw
        if word in lex.ordinals:
            value += lex.ordinals[word]
        elif word in lex.words and lex.words[word].kind == "ten":
            value += 10
        else:
            return None
    return value or None
