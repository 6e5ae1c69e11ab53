"""Renderings of extractions: JSON, JSON Lines, and a table for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from rasd.dedup import CanonicalEvent
from rasd.evaluate.report import ATTRIBUTES, MEASURES, Evaluation
from rasd.schema import Extraction
from rasd.store.base import Violation
from rasd.truces.monitor import TruceRecord, shown_status


def as_dict(extraction: Extraction) -> dict[str, Any]:
    data: dict[str, Any] = extraction.model_dump(mode="json")
    return data


def to_json(extraction: Extraction, indent: int | None = 1) -> str:
    return json.dumps(as_dict(extraction), ensure_ascii=False, indent=indent)


def to_jsonl(extraction: Extraction) -> str:
    return json.dumps(as_dict(extraction), ensure_ascii=False, separators=(",", ":"))


@cache
def _reshaper() -> Any:
    from arabic_reshaper import ArabicReshaper

    # lam-alef must join; the Allah ligature would change how a name such as «حزب الله» reads
    return ArabicReshaper(configuration={"ARABIC LIGATURE ALLAH": False})


def visual(text: str) -> str:
    """Arabic shaped and laid out left to right, for terminals that do no bidi themselves."""
    from bidi import get_display

    return str(get_display(_reshaper().reshape(text)))


def console() -> Console:
    """A console for tables: the terminal's width, or a wide page when output is redirected."""
    return Console() if sys.stdout.isatty() else Console(width=200)


def table(extractions: Sequence[Extraction], console: Console, *, bidi: bool = False) -> None:
    """One row per article: its metadata and what was extracted."""
    show = visual if bidi else (lambda s: s)
    grid = Table(title="Rasd extraction", show_lines=True)
    for name in ("id", "published", "title", "author", "publisher", "source", "sentences", "entities",
                 "events"):
        grid.add_column(name, overflow="fold", no_wrap=name in ("id", "published"),
                        justify="right" if name in ("title", "author") else "left")
    for ex in extractions:
        a = ex.article
        grid.add_row(
            a.id,
            a.published.isoformat() if a.published else "—",
            show(a.title or "—"),
            show(a.author or "—"),
            show(a.publisher or "—"),
            show(a.original_source or "—"),
            str(len(ex.sentences)),
            str(len(ex.entities)),
            str(len(ex.events)),
        )
    console.print(grid)


def evaluation_table(evaluation: Evaluation) -> Table:
    """Precision, recall and F1 of each measure, and the attribute accuracy of matched events."""
    report = evaluation.as_dict()
    shown = Table(title=f"{report['articles']} articles")
    for column in ("measure", "P", "R", "F1", "right", "gold", "predicted"):
        shown.add_column(column, justify="left" if column == "measure" else "right")
    for measure in MEASURES:
        counts = evaluation.total(measure)
        shown.add_row(measure, f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}",
                      str(counts.found), str(counts.gold), str(counts.predicted))
    for attribute in ATTRIBUTES:
        rate = evaluation.attribute_rate(attribute)
        shown.add_row(f"{attribute} of matched events", "", "", "—" if rate is None else f"{rate:.3f}", "", "", "")
    return shown


def _range(low: int | None, high: int | None) -> str:
    if low is None:
        return "—"
    return str(low) if low == high else f"{low}–{high}"


def events_table(events: Sequence[CanonicalEvent], console: Console, *, bidi: bool = False) -> None:
    """One row per real-world event: merged from every report that tells it."""
    show = visual if bidi else (lambda s: s)
    grid = Table(title=f"{len(events)} event(s)", show_lines=True)
    for name in ("event", "date", "type", "place", "sources", "targets", "killed", "injured", "reports"):
        grid.add_column(name, overflow="fold", no_wrap=name in ("event", "date", "type"))
    for event in events:
        when = "—" if event.start is None else event.start.isoformat() if event.start == event.end else \
            f"{event.start.isoformat()}…{event.end.isoformat() if event.end else ''}"
        grid.add_row(event.id, when, event.type, show(", ".join(x for x in (event.place, event.country) if x) or "—"),
                     show("; ".join(event.sources) or "—"), show("; ".join(event.targets) or "—"),
                     _range(event.fatalities.low, event.fatalities.high),
                     _range(event.injuries.low, event.injuries.high),
                     "\n".join(sorted({r.publisher or r.article_id for r in event.reports})))
    console.print(grid)


def event_as_dict(event: CanonicalEvent) -> dict[str, Any]:
    """A merged event as JSON: its fields, the count ranges with each report's value, and the reports."""
    return {
        "id": event.id, "type": event.type,
        "date": {"start": event.start.isoformat() if event.start else None,
                 "end": event.end.isoformat() if event.end else None},
        "location": {"name": event.place, "country": event.country, "lat": event.lat, "lon": event.lon,
                     "precision": event.precision},
        "sources": event.sources, "targets": event.targets,
        "fatalities": {"low": event.fatalities.low, "high": event.fatalities.high,
                       "by_report": event.fatalities.by_report},
        "injuries": {"low": event.injuries.low, "high": event.injuries.high, "by_report": event.injuries.by_report},
        "acled_event_type": event.acled_event_type, "acled_sub_event_type": event.acled_sub_event_type,
        "reports": [{"key": r.key, "article": r.article_id, "publisher": r.publisher} for r in event.reports],
    }


def violation_as_dict(violation: Violation) -> dict[str, Any]:
    event = violation.event
    return {"truce": violation.truce.key, "event": event.key, "reason": violation.reason,
            "date": {"start": event.start.isoformat() if event.start else None,
                     "end": event.end.isoformat() if event.end else None},
            "place": event.place, "country": event.country, "sources": list(event.source_names),
            "targets": list(event.target_names), "fatalities": event.fatalities, "publisher": event.publisher}


def truce_as_dict(truce: TruceRecord, violations: Sequence[Violation]) -> dict[str, Any]:
    return {"key": truce.key, "kind": truce.kind, "status": shown_status(truce, bool(violations)),
            "sides": [list(side) for side in truce.side_names],
            "start": truce.start.isoformat() if truce.start else None,
            "end": truce.end.isoformat() if truce.end else None, "country": truce.country,
            "origin": truce.origin, "conditions": truce.conditions, "source": truce.source,
            "violations": [violation_as_dict(v) for v in violations]}


def truces_table(truces: Sequence[TruceRecord], violations: Sequence[Violation], console: Console, *,
                 bidi: bool = False) -> None:
    """One row per truce, with the attacks that broke it."""
    show = visual if bidi else (lambda s: s)
    grid = Table(title=f"{len(truces)} truce(s), {len(violations)} violation(s)", show_lines=True)
    for name in ("truce", "kind", "status", "sides", "from", "to", "violations"):
        grid.add_column(name, overflow="fold")
    for truce in truces:
        broken = [v for v in violations if v.truce.key == truce.key]
        grid.add_row(truce.key, truce.kind, shown_status(truce, bool(broken)),
                     show(" ⟷ ".join("; ".join(s) for s in truce.side_names)),
                     truce.start.isoformat() if truce.start else "—", truce.end.isoformat() if truce.end else "—",
                     "\n".join(f"{v.event.key} ({v.event.start.isoformat() if v.event.start else '?'})" for v in broken)
                     or "—")
    console.print(grid)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[], None]]:
    """A live count of the articles done, on a terminal's stderr; nothing when stderr is redirected."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} article(s)"),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=None)
        yield lambda: progress.advance(task)
