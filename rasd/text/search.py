"""Words for full-text search, folded and read without their clitics.

Arabic glues conjunctions, prepositions and the article to the word they belong to, and writes
hamza and ta marbuta several ways. The store indexes every word of an article in each of its
readings («وبيروت» as «وبيروت» and «بيروت», «بالموصل» as «بالموصل», «الموصل», «موصل»), folded
as the normalizer folds them («أربيل» as «اربيل»), so that a query finds the word however the
article attaches or spells it.
"""

from __future__ import annotations

import re

from rasd.text.normalize import fold
from rasd.text.tokens import proclitics

_WORD = re.compile(r"\w+")


def readings(word: str) -> list[str]:
    """A folded word, and the same word without its conjunction, preposition and article."""
    clitics = proclitics()
    found = [word]
    rest = word
    if rest[:1] in clitics.conjunctions and len(rest) > 3:
        rest = rest[1:]
        found.append(rest)
    if rest[:1] in clitics.prepositions and len(rest) > 3:
        rest = rest[1:]
        found.append(rest)
    if rest.startswith(clitics.article) and len(rest) > len(clitics.article) + 2:
        found.append(rest[len(clitics.article) :])
    for fused, (article, _) in clitics.fused_article.items():
        if word.startswith(fused) and len(word) > len(fused) + 2:
            found.append(article + word[len(fused) :])  # «للعراق» reads «العراق»
    return list(dict.fromkeys(found))


def index_words(text: str) -> str:
    """The text as the search index holds it: every word in each of its readings."""
    return " ".join(r for word in _WORD.findall(fold(text)) for r in readings(word))


def query_terms(query: str) -> list[str]:
    """The terms of a query, folded: each must be found among an article's readings."""
    return [word for word in _WORD.findall(fold(query))]
