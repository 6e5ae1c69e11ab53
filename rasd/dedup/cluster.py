"""Which reports tell the same real-world event, and what the event is once they are merged.

Two reports (events extracted from two different articles) tell the same event when they have
the same PLOVER type, dates of a few days at most that overlap (with ``Settings.date_slack_days``
of slack: one outlet writes «أمس» for a night attack another dates to the day after), places
more precise than a country that agree, parties that do not contradict each other, and one more
tie, because a city at war sees several incidents a day:

* places agree when they are the same gazetteer entry or lie within ``Settings.radius_km``; a
  report placed only in a province or a country, or dated only to a week or a month, merges
  with none;
* parties contradict when both reports name sources (or both name targets) and none is shared;
* the tie: a named party in common and the same place or close casualty counts, or close counts
  at the same place; for events other than attacks, the same named source at the same place;
* a report with no date of its own (dated by its article's publication) ties only by close
  counts: such reports are mostly background mentions, vows and comments, not incidents;
* the ACLED event types agree: an air strike is no battle.

Of the reports of another article that could tell the same event, only the most strongly tied
one is linked (and only if the tie is mutual): several incidents of one day in one city, each
told by two outlets, pair up one to one instead of running together. Clusters are the connected
components of those links, each named by its smallest report key, so the result does not depend
on the order articles arrive in; a report's links depend only on its own article and the other
article, so a new article joins or bridges clusters without recomputing the rest (the store does
that incrementally).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from rasd.events.acled import weapon_sub_event
from rasd.kb.geocode import distance_km
from rasd.schema import Event, Extraction, Party

PRECISE = frozenset({"facility", "city", "district"})
# one explosion told as a suicide attack by one outlet and as a car bomb by another
SUICIDE_OR_BOMB = {"Suicide bomb": "bomb", "Remote explosive/landmine/IED": "bomb"}
PRECISION_RANK = {"facility": 4, "city": 3, "district": 3, "admin1": 2, "country": 1}


@dataclass(frozen=True, slots=True)
class Settings:
    radius_km: float = 25.0  # two places this close may be one event's
    date_slack_days: int = 1
    max_days: int = 4  # a report dated more vaguely than this («الأسبوع الماضي») merges with none
    # of the pairs across two groups a link would join, the share that must be exceeded by those
    # that tell one event by themselves (same_event); off by default: in the merges checked by
    # hand it split impure groups into more impure groups (docs/store.md)
    cohesion: float = 0.0


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
    date_basis: str | None = None  # explicit, relative, or publication: no date of its own
    weapons: tuple[str, ...] = ()  # Rasd weapon terms the report names: grenade, airstrike…


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
        acled_event_type=event.acled_event_type, acled_sub_event_type=event.acled_sub_event_type,
        date_basis=event.date.basis if event.date else None,
        weapons=tuple(dict.fromkeys(w.name for w in event.weapons)))


def _dates_overlap(a: Report, b: Report, slack: int) -> bool:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False  # an undated report cannot be placed beside another
    pad = timedelta(days=slack)
    return a.start <= b.end + pad and b.start <= a.end + pad


def _precise(report: Report) -> bool:
    """Placed at a town, a district or a facility: a province or a country holds too many events."""
    return report.precision in PRECISE and report.lat is not None and report.lon is not None


def _contradict(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a) and bool(b) and not set(a) & set(b)


def _dated(report: Report, days: int) -> bool:
    return report.start is not None and report.end is not None and (report.end - report.start).days < days


def _close_counts(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and a > 0 and b > 0 and abs(a - b) <= max(2, 0.3 * max(a, b))


def _kinds_agree(a: Report, b: Report) -> bool:
    """An air strike is no battle and a roadside bomb no massacre: reports typed to different ACLED
    event types tell different incidents. Sub-events are compared only where a named weapon
    decides them (a grenade thrown is not an RPG fired, an air strike no mortar round): without
    one, «هجوم» is typed a shelling by default, and outlets name one explosion differently. A
    suicide bomber's car is also a car bomb."""
    if a.acled_event_type is not None and b.acled_event_type is not None and \
            a.acled_event_type != b.acled_event_type:
        return False
    kinds_a = {SUICIDE_OR_BOMB.get(k, k) for w in a.weapons if (k := weapon_sub_event(w)) is not None}
    kinds_b = {SUICIDE_OR_BOMB.get(k, k) for w in b.weapons if (k := weapon_sub_event(w)) is not None}
    return not (kinds_a and kinds_b and not kinds_a & kinds_b)


def same_event(a: Report, b: Report, settings: Settings = Settings()) -> bool:
    """Whether two reports from different articles tell one event."""
    if a.article_id == b.article_id or a.type != b.type or not _dates_overlap(a, b, settings.date_slack_days):
        return False
    if not _kinds_agree(a, b):
        return False
    if not (_dated(a, settings.max_days) and _dated(b, settings.max_days)):
        return False  # «الشهر الماضي»: too vague a date to say two reports tell one happening
    if _contradict(a.sources, b.sources) or _contradict(a.targets, b.targets):
        return False
    if not (_precise(a) and _precise(b)):
        return False  # «in Yemen»: a country holds too many events of one day to tell them apart
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    if a.place_id != b.place_id and distance_km((a.lat, a.lon), (b.lat, b.lon)) > settings.radius_km:
        return False
    # one place and one day may hold several incidents, and one party fight on several fronts:
    # the two reports must share a named party and agree on the place or on the toll
    shared = bool(set(a.sources) & set(b.sources)) or bool(set(a.targets) & set(b.targets))
    if a.type != "ASSAULT":
        return bool(set(a.sources) & set(b.sources)) and a.place_id == b.place_id
    counts = _close_counts(a.fatalities, b.fatalities) or _close_counts(a.injuries, b.injuries)
    if "publication" in (a.date_basis, b.date_basis) and not counts:
        return False  # no date of its own: a background mention, a vow, a comment, unless the tolls agree
    return (shared and (a.place_id == b.place_id or counts)) or (counts and a.place_id == b.place_id)


