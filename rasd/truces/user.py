"""Truces entered by users: the terms of an agreement an analyst knows from its text.

A definition names each side's parties as knowledge-base ids («YE-houthis»), English names
(«Houthis») or Arabic names as written («الحوثيون»); names Rasd does not know are kept as
written and still match events that name the party the same way. A YAML file holds a list of
definitions::

    truces:
      - name: hudaydah-2018
        kind: ceasefire
        sides: [["Houthis"], ["Yemeni Government", "Saudi-led coalition"]]
        start: 2018-12-18
        end: null                 # still holding
        area: الحديدة             # a place name, or {country: YE, lat: 14.8, lon: 42.95}
        conditions: withdrawal of forces from the city and its ports
        source: the Stockholm Agreement
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints

from rasd.kb import KnowledgeBase, default_kb
from rasd.kb.base import name_key
from rasd.kb.model import Entry
from rasd.truces.monitor import Side, TruceRecord


class Area(BaseModel):
    model_config = ConfigDict(extra="forbid")

    country: str | None = Field(None, pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")
    lat: Degrees | None = Field(None, ge=-90, le=90)
    lon: Degrees | None = Field(None, ge=-180, le=180)


def _iso_day(value: object) -> object:
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError("a date is written YYYY-MM-DD")
    if value is not None and not isinstance(value, str | date):
        raise ValueError("a date is written YYYY-MM-DD")  # not a number of days since 1970
    return value


# a calendar day as YYYY-MM-DD (or a date YAML has read), never a count of seconds since 1970
IsoDay = Annotated[date, BeforeValidator(_iso_day)]
Degrees = Annotated[float, Strict()]  # a number, not true or "12"
# a kb id, an English or an Arabic name
Party = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=r"\S")]


class TruceDefinition(BaseModel):
    """One truce as a user writes it."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[\w.-]+$", description="unique; the truce's key is user/<name>")
    kind: Literal["truce", "ceasefire", "de-escalation"] = "ceasefire"
    sides: list[Annotated[list[Party], Field(min_length=1)]] = Field(min_length=1, max_length=2)
    start: IsoDay
    end: IsoDay | None = None
    status: Literal["proposed", "active", "ended"] | None = None  # default: from the dates
    area: str | Area | None = None
    conditions: str | None = None
    source: str | None = None


@cache
def _english_names() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for entry in default_kb().entries.values():
        if not entry.is_place:
            found.setdefault(entry.name_en.casefold(), []).append(entry.id)
    return found


def resolve_party(name: str) -> Entry | None:
    """The knowledge-base actor a user means: by id («act:houthis» or «houthis»), by English name, or
    the start of one when only one actor's name starts so («Saudi-led coalition»), or by an Arabic name."""
    kb = default_kb()
    name = name.strip()
    for key in (name, f"act:{name}"):
        if key in kb.entries and not kb.entries[key].is_place:
            return kb.entries[key]
    english = _english_names()
    wanted = name.casefold()
    ids = english.get(wanted) or [i for n, found in english.items() if n.startswith(wanted + " ") for i in found]
    if len(ids) == 1 or (ids and english.get(wanted)):
        return kb.entries[ids[0]]
    actors = [kb.entries[i] for i in kb.names.ids(name_key(name)) if not kb.entries[i].is_place]
    return actors[0] if actors else None


def _side(names: Iterable[str]) -> tuple[Side, tuple[str, ...]]:
    entries = [(name, resolve_party(name)) for name in names]
    side = Side(kb_ids=frozenset(e.id for _, e in entries if e is not None),
                names=frozenset(n for name, e in entries for n in (name.strip(), e.name_en if e else None) if n),
                codes=frozenset(e.actor_code for _, e in entries if e is not None and e.actor_code))
    return side, tuple(e.name_en if e else name.strip() for name, e in entries)


def _place(area: str | Area | None, kb: KnowledgeBase) -> tuple[str | None, float | None, float | None, str | None]:
    """country, lat, lon and precision of a truce's area."""
    if area is None:
        return None, None, None, None
    if isinstance(area, Area):
        precise = area.lat is not None and area.lon is not None
        return (area.country.upper() if area.country else None, area.lat, area.lon,
                "city" if precise else ("country" if area.country else None))
    places = [e for i in kb.names.ids(name_key(area)) if (e := kb.entries[i]).is_place]
    if not places:
        raise ValueError(f"area «{area}» is no place Rasd knows; give {{country, lat, lon}} instead")
    place = max(places, key=lambda e: e.population)  # the best known of its namesakes
    return place.country, place.lat, place.lon, place.precision


def user_truce(definition: TruceDefinition, today: date | None = None) -> TruceRecord:
    """The stored form of a user's truce; its parties resolved against the knowledge base."""
    sides = [_side(names) for names in definition.sides]
    country, lat, lon, precision = _place(definition.area, default_kb())
    status = definition.status or ("ended" if definition.end and definition.end < (today or date.today())
                                   else "active")
    return TruceRecord(key=f"user/{definition.name}", article_id=None, kind=definition.kind, status=status,
                       start=definition.start, end=definition.end, country=country, lat=lat, lon=lon,
                       precision=precision, sides=tuple(s for s, _ in sides),
                       side_names=tuple(shown for _, shown in sides), origin="user",
                       conditions=definition.conditions, source=definition.source)


def payload(definition: TruceDefinition) -> str:
    return json.dumps(definition.model_dump(mode="json"), ensure_ascii=False)


def read_definitions(path: Path) -> list[TruceDefinition]:
    """The truces a YAML file defines (``truces:`` and a list, or the list alone).

    Raises ValueError naming the file and the entry on a malformed one."""
    try:
        loaded: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: {_one_line(str(exc))}") from exc
    items = loaded.get("truces") if isinstance(loaded, dict) else loaded
    if not isinstance(items, list):
        raise ValueError(f"{path}: expected a list of truces (under «truces:»)")
    found = []
    for number, item in enumerate(items, 1):
        try:
            found.append(TruceDefinition.model_validate(item))
        except ValueError as exc:
            raise ValueError(f"{path}: truce {number}: {_one_line(str(exc))}") from exc
    return found


def _one_line(message: str) -> str:
    return re.sub(r"\s+", " ", message).strip()
