"""What every store does, whatever database holds it.

Articles are stored once, keyed by id, with the hash of their text; storing the same article
again changes nothing. Each extractor version's output is kept beside the article as JSON,
so re-processing with a newer version adds a row instead of destroying the old one; the
article's searchable words (every reading of every folded word: «بيروت» finds «وبيروت»,
«اربيل» finds «أربيل») and its events are replaced with the newest version's in the same
transaction. Each event row carries the cluster it belongs to (``rasd.dedup``): saving an
article merges its events with the clusters they match and recomputes the clusters its
previous events left, so the clusters never depend on the order articles arrive in. Schema
changes are named migrations, recorded in ``migrations`` and applied in order on open.

The SQL here is the part SQLite and PostgreSQL share (``?`` placeholders, ``ON CONFLICT``
upserts); each back-end supplies its migrations, its transactions and its word index.
"""

from __future__ import annotations

import json
import math
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import Any, Self

from rasd.dedup import CanonicalEvent, Report, Settings, canonical, links, partition, report_of, same_event
from rasd.schema import Article, Extraction
from rasd.text.search import index_words, query_terms
from rasd.truces.monitor import Side, TruceRecord, truce_record, violation

ARTICLE_COLUMNS = ("id", "content_hash", "title", "author", "published", "publisher", "translator",
                   "original_source", "url", "language", "retrieved", "text", "ingested_at")
EXTRACTION_COLUMNS = ("article_id", "rasd_version", "schema_version", "created_at", "sentences", "entities",
                      "events", "json")
# migrations that give the merge rules more to compare: stored events are regrouped after them
REGROUPING = frozenset({"0005_components_and_date_basis", "0006_event_weapons"})
EVENT_COLUMNS = ("key", "article_id", "rasd_version", "publisher", "type", "date_start", "date_end", "country", "lat",
                 "lon", "precision", "place_id", "place", "sources", "targets", "source_names", "target_names",
                 "fatalities", "injuries", "acled_event_type", "acled_sub_event_type", "cluster", "json",
                 "source_codes", "target_codes", "component", "date_basis", "weapons")
TRUCE_COLUMNS = ("key", "article_id", "kind", "status", "date_start", "date_end", "country", "lat", "lon",
                 "precision", "sides", "json", "origin", "conditions", "source")
