"""Output schema v1: the typed records `rasd extract` emits.

Every extracted value is tied to the raw article text by a :class:`Span` (character offsets
into ``article.text``, and the sentence it lies in). Unknown values are ``None``, never a
guess. The part scored by the shared referee (``spec/event-json.md``) keeps its exact keys:
``article.published``; ``entities[].text/name_ar/name_en/type``; ``events[].type/date/
location/actors/fatalities/injuries``.

``schema/rasd-extraction.schema.json`` is generated from these models by
``scripts/build_schema.py``; a test regenerates it and compares.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EntityType = Literal[
    "PERSON", "GOVERNMENT", "MILITARY", "POLICE", "ARMED_GROUP", "POLITICAL_GROUP",
    "INTERNATIONAL_ORGANIZATION", "ORGANIZATION", "MEDIA", "COUNTRY", "PLACE", "FACILITY",
    "GROUP",
]
PlacePrecision = Literal["facility", "city", "district", "admin1", "country"]
DatePrecision = Literal["day", "week", "month", "season", "year", "interval"]
DateBasis = Literal["explicit", "relative", "publication"]
Modality = Literal["asserted", "reported", "denied", "negated", "future", "conditional",
                   "hypothetical", "historical"]
AttributionKind = Literal["report", "claim", "accusation", "denial", "anonymous"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(Record):
    """Characters ``article.text[start:end]``, which equal ``text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    sentence: int | None = Field(None, description="index into `sentences`, when the span lies in one")


class Article(Record):
    id: str = Field(description="the input's id field, else the file name without its extension")
    title: str | None = None
    author: str | None = None
    published: date | None = Field(None, description="publication date; null when the input does not give one")
    publisher: str | None = Field(None, description="the outlet that published this text")
    translator: str | None = Field(None, description="who translated and edited it («ترجمة وتحرير»)")
    original_source: str | None = Field(None, description="the outlet a translation comes from («المصدر»)")
    url: str | None = None
    language: str | None = Field(None, description="ISO 639-1 code identified offline from the text")
    retrieved: date | None = Field(None, description="when the text was collected, if the input says; "
                                   "never used as the publication date")
    text: str = Field(description="the raw article body; every span points into it; never modified")

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Sentence(Record):
    index: int
    start: int
    end: int
    text: str


class Mention(Span):
    pass


class Entity(Record):
    id: str
    text: str = Field(description="a surface form as written in the article")
    aliases: list[str] = Field(default_factory=list, description="the other forms the article names it by, "
                               "as read (a preposition glued to the first word left off)")
    name_ar: str | None = Field(None, description="canonical Arabic name, when linked")
    name_en: str | None = Field(None, description="canonical English name, when linked")
    type: EntityType
    kb_id: str | None = Field(None, description="id in Rasd's knowledge base, when linked")
    actor_code: str | None = Field(None, description="PLOVER actor code of a linked actor, e.g. IRQMIL")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 of the entity's country")
    mentions: list[Mention] = Field(default_factory=list)


class TimeExpression(Record):
    """A temporal expression of the article, resolved against its publication date."""

    kind: Literal["date", "since", "deadline", "duration"] = Field(
        description="a date or period; since a date until publication; a deadline from publication; a duration")
    start: date | None = Field(None, description="null for a duration, or when resolving needs a publication date "
                               "the article lacks")
    end: date | None = None
    precision: DatePrecision | None = None
    basis: DateBasis = Field(description="explicit: a calendar date; relative: resolved against publication")
    span: Span


QuantityQualifier = Literal["exact", "at_least", "more_than", "at_most", "less_than", "approximately", "several"]
CasualtyCategory = Literal["killed", "injured", "killed_or_injured", "abducted", "arrested"]


class Quantity(Record):
    """A number the article states, with its qualifier and the noun it counts."""

    value: int = Field(description="the number; for «عشرات», «مئات» a floor (20, 200)")
    qualifier: QuantityQualifier
    noun: str | None = Field(None, description="the counted noun, singular («جندي» for «جنود»), if known")
    span: Span


class Casualty(Record):
    """A casualty figure: how many were killed, injured, abducted or arrested, as one phrase says."""

    category: CasualtyCategory = Field(description="killed_or_injured is a combined figure («مقتل وإصابة 19»)")
    value: int = Field(ge=0, description="0 when the phrase says none («لم يسفر عن أي إصابات»)")
    qualifier: QuantityQualifier
    span: Span


class DateInterval(Record):
    start: date
    end: date = Field(description="inclusive; a single day has start == end")
    precision: DatePrecision
    basis: DateBasis = Field(description="explicit or relative expression, or the publication-date fallback")
    span: Span | None = Field(None, description="the temporal expression; null for the publication fallback")


class Location(Record):
    name_en: str | None = None
    name_ar: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    kb_id: str | None = None
    span: Span | None = None


class Party(Record):
    role: Literal["source", "target"]
    text: str = Field(description="the party as written")
    name_ar: str | None = None
    name_en: str | None = None
    entity_id: str | None = None
    actor_code: str | None = Field(None, description="PLOVER actor code, e.g. USAMIL")
    span: Span | None = None


class Attribution(Record):
    kind: AttributionKind
    speaker: str | None = Field(None, description="who says so, as written; null for unnamed sources")
    entity_id: str | None = None
    cue: Span | None = Field(None, description="the reporting verb or phrase (قال، أعلن، نفى…)")
    span: Span | None = None
    event_id: str | None = Field(None, description="the ACCUSE or REJECT event that records this accusation "
                                                   "or denial")


class Weapon(Record):
    name: str = Field(description="Rasd weapon vocabulary term")
    span: Span


class Event(Record):
    id: str
    type: PloverType
    mode: str | None = Field(None, description="PLOVER mode")
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    date: DateInterval | None = None
    location: Location | None = None
    actors: list[Party] = Field(default_factory=list)
    fatalities: int | None = Field(None, ge=0, description="0 when the text says none; null when not stated")
    injuries: int | None = Field(None, ge=0)
    fatalities_span: Span | None = None
    injuries_span: Span | None = None
    weapons: list[Weapon] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    modality: Modality = "asserted"
    mentions: list[Span] = Field(default_factory=list, description="trigger spans, one per mention")
    sentences: list[int] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    about: str | None = Field(None, description="for an accusation (ACCUSE) or a denial (REJECT): the id of the "
                                                "event it is about")


class Truce(Record):
    """A truce, ceasefire or de-escalation agreement the article reports."""

    id: str
    kind: Literal["truce", "ceasefire", "de-escalation"]
    sides: list[list[Party]] = Field(default_factory=list, description="the parties bound, side by side; "
                                     "one side when the article names only one")
    area: Location | None = Field(None, description="where it holds, when the article says")
    start: DateInterval | None = Field(None, description="when it began («منذ تشرين الأول»); null when not stated")
    end: DateInterval | None = Field(None, description="when it ended; null while it holds or when not stated")
    status: Literal["proposed", "active", "ended", "violated"]
    mentions: list[Span] = Field(default_factory=list, description="the truce words («الهدنة», «التهدئة»)")
    sentences: list[int] = Field(default_factory=list)


class Extraction(Record):
    """What `rasd extract` emits for one article."""

    schema_version: str = SCHEMA_VERSION
    rasd_version: str
    article: Article
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    casualties: list[Casualty] = Field(default_factory=list)
    weapons: list[Weapon] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    truces: list[Truce] = Field(default_factory=list)
