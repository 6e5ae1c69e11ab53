"""Pairing predicted events with gold ones, and the tests each pair's attributes must pass.

A prediction can stand for a gold event when it has an accepted type, its dates overlap (a
day's slack), and it names a place in a compatible country within 150 km; among those, pairs
that also get the date, the place (25 km), the death toll and the parties right are preferred,
and each gold event and each prediction is used once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from rasd.evaluate.gold import NOT_SCORED, GoldEvent, GoldPlace
from rasd.kb.geocode import distance_km
from rasd.schema import DateInterval, Event, Location
from rasd.text.normalize import fold

SLACK = timedelta(days=1)
PLACE_KM = 25.0  # a place this close is right
NEAR_KM = 150.0  # a place farther than this cannot be the same event
PUNCTUATION = re.compile(r"[^\w\s]")
FILLER = frozenset({"the", "al", "el"})


def name_key(name: str) -> str:
    """Names compare after folding spelling, case, punctuation and the article («الحوثيين» ~ «حوثيين»)."""
    words = []
    for word in PUNCTUATION.sub(" ", fold(name).lower()).split():
        if word in FILLER:
            continue
        if word.startswith(("al-", "el-")):
            word = word[3:]
        if len(word) > 3 and word.startswith("ال"):
            word = word[2:]
        words.append(word)
    return " ".join(words)


def name_keys(names: Iterable[str | None]) -> set[str]:
    return {key for key in (name_key(n) for n in names if n) if key}


def _days(value: DateInterval | None) -> tuple[date, date] | None:
    return (value.start, value.end) if value is not None else None


def date_right(gold: tuple[date, date] | None, predicted: DateInterval | None) -> bool:
    """The predicted interval lies inside the gold one."""
    if gold is None:
        return True
    days = _days(predicted)
    return days is not None and days[0] >= gold[0] - SLACK and days[1] <= gold[1] + SLACK


def _dates_overlap(gold: tuple[date, date] | None, predicted: DateInterval | None) -> bool:
    days = _days(predicted)
    if gold is None or days is None:
        return True
    return days[0] <= gold[1] + SLACK and gold[0] <= days[1] + SLACK


def _coords(place: GoldPlace | Location) -> tuple[float, float] | None:
    return (place.lat, place.lon) if place.lat is not None and place.lon is not None else None


def place_right(gold: GoldPlace | None, predicted: Location | None) -> bool:
    """Within 25 km of the gold point, or the right country when the gold gives only a country."""
    if gold is None:
        return True
    if predicted is None:
        return False
    gold_point, point = _coords(gold), _coords(predicted)
    if gold.precision == "country" or gold_point is None:
        return gold.country is not None and gold.country == (predicted.country or "").upper()
    return point is not None and distance_km(gold_point, point) <= PLACE_KM


def _places_compatible(gold: GoldPlace | None, predicted: Location | None) -> bool:
    if gold is None:
        return True
    if predicted is None or not (predicted.country or _coords(predicted)):
        return False  # an event without a place matches no placed gold event
    country = (predicted.country or "").upper() or None
    if gold.country and country and gold.country != country:
        return False
    gold_point, point = _coords(gold), _coords(predicted)
    if gold_point and point and gold.precision != "country" and predicted.precision != "country":
        return distance_km(gold_point, point) <= NEAR_KM
    return True


def count_right(gold: object, predicted: int | None) -> bool:
    """Gold is a number, a list of accepted numbers, or null (not stated)."""
    accepted = gold if isinstance(gold, list) else [gold]
    return predicted in accepted


def party_names(event: Event, role: str) -> list[set[str]]:
    return [name_keys([p.text, p.name_ar, p.name_en]) for p in event.actors if p.role == role]


def parties_found(gold: list[list[str]], predicted: list[set[str]]) -> int:
    """Gold parties that some distinct predicted party answers to."""
    used: set[int] = set()
    found = 0
    for names in gold:
        keys = name_keys(names)
        for index, candidate in enumerate(predicted):
            if index not in used and keys & candidate:
                used.add(index)
                found += 1
                break
    return found


def pair_events(gold: list[GoldEvent], predicted: list[Event]) -> list[tuple[int, int]]:
    """(gold index, prediction index) of the events that stand for each other."""
    candidates: list[tuple[float, int, int]] = []
    for g, gold_event in enumerate(gold):
        for p, event in enumerate(predicted):
            if event.type.upper() not in gold_event.types or not _dates_overlap(gold_event.date, event.date) \
                    or not _places_compatible(gold_event.place, event.location):
                continue
            quality = 1.0 + date_right(gold_event.date, event.date) + place_right(gold_event.place, event.location)
            # an unscored toll counts as «not stated» here: a prediction without one fits it best
            quality += count_right(None if gold_event.fatalities is NOT_SCORED else gold_event.fatalities,
                                   event.fatalities)
            quality += 0.5 * parties_found(gold_event.sources, party_names(event, "source"))
            quality += 0.5 * parties_found(gold_event.targets, party_names(event, "target"))
            candidates.append((quality, g, p))
    candidates.sort(reverse=True)  # best first; among equals, later events first
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p))
    return pairs
