"""Which reports tell the same real-world event, and what the event is once they are merged.

Two reports (events extracted from two different articles) tell the same event when they have
the same PLOVER type, dates that overlap (with ``Settings.date_slack_days`` of slack: one outlet
writes «أمس» for a night attack another dates to the day after), places that agree, and parties
that do not contradict each other:

* places agree when they are the same gazetteer entry, or both are more precise than a country
  and lie within ``Settings.radius_km``; a report placed only at country level joins a report in
  the same country only when they share a party (two «air strikes in Yemen» on one day are not
  one event unless something else ties them);
* parties contradict when both reports name sources (or both name targets) and none is shared.

Clusters are the connected components of that relation, each named by its smallest report key,
so the result does not depend on the order articles arrive in, and a new article can join or
bridge existing clusters without recomputing the rest (the store does that incrementally).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from rasd.kb.geocode import distance_km
from rasd.schema import Event, Extraction, Party

PRECISION_RANK = {"facility": 4, "city": 3, "district": 3, "admin1": 2, "country": 1}


@dataclass(frozen=True, slots=True)
class Settings:
    radius_km: float = 25.0  # two places this close may be one event's
    date_slack_days: int = 1


@dataclass(frozen=True, slots=True)
class Report:
    """One event as one article tells it."""

    key: str  # "<article id>/<event id>"
    article_id: str
    publisher: str | None
    type: str
    start: date | None
    end: date | None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    place_id: str | None = None
    place: str | None = None
    sources: tuple[str, ...] = ()  # knowledge-base ids of the named parties
    targets: tuple[str, ...] = ()
    source_names: tuple[str, ...] = ()  # every party as the article names it
    target_names: tuple[str, ...] = ()
    source_codes: tuple[str, ...] = ()  # PLOVER actor codes of the parties: USAMIL, IRQPRM, UAF…
    target_codes: tuple[str, ...] = ()
    fatalities: int | None = None
    injuries: int | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None


def report_of(extraction: Extraction, event: Event) -> Report:
    """The report of one extracted event. Parties are compared across articles by their
    knowledge-base id; a party named by what it is («جنود», «مسلحين») has none, and neither ties
    nor separates two reports."""
    article = extraction.article
    kb_ids = {entity.id: entity.kb_id for entity in extraction.entities}
    location = event.location
    sources = [p for p in event.actors if p.role == "source"]
    targets = [p for p in event.actors if p.role == "target"]

    def identities(parties: list[Party]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(kb for p in parties if (kb := kb_ids.get(p.entity_id or "")) is not None))

    return Report(
        key=f"{article.id}/{event.id}", article_id=article.id, publisher=article.publisher, type=event.type,
        start=event.date.start if event.date else None, end=event.date.end if event.date else None,
        country=location.country if location else None, lat=location.lat if location else None,
        lon=location.lon if location else None, precision=location.precision if location else None,
        place_id=location.kb_id if location else None,
        place=(location.name_en or location.name_ar) if location else None,
        sources=identities(sources), targets=identities(targets),
        source_names=tuple(p.name_en or p.text for p in sources),
        target_names=tuple(p.name_en or p.text for p in targets),
        source_codes=tuple(p.actor_code for p in sources if p.actor_code),
        target_codes=tuple(p.actor_code for p in targets if p.actor_code),
        fatalities=event.fatalities, injuries=event.injuries,
        acled_event_type=event.acled_event_type, acled_sub_event_type=event.acled_sub_event_type)


def _dates_overlap(a: Report, b: Report, slack: int) -> bool:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False  # an undated report cannot be placed beside another
    pad = timedelta(days=slack)
    return a.start <= b.end + pad and b.start <= a.end + pad


def _precise(report: Report) -> bool:
    return report.precision not in (None, "country") and report.lat is not None and report.lon is not None


def _contradict(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a) and bool(b) and not set(a) & set(b)


def same_event(a: Report, b: Report, settings: Settings = Settings()) -> bool:
    """Whether two reports from different articles tell one event."""
    if a.article_id == b.article_id or a.type != b.type or not _dates_overlap(a, b, settings.date_slack_days):
        return False
    if _contradict(a.sources, b.sources) or _contradict(a.targets, b.targets):
        return False
    if a.place_id is not None and a.place_id == b.place_id and _precise(a):
        return True
    if _precise(a) and _precise(b):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        return distance_km((a.lat, a.lon), (b.lat, b.lon)) <= settings.radius_km
    if a.country is None or a.country != b.country:
        return False
    # one of them is placed only in a country: a shared party has to tie them
    return bool(set(a.sources + a.targets) & set(b.sources + b.targets))


def clusters(reports: Iterable[Report], settings: Settings = Settings()) -> dict[str, str]:
    """Cluster id of every report: the smallest key of its connected component."""
    items = sorted(reports, key=lambda r: r.key)
    parent = {r.key: r.key for r in items}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    by_type: dict[str, list[Report]] = {}
    for report in items:
        by_type.setdefault(report.type, []).append(report)
    for group in by_type.values():
        group.sort(key=lambda r: (r.start or date.max, r.key))
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.end is None or b.start is None or b.start > a.end + timedelta(days=settings.date_slack_days):
                    break  # sorted by start: nothing further overlaps
                if same_event(a, b, settings):
                    ra, rb = root(a.key), root(b.key)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    return {r.key: root(r.key) for r in items}


@dataclass(slots=True)
class Figure:
    """A count across reports: the range, and what each report says."""

    low: int | None
    high: int | None
    by_report: dict[str, int | None] = field(default_factory=dict)


@dataclass(slots=True)
class CanonicalEvent:
    """One real-world event, merged from the reports that tell it."""

    id: str
    type: str
    start: date | None
    end: date | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    sources: list[str]
    targets: list[str]
    fatalities: Figure
    injuries: Figure
    acled_event_type: str | None
    acled_sub_event_type: str | None
    reports: list[Report]


def _figure(reports: list[Report], attribute: str) -> Figure:
    values = {r.key: getattr(r, attribute) for r in reports}
    known = [v for v in values.values() if v is not None]
    return Figure(min(known) if known else None, max(known) if known else None, values)


def _names(reports: list[Report], names: str) -> list[str]:
    return sorted({name for report in reports for name in getattr(report, names)})


def canonical(cluster_id: str, reports: list[Report]) -> CanonicalEvent:
    """The merged event: the narrowest date and the most precise place any report gives, every
    party named, and the counts as a range with each report's own value."""
    ordered = sorted(reports, key=lambda r: r.key)
    dated = [(r.start, r.end) for r in ordered if r.start is not None and r.end is not None]
    when = min(dated, key=lambda d: ((d[1] - d[0]).days, d[0])) if dated else None
    placed = [r for r in ordered if r.country is not None]
    where = max(placed, key=lambda r: (PRECISION_RANK.get(r.precision or "", 0),
                                       sum(o.place_id == r.place_id for o in placed))) if placed else None
    acled = Counter((r.acled_event_type, r.acled_sub_event_type) for r in ordered if r.acled_event_type)
    kind = acled.most_common(1)[0][0] if acled else (None, None)
    return CanonicalEvent(
        id=cluster_id, type=ordered[0].type, start=when[0] if when else None, end=when[1] if when else None,
        place=where.place if where else None, country=where.country if where else None,
        lat=where.lat if where else None, lon=where.lon if where else None,
        precision=where.precision if where else None,
        sources=_names(ordered, "source_names"), targets=_names(ordered, "target_names"),
        fatalities=_figure(ordered, "fatalities"), injuries=_figure(ordered, "injuries"),
        acled_event_type=kind[0], acled_sub_event_type=kind[1], reports=ordered)
