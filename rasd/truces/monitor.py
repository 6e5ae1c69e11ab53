"""The truce monitor: which violent events break which truces.

An ASSAULT violates a truce when it happens while the truce holds (from its start to its end, or
open-ended while no end is known) and it sets one side against the other: a party of one side
among the event's sources and a party of the other among its targets. A truce with one known
side is broken by that side's party acting inside the truce's area, when the area is more
precise than a country. A proposed truce binds no one.

A side's party matches an event's party when they are the same knowledge-base entity, when they
have the same name, or, for a party named by what it is, by its PLOVER code: a state's forces
(«القوات الأمريكية», USAMIL) match any party of that state (USA…), and armed groups named
generically («الفصائل المسلحة») match any non-state armed group (REB, PRM, UAF…) fighting in the
truce's country.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rasd.dedup import Report
from rasd.events.acled import NONSTATE_ARMED_SECTORS, sector_of
from rasd.kb import default_kb
from rasd.kb.geocode import distance_km
from rasd.schema import Extraction, Party, Truce

STATE_TYPES = frozenset({"COUNTRY", "GOVERNMENT", "MILITARY", "POLICE"})
AREA_KM = 50.0  # an event this close to a truce's place is inside its area


@dataclass(frozen=True, slots=True)
class Side:
    kb_ids: frozenset[str]
    names: frozenset[str]
    codes: frozenset[str]  # PLOVER actor codes: USAMIL, UAF…


@dataclass(frozen=True, slots=True)
class TruceRecord:
    key: str  # "<article id>/<truce id>", or "user/<name>" for one a user entered
    article_id: str | None  # None: entered by a user
    kind: str
    status: str
    start: date | None
    end: date | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    sides: tuple[Side, ...]
    side_names: tuple[tuple[str, ...], ...]
    origin: str = "text"  # "text": extracted from an article; "user": entered by hand
    conditions: str | None = None
    source: str | None = None  # for a user's truce: where its terms come from


def shown_status(truce: TruceRecord, broken: bool) -> str:
    """The status to show: an active truce that an attack broke is ``violated``."""
    return "violated" if broken and truce.status == "active" else truce.status


def truce_record(extraction: Extraction, truce: Truce) -> TruceRecord:
    """The stored form of one extracted truce."""
    kb_ids = {entity.id: entity.kb_id for entity in extraction.entities}

    def side(parties: list[Party]) -> Side:
        return Side(frozenset(k for p in parties if (k := kb_ids.get(p.entity_id or "")) is not None),
                    frozenset(n for p in parties for n in (p.name_en, p.text) if n),
                    frozenset(p.actor_code for p in parties if p.actor_code))

    area = truce.area
    return TruceRecord(
        key=f"{extraction.article.id}/{truce.id}", article_id=extraction.article.id, kind=truce.kind,
        status=truce.status, start=truce.start.start if truce.start else None,
        end=truce.end.end if truce.end else None, country=area.country if area else None,
        lat=area.lat if area else None, lon=area.lon if area else None, precision=area.precision if area else None,
        sides=tuple(side(s) for s in truce.sides),
        side_names=tuple(tuple(p.name_en or p.text for p in s) for s in truce.sides))


def _country_of(code: str) -> str:
    return code[:3] if len(code) == 6 else ""


def _states(kb_ids: Iterable[str]) -> set[str]:
    """The countries whose state these entities are: the country itself, its government, army or police."""
    entries = default_kb().entries
    return {e.country for k in kb_ids if (e := entries.get(k)) is not None and e.type in STATE_TYPES and e.country}


def _matches(side: Side, kb_ids: tuple[str, ...], names: tuple[str, ...], codes: tuple[str, ...],
             country: str | None, truce_country: str | None) -> bool:
    if side.kb_ids & set(kb_ids) or side.names & set(names):
        return True
    if _states(side.kb_ids) & _states(kb_ids):
        return True  # «القوات الأمريكية» and «الولايات المتحدة»
    home = {e.country for k in kb_ids if (e := default_kb().entries.get(k)) is not None and e.country}
    for code in side.codes:
        state = _country_of(code)
        if state and any(_country_of(c) == state or c == state for c in codes):
            return True  # «القوات الأمريكية» (USAMIL) and «الولايات المتحدة» (USA)
        if not state and sector_of(code) in NONSTATE_ARMED_SECTORS and any(
                sector_of(c) in NONSTATE_ARMED_SECTORS for c in codes) and (
                truce_country is None or truce_country == country or truce_country in home):
            return True  # «الفصائل المسلحة» and a named armed group of the truce's country, wherever it is hit
    return False


def violation(truce: TruceRecord, event: Report) -> str | None:
    """Why ``event`` breaks ``truce``, or None."""
    if event.type != "ASSAULT" or truce.status == "proposed" or truce.start is None:
        return None
    if event.start is None or event.end is None or event.start < truce.start:
        return None
    if truce.end is not None and event.end > truce.end:
        return None
    source_codes, target_codes = event.source_codes, event.target_codes
    if len(truce.sides) >= 2:
        for a, b in ((truce.sides[0], truce.sides[1]), (truce.sides[1], truce.sides[0])):
            if _matches(a, event.sources, event.source_names, source_codes, event.country, truce.country) and \
                    _matches(b, event.targets, event.target_names, target_codes, event.country, truce.country):
                return "an attack by one side of the truce on the other while it held"
        return None
    if len(truce.sides) == 1 and _inside(truce, event) and _matches(
            truce.sides[0], event.sources, event.source_names, source_codes, event.country, truce.country):
        return "an attack by a party to the truce inside its area while it held"
    return None


def _inside(truce: TruceRecord, event: Report) -> bool:
    if truce.precision in (None, "country") or truce.lat is None or truce.lon is None:
        return False
    if event.lat is None or event.lon is None:
        return False
    return distance_km((truce.lat, truce.lon), (event.lat, event.lon)) <= AREA_KM
