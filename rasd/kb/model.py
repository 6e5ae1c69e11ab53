"""Records of the knowledge base: places, actors, office terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rasd.schema import EntityType, PlacePrecision


@dataclass(frozen=True, slots=True)
class Entry:
    """One real-world place or actor Rasd knows."""

    id: str
    type: EntityType
    name_en: str
    name_ar: str
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None  # places only
    admin1: str | None = None  # id of the first-level division a place lies in
    population: int = 0
    capital: bool = False  # a national capital
    actor_code: str | None = None  # PLOVER actor code
    parent: str | None = None
    source: str = ""

    @property
    def is_place(self) -> bool:
        return self.precision is not None


@dataclass(frozen=True, slots=True)
class OfficeTerm:
    """Who held an office, from when to when (``end`` None: still in office)."""

    office: str
    country: str | None
    person_id: str
    start: date
    end: date | None

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)
