"""What the API answers, as typed models: the OpenAPI schema is generated from them."""

from __future__ import annotations

from datetime import date
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from rasd.truces.user import IsoDay, TruceDefinition

Item = TypeVar("Item")


class Problem(BaseModel):
    """Every error: a status code and one line saying what was wrong."""

    error: str


class Page(BaseModel, Generic[Item]):
    total: int = Field(description="how many match, over all pages")
    limit: int
    offset: int
    items: list[Item]


class Count(BaseModel):
    low: int | None = Field(description="the lowest count a report gives; null when none gives one")
    high: int | None
    by_report: dict[str, int | None] = Field(description="each report's own count")


class ReportRef(BaseModel):
    key: str = Field(description="<article id>/<event id>")
    article: str
    publisher: str | None


class Place(BaseModel):
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None


class MergedEvent(BaseModel):
    """One real-world event, merged from every stored report of it."""

    id: str
    type: str
    start: date | None
    end: date | None
    location: Place
    sources: list[str]
    targets: list[str]
    fatalities: Count
    injuries: Count
    acled_event_type: str | None
    acled_sub_event_type: str | None
    reports: list[ReportRef]


class ViolationRow(BaseModel):
    truce: str
    event: str
    reason: str
    start: date | None
    end: date | None
    place: str | None
    country: str | None
    sources: list[str]
    targets: list[str]
    fatalities: int | None
    publisher: str | None


class TruceRow(BaseModel):
    key: str
    kind: str
    status: str = Field(description="proposed, active, ended; violated: active and broken")
    sides: list[list[str]]
    start: date | None
    end: date | None
    country: str | None
    origin: Literal["text", "user"]
    conditions: str | None
    source: str | None
    violations: list[ViolationRow]


class ArticleIn(BaseModel):
    """An article to extract or to store."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=200, description="default: a hash of the text")
    text: str = Field(min_length=1)
    title: str | None = None
    published: IsoDay | None = None
    publisher: str | None = None
    url: str | None = None


class Stored(BaseModel):
    id: str
    changed: bool = Field(description="false when the same article was stored already")
    events: int
    violations: list[ViolationRow]


__all__ = ["ArticleIn", "MergedEvent", "Page", "Problem", "Stored",
           "TruceDefinition", "TruceRow", "ViolationRow"]
