"""Every span anywhere in the output is exactly the raw characters it claims."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rasd.extract import Extractor
from rasd.ingest import read_inputs
from rasd.output import as_dict
from rasd.schema import Article
from tests.conftest import DEV, SAMPLES, SEED


def spans_in(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield value
        for child in value.values():
            yield from spans_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from spans_in(child)


def outputs(paths: list[Path]) -> Iterator[dict[str, Any]]:
    extractor = Extractor()
    for item in read_inputs(paths):
        assert isinstance(item, Article), item
        yield as_dict(extractor.extract(item))


def check(data: dict[str, Any]) -> int:
    raw = data["article"]["text"]
    count = 0
    for span in spans_in({k: v for k, v in data.items() if k != "article"}):
        assert raw[span["start"] : span["end"]] == span["text"], span
        count += 1
    return count


def test_sample_spans() -> None:
    assert sum(check(d) for d in outputs([SAMPLES])) > 50


def test_shared_article_spans() -> None:
    if not SEED.exists():
        pytest.skip("../shared is not beside this checkout")
    assert sum(check(d) for d in outputs([SEED, DEV])) > 200
