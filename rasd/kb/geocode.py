"""Geocoding a place name: from an Arabic name (and the countries it may be in) to a place."""

from __future__ import annotations

import math
from collections.abc import Collection

from rasd.kb.base import KnowledgeBase, name_key
from rasd.kb.model import Entry
from rasd.kb.patterns import place_head_words
from rasd.kb.skeleton import arabic_skeleton

CURATED = ("country", "admin1", "facility")
MIN_SKELETON = 3


def geocode(kb: KnowledgeBase, name: str, countries: Collection[str] = ()) -> Entry | None:
    """The place a name stands for: a known name first («عين الأسد», «مدينة تعز» as «تعز»), in the
    given countries if any is there, curated places before GeoNames ones, then the most populous;
    failing that, the most populous place of those countries whose Latin name has the same
    consonant skeleton («دمت» = Damt)."""
    key = name_key(name)
    readings = [key]
    if len(key) > 1 and key[0] in place_head_words():
        readings.append(key[1:])  # «مدينة تعز», «مديرية ميدي»
    for reading in readings:
        places = [kb.entries[i] for i in kb.names.ids(reading) if kb.entries[i].is_place]
        chosen = [e for e in places if e.country in countries] or ([] if countries else places)
        if chosen:
            return max(chosen, key=lambda e: (e.precision in CURATED, e.population, e.id))
    if not countries:
        return None
    for reading in readings:
        text = " ".join(reading)
        if len(arabic_skeleton(text).replace(" ", "")) < MIN_SKELETON:
            continue
        found = kb.by_skeleton(text, countries)
        if found is not None:
            return found
    return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))
