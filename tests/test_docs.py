"""Every field of the output schema is documented in docs/schema.md, under its model."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from rasd import schema
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
MODELS = [schema.Extraction, schema.Article, schema.Sentence, schema.Span, schema.Entity, schema.Event,
          schema.TimeExpression, schema.Quantity, schema.Casualty, schema.DateInterval, schema.Location,
          schema.Party, schema.Attribution, schema.Weapon]


def section(name: str) -> str:
    match = re.search(rf"^## {name}\n(.*?)(?=^## |\Z)", DOC, re.S | re.M)
    assert match, f"docs/schema.md has no section for {name}"
    return match.group(1)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    text = section(model.__name__)
    for field in model.model_fields:
        assert f"`{field}`" in text, f"{model.__name__}.{field} is not documented"


def test_every_cli_command_is_documented() -> None:
    from rasd.cli import main

    cli_doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:  # type: ignore[attr-defined]
        assert f"## `rasd {name}" in cli_doc, name
