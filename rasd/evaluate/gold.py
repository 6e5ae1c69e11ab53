"""Gold annotations, read into typed records.

A date is a day («2021-03-03»), a month («2021-02»), a year, or an interval
``{"start", "end"}``; each becomes an inclusive interval of days. A count is a number, a list of
accepted numbers, or null (the article does not say); absent means not scored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

DAY = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
NOT_SCORED = object()  # a field the gold leaves out: not scored, unlike null («the text does not say»)


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file."""


def day_interval(text: str) -> tuple[date, date] | None:
    """The days a written date covers: «2021» is the year, «2021-02» the month."""
    m = DAY.fullmatch(text.strip()[:10]) if isinstance(text, str) else None
    if m is None:
        return None
    year = int(m[1])
    if m[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(m[2])
    if m[3] is not None:
        day = date(year, month, int(m[3]))
        return day, day
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


def interval_of(value: Any) -> tuple[date, date] | None:
    """A gold or predicted date field as an inclusive interval of days."""
    if isinstance(value, str):
        return day_interval(value)
    if isinstance(value, dict):
        start = value.get("start") or value.get("value")
        end = value.get("end") or start
        first, last = day_interval(str(start or "")), day_interval(str(end or ""))
        return (first[0], last[1]) if first and last else None
    return None


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None


@dataclass(slots=True)
class GoldEvent:
    type: str  # PLOVER type
    types: frozenset[str]  # the type and every accepted alternative
    date: tuple[date, date] | None
    place: GoldPlace | None
    fatalities: Any = NOT_SCORED  # int, list of accepted ints, None, or NOT_SCORED
    injuries: Any = NOT_SCORED
    sources: list[list[str]] = field(default_factory=list)  # each party: its accepted names
    targets: list[list[str]] = field(default_factory=list)
    optional: bool = False
    evidence: str = ""


@dataclass(slots=True)
class GoldArticle:
    id: str
    published: tuple[date, date] | None
    events: list[GoldEvent]
    entities: list[list[str]]  # each entity: its accepted names
    optional_names: list[str]


def _place(value: Any) -> GoldPlace | None:
    if not isinstance(value, dict):
        return None
    lat, lon = value.get("lat"), value.get("lon")
    country = value.get("country")
    return GoldPlace(name=str(value.get("name") or ""), country=country.upper() if isinstance(country, str) else None,
                     lat=float(lat) if isinstance(lat, (int, float)) else None,
                     lon=float(lon) if isinstance(lon, (int, float)) else None,
                     precision=value.get("precision"))


def _parties(value: Any) -> list[list[str]]:
    return [[str(n) for n in party.get("names", [])] for party in value or [] if isinstance(party, dict)]


def _event(value: dict[str, Any]) -> GoldEvent:
    kind = str(value.get("type") or "").upper()
    return GoldEvent(
        type=kind, types=frozenset({kind} | {str(t).upper() for t in value.get("type_alt", [])}),
        date=interval_of(value.get("date")), place=_place(value.get("location")),
        fatalities=value.get("fatalities", NOT_SCORED), injuries=value.get("injuries", NOT_SCORED),
        sources=_parties(value.get("sources")), targets=_parties(value.get("targets")),
        optional=bool(value.get("optional")), evidence=str(value.get("evidence") or ""))


def load_gold(path: Path) -> GoldArticle:
    """Read one ``<id>.gold.json`` file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{path}: not a readable gold file ({exc})") from exc
    if not isinstance(data, dict):
        raise GoldError(f"{path}: a gold file holds one JSON object")
    article_id = path.name.removesuffix(".gold.json")
    return GoldArticle(
        id=article_id, published=day_interval(str(data.get("published") or "")),
        events=[_event(e) for e in data.get("events", []) if isinstance(e, dict)],
        entities=[[str(n) for n in e.get("names", [])] for e in data.get("entities", []) if isinstance(e, dict)],
        optional_names=[str(n) for n in data.get("entities_optional", [])])
