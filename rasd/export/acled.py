"""ACLED-style CSV: ACLED's column names, filled from what Rasd knows; unknown stays empty.

ACLED records the lowest count reports give (``fatalities``); ``time_precision`` is 1 for a day,
2 for a week or less, 3 for a longer period; ``geo_precision`` 1 for a town or a facility, 2 for
a district, 3 for a province or a country. ``source`` names every outlet that reports the event.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from rasd.dedup import CanonicalEvent
from rasd.kb import default_kb

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
           "tags", "timestamp")
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
GEO_PRECISION = {"facility": 1, "city": 1, "district": 2, "admin1": 3, "country": 3}


def _time_precision(event: CanonicalEvent) -> int | str:
    if event.start is None or event.end is None:
        return ""
    days = (event.end - event.start).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _country_name(code: str | None) -> str:
    if not code:
        return ""
    kb = default_kb()
    entry = kb.entries.get(kb.country_entry.get(code, ""))
    return entry.name_en if entry is not None and entry.name_en else code


def acled_row(event: CanonicalEvent) -> dict[str, object]:
    """One ACLED row; columns Rasd cannot fill are empty."""
    outlets = sorted({r.publisher for r in event.reports if r.publisher})
    row: dict[str, object] = dict.fromkeys(COLUMNS, "")
    row.update({
        "event_id_cnty": f"{event.country or 'XX'}-{event.id}",
        "event_date": event.start.isoformat() if event.start else "",
        "year": event.start.year if event.start else "",
        "time_precision": _time_precision(event),
        "disorder_type": DISORDER.get(event.acled_event_type or "", ""),
        "event_type": event.acled_event_type or "",
        "sub_event_type": event.acled_sub_event_type or "",
        "actor1": event.sources[0] if event.sources else "",
        "assoc_actor_1": "; ".join(event.sources[1:]),
        "actor2": event.targets[0] if event.targets else "",
        "assoc_actor_2": "; ".join(event.targets[1:]),
        "country": _country_name(event.country),
        "location": event.place or "",
        "latitude": event.lat if event.lat is not None else "",
        "longitude": event.lon if event.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(event.precision or "", ""),
        "source": "; ".join(outlets),
        "notes": f"PLOVER {event.type}; {len(event.reports)} report(s): "
                 + ", ".join(r.key for r in event.reports),
        "fatalities": event.fatalities.low if event.fatalities.low is not None else "",
    })
    return row


def write_acled_csv(events: Sequence[CanonicalEvent], stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(acled_row(event))
