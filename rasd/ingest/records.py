"""Articles from JSON objects: single .json files, JSON arrays, and JSON Lines.

Field names vary between sources; each Article field is read from the first of its
aliases present. ``date_extracted`` (SaudiNewsNet) and similar crawl times are kept as
``retrieved``, never as the publication date.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasd.ingest.dates import parse_date
from rasd.ingest.problems import InputError
from rasd.schema import Article

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "uid"),
    "title": ("title", "headline"),
    "author": ("author", "byline", "authors"),
    "published": ("published", "date_published", "datePublished", "published_at", "publication_date",
                  "pubDate", "date"),
    "publisher": ("publisher", "source", "outlet", "sitename", "site_name", "site"),
    "translator": ("translator",),
    "original_source": ("original_source", "originalSource"),
    "url": ("url", "link", "source_url"),
    "language": ("language", "lang"),
    "retrieved": ("retrieved", "date_extracted", "crawled", "date_crawled", "fetched"),
    "text": ("text", "body", "content", "article", "maintext"),
}


def _first(record: Mapping[str, Any], name: str) -> Any:
    for alias in ALIASES[name]:
        value = record.get(alias)
        if value not in (None, ""):
            return value
    return None


def _string(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = "، ".join(str(v) for v in value if v)
    text = str(value).strip()
    return text or None


def article_from_record(record: Any, default_id: str) -> Article:
    """An :class:`Article` from one decoded JSON value."""
    if not isinstance(record, Mapping):
        raise InputError(f"expected a JSON object, found {type(record).__name__}")
    text = _first(record, "text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("no text field (text, body or content)")
    published_value = _first(record, "published")
    published = parse_date(published_value)
    if published_value is not None and published is None:
        raise InputError(f"unreadable publication date {published_value!r}")
    return Article(
        id=_string(_first(record, "id")) or default_id,
        title=_string(_first(record, "title")),
        author=_string(_first(record, "author")),
        published=published,
        publisher=_string(_first(record, "publisher")),
        translator=_string(_first(record, "translator")),
        original_source=_string(_first(record, "original_source")),
        url=_string(_first(record, "url")),
        retrieved=parse_date(_first(record, "retrieved")),
        text=text,
    )
