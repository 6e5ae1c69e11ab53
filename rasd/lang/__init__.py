"""Language data shipped with Rasd: tab-separated tables under ``lang/<code>/``.

Every table has a header line and a ``source`` column saying where each row comes from.
Code reads knowledge through :func:`load_table`; it never spells Arabic words itself.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources


class DataTableError(ValueError):
    """A shipped data table is missing, malformed, or lacks its provenance column."""


@cache
def load_table(name: str, lang: str = "ar") -> tuple[dict[str, str], ...]:
    """Rows of ``lang/<lang>/<name>.tsv`` as dicts keyed by the header's column names."""
    resource = resources.files(__package__).joinpath(lang, f"{name}.tsv")
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataTableError(f"no data table {lang}/{name}.tsv") from exc
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    if reader.fieldnames is None or "source" not in reader.fieldnames:
        raise DataTableError(f"{lang}/{name}.tsv has no source column")
    rows = tuple(reader)
    for line_no, row in enumerate(rows, start=2):
        if None in row.values() or not row["source"]:
            raise DataTableError(f"{lang}/{name}.tsv line {line_no}: missing fields")
    return rows


def column(name: str, field: str, lang: str = "ar") -> frozenset[str]:
    """The set of values one column of a table holds."""
    return frozenset(row[field] for row in load_table(name, lang))
