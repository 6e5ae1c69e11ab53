"""Consonant skeletons, to match an Arabic place name with its Latin transliteration.

GeoNames names many small places of the region only in Latin script («Qa'tabah», «Damt»). Both
spellings reduce to the same skeleton once vowels, weak letters, ʿayn, the article and the
ta marbuta are dropped and each consonant is mapped to a class that transliterations agree on
(``lang/ar/skeleton.tsv``): «قعطبة» and «Qa'tabah» are both «ktb».
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rasd.lang import load_table
from rasd.text.tokens import proclitics

_LATIN_ARTICLE = re.compile(r"\b(?:a|e)(?:l|[rsdtzn]h?)(?:[-']|\s+)")
_LATIN_FINAL_H = re.compile(r"(?<=[aei])h\b")


@cache
def _classes(script: str, fine: bool = False) -> tuple[tuple[str, str], ...]:
    """Letter classes of a script; the fine ones also keep w and y (و, ي), which tell apart
    places that share a skeleton («صرواح» Sirwah, not Sirah)."""
    rows = [(row["letters"], row["class"]) for row in load_table("skeleton")
            if row["script"] == script and (fine or row["class"] not in ("w", "y"))]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))  # digraphs first


def similarity(a: str, b: str) -> float:
    """1 for equal strings, falling with the edit distance."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return 1 - previous[-1] / max(len(a), len(b), 1)


def latin_skeletons(name: str, fine: bool = False) -> set[str]:
    """Skeletons of a Latin name: a final «ah» may stand for ta marbuta (dropped) or for ح/ه (kept)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    text = _LATIN_ARTICLE.sub(" ", " " + text).strip()
    found = set()
    for variant in (text, _LATIN_FINAL_H.sub("", text)):
        words = [_reduce(w, _classes("latin", fine)) for w in re.split(r"[\s,/\-]+", variant)]
        found.add(" ".join(w for w in words if w))
    return found - {""}


def arabic_skeleton(name: str, fine: bool = False) -> str:
    """Skeleton of an Arabic name as written (not folded: ta marbuta and hamza carriers drop out)."""
    article = proclitics().article
    words = []
    for word in name.split():
        words.append(_reduce(word.removeprefix(article) if len(word) > len(article) + 1 else word,
                             _classes("arabic", fine)))
    return " ".join(w for w in words if w)


def _reduce(word: str, classes: tuple[tuple[str, str], ...]) -> str:
    out: list[str] = []
    i = 0
    while i < len(word):
        for letters, cls in classes:
            if word.startswith(letters, i):
                if not out or out[-1] != cls:  # a doubled consonant is one («Hajjah»)
                    out.append(cls)
                i += len(letters)
                break
        else:
            i += 1  # a vowel, a weak letter, ʿayn, hamza, an apostrophe
    return "".join(out)
