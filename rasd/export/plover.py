"""PLOVER JSON records, one per line, with the field names of the PLOVER specification: ``id``,
``date``/``enddate``, ``event`` (a list of categories), ``mode``, ``quad_code``, ``source`` and
``recipient`` (lists of actor objects with ``actor_text`` and ``identifier_id``), ``event_loc``
(GeoNames-style location fields), ``dead``/``injured``, ``cite_info`` and ``coder``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from rasd import __version__
from rasd.dedup import CanonicalEvent

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
        "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def plover_record(event: CanonicalEvent) -> dict[str, object]:
    record: dict[str, object] = {
        "id": event.id,
        "date": event.start.isoformat() if event.start else None,
        "enddate": event.end.isoformat() if event.end else None,
        "event": [event.type],
        "quad_code": QUAD.get(event.type),
        "source": [{"actor_text": name} for name in event.sources],
        "recipient": [{"actor_text": name} for name in event.targets],
        "event_loc": {"name": event.place, "latitude": event.lat, "longitude": event.lon,
                      "country code": event.country} if event.country else None,
        "dead": event.fatalities.low,
        "injured": event.injuries.low,
        "cite_info": [{"publication": r.publisher, "citation": r.key} for r in event.reports],
        "coder": f"rasd {__version__}",
    }
    return record


def write_plover_jsonl(events: Sequence[CanonicalEvent], stream: TextIO) -> None:
    for event in events:
        stream.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
