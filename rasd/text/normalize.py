"""Offset-preserving normalization of Arabic text.

The raw text is never changed. :func:`normalize` returns two derived strings that share one
offset map back into it:

* ``text``: NFKC, without diacritics, tatweel or invisible format characters, with Eastern
  Arabic and Persian digits as ASCII digits. Stages read this string.
* ``key``: ``text`` with hamza/alef/ya/ta-marbuta letters folded and ASCII lower-cased, for
  matching against lexicons. It has exactly the same length as ``text``.

Every normalized character comes from one *unit* of the raw text (usually one character;
a cluster of a base and its combining marks where NFKC recombines). Dropped characters are
attached to the unit before them, so a normalized span maps back to whole raw characters,
diacritics included: ``raw[start:end]`` is always exactly what the span covers.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from rasd.lang import load_table


class _Tables:
    """Character tables. ``light`` grows as articles bring compatibility characters whose
    NFKC form differs (no-break spaces, ellipses, presentation forms); each is learnt once.

    Replacements are applied with one regular-expression pass for dropped characters and
    ``str.replace`` per replaced character: on Arabic text both run many times faster than
    ``str.translate``, which looks every character up in a dict.
    """

    def __init__(self) -> None:
        self.light: dict[int, str] = {}  # raw char -> replacement in `text` ("" drops it)
        self.fold: dict[int, int] = {}  # `text` char -> folded char in `key` (1:1)
        self.known: set[str] = set()  # characters already checked against NFKC
        self._resizing: set[str] = set()  # characters whose replacement is not one character
        self._dropped: set[str] = set()
        self.resizing = re.compile("(?!)")
        self.dropped = re.compile("(?!)")
        self.replacements: tuple[tuple[str, str], ...] = ()  # (char, replacement), drops excluded
        self.fold_pairs: tuple[tuple[str, str], ...] = ()
        for row in load_table("normalization"):
            ch = _char(row["code"])
            action = row["action"]
            if action == "delete":
                self._set(ch, "")
            elif action == "digit":
                self._set(ch, row["replacement"])
            elif action == "punct":
                self._set(ch, _char(row["replacement"]))
            elif action == "fold":
                self.fold[ord(ch)] = ord(_char(row["replacement"]))
        self.fold.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
        self.fold_pairs = tuple((chr(a), chr(b)) for a, b in sorted(self.fold.items()))
        self._compile()

    def _set(self, ch: str, replacement: str) -> None:
        self.light[ord(ch)] = replacement
        self.known.add(ch)
        if len(replacement) != 1:
            self._resizing.add(ch)
        if not replacement:
            self._dropped.add(ch)

    def _compile(self) -> None:
        def char_class(chars: set[str]) -> re.Pattern[str]:
            body = "".join(re.escape(c) for c in sorted(chars))
            return re.compile(f"[{body}]") if body else re.compile("(?!)")

        self.resizing = char_class(self._resizing)
        self.dropped = char_class(self._dropped)
        self.replacements = tuple((chr(c), r) for c, r in sorted(self.light.items()) if r)

    def apply(self, raw: str) -> str:
        text = self.dropped.sub("", raw)
        for ch, replacement in self.replacements:
            text = text.replace(ch, replacement)
        return text

    def apply_fold(self, text: str) -> str:
        for ch, folded in self.fold_pairs:
            text = text.replace(ch, folded)
        return text

    def learn(self, text: str) -> bool:
        """Add the NFKC form of each new character of ``text``; True when one was added."""
        added = False
        for ch in set(text) - self.known:
            self.known.add(ch)
            nfkc = unicodedata.normalize("NFKC", ch)
            if nfkc != ch:
                self._set(ch, nfkc.translate(self.light))
                added = True
        if added:
            self._compile()
        return added


def _char(code: str) -> str:
    return chr(int(code.removeprefix("U+"), 16))


@cache
def _tables() -> _Tables:
    return _Tables()


class OffsetMap:
    """Maps positions of a normalized string back to the raw string.

    ``starts[i]`` is the raw position where the unit that produced normalized character ``i``
    begins, ``ends[i]`` where it ends, dropped characters after it included. A unit is one raw
    character, or a raw character or cluster that normalization turned into another number
    of characters («ﻻ» into two letters): every character it produced maps to all of it.
    The identity map stores nothing.
    """

    __slots__ = ("ends", "norm_length", "raw_length", "starts")

    def __init__(self, raw_length: int, norm_length: int, starts: list[int] | None = None,
                 ends: list[int] | None = None) -> None:
        self.raw_length = raw_length
        self.norm_length = norm_length
        self.starts = starts
        self.ends = ends

    @property
    def is_identity(self) -> bool:
        return self.starts is None

    def start(self, index: int) -> int:
        """Raw position where the normalized character at ``index`` begins."""
        if self.starts is None:
            return index
        return self.starts[index] if index < self.norm_length else self.raw_length

    def end(self, index: int) -> int:
        """Raw position just after the normalized character at ``index - 1``."""
        if self.ends is None:
            return index
        return self.ends[index - 1] if index > 0 else self.start(0)

    def to_norm(self, raw_index: int) -> int:
        """The first normalized position at or after a raw position (for spans given on raw text)."""
        if self.starts is None:
            return raw_index
        return bisect_left(self.starts, raw_index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span that the normalized span ``[start, end)`` comes from."""
        if self.starts is None:
            return start, end
        if end <= start:
            pos = self.start(start)
            return pos, pos
        return self.start(start), self.end(end)

    def __repr__(self) -> str:
        return f"OffsetMap(raw_length={self.raw_length}, norm_length={self.norm_length}, identity={self.is_identity})"


