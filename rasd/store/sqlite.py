"""The embedded default store: one SQLite file.

Articles are stored once, keyed by id, with the hash of their text; storing the same article
again changes nothing. Each extractor version's output is kept beside the article as JSON,
so re-processing with a newer version adds a row instead of destroying the old one; the
article's searchable words (``articles_search``, FTS5 over every reading of every folded word:
«بيروت» finds «وبيروت», «اربيل» finds «أربيل») and its events are replaced with the newest
version's in the same transaction. Each event row carries the cluster it belongs to
(``rasd.dedup``): saving an article merges its events with the clusters they match and
recomputes the clusters its previous events left, so the clusters never depend on the order
articles arrive in. Schema changes are named migrations, recorded in ``migrations`` and applied
in order on open.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from platformdirs import user_data_dir

from rasd.dedup import CanonicalEvent, Report, Settings, canonical, clusters, links, report_of, same_event
from rasd.schema import Article, Extraction
from rasd.text.search import index_words, query_terms
from rasd.truces.monitor import Side, TruceRecord, truce_record, violation

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_articles_and_extractions",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            title TEXT, author TEXT, published TEXT, publisher TEXT, translator TEXT,
            original_source TEXT, url TEXT, language TEXT, retrieved TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles (published);
        CREATE INDEX articles_hash ON articles (content_hash);
        CREATE TABLE extractions (
            article_id TEXT NOT NULL REFERENCES articles (id),
            rasd_version TEXT NOT NULL,
            schema_version TEXT NOT NULL,
            created_at TEXT NOT NULL,
            sentences INTEGER NOT NULL,
            entities INTEGER NOT NULL,
            events INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (article_id, rasd_version)
        );
        """,
    ),
    (
        "0002_events_and_search",
        """
        CREATE TABLE events (
            key TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id),
            rasd_version TEXT NOT NULL,
            publisher TEXT,
            type TEXT NOT NULL,
            date_start TEXT, date_end TEXT,
            country TEXT, lat REAL, lon REAL, precision TEXT, place_id TEXT, place TEXT,
            sources TEXT NOT NULL, targets TEXT NOT NULL,
            source_names TEXT NOT NULL, target_names TEXT NOT NULL,
            fatalities INTEGER, injuries INTEGER,
            acled_event_type TEXT, acled_sub_event_type TEXT,
            cluster TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX events_article ON events (article_id);
        CREATE INDEX events_type_date ON events (type, date_start, date_end);
        CREATE INDEX events_cluster ON events (cluster);
        CREATE VIRTUAL TABLE articles_search USING fts5 (article_id UNINDEXED, words);
        """,
    ),
    (
        "0003_truces_and_violations",
        """
        ALTER TABLE events ADD COLUMN source_codes TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE events ADD COLUMN target_codes TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE truces (
            key TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id),
            kind TEXT NOT NULL, status TEXT NOT NULL,
            date_start TEXT, date_end TEXT,
            country TEXT, lat REAL, lon REAL, precision TEXT,
            sides TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX truces_article ON truces (article_id);
        CREATE TABLE violations (
            truce_key TEXT NOT NULL REFERENCES truces (key) ON DELETE CASCADE,
            event_key TEXT NOT NULL REFERENCES events (key) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            PRIMARY KEY (truce_key, event_key)
        );
        """,
    ),
)


def default_db_path() -> Path:
    """``$RASD_DB`` if set, else ``rasd.sqlite`` in the user's data directory."""
    env = os.environ.get("RASD_DB")
    if env:
        return Path(env)
    return Path(user_data_dir("rasd", appauthor=False)) / "rasd.sqlite"


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


