"""Publication dates as inputs write them: ISO strings, «15 مارس, 2021», 15/03/2021."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from rasd.lang import load_table
from rasd.text.normalize import fold

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_NAMED = re.compile(r"(\d{1,2})\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)\s*[,،]?\s*(\d{4})")


@cache
def _gregorian_months() -> dict[str, int]:
    return {fold(r["name"]): int(r["month"]) for r in load_table("months") if r["calendar"] == "gregorian"}


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """A calendar date from a metadata value, or None when it holds none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = fold(value)
    if m := _ISO.search(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.search(text):
        return _make(int(m[3]), int(m[2]), int(m[1]))
    if m := _NAMED.search(text):
        month = _gregorian_months().get(m[2]) or _gregorian_months().get(m[2].split()[0])
        if month:
            return _make(int(m[3]), month, int(m[1]))
    return None