TABLES = ("articles", "extractions", "events", "entities", "truces", "violations")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of ``rasd events``; every one given must hold."""

    start: date | None = None  # the event ends on or after this day
    end: date | None = None  # and starts on or before this one
    country: str | None = None  # ISO 3166-1 alpha-2
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    actor: str | None = None  # kb id, English name or name as written
    type: str | None = None  # PLOVER type
    text: str | None = None  # words the article contains


@dataclass(frozen=True, slots=True)
class StoredEvent:
    report: Report
    cluster: str


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    published: date | None
    title: str | None
    publisher: str | None
    language: str | None
    sentences: int
    entities: int
    events: int


@dataclass(frozen=True, slots=True)
class EntityQuery:
    type: str | None = None  # PLACE, ARMED_GROUP…
    name: str | None = None  # part of its Arabic or English name, or its kb id
    article: str | None = None
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True, slots=True)
class StoredEntity:
    kb_id: str | None
    type: str
    name: str  # the canonical Arabic name, else the name as written
    name_en: str | None
    actor_code: str | None
    country: str | None
    articles: int  # how many articles name it
    mentions: int


@dataclass(frozen=True, slots=True)
class Violation:
    truce: TruceRecord
    event: Report
    reason: str


class Store(ABC):
    """One database of articles, their extractions, merged events, truces and violations."""

    MIGRATIONS: tuple[tuple[str, str], ...]
    DAY_SPAN: str  # SQL: days between an event row's date_start and date_end

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.new_violations: list[Violation] = []

    # -- what a back-end supplies ------------------------------------------------------------

    @abstractmethod
    def _run(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        """Execute one statement with ``?`` placeholders; the cursor (iterable over row tuples)."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """A block that commits as a whole or not at all (nested blocks join the outer one)."""

    @abstractmethod
    def _apply_migration(self, name: str, sql: str) -> None:
        """Run one migration script and record it, in one transaction."""

    @abstractmethod
    def _replace_words(self, article_id: str, words: str) -> None:
        """Make ``words`` (space-separated) the article's searchable words."""

    @abstractmethod
    def _words_clause(self, terms: list[str]) -> tuple[str, Any]:
        """SQL selecting the ids of the articles holding every term, and its one parameter."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _lock_for_writing(self) -> None:
        """Inside a transaction: wait until no other writer is in one."""

    # -- shared ------------------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _migrate(self) -> None:
        with self._transaction():
            self._run("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self._run("SELECT name FROM migrations")}
        backfill = regroup = entities = False
        for name, sql in self.MIGRATIONS:
            if name in done:
                continue
            self._apply_migration(name, sql)
            backfill = backfill or name in ("0002_events_and_search", "0003_truces_and_violations")
            regroup = regroup or name in REGROUPING
            entities = entities or name == "0007_entities"
        if backfill or entities:
            self._backfill()  # once every table exists
        elif regroup:  # events stored under the old rules: group them under the new ones
            with self._transaction():
                self._place({row[0] for row in self._run("SELECT DISTINCT component FROM events")})

    def _backfill(self) -> None:
        """Index the events and words of articles stored before the store had them."""
        with self._transaction():
            for (article_id,) in self._run("SELECT id FROM articles ORDER BY id").fetchall():
                extraction = self.extraction(article_id)
                if extraction is not None:
                    self._index(extraction)

    def _upsert(self, table: str, columns: Sequence[str], keys: Sequence[str], values: Sequence[Any]) -> None:
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
        self._run(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))}) "
                  f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}", values)


    def migrations(self) -> list[str]:
        return [row[0] for row in self._run("SELECT name FROM migrations ORDER BY name")]

    def save(self, extraction: Extraction) -> bool:
        """Store an article and its extraction in one transaction; False when nothing changed."""
        article = extraction.article
        payload = extraction.model_dump_json()
        with self._transaction():
            self._lock_for_writing()
            row = self._run("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
            changed = row is None or row[0] != article.content_hash
            if changed:
                self._upsert(
                    "articles", ARTICLE_COLUMNS, ("id",),
                    (article.id, article.content_hash, article.title, article.author,
                     _iso(article.published), article.publisher, article.translator,
                     article.original_source, article.url, article.language, _iso(article.retrieved),
                     article.text, _now()),
                )
            old = self._run(
                "SELECT json FROM extractions WHERE article_id = ? AND rasd_version = ?",
                (article.id, extraction.rasd_version),
            ).fetchone()
            if changed or old is None or old[0] != payload:
                self._upsert(
                    "extractions", EXTRACTION_COLUMNS, ("article_id", "rasd_version"),
                    (article.id, extraction.rasd_version, extraction.schema_version, _now(),
                     len(extraction.sentences), len(extraction.entities), len(extraction.events), payload),
                )
                self._index(extraction)
                changed = True
        return changed

    def _index(self, extraction: Extraction) -> None:
        """Replace the article's searchable words and events, and update the clusters its events
        join, leave or bridge (inside the caller's transaction)."""
        article = extraction.article
        self._replace_words(article.id, index_words(f"{article.title or ''}\n{article.text}"))
        self._run("DELETE FROM entities WHERE article_id = ?", (article.id,))
        for entity in extraction.entities:
            self._run("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)",
                      (article.id, entity.id, entity.kb_id, entity.type, entity.name_ar or entity.text,
                       entity.name_en, entity.actor_code, entity.country, len(entity.mentions)))
        left = {row[0] for row in self._run("SELECT component FROM events WHERE article_id = ?", (article.id,))}
        self._run("DELETE FROM violations WHERE event_key IN (SELECT key FROM events WHERE article_id = ?) "
                        "OR truce_key IN (SELECT key FROM truces WHERE article_id = ?)", (article.id, article.id))
        self._run("DELETE FROM events WHERE article_id = ?", (article.id,))
        self._place(left)
        reports = []
        for event in extraction.events:
            report = report_of(extraction, event)
            reports.append(report)
            values = (report.key, article.id, extraction.rasd_version, report.publisher, report.type,
                      _iso(report.start), _iso(report.end), report.country, report.lat, report.lon,
                      report.precision, report.place_id, report.place, json.dumps(report.sources, ensure_ascii=False),
                      json.dumps(report.targets, ensure_ascii=False),
                      json.dumps(report.source_names, ensure_ascii=False),
                      json.dumps(report.target_names, ensure_ascii=False), report.fatalities, report.injuries,
                      report.acled_event_type, report.acled_sub_event_type, report.key, event.model_dump_json(),
                      json.dumps(report.source_codes), json.dumps(report.target_codes), report.key,
                      report.date_basis, json.dumps(report.weapons))
            self._run(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({','.join('?' * len(values))})",
                      values)
        self._join(reports)
        self._store_truces(extraction)
        self._detect(extraction)

    def _store_truces(self, extraction: Extraction) -> None:
        article = extraction.article
        self._run("DELETE FROM truces WHERE article_id = ?", (article.id,))
        for truce in extraction.truces:
            self._insert_truce(truce_record(extraction, truce), truce.model_dump_json())

    def _insert_truce(self, record: TruceRecord, payload: str) -> None:
        self._upsert("truces", TRUCE_COLUMNS, ("key",),
                     (record.key, record.article_id, record.kind, record.status, _iso(record.start),
                      _iso(record.end), record.country, record.lat, record.lon, record.precision,
                      json.dumps(_sides_json(record), ensure_ascii=False), payload, record.origin,
                      record.conditions, record.source))

    def add_truce(self, record: TruceRecord, payload: str) -> list[Violation]:
        """Store a truce a user entered (replacing one with its key) and check the stored events
        against it; the violations found. ``payload``: the definition as JSON, kept as given."""
        if record.origin != "user" or record.article_id is not None:
            raise ValueError(f"{record.key}: only a user's truce, with no article, is added by hand")
        with self._transaction():
            self._lock_for_writing()
            self._run("DELETE FROM violations WHERE truce_key = ?", (record.key,))
            self._insert_truce(record, payload)
            return self._check(self._suffered(record, None))

    def remove_truce(self, key: str) -> bool:
        """Delete a user's truce and its violations; False when there is none with that key."""
        with self._transaction():
            self._lock_for_writing()
            self._run("DELETE FROM violations WHERE truce_key = ?", (key,))
            return bool(self._run("DELETE FROM truces WHERE key = ? AND origin = 'user'", (key,)).rowcount)

    def _detect(self, extraction: Extraction) -> None:
        """Record the violations the article's events commit and its truces suffer."""
        article_id = extraction.article.id
        events = self._reports("WHERE article_id = ? AND type = 'ASSAULT' AND date_start IS NOT NULL",
                               (article_id,))
        pairs: list[tuple[TruceRecord, Report]] = []
        if events:  # the truces in force at some point of these events' dates
            first = min(_iso(e.start) or "" for e in events)
            last = max(_iso(e.end) or "" for e in events)
            pairs += [(t, e) for t in self.truces("WHERE status != 'proposed' AND date_start <= ? AND "
                                                  "(date_end IS NULL OR date_end >= ?)", (last, first))
                      for e in events]
        for truce in self.truces("WHERE article_id = ?", (article_id,)):
            pairs += self._suffered(truce, article_id)
        self._check(pairs)

    def _suffered(self, truce: TruceRecord, article_id: str | None) -> list[tuple[TruceRecord, Report]]:
        """The truce paired with every stored attack inside its window (but the given article's)."""
        if truce.start is None:
            return []
        end = _iso(truce.end) or "9999-12-31"
        return [(truce, e) for e in self._reports(
            "WHERE type = 'ASSAULT' AND article_id != ? AND date_start >= ? AND date_end <= ?",
            (article_id or "", truce.start.isoformat(), end))]

    def _check(self, pairs: list[tuple[TruceRecord, Report]]) -> list[Violation]:
        found = []
        for truce, event in pairs:
            reason = violation(truce, event)
            if reason is None:
                continue
            inserted = self._run("INSERT INTO violations VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                                 (truce.key, event.key, reason, _now())).rowcount
            if inserted:
                found.append(Violation(truce, event, reason))
        self.new_violations += found
        return found

    def take_new_violations(self) -> list[Violation]:
        """The violations detected since the last call (for notification hooks)."""
        found, self.new_violations = self.new_violations, []
        return found

    def truces(self, where: str = "", parameters: tuple[object, ...] = ()) -> list[TruceRecord]:
        """Stored truces, by start date; ``where`` narrows them (store-internal callers)."""
        rows = self._run(f"SELECT {', '.join(c for c in TRUCE_COLUMNS if c != 'json')} FROM truces {where} "
                         "ORDER BY date_start, key", parameters)
        return [_truce(row) for row in rows]

    def violations(self) -> list[Violation]:
        truces = {t.key: t for t in self.truces()}
        found = []
        for truce_key, event_key, reason in self._run(
                "SELECT truce_key, event_key, reason FROM violations ORDER BY truce_key, event_key").fetchall():
            (event,) = self._reports("WHERE key = ?", (event_key,))
            found.append(Violation(truces[truce_key], event, reason))
        return found

    def _place(self, component_ids: set[str]) -> None:
        """Recompute the components and clusters of these components' reports: those an article's
        events left may fall apart, those its events joined may split differently."""
        for component_id in sorted(component_ids):
            members = self._reports("WHERE component = ?", (component_id,))
            for key, placed in partition(members, self.settings, self._articles_of(members)).items():
                self._run("UPDATE events SET component = ?, cluster = ? WHERE key = ?",
                          (placed.component, placed.cluster, key))

    def _articles_of(self, reports: list[Report]) -> list[Report]:
        """Every stored report of the articles these reports come from."""
        ids = sorted({r.article_id for r in reports})
        return [r for chunk in range(0, len(ids), 500) for r in self._reports(
            f"WHERE article_id IN ({','.join('?' * len(ids[chunk : chunk + 500]))})", tuple(ids[chunk : chunk + 500]))]

    def _join(self, reports: list[Report]) -> None:
        """Link an article's new reports to their reports in other articles, merging clusters."""
        slack = timedelta(days=self.settings.date_slack_days)
        candidates: dict[str, Report] = {}
        for report in reports:
            if report.start is None or report.end is None or report.lat is None or report.lon is None:
                continue
            # degrees: a box a little larger than the radius, wider in longitude away from the equator
            reach = self.settings.radius_km / 110.0
            reach_lon = reach / max(math.cos(math.radians(report.lat)), 0.1)
            # only what could tell the same event: the same type, a narrow date that overlaps, a
            # precise place nearby (same_event decides)
            for found in self._reports(
                    "WHERE type = ? AND article_id != ? AND date_start <= ? AND date_end >= ? "
                    f"AND {self.DAY_SPAN} < ? AND precision IN ('facility', 'city', "
                    "'district') AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
                    (report.type, report.article_id, (report.end + slack).isoformat(),
                     (report.start - slack).isoformat(), self.settings.max_days, report.lat - reach,
                     report.lat + reach, report.lon - reach_lon, report.lon + reach_lon)):
                if same_event(report, found, self.settings):  # only these can be linked
                    candidates[found.key] = found
        if not candidates:
            return
        context = self._articles_of(list(candidates.values()))
        touched: set[str] = set()
        for a, b in links([*reports, *candidates.values()], self.settings, [*reports, *context]):
            merged = sorted({self._component_of(a), self._component_of(b)})
            if len(merged) == 2:  # a component is named by its smallest key
                self._run("UPDATE events SET component = ? WHERE component = ?", (merged[0], merged[1]))
                touched = (touched - {merged[1]}) | {merged[0]}
        self._place(touched)

    def _component_of(self, key: str) -> str:
        return str(self._run("SELECT component FROM events WHERE key = ?", (key,)).fetchone()[0])

    def _reports(self, where: str, parameters: tuple[object, ...]) -> list[Report]:
        query = f"SELECT {REPORT_COLUMNS} FROM events {where} ORDER BY key"
        return [_report(row) for row in self._run(query, parameters)]

    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        """Reports matching a query, each with the cluster it belongs to, by date then key."""
        where, parameters = self._where(query or EventQuery())
        rows = self._run(f"SELECT {REPORT_COLUMNS}, cluster FROM events e {where} "
                               "ORDER BY date_start, key", parameters)
        return [StoredEvent(_report(row[:-1]), row[-1]) for row in rows]

    def canonical_events(self, query: EventQuery | None = None) -> list[CanonicalEvent]:
        """One merged event per cluster with a report matching the query."""
        wanted = sorted({stored.cluster for stored in self.events(query)})
        merged = [canonical(cluster_id, self._reports("WHERE cluster = ?", (cluster_id,))) for cluster_id in wanted]
        return sorted(merged, key=lambda e: (e.start or date.max, e.id))

    def event(self, cluster_id: str) -> CanonicalEvent | None:
        """The merged event a cluster id names, or None."""
        reports = self._reports("WHERE cluster = ?", (cluster_id,))
        return canonical(cluster_id, reports) if reports else None

    def clusters(self) -> dict[str, str]:
        """Cluster id of every stored report."""
        return dict(self._run("SELECT key, cluster FROM events").fetchall())

    def search(self, text: str) -> list[str]:
        """Ids of the articles in which every term of ``text`` occurs, in any of its readings."""
        terms = query_terms(text)
        if not terms:
            return []
        clause, parameter = self._words_clause(terms)
        return sorted(row[0] for row in self._run(clause, (parameter,)))

    def articles(self, limit: int | None = None, offset: int = 0) -> Iterator[StoredArticle]:
        """Stored articles by publication date, with their latest extraction's counts."""
        query = """
            SELECT a.id, a.published, a.title, a.publisher, a.language,
                   COALESCE(e.sentences, 0), COALESCE(e.entities, 0), COALESCE(e.events, 0)
            FROM articles a
            LEFT JOIN extractions e ON e.article_id = a.id
                AND e.created_at = (SELECT MAX(created_at) FROM extractions WHERE article_id = a.id)
            ORDER BY a.published, a.id
        """
        if limit is not None:
            query += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        for row in self._run(query):
            yield StoredArticle(row[0], date.fromisoformat(row[1]) if row[1] else None, *row[2:])

    def article(self, article_id: str) -> Article | None:
        row = self._run(
            "SELECT id, title, author, published, publisher, translator, original_source, url, language, "
            "retrieved, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        keys = ("id", "title", "author", "published", "publisher", "translator", "original_source", "url",
                "language", "retrieved", "text")
        return Article.model_validate(dict(zip(keys, row, strict=True)))

    def extraction(self, article_id: str) -> Extraction | None:
        row = self._run(
            "SELECT json FROM extractions WHERE article_id = ? ORDER BY created_at DESC LIMIT 1",
            (article_id,)).fetchone()
        return Extraction.model_validate_json(row[0]) if row else None

    def entities(self, query: EntityQuery | None = None) -> tuple[int, list[StoredEntity]]:
        """Who and what the stored articles name, one row per knowledge-base entry (or per name, for
        names the knowledge base does not know), most often named first; and how many there are."""
        query = query or EntityQuery()
        clauses: list[str] = []
        parameters: list[object] = []
        if query.type:
            clauses.append("type = ?")
            parameters.append(query.type.upper())
        if query.name:
            clauses.append("(name LIKE ? OR name_en LIKE ? OR kb_id = ?)")
            parameters += [f"%{query.name}%", f"%{query.name}%", query.name]
        if query.article:
            clauses.append("article_id = ?")
            parameters.append(query.article)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        grouped = (f"SELECT COALESCE(kb_id, type || ':' || name) AS entity, MIN(kb_id), MIN(type), MIN(name), "
                   f"MIN(name_en), MIN(actor_code), MIN(country), COUNT(DISTINCT article_id), SUM(mentions) "
                   f"FROM entities {where} GROUP BY COALESCE(kb_id, type || ':' || name)")
        total = int(self._run(f"SELECT COUNT(*) FROM ({grouped}) g", parameters).fetchone()[0])
        rows = self._run(f"{grouped} ORDER BY COUNT(DISTINCT article_id) DESC, SUM(mentions) DESC, 1 "
                         "LIMIT ? OFFSET ?", [*parameters, query.limit, query.offset])
        return total, [StoredEntity(kb_id=row[1], type=row[2], name=row[3], name_en=row[4], actor_code=row[5],
                                    country=row[6], articles=int(row[7]), mentions=int(row[8])) for row in rows]

    def extraction_versions(self, article_id: str) -> list[str]:
        """The extractor versions whose output is kept for an article, oldest version name first."""
        rows = self._run("SELECT rasd_version FROM extractions WHERE article_id = ? ORDER BY rasd_version",
                         (article_id,))
        return [row[0] for row in rows]

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, in a fixed order: to compare two states of a store."""
        return {table: [tuple(row) for row in self._run(f"SELECT * FROM {table} ORDER BY 1, 2")]
                for table in TABLES}

    def count(self) -> int:
        return int(self._run("SELECT COUNT(*) FROM articles").fetchone()[0])

    def _where(self, query: EventQuery) -> tuple[str, tuple[object, ...]]:
        """The WHERE clause of an event query over ``events e``."""
        clauses: list[str] = []
        parameters: list[object] = []
        if query.start is not None:
            clauses.append("e.date_end >= ?")
            parameters.append(query.start.isoformat())
        if query.end is not None:
            clauses.append("e.date_start <= ?")
            parameters.append(query.end.isoformat())
        if query.country:
            clauses.append("e.country = ?")
            parameters.append(query.country.upper())
        if query.type:
            clauses.append("e.type = ?")
            parameters.append(query.type.upper())
        if query.bbox is not None:
            west, south, east, north = query.bbox
            clauses.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
            parameters += [south, north, west, east]
        if query.actor:
            # an actor's kb id, English name or written name, among the sources or the targets
            clauses.append("(e.sources LIKE ? OR e.targets LIKE ? OR e.source_names LIKE ? OR e.target_names LIKE ?)")
            parameters += [f"%{json.dumps(query.actor, ensure_ascii=False)[1:-1]}%"] * 4
        if query.text:
            terms = query_terms(query.text)
            if terms:
                clause, parameter = self._words_clause(terms)
                clauses.append(f"e.article_id IN ({clause})")
                parameters.append(parameter)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(parameters)


REPORT_COLUMNS = ("key, article_id, publisher, type, date_start, date_end, country, lat, lon, precision, place_id, "
                  "place, sources, targets, source_names, target_names, fatalities, injuries, acled_event_type, "
                  "acled_sub_event_type, source_codes, target_codes, date_basis, weapons")


def _sides_json(record: TruceRecord) -> list[dict[str, list[str]]]:
    return [{"kb_ids": sorted(side.kb_ids), "names": sorted(side.names), "codes": sorted(side.codes),
             "shown": list(shown)} for side, shown in zip(record.sides, record.side_names, strict=True)]


def _truce(row: tuple[Any, ...]) -> TruceRecord:
    key, article_id, kind, status, start, end, country, lat, lon, precision, sides, origin, conditions, source = row
    parsed = json.loads(sides)
    return TruceRecord(key=key, article_id=article_id, kind=kind, status=status, origin=origin,
                       conditions=conditions, source=source,
                       start=date.fromisoformat(start) if start else None,
                       end=date.fromisoformat(end) if end else None, country=country, lat=lat, lon=lon,
                       precision=precision,
                       sides=tuple(Side(frozenset(s["kb_ids"]), frozenset(s["names"]), frozenset(s["codes"]))
                                   for s in parsed),
                       side_names=tuple(tuple(s["shown"]) for s in parsed))


def _report(row: tuple[Any, ...]) -> Report:
    (key, article_id, publisher, kind, start, end, country, lat, lon, precision, place_id, place, sources,
     targets, source_names, target_names, fatalities, injuries, acled_type, acled_sub_type, source_codes,
     target_codes, date_basis, weapons) = row
    return Report(key=key, article_id=article_id, publisher=publisher, type=kind,
                  start=date.fromisoformat(start) if start else None, end=date.fromisoformat(end) if end else None,
                  country=country, lat=lat, lon=lon, precision=precision, place_id=place_id, place=place,
                  sources=tuple(json.loads(sources)), targets=tuple(json.loads(targets)),
                  source_names=tuple(json.loads(source_names)), target_names=tuple(json.loads(target_names)),
                  fatalities=fatalities, injuries=injuries, acled_event_type=acled_type,
                  acled_sub_event_type=acled_sub_type, source_codes=tuple(json.loads(source_codes)),
                  target_codes=tuple(json.loads(target_codes)), date_basis=date_basis,
                  weapons=tuple(json.loads(weapons)))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
