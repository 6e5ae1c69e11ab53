"""Tokenization with Arabic clitic segmentation.

Words are found on the normalized text; an Arabic word is then split into proclitics
(و ف ب ك ل س ال), a stem and a pronoun suffix by the rules in ``lang/ar/clitics.tsv``,
guarded by two word lists: ``stem_initial_words.tsv`` (words whose first letter is not a
clitic: وزير، بغداد) and ``suffix_final_words.tsv`` (words whose last letters are not a
pronoun: اتجاه). Every token keeps raw offsets, so a clitic maps back to its own letters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rasd.doc import Clitic, Document, Token, TokenKind
from rasd.lang import load_table
from rasd.text.normalize import NormalizedText, fold, fold_normalized

# Arabic letters (marks are already gone from the normalized text).
_ARABIC = "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9"
_TOKEN = re.compile(
    rf"(?P<number>\d+(?:[.,]\d+)*)"
    rf"|(?P<arabic>[{_ARABIC}]+)"
    rf"|(?P<word>[^\W\d_{_ARABIC}]+(?:['\u2019][^\W\d_{_ARABIC}]+)*)"
    rf"|(?P<punct>[^\w\s]|_)"
)
# token kind by the number of the group that matched (match.lastindex)
_KINDS = (TokenKind.PUNCT, TokenKind.NUMBER, TokenKind.WORD, TokenKind.WORD, TokenKind.PUNCT)
_ARABIC_GROUP = 2


@dataclass(frozen=True, slots=True)
class _Affix:
    text: str
    kinds: tuple[Clitic, ...]  # one kind, or one per letter for a fused affix such as «لل»
    slot: int  # proclitics come in slot order: conjunction, preposition or future, article
    min_stem: int
    before: str  # letters the stem must start with, if any


@dataclass(frozen=True, slots=True)
class _Rules:
    prefixes: tuple[_Affix, ...]  # longest first
    suffixes: tuple[_Affix, ...]  # longest first
    stem_initial: frozenset[str]
    suffix_final: frozenset[str]


@cache
def _rules() -> _Rules:
    prefixes: list[_Affix] = []
    suffixes: list[_Affix] = []
    for row in load_table("clitics"):
        kinds = tuple(Clitic(k) for k in row["kind"].split("+"))
        if len(kinds) > 1 and len(kinds) != len(row["affix"]):
            raise ValueError(f"clitics.tsv: fused affix {row['affix']!r} needs one kind per letter")
        affix = _Affix(row["affix"], kinds, int(row["slot"]), int(row["min_stem"]), row["before"])
        (prefixes if row["position"] == "prefix" else suffixes).append(affix)
    prefixes.sort(key=lambda a: -len(a.text))
    suffixes.sort(key=lambda a: -len(a.text))
    # the word lists are compared in folded form, so «اكتوبر» finds «أكتوبر»
    stem_initial = frozenset(fold(r["word"]) for r in load_table("stem_initial_words"))
    suffix_final = frozenset(fold(r["word"]) for r in load_table("suffix_final_words"))
    return _Rules(tuple(prefixes), tuple(suffixes), stem_initial, suffix_final)


Segmentation = tuple[tuple[int, int, Clitic | None], ...]  # (start, end, clitic) within the word


def _next_prefix(word: str, key: str, pos: int, slot: int, rules: _Rules) -> _Affix | None:
    """The proclitic to strip at ``pos``: the longest allowed one, unless a shorter one leaves
    a known word («لليبيا» is li- + ليبيا, not li- + the article + يبيا)."""
    allowed: list[_Affix] = []
    for affix in rules.prefixes:
        if affix.slot <= slot or not word.startswith(affix.text, pos):
            continue
        rest = word[pos + len(affix.text) :]
        if len(rest) < affix.min_stem or (affix.before and rest[:1] not in affix.before):
            continue
        if key[pos + len(affix.text) :] in rules.stem_initial:
            return affix
        allowed.append(affix)
    return allowed[0] if allowed else None


def segment(word: str, key: str | None = None) -> Segmentation:
    """Split one normalized Arabic word into clitics and a stem, as offsets into ``word``.

    ``word`` is normalized text. ``key`` is its folded form (computed when not given); the word lists are looked
    up with it, while the affixes are read from ``word`` so that ة is never taken for ه.
    """
    rules = _rules()
    if key is None:
        key = fold_normalized(word)
    pieces: list[tuple[int, int, Clitic | None]] = []
    pos = 0
    slot = 0
    has_article = False
    while key[pos:] not in rules.stem_initial:
        affix = _next_prefix(word, key, pos, slot, rules)
        if affix is None:
            break
        if len(affix.kinds) == 1:
            pieces.append((pos, pos + len(affix.text), affix.kinds[0]))
        else:
            pieces += [(pos + i, pos + i + 1, kind) for i, kind in enumerate(affix.kinds)]
        pos += len(affix.text)
        slot = affix.slot
        has_article = has_article or Clitic.ARTICLE in affix.kinds
    end = len(word)
    stem = word[pos:]
    stem_key = key[pos:]
    # a definite noun takes no pronoun suffix
    if not has_article and stem_key not in rules.stem_initial and stem_key not in rules.suffix_final:
        for affix in rules.suffixes:
            if stem.endswith(affix.text) and len(stem) - len(affix.text) >= affix.min_stem:
                end = len(word) - len(affix.text)
                break
    pieces.append((pos, end, None))
    if end < len(word):
        pieces.append((end, len(word), Clitic.PRON))
    return tuple(pieces)


# Word types repeat (Zipf): each is segmented once. Bounded so a huge corpus cannot grow it.
_Cached = tuple[tuple[int, int, str | None], ...]
_CACHE: dict[str, _Cached] = {}
_CLITICS = {c.value: c for c in Clitic}
_CACHE_LIMIT = 200_000


def segment_cached(word: str) -> _Cached:
    """The segmentation of a normalized word with clitic kinds as strings, ``()`` when it does
    not split; remembered, as word types repeat."""
    found = _CACHE.get(word)
    return found if found is not None else _segment_cached(word)


def _segment_cached(word: str) -> _Cached:
    """Segment and remember a word; a word that does not split is remembered as ``()``."""
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    pieces = segment(word)
    # clitic kinds are kept as their plain string values: tuples of ints and strings are not
    # tracked by the garbage collector, so a large cache costs collections nothing
    found: _Cached = ()
    if len(pieces) > 1:
        found = tuple((start, end, kind.value if kind else None) for start, end, kind in pieces)
    _CACHE[word] = found
    return found


_WORD = TokenKind.WORD


def tokenize(norm: NormalizedText) -> list[Token]:
    """Tokens of a normalized text, clitics split, each with raw and normalized offsets."""
    tokens: list[Token] = []
    append = tokens.append
    text = norm.text
    offsets = norm.offsets
    # per-character maps; for an unchanged text, ranges index like the identity
    starts: Sequence[int] = offsets.starts if offsets.starts is not None else range(len(text))
    ends: Sequence[int] = offsets.ends if offsets.ends is not None else range(1, len(text) + 1)
    cached = _CACHE.get
    kinds = _KINDS
    word_index = -1
    last_end = -1
    for match in _TOKEN.finditer(text):
        n_start, n_end = match.span()
        if n_start != last_end:
            word_index += 1  # white space separates words; punctuation does not
        last_end = n_end
        group = match.lastindex or 0
        if group == _ARABIC_GROUP and n_end - n_start > 2:
            word = text[n_start:n_end]
            pieces = cached(word)
            if pieces is None:
                pieces = _segment_cached(word)
            if pieces:
                for p_start, p_end, clitic in pieces:
                    a, b = n_start + p_start, n_start + p_end
                    kind = _CLITICS[clitic] if clitic else None
                    append(Token(starts[a], ends[b - 1], a, b, _WORD, word_index, kind))
                continue
        append(Token(starts[n_start], ends[n_end - 1], n_start, n_end, kinds[group], word_index))
    return tokens


def tokens_stage(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.tokens`` (needs ``doc.norm``)."""
    if doc.norm is None:
        raise ValueError("tokens need the normalized text")
    doc.tokens = tokenize(doc.norm)
    return doc


@dataclass(frozen=True, slots=True)
class Proclitics:
    """The proclitic letters, for matchers that strip them off a folded word themselves."""

    conjunctions: frozenset[str]
    prepositions: frozenset[str]
    article: str
    # a fused preposition+article («لل») -> (the article it stands for, letters before the article)
    fused_article: dict[str, tuple[str, int]]


@cache
def proclitics() -> Proclitics:
    rules = _rules()
    conj = frozenset(fold(a.text) for a in rules.prefixes if a.kinds == (Clitic.CONJ,))
    prep = frozenset(fold(a.text) for a in rules.prefixes if a.kinds == (Clitic.PREP,))
    article = next(fold(a.text) for a in rules.prefixes if a.kinds == (Clitic.ARTICLE,))
    fused = {fold(a.text): (article, len(a.kinds) - 1)
             for a in rules.prefixes if len(a.kinds) > 1 and a.kinds[-1] is Clitic.ARTICLE}
    return Proclitics(conj, prep, article, fused)
