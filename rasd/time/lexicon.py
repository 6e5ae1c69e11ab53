"""The words of Arabic temporal expressions, from ``lang/ar`` tables, as folded regex pieces."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from rasd.lang import load_table
from rasd.text.normalize import fold


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of folded words, longest first; spaces match any white space."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    gregorian: dict[str, int]  # folded month name -> month number
    hijri: dict[str, int]
    weekdays: dict[str, int]  # folded weekday name -> Python weekday (Monday = 0)
    roles: dict[str, dict[str, int]]  # role -> folded word -> value (time_words.tsv)

    def words(self, role: str) -> list[str]:
        return list(self.roles.get(role, {}))

    def value(self, role: str, word: str) -> int | None:
        return self.roles.get(role, {}).get(" ".join(word.split()))

    def pattern(self, role: str) -> str:
        return alternation(self.words(role))


@cache
def lexicon() -> TimeLexicon:
    gregorian: dict[str, int] = {}
    hijri: dict[str, int] = {}
    for row in load_table("months"):
        (gregorian if row["calendar"] == "gregorian" else hijri)[fold(row["name"])] = int(row["month"])
    weekdays = {fold(r["name"]): int(r["weekday"]) for r in load_table("weekdays")}
    roles: dict[str, dict[str, int]] = defaultdict(dict)
    for row in load_table("time_words"):
        roles[row["role"]][fold(row["word"])] = int(row["value"])
    return TimeLexicon(gregorian, hijri, weekdays, dict(roles))