def affinity(a: Report, b: Report) -> tuple[int, int, int, float]:
    """How strongly two reports of one event are tied: named parties in common, close counts,
    the same place, then nearness. Of several reports of another article that could tell the same
    event, the one with the strongest ties is its report there."""
    shared = len(set(a.sources) & set(b.sources)) + len(set(a.targets) & set(b.targets))
    counts = int(_close_counts(a.fatalities, b.fatalities)) + int(_close_counts(a.injuries, b.injuries))
    near = 0.0
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        near = -distance_km((a.lat, a.lon), (b.lat, b.lon))
    return shared, counts, int(a.place_id == b.place_id), near


def _pairs(items: list[Report], settings: Settings) -> Iterator[tuple[Report, Report]]:
    """The pairs of reports that tell one event, from a date-sorted sweep per type."""
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
                    yield a, b


def tied_links(reports: Iterable[Report], settings: Settings = Settings(),
               context: Iterable[Report] = ()) -> list[tuple[tuple[int, int, int, float], str, str]]:
    """The pairs of ``reports`` that are each other's report in the other's article, with their
    tie: of all the reports of article B that could tell the event a report of A tells, the most
    strongly tied one, and the other way round. Several incidents of one day in one city, each
    told by two outlets, pair up one to one instead of running together. ``context`` adds the
    other reports of the articles concerned, so that a best match is sought among all of them."""
    mine = {r.key: r for r in reports}
    items = sorted({**{r.key: r for r in context}, **mine}.values(), key=lambda r: r.key)
    best: dict[tuple[str, str], tuple[tuple[int, int, int, float], str]] = {}
    pairs = []
    for a, b in _pairs(items, settings):
        tie = affinity(a, b)
        for x, y in ((a, b), (b, a)):
            slot = (x.key, y.article_id)
            if slot not in best or (tie, y.key) > best[slot]:
                best[slot] = (tie, y.key)  # the strongest tie; of equal ones, the larger key
        pairs.append((tie, a.key, b.key) if a.key < b.key else (tie, b.key, a.key))
    return [(tie, a, b) for tie, a, b in pairs if a in mine and b in mine
            and best[(a, mine[b].article_id)][1] == b and best[(b, mine[a].article_id)][1] == a]


def links(reports: Iterable[Report], settings: Settings = Settings(),
          context: Iterable[Report] = ()) -> list[tuple[str, str]]:
    """The linked pairs of :func:`tied_links`, without their ties."""
    return [(a, b) for _, a, b in tied_links(reports, settings, context)]


@dataclass(frozen=True, slots=True)
class Placement:
    component: str  # the smallest key of the report's connected component under the links
    cluster: str  # the smallest key of its event within the component


class _Groups:
    """Union-find over report keys; a group is named by its smallest key."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> tuple[str, str]:
        """Join two roots; (kept, gone)."""
        keep, gone = min(a, b), max(a, b)
        self.parent[gone] = keep
        return keep, gone


def partition(reports: Iterable[Report], settings: Settings = Settings(),
              context: Iterable[Report] = ()) -> dict[str, Placement]:
    """Where every report belongs. Links join reports into components; inside a component, the
    links are taken strongest first and join two groups only when no article would then tell the
    event twice (an article that reports two incidents apart knows better than a chain of links
    through other outlets) and every two of their reports' dates still overlap within the slack.
    Both depend only on the reports, never on the order they came in."""
    items = sorted(reports, key=lambda r: r.key)
    by_key = {r.key: r for r in items}
    tied = sorted(tied_links(items, settings, context), key=lambda t: (t[0], t[1], t[2]), reverse=True)
    components = _Groups(by_key)
    for _, a, b in tied:
        ra, rb = components.root(a), components.root(b)
        if ra != rb:
            components.join(ra, rb)
    events = _Groups(by_key)
    articles = {r.key: {r.article_id} for r in items}
    # the latest start and the earliest end of a group's reports: every two must overlap
    latest = {r.key: r.start or date.min for r in items}
    earliest = {r.key: r.end or date.max for r in items}
    slack = timedelta(days=settings.date_slack_days)
    group = {r.key: [r.key] for r in items}
    for _, a, b in tied:
        ra, rb = events.root(a), events.root(b)
        if ra == rb or articles[ra] & articles[rb]:
            continue  # one article would tell the event twice
        if max(latest[ra], latest[rb]) > min(earliest[ra], earliest[rb]) + slack:
            continue  # a chain of days: the 3rd linked to the 4th, the 4th to the 5th
        if settings.cohesion > 0:
            pairs = [(x, y) for x in group[ra] for y in group[rb]]
            agree = sum(same_event(by_key[x], by_key[y], settings) for x, y in pairs)
            if agree <= settings.cohesion * len(pairs):
                continue  # not more than that share: a report tied to one member, not to the group
        keep, gone = events.join(ra, rb)
        articles[keep] |= articles.pop(gone)
        group[keep] += group.pop(gone)
        latest[keep], earliest[keep] = max(latest[ra], latest[rb]), min(earliest[ra], earliest[rb])
    # a root is its group's smallest key: the names of component and cluster
    return {key: Placement(components.root(key), events.root(key)) for key in by_key}


def clusters(reports: Iterable[Report], settings: Settings = Settings(),
             context: Iterable[Report] = ()) -> dict[str, str]:
    """Cluster id of every report (see :func:`partition`)."""
    return {key: placed.cluster for key, placed in partition(reports, settings, context).items()}


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
