"""Exports of the store's merged events in the formats analysts load elsewhere.

* ``acled-csv``: one row per event with ACLED's column names (``acled.py``);
* ``plover-jsonl``: one PLOVER JSON record per line (``plover.py``);
* ``geojson``: a FeatureCollection of the events that have coordinates (``geojson.py``);
* ``parquet``: one typed row per event, binary, written to a file (``parquet.py``).

Each works on :class:`rasd.dedup.CanonicalEvent`: one record per real-world event, with every
report that tells it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rasd.dedup import CanonicalEvent
from rasd.export.acled import write_acled_csv
from rasd.export.geojson import write_geojson
from rasd.export.parquet import write_parquet
from rasd.export.plover import write_plover_jsonl

FORMATS = ("acled-csv", "plover-jsonl", "geojson", "parquet")
BINARY_FORMATS = frozenset({"parquet"})


__all__ = ["BINARY_FORMATS", "FORMATS", "export", "write_parquet"]


def export(events: Sequence[CanonicalEvent], fmt: str, stream: TextIO) -> None:
    """Write ``events`` to ``stream`` in one of :data:`FORMATS`."""
    if fmt == "acled-csv":
        write_acled_csv(events, stream)
    elif fmt == "plover-jsonl":
        write_plover_jsonl(events, stream)
    elif fmt == "geojson":
        write_geojson(events, stream)
    elif fmt in BINARY_FORMATS:
        raise ValueError(f"{fmt} is binary: write it to a file")
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
