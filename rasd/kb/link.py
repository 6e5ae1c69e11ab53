"""Linking: each name mention to one knowledge-base entry, then mentions to entities.

An ambiguous name («طرابلس» in Libya or Lebanon, a village name shared by many countries) is
resolved from the article itself: places in countries the article names unambiguously win,
then places in a first-level division it names, then bigger places. An office title resolves
to whoever held the office on the publication date. Mentions of one entry are one entity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from rasd.doc import Document
from rasd.kb.base import REGION, KnowledgeBase
from rasd.kb.model import Entry
from rasd.kb.recognize import NameMention
from rasd.kb.skeleton import arabic_skeleton
from rasd.schema import Entity, Mention
from rasd.text.normalize import fold
from rasd.text.tokens import proclitics

# A one-word GeoNames name at least this common as a word («أمل», «الخبر») is a place only when
# the article is about its country or a place word introduces it («مدينة الخبر»).
COMMON_NAME = 3.0
VERY_COMMON_NAME = 3.5  # «وادي», «الخبر»: even a big town needs its country named
BIG_TOWN = 100_000
BIG_CITY = 1_000_000  # «بغداد»: never in doubt
MIN_SKELETON = 3  # consonants a name needs before its skeleton is trusted


@dataclass(slots=True)
class Context:
    countries: set[str] = field(default_factory=set)
    admin1: set[str] = field(default_factory=set)
    home: set[str] = field(default_factory=set)  # the country of the article's outlet


def _weak(kb: KnowledgeBase, entry: Entry, mention: NameMention) -> bool:
    """A place whose name, as written, is mostly an ordinary word («الخبر», «مسقط رأسه», or «صيلة»
    read out of «فصيلة»), with no place word before it: it needs its country named elsewhere."""
    if entry.precision is None or entry.precision == "country" or mention.type is not None:
        return False
    if mention.key in kb.homographs:
        return True
    if mention.unstripped and kb.commonness((mention.unstripped,)) >= VERY_COMMON_NAME \
            and kb.commonness((mention.unstripped,)) > kb.commonness(mention.key):
        # «جيزة» read out of «وجيزة» (brief): a common word, not Giza; but «ببغداد» is as
        # common as it is only because «بغداد» is
        return True
    if entry.precision == "facility":
        return False
    written = (mention.unstripped,) if mention.unstripped else mention.key
    commonness = max(kb.commonness(mention.key), kb.commonness(written))
    if entry.precision == "admin1":
        return commonness >= VERY_COMMON_NAME
    if entry.population >= BIG_CITY or entry.capital:
        return False
    return commonness >= COMMON_NAME and (entry.population < BIG_TOWN or commonness >= VERY_COMMON_NAME)


def _context(kb: KnowledgeBase, mentions: list[NameMention]) -> Context:
    """What the unambiguous mentions tell: the countries and provinces the article is about."""
    ctx = Context()
    for mention in mentions:
        if len(mention.candidates) != 1 or (mention.key, mention.candidates[0]) in kb.contextual:
            continue
        entry = kb.entries[mention.candidates[0]]
        if _weak(kb, entry, mention):
            continue
        if entry.country:
            ctx.countries.add(entry.country)
        if entry.precision == "admin1":
            ctx.admin1.add(entry.id)
        elif entry.admin1:
            ctx.admin1.add(entry.admin1)
    return ctx


def _score(entry: Entry, ctx: Context) -> float:
    score = 0.0
    if entry.country in ctx.countries:
        score += 4
    if entry.country in ctx.home:
        score += 1
    if entry.admin1 and entry.admin1 in ctx.admin1:
        score += 2
    if entry.country in REGION:
        score += 1
    if entry.is_place:
        score += math.log10(entry.population + 1) / 2
        if entry.precision in ("country", "admin1", "facility"):
            score += 3  # curated entries outrank GeoNames namesakes
    else:
        score += 3  # an actor's name is curated, and rarely shared with a place
    return score


def _by_skeleton(kb: KnowledgeBase, mention: NameMention, ctx: Context) -> str | None:
    """A place word introduced a name no Arabic table knows («مديرية قعطبة»): the most populous
    place of the article's countries whose Latin name has the same consonant skeleton."""
    if mention.label is None or mention.type not in ("PLACE", "FACILITY") or not ctx.countries:
        return None
    if len(arabic_skeleton(mention.label).replace(" ", "")) < MIN_SKELETON:
        return None
    place = kb.by_skeleton(mention.label, ctx.countries)
    return place.id if place else None


