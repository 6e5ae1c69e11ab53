"""Parquet: one typed row per merged event, for pandas, DuckDB, R's arrow or Spark.

Dates are dates, coordinates doubles, counts integers (null when no report gives one); the
parties, outlets and report keys are lists. A count that reports disagree on keeps its range
(``fatalities_low``, ``fatalities_high``) and, in ``fatalities_by_report``, each report's value.
Needs pyarrow (``pip install 'rasd[parquet]'``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from rasd.dedup import CanonicalEvent


def _schema() -> Any:
    import pyarrow as pa

    text, texts, count = pa.string(), pa.list_(pa.string()), pa.int32()
    return pa.schema([
        ("event_id", text), ("type", text), ("acled_event_type", text), ("acled_sub_event_type", text),
        ("date_start", pa.date32()), ("date_end", pa.date32()), ("country", text), ("place", text),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", text),
        ("sources", texts), ("targets", texts),
        ("fatalities_low", count), ("fatalities_high", count), ("fatalities_by_report", text),
        ("injuries_low", count), ("injuries_high", count), ("injuries_by_report", text),
        ("outlets", texts), ("reports", texts),
    ])


def parquet_row(event: CanonicalEvent) -> dict[str, Any]:
    return {
        "event_id": event.id, "type": event.type, "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type, "date_start": event.start, "date_end": event.end,
        "country": event.country, "place": event.place, "latitude": event.lat, "longitude": event.lon,
        "geo_precision": event.precision, "sources": event.sources, "targets": event.targets,
        "fatalities_low": event.fatalities.low, "fatalities_high": event.fatalities.high,
        "fatalities_by_report": json.dumps(event.fatalities.by_report),
        "injuries_low": event.injuries.low, "injuries_high": event.injuries.high,
        "injuries_by_report": json.dumps(event.injuries.by_report),
        "outlets": sorted({r.publisher for r in event.reports if r.publisher}),
        "reports": [r.key for r in event.reports],
    }


def write_parquet(events: Sequence[CanonicalEvent], target: Path | BinaryIO) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # an optional dependency
        raise RuntimeError("the parquet export needs pyarrow: pip install 'rasd[parquet]'") from exc
    table = pa.Table.from_pylist([parquet_row(e) for e in events], schema=_schema())
    pq.write_table(table, target)