@dataclass(frozen=True, slots=True)
class NormalizedText:
    raw: str
    text: str
    key: str
    offsets: OffsetMap

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start, end)


class _Builder:
    """Collects the per-character map while walking the raw text left to right."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def copy(self, raw_start: int, length: int) -> None:
        if length > 0:
            self.starts.extend(range(raw_start, raw_start + length))
            self.ends.extend(range(raw_start + 1, raw_start + length + 1))

    def unit(self, raw_start: int, raw_end: int, norm_length: int) -> None:
        if norm_length == 0:
            if self.ends:
                self.ends[-1] = raw_end  # a dropped character joins the unit before it
            return
        self.starts.extend([raw_start] * norm_length)
        self.ends.extend([raw_end] * norm_length)

    def build(self, raw_length: int) -> OffsetMap:
        return OffsetMap(raw_length, len(self.starts), self.starts, self.ends)


def _fast(raw: str, tables: _Tables) -> tuple[str, OffsetMap] | None:
    """Common case: character-by-character replacements whose result is NFKC."""
    text = tables.apply(raw)
    if not unicodedata.is_normalized("NFKC", text):
        if not tables.learn(raw):
            return None
        text = tables.apply(raw)
        if not unicodedata.is_normalized("NFKC", text):
            return None  # composition across characters: needs the slow path
    builder: _Builder | None = None
    pos = 0
    light = tables.light
    for match in tables.resizing.finditer(raw):
        if builder is None:
            builder = _Builder()
        at = match.start()
        builder.copy(pos, at - pos)
        builder.unit(at, at + 1, len(light[ord(raw[at])]))
        pos = at + 1
    if builder is None:
        return text, OffsetMap(len(raw), len(text))
    builder.copy(pos, len(raw) - pos)
    return text, builder.build(len(raw))


def _units(raw: str) -> list[tuple[int, int]]:
    """Raw units: a character with the combining marks that follow it."""
    units: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(raw) + 1):
        if i == len(raw) or not unicodedata.combining(raw[i]):
            units.append((start, i))
            start = i
    return units


def _slow(raw: str, tables: _Tables) -> tuple[str, OffsetMap]:
    """Any text: NFKC unit by unit, where NFKC composes across characters."""
    builder = _Builder()
    parts: list[str] = []
    for start, end in _units(raw):
        piece = raw[start:end]
        out = unicodedata.normalize("NFKC", piece).translate(tables.light)
        if out == piece:
            builder.copy(start, end - start)
        else:
            builder.unit(start, end, len(out))
        parts.append(out)
    return "".join(parts), builder.build(len(raw))


def normalize(raw: str) -> NormalizedText:
    """Normalize ``raw`` for reading and matching, keeping a map back to every raw character."""
    tables = _tables()
    fast = _fast(raw, tables)
    text, offsets = fast if fast is not None else _slow(raw, tables)
    return NormalizedText(raw=raw, text=text, key=tables.apply_fold(text), offsets=offsets)


def fold(text: str) -> str:
    """The matching key of a short string (a lexicon entry or a query)."""
    return normalize(text).key


def fold_normalized(text: str) -> str:
    """The matching key of a string that is already normalized (a slice of ``NormalizedText.text``)."""
    return _tables().apply_fold(text)