def resolve(kb: KnowledgeBase, mention: NameMention, ctx: Context, published: date | None) -> str | None:
    if mention.office is not None:
        return kb.holder(mention.office, published) if published else None
    if not mention.candidates:
        return _by_skeleton(kb, mention, ctx)
    entries = [e for c in mention.candidates
               if not (_weak(kb, e := kb.entries[c], mention)
                       and (e.country not in ctx.countries or mention.key in kb.homographs))
               and not ((mention.key, c) in kb.contextual and e.country not in ctx.countries)]
    if mention.type is not None and mention.label is not None:
        # «حي الجزيرة»: a name a place word introduces is local, not a namesake abroad
        entries = [e for e in entries if not e.is_place or e.country in ctx.countries or not ctx.countries]
    if not entries:
        return None
    if len(entries) == 1:
        return entries[0].id
    capitals = {e.admin1 for e in entries if e.precision == "city" and e.population >= BIG_TOWN}
    # a province named like its big capital city («بغداد») means the city unless the text says otherwise
    entries = [e for e in entries if not (e.precision == "admin1" and e.id in capitals)] or entries
    return max(entries, key=lambda e: (_score(e, ctx), e.id)).id


def _as_read(text: str, key: tuple[str, ...]) -> str:
    """A mention as read: «لجيش اليمني» (of «للجيش اليمني») reads «الجيش اليمني»."""
    article = proclitics().article
    words = text.split()
    if words and key and key[0].startswith(article) and fold(words[0]) == key[0][1:]:
        return article[0] + " ".join(words)  # the lam that stayed is the article's
    return " ".join(words)


def link(doc: Document, kb: KnowledgeBase, mentions: list[NameMention],
         countries: set[str] | None = None) -> list[Entity]:
    """Entities of the article, in order of first mention, each with all its mentions.
    ``countries`` the article is known to be about besides what it names (its outlet's)."""
    ctx = _context(kb, mentions)
    ctx.home = countries or set()
    ctx.countries |= ctx.home
    published = doc.article.published
    raw = doc.raw
    grouped: dict[str, list[NameMention]] = {}
    for mention in mentions:
        entry_id = resolve(kb, mention, ctx, published)
        if entry_id is None and (mention.type is None or mention.office is not None):
            continue  # an office whose holder on that day is unknown names nobody
        # a name the knowledge base does not know is one entity per spelling
        group_key = entry_id if entry_id is not None else "name:" + " ".join(mention.key)
        grouped.setdefault(group_key, []).append(mention)
    entities: list[Entity] = []
    for number, (group_key, group) in enumerate(grouped.items(), start=1):
        # the entity shows its first mention by name, not a nisba adjective or a nested one
        first = next((m for m in group if not m.nested), group[0])
        forms = list(dict.fromkeys(_as_read(raw[m.start : m.end], m.key) for m in group if not m.nested))
        mentions_out = [Mention(start=m.start, end=m.end, text=raw[m.start : m.end], sentence=doc.sentence_at(m.start))
                        for m in group]
        text = forms[0] if forms else raw[first.start : first.end]
        aliases = forms[1:]
        entry = kb.entries.get(group_key)
        if entry is None:
            entities.append(Entity(id=f"e{number}", text=text, aliases=aliases, name_ar=first.label,
                                   name_en=first.name_en, type=first.type or "GROUP", country=first.country,
                                   mentions=mentions_out))
            continue
        entities.append(Entity(
            id=f"e{number}",
            text=text,
            aliases=aliases,
            name_ar=entry.name_ar or first.label,
            name_en=entry.name_en,
            type=entry.type,
            kb_id=entry.id,
            actor_code=entry.actor_code,
            country=entry.country,
            mentions=mentions_out,
        ))
    return entities
