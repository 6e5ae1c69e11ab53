"""GeoJSON (RFC 7946): a FeatureCollection with one Point per event that has coordinates."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from rasd.dedup import CanonicalEvent


def feature(event: CanonicalEvent) -> dict[str, object]:
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [event.lon, event.lat]},  # RFC 7946: longitude first
        "properties": {
            "type": event.type, "start": event.start.isoformat() if event.start else None,
            "end": event.end.isoformat() if event.end else None, "place": event.place, "country": event.country,
            "precision": event.precision, "sources": event.sources, "targets": event.targets,
            "fatalities_low": event.fatalities.low, "fatalities_high": event.fatalities.high,
            "injuries_low": event.injuries.low, "injuries_high": event.injuries.high,
            "acled_event_type": event.acled_event_type, "acled_sub_event_type": event.acled_sub_event_type,
            "reports": [r.key for r in event.reports],
        },
    }


def write_geojson(events: Sequence[CanonicalEvent], stream: TextIO) -> None:
    placed = [feature(e) for e in events if e.lat is not None and e.lon is not None]
    json.dump({"type": "FeatureCollection", "features": placed}, stream, ensure_ascii=False)
    stream.write("\n")
