"""Articles from HTML pages, with trafilatura extracting the main text and metadata."""

from __future__ import annotations

from rasd.ingest.dates import parse_date
from rasd.ingest.problems import InputError
from rasd.schema import Article


def parse_html(html: str, article_id: str) -> Article:
    import trafilatura  # imported here: it is slow to import and only pages need it

    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # only a date the page states, not one guessed from its links
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    def field(name: str) -> object:
        # trafilatura 2 returns a Document, 1.x a dict
        if isinstance(extracted, dict):
            return extracted.get(name)
        return getattr(extracted, name, None)

    text = field("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("no article text found in the HTML page")

    def meta(name: str) -> str | None:
        value = field(name)
        return (str(value).strip() or None) if value else None

    return Article(
        id=article_id,
        title=meta("title"),
        author=meta("author"),
        published=parse_date(meta("date")),
        publisher=meta("sitename"),
        url=meta("url"),
        text=text,
    )
