"""Read articles from files, directories and standard input.

:func:`read_inputs` yields an :class:`Article` for every good item and a :class:`Problem`
for every bad one (empty, binary, undecodable, broken JSON line, not Arabic), and always
goes on to the next item: one bad article never stops a batch.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.ingest.encoding import decode
from rasd.ingest.html import parse_html
from rasd.ingest.language import identify
from rasd.ingest.plaintext import parse_plain
from rasd.ingest.problems import InputError, Problem
from rasd.ingest.records import article_from_record
from rasd.schema import Article

STDIN = "-"
PLAIN = {".txt", ".text"}
JSON = {".json"}
JSONL = {".jsonl", ".ndjson"}
HTML = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = PLAIN | JSON | JSONL | HTML
MAX_BYTES = 64 * 1024 * 1024  # a single article file larger than this is refused, not read

Item = Article | Problem


def _kind(name: str) -> tuple[str | None, bool]:
    """(format by file suffix, gzip-compressed?)."""
    path = Path(name.lower())
    gzipped = path.suffix == ".gz"
    if gzipped:
        path = path.with_suffix("")
    suffix = path.suffix
    for kind, suffixes in (("plain", PLAIN), ("json", JSON), ("jsonl", JSONL), ("html", HTML)):
        if suffix in suffixes:
            return kind, gzipped
    return None, gzipped


def _sniff(text: str) -> str:
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head in "{[" and head:
        first_line = text.lstrip().split("\n", 1)[0].strip()
        if head == "{" and first_line.endswith("}") and text.strip().count("\n") > 0:
            return "jsonl"
        return "json"
    if head == "<":
        return "html"
    return "plain"


def _checked(article: Article, item: str) -> Item:
    """Language check on a parsed article: a non-Arabic article is reported and skipped."""
    language = identify(article.text)
    if language is None:
        return Problem(item, "no letters in the text")
    if language != "ar":
        return Problem(item, f"language is {language!r}, not Arabic: skipped")
    article.language = language  # the reader made this article: setting it needs no copy
    return article


def _parse_text(text: str, kind: str, item: str, stem: str) -> Iterator[Item]:
    if kind == "jsonl":
        yield from _parse_jsonl(text.splitlines(), item, stem)
        return
    try:
        if kind == "json":
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"broken JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
            if isinstance(value, list):
                for index, record in enumerate(value):
                    sub = f"{item}[{index}]"
                    try:
                        yield _checked(article_from_record(record, f"{stem}-{index}"), sub)
                    except InputError as exc:
                        yield Problem(sub, str(exc))
                return
            article = article_from_record(value, stem)
        elif kind == "html":
            article = parse_html(text, stem)
        else:
            article = parse_plain(text, stem)
    except InputError as exc:
        yield Problem(item, str(exc))
        return
    yield _checked(article, item)


def _parse_jsonl(lines: Iterable[str], item: str, stem: str) -> Iterator[Item]:
    seen_any = False
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{item}:{line_no}"
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"broken JSON line: {exc.msg} at column {exc.colno}") from exc
            article = article_from_record(record, f"{stem}-{line_no}")
        except InputError as exc:
            yield Problem(where, str(exc))
            continue
        yield _checked(article, where)
    if not seen_any:
        yield Problem(item, "empty input")


def _read_jsonl_file(path: Path, gzipped: bool) -> Iterator[Item]:
    """JSON Lines are streamed line by line, so a corpus of any size reads in bounded memory."""
    item = str(path)
    stem = path.name.split(".")[0]
    try:
        with gzip.open(path, "rb") if gzipped else path.open("rb") as handle:
            lines = (_decode_line(b) for b in handle)
            yield from _parse_jsonl(lines, item, stem)
    except (OSError, EOFError) as exc:
        yield Problem(item, f"cannot read: {exc}")


def _decode_line(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1256", errors="replace")


def read_file(path: Path) -> Iterator[Item]:
    item = str(path)
    kind, gzipped = _kind(path.name)
    if kind == "jsonl":
        yield from _read_jsonl_file(path, gzipped)
        return
    stem = path.name.split(".")[0] or path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            yield Problem(item, f"larger than {MAX_BYTES // (1024 * 1024)} MiB: not an article file")
            return
        data = path.read_bytes()
        if gzipped:
            data = gzip.decompress(data)
        text, _ = decode(data)
    except InputError as exc:
        yield Problem(item, str(exc))
        return
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Problem(item, f"cannot read: {exc}")
        return
    yield from _parse_text(text, kind or _sniff(text), item, stem)


def read_stdin(data: bytes | None = None) -> Iterator[Item]:
    item = "<stdin>"
    payload = sys.stdin.buffer.read() if data is None else data
    try:
        text, _ = decode(payload)
    except InputError as exc:
        yield Problem(item, str(exc))
        return
    yield from _parse_text(text, _sniff(text), item, "stdin")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every article (or problem) in the given files, directories, and ``-`` for stdin."""
    for entry in paths:
        if str(entry) == STDIN:
            yield from read_stdin()
            continue
        path = Path(entry)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)
                           and _kind(p.name)[0] is not None)
            if not files:
                yield Problem(str(path), "no article files (.txt .json .jsonl .html, optionally .gz) in it")
            for file in files:
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield Problem(str(path), "no such file or directory")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
