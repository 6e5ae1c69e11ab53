"""Renderings of extractions: JSON, JSON Lines, and a table for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from functools import cache
from typing import Any

from rich.console import Console
from rich.table import Table

from rasd.evaluate.report import ATTRIBUTES, MEASURES, Evaluation
from rasd.schema import Extraction


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
