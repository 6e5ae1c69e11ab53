"""The outlets behind an article, and their short names in its text.

An article's publisher, translator and original source are outlets the knowledge base may
know: by the article's web address (``lang/ar/media_domains.tsv``) or by the names in its
metadata («نون بوست», «ميدل إيست آي»). Inside such an article, the outlet's short name —
its name without «صحيفة», «قناة», «موقع»… (``media_heads.tsv``) — refers to it, even when
the short name is an ordinary word elsewhere: «الوطن» in an article of Al Watan, «سبق» in
one of Sabq. Outlets named only in the metadata (the translator of a translated article)
are entities of the article too, with no mention in its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from rasd.doc import Document
from rasd.kb.base import Key, KnowledgeBase, default_kb, name_key
from rasd.kb.matcher import units
from rasd.kb.recognize import NameMention
from rasd.lang import load_table
from rasd.text.normalize import fold


@dataclass(frozen=True, slots=True)
class _Media:
    domains: dict[str, str]  # web domain -> actor id
    heads: frozenset[str]  # folded «صحيفة», «قناة»…


@cache
def _media() -> _Media:
    domains = {row["domain"]: row["actor_id"] for row in load_table("media_domains")}
    heads = frozenset(fold(row["head"]) for row in load_table("media_heads"))
    return _Media(domains, heads)


def outlet_of_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower().removeprefix("www.")
    domains = _media().domains
    while host:
        if host in domains:
            return domains[host]
        host = host.partition(".")[2]
    return None


def article_outlets(doc: Document, kb: KnowledgeBase) -> dict[str, str]:
    """Outlets that published, translated or first ran the article: actor id -> which."""
    article = doc.article
    found: dict[str, str] = {}
    for role, name in (("translator", article.translator), ("original_source", article.original_source),
                       ("publisher", article.publisher)):
        for entry_id in kb.names.ids(name_key(name)) if name else ():
            if kb.entries[entry_id].type == "MEDIA":
                found.setdefault(entry_id, role)
    by_url = outlet_of_url(article.url)
    if by_url is not None and by_url in kb.entries:
        found.setdefault(by_url, "publisher")
    return found


def short_names(kb: KnowledgeBase, aliases: tuple[Key, ...]) -> set[Key]:
    """An outlet's names without the word for its kind: «صحيفة الوطن السعودية» -> «الوطن السعودية», «الوطن»."""
    heads = _media().heads
    found: set[Key] = set()
    for key in aliases:
        if len(key) > 1 and key[0] in heads:
            rest = key[1:]
            found.add(rest)
            if len(rest) > 1 and rest[-1] in kb.demonyms:
                found.add(rest[:-1])
    return found


class PublisherRecognizer:
    """Mentions of the article's own outlets by their short names."""

    name = "publisher"

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or default_kb()

    def recognize(self, doc: Document) -> list[NameMention]:
        if doc.norm is None:
            raise ValueError("recognition needs the normalized text")
        outlets = article_outlets(doc, self.kb)
        if not outlets:
            return []
        wanted: dict[str, dict[Key, str]] = {}  # first word -> {name: outlet}
        for outlet in outlets:
            for key in short_names(self.kb, self.kb.aliases_of(outlet)):
                wanted.setdefault(key[0], {}).setdefault(key, outlet)
        seq = units(doc)
        found: list[NameMention] = []
        for i, unit in enumerate(seq):
            for key, outlet in wanted.get(unit.key, {}).items() if unit is not None else ():
                end = i + len(key)
                if end > len(seq) or any(u is None or u.key != w for u, w in zip(seq[i:end], key, strict=True)):
                    continue
                first, last = seq[i], seq[end - 1]
                assert first is not None and last is not None
                start, stop = doc.norm.raw_span(first.norm_start, last.norm_end)
                found.append(NameMention(start, stop, first.norm_start, last.norm_end, key, (outlet,)))
        return found