class SqliteStore:
    def __init__(self, path: str | Path, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.new_violations: list[Violation] = []
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
        self._migrate()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        with self.db:
            self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        backfill = False
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            # one script, one transaction: a migration is applied and recorded, or neither
            record = f"INSERT INTO migrations VALUES ('{name}', '{_now()}');"
            self.db.executescript("BEGIN;" + sql + record + "COMMIT;")
            backfill = backfill or name in ("0002_events_and_search", "0003_truces_and_violations")
        if backfill:
            self._backfill()  # once every table exists

    def _backfill(self) -> None:
        """Index the events and words of articles stored before the store had them."""
        with self.db:
            for (article_id,) in self.db.execute("SELECT id FROM articles ORDER BY id").fetchall():
                extraction = self.extraction(article_id)
                if extraction is not None:
                    self._index(extraction)

    def migrations(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    def save(self, extraction: Extraction) -> bool:
        """Store an article and its extraction in one transaction; False when nothing changed."""
        article = extraction.article
        payload = extraction.model_dump_json()
        with self.db:
            row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
            changed = row is None or row[0] != article.content_hash
            if changed:
                self.db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (article.id, article.content_hash, article.title, article.author,
                     _iso(article.published), article.publisher, article.translator,
                     article.original_source, article.url, article.language, _iso(article.retrieved),
                     article.text, _now()),
                )
            old = self.db.execute(
                "SELECT json FROM extractions WHERE article_id = ? AND rasd_version = ?",
                (article.id, extraction.rasd_version),
            ).fetchone()
            if changed or old is None or old[0] != payload:
                self.db.execute(
                    "INSERT OR REPLACE INTO extractions VALUES (?,?,?,?,?,?,?,?)",
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
        self.db.execute("DELETE FROM articles_search WHERE article_id = ?", (article.id,))
        self.db.execute("INSERT INTO articles_search VALUES (?, ?)",
                        (article.id, index_words(f"{article.title or ''}\n{article.text}")))
        left = {row[0] for row in self.db.execute("SELECT cluster FROM events WHERE article_id = ?", (article.id,))}
        self.db.execute("DELETE FROM violations WHERE event_key IN (SELECT key FROM events WHERE article_id = ?) "
                        "OR truce_key IN (SELECT key FROM truces WHERE article_id = ?)", (article.id, article.id))
        self.db.execute("DELETE FROM events WHERE article_id = ?", (article.id,))
        self._recluster(left)
        reports = []
        for event in extraction.events:
            report = report_of(extraction, event)
            reports.append(report)
            self.db.execute(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (report.key, article.id, extraction.rasd_version, report.publisher, report.type,
                 _iso(report.start), _iso(report.end), report.country, report.lat, report.lon, report.precision,
                 report.place_id, report.place, json.dumps(report.sources, ensure_ascii=False),
                 json.dumps(report.targets, ensure_ascii=False), json.dumps(report.source_names, ensure_ascii=False),
                 json.dumps(report.target_names, ensure_ascii=False), report.fatalities, report.injuries,
                 report.acled_event_type, report.acled_sub_event_type, report.key, event.model_dump_json(),
                 json.dumps(report.source_codes), json.dumps(report.target_codes)))
        self._join(reports)
        self._store_truces(extraction)
        self._detect(extraction)

    def _store_truces(self, extraction: Extraction) -> None:
        article = extraction.article
        self.db.execute("DELETE FROM truces WHERE article_id = ?", (article.id,))
        for truce in extraction.truces:
            record = truce_record(extraction, truce)
            self.db.execute("INSERT INTO truces VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                            (record.key, article.id, record.kind, record.status, _iso(record.start),
                             _iso(record.end), record.country, record.lat, record.lon, record.precision,
                             json.dumps(_sides_json(record), ensure_ascii=False), truce.model_dump_json()))

    def _detect(self, extraction: Extraction) -> None:
        """Record the violations the article's events commit and its truces suffer."""
        article_id = extraction.article.id
        events = self._reports("WHERE article_id = ? AND type = 'ASSAULT' AND date_start IS NOT NULL",
                               (article_id,))
        mine = self.truces("WHERE article_id = ?", (article_id,))
        pairs: list[tuple[TruceRecord, Report]] = []
        if events:  # the truces in force at some point of these events' dates
            first = min(_iso(e.start) or "" for e in events)
            last = max(_iso(e.end) or "" for e in events)
            pairs += [(t, e) for t in self.truces("WHERE status != 'proposed' AND date_start <= ? AND "
                                                  "(date_end IS NULL OR date_end >= ?)", (last, first))
                      for e in events]
        for truce in mine:  # events already stored that fall inside the truce's window
            start = _iso(truce.start) or "9999-12-31"
            end = _iso(truce.end) or "9999-12-31"
            pairs += [(truce, e) for e in self._reports(
                "WHERE type = 'ASSAULT' AND article_id != ? AND date_start >= ? AND date_end <= ?",
                (article_id, start, end))]
        for truce, event in pairs:
            reason = violation(truce, event)
            if reason is None:
                continue
            inserted = self.db.execute("INSERT OR IGNORE INTO violations VALUES (?,?,?,?)",
                                       (truce.key, event.key, reason, _now())).rowcount
            if inserted:
                self.new_violations.append(Violation(truce, event, reason))

    def take_new_violations(self) -> list[Violation]:
        """The violations detected since the last call (for notification hooks)."""
        found, self.new_violations = self.new_violations, []
        return found

    def truces(self, where: str = "", parameters: tuple[object, ...] = ()) -> list[TruceRecord]:
        """Stored truces, by start date; ``where`` narrows them (store-internal callers)."""
        rows = self.db.execute("SELECT key, article_id, kind, status, date_start, date_end, country, lat, lon, "
                               f"precision, sides FROM truces {where} ORDER BY date_start, key", parameters)
        return [_truce(row) for row in rows]

    def violations(self) -> list[Violation]:
        truces = {t.key: t for t in self.truces()}
        found = []
        for truce_key, event_key, reason in self.db.execute(
                "SELECT truce_key, event_key, reason FROM violations ORDER BY truce_key, event_key").fetchall():
            (event,) = self._reports("WHERE key = ?", (event_key,))
            found.append(Violation(truces[truce_key], event, reason))
        return found

    def _recluster(self, cluster_ids: set[str]) -> None:
        """Recompute the clusters an article's events left: without them they may fall apart."""
        for cluster_id in sorted(cluster_ids):
            members = self._reports("WHERE cluster = ?", (cluster_id,))
            for key, new_id in clusters(members, self.settings, self._articles_of(members)).items():
                self.db.execute("UPDATE events SET cluster = ? WHERE key = ?", (new_id, key))

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
                    "AND julianday(date_end) - julianday(date_start) < ? AND precision IN ('facility', 'city', "
                    "'district') AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
                    (report.type, report.article_id, (report.end + slack).isoformat(),
                     (report.start - slack).isoformat(), self.settings.max_days, report.lat - reach,
                     report.lat + reach, report.lon - reach_lon, report.lon + reach_lon)):
                if same_event(report, found, self.settings):  # only these can be linked
                    candidates[found.key] = found
        if not candidates:
            return
        context = self._articles_of(list(candidates.values()))
        for a, b in links([*reports, *candidates.values()], self.settings, [*reports, *context]):
            merged = sorted({self._cluster_of(a), self._cluster_of(b)})
            if len(merged) == 2:  # a cluster is named by its smallest key
                self.db.execute("UPDATE events SET cluster = ? WHERE cluster = ?", (merged[0], merged[1]))

    def _cluster_of(self, key: str) -> str:
        return str(self.db.execute("SELECT cluster FROM events WHERE key = ?", (key,)).fetchone()[0])

    def _reports(self, where: str, parameters: tuple[object, ...]) -> list[Report]:
        query = f"SELECT {REPORT_COLUMNS} FROM events {where} ORDER BY key"
        return [_report(row) for row in self.db.execute(query, parameters)]

    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        """Reports matching a query, each with the cluster it belongs to, by date then key."""
        where, parameters = _where(query or EventQuery())
        rows = self.db.execute(f"SELECT {REPORT_COLUMNS}, cluster FROM events e {where} "
                               "ORDER BY date_start, key", parameters)
        return [StoredEvent(_report(row[:-1]), row[-1]) for row in rows]

    def canonical_events(self, query: EventQuery | None = None) -> list[CanonicalEvent]:
        """One merged event per cluster with a report matching the query."""
        wanted = sorted({stored.cluster for stored in self.events(query)})
        merged = [canonical(cluster_id, self._reports("WHERE cluster = ?", (cluster_id,))) for cluster_id in wanted]
        return sorted(merged, key=lambda e: (e.start or date.max, e.id))

    def clusters(self) -> dict[str, str]:
        """Cluster id of every stored report."""
        return dict(self.db.execute("SELECT key, cluster FROM events").fetchall())

    def search(self, text: str) -> list[str]:
        """Ids of the articles in which every term of ``text`` occurs, in any of its readings."""
        terms = query_terms(text)
        if not terms:
            return []
        match = " ".join('"' + term.replace('"', "") + '"' for term in terms)
        rows = self.db.execute("SELECT article_id FROM articles_search WHERE words MATCH ? ORDER BY article_id",
                               (match,))
        return [row[0] for row in rows]

    def articles(self) -> Iterator[StoredArticle]:
        query = """
            SELECT a.id, a.published, a.title, a.publisher, a.language,
                   COALESCE(e.sentences, 0), COALESCE(e.entities, 0), COALESCE(e.events, 0)
            FROM articles a
            LEFT JOIN extractions e ON e.article_id = a.id
                AND e.created_at = (SELECT MAX(created_at) FROM extractions WHERE article_id = a.id)
            ORDER BY a.published, a.id
        """
        for row in self.db.execute(query):
            yield StoredArticle(row[0], date.fromisoformat(row[1]) if row[1] else None, *row[2:])

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute(
            "SELECT id, title, author, published, publisher, translator, original_source, url, language, "
            "retrieved, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        keys = ("id", "title", "author", "published", "publisher", "translator", "original_source", "url",
                "language", "retrieved", "text")
        return Article.model_validate(dict(zip(keys, row, strict=True)))

    def extraction(self, article_id: str) -> Extraction | None:
        row = self.db.execute(
            "SELECT json FROM extractions WHERE article_id = ? ORDER BY created_at DESC LIMIT 1",
            (article_id,)).fetchone()
        return Extraction.model_validate_json(row[0]) if row else None

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


