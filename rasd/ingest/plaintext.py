"""Plain-text articles: a title line, metadata lines, the body.

The layout is the one Arabic sites use when an article is saved as text::

    <title>
    كتبه <author> | 15 مارس, 2021
    ترجمة وتحرير/ <translating outlet>
    <body paragraphs>
    المصدر: <original outlet>
    رابط المقال : <https://…>

Metadata labels come from ``lang/ar/article_labels.tsv``. A metadata line is short and
starts with a label; the body is the contiguous stretch of text between the first and last
line that is neither title nor metadata, so offsets into it are offsets into the file too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rasd.ingest.dates import parse_date
from rasd.ingest.problems import InputError
from rasd.lang import load_table
from rasd.schema import Article
from rasd.text.normalize import fold

MAX_META_LINE = 160
MAX_TITLE = 200
_LINE = re.compile(r"[^\n]*\n?")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_SEPARATORS = " \t:/|-–—"


@cache
def _labels() -> tuple[tuple[str, str], ...]:
    """(folded label, field), longest label first so «ترجمة وتحرير» wins over «ترجمة»."""
    rows = [(fold(r["label"]), r["field"]) for r in load_table("article_labels")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def _metadata(line: str) -> tuple[str, str] | None:
    """(field, value) when a line is a labelled metadata line."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_META_LINE:
        return None
    key = fold(stripped)
    for label, name in _labels():
        if not key.startswith(label):
            continue
        rest = stripped[len(label) :]
        if rest and rest[0] not in _SEPARATORS:
            continue  # «كتبها» or «المصدرية» is a word, not the label
        value = _MD_LINK.sub(r"\1", rest.strip(_SEPARATORS)).strip(" <>*")
        if name == "url":
            url = _URL.search(rest)
            if url is None:
                continue
            value = url.group()
        if value:
            return name, value
    return None


@dataclass
class _Fields:
    values: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value: str) -> None:
        self.values.setdefault(name, value)


def parse_plain(text: str, article_id: str) -> Article:
    """An :class:`Article` from the text of a plain-text file."""
    lines: list[tuple[int, int, str]] = []  # (start, end, line) without the newline
    for m in _LINE.finditer(text):
        if m.group():
            body = m.group().rstrip("\r\n")
            lines.append((m.start(), m.start() + len(body), body))
    content = [ln for ln in lines if ln[2].strip()]
    if not content:
        raise InputError("no text")
    fields = _Fields()
    published = None
    body_lines: list[tuple[int, int, str]] = []
    title: str | None = None
    for index, (start, end, line) in enumerate(content):
        meta = _metadata(line)
        if meta is not None:
            name, value = meta
            if name == "author" and "|" in value:
                author, _, when = value.partition("|")
                published = published or parse_date(when)
                value = author.strip()
            fields.set(name, value)
            continue
        if index == 0 and len(content) > 1 and _is_title(line, content[1][2]):
            title = line.strip()
            continue
        body_lines.append((start, end, line))
    if not body_lines:
        raise InputError("no body text after the title and metadata lines")
    body = text[body_lines[0][0] : body_lines[-1][1]]
    values = fields.values
    translator = values.get("translator")
    return Article(
        id=article_id,
        title=title,
        author=values.get("author"),
        published=published,
        publisher=translator,  # a translated article is published by the outlet that translated it
        translator=translator,
        original_source=values.get("original_source"),
        url=values.get("url"),
        text=body,
    )


def _is_title(line: str, next_line: str) -> bool:
    """A first line is a title when it is short and does not end like a sentence."""
    stripped = line.strip()
    return len(stripped) <= MAX_TITLE and not stripped.endswith((".", "؟", "!", ":", "،")) and bool(next_line)