REPORT_COLUMNS = ("key, article_id, publisher, type, date_start, date_end, country, lat, lon, precision, place_id, "
                  "place, sources, targets, source_names, target_names, fatalities, injuries, acled_event_type, "
                  "acled_sub_event_type, source_codes, target_codes")


@dataclass(frozen=True, slots=True)
class Violation:
    truce: TruceRecord
    event: Report
    reason: str


def _sides_json(record: TruceRecord) -> list[dict[str, list[str]]]:
    return [{"kb_ids": sorted(side.kb_ids), "names": sorted(side.names), "codes": sorted(side.codes),
             "shown": list(shown)} for side, shown in zip(record.sides, record.side_names, strict=True)]


def _truce(row: tuple[Any, ...]) -> TruceRecord:
    key, article_id, kind, status, start, end, country, lat, lon, precision, sides = row
    parsed = json.loads(sides)
    return TruceRecord(key=key, article_id=article_id, kind=kind, status=status,
                       start=date.fromisoformat(start) if start else None,
                       end=date.fromisoformat(end) if end else None, country=country, lat=lat, lon=lon,
                       precision=precision,
                       sides=tuple(Side(frozenset(s["kb_ids"]), frozenset(s["names"]), frozenset(s["codes"]))
                                   for s in parsed),
                       side_names=tuple(tuple(s["shown"]) for s in parsed))


def _report(row: tuple[Any, ...]) -> Report:
    (key, article_id, publisher, kind, start, end, country, lat, lon, precision, place_id, place, sources,
     targets, source_names, target_names, fatalities, injuries, acled_type, acled_sub_type, source_codes,
     target_codes) = row
    return Report(key=key, article_id=article_id, publisher=publisher, type=kind,
                  start=date.fromisoformat(start) if start else None, end=date.fromisoformat(end) if end else None,
                  country=country, lat=lat, lon=lon, precision=precision, place_id=place_id, place=place,
                  sources=tuple(json.loads(sources)), targets=tuple(json.loads(targets)),
                  source_names=tuple(json.loads(source_names)), target_names=tuple(json.loads(target_names)),
                  fatalities=fatalities, injuries=injuries, acled_event_type=acled_type,
                  acled_sub_event_type=acled_sub_type, source_codes=tuple(json.loads(source_codes)),
                  target_codes=tuple(json.loads(target_codes)))


def _where(query: EventQuery) -> tuple[str, tuple[object, ...]]:
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
            clauses.append("e.article_id IN (SELECT article_id FROM articles_search WHERE words MATCH ?)")
            parameters.append(" ".join('"' + term.replace('"', "") + '"' for term in terms))
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(parameters)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
