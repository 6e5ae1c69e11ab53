from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from rasd.extract import Extractor
from rasd.ingest import read_file
from rasd.output import as_dict
from rasd.schema import Article, Event, Party
from tests.conftest import ROOT, SAMPLES

SCHEMA = ROOT / "schema" / "rasd-extraction.schema.json"


def test_committed_json_schema_is_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_schema.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_extractions_validate_against_the_committed_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    extractor = Extractor()
    for path in sorted(SAMPLES.glob("sample-*")):
        for article in read_file(path):
            assert isinstance(article, Article)
            jsonschema.validate(as_dict(extractor.extract(article)), schema)


def test_scored_keys_are_spelled_as_the_spec_says() -> None:
    event = Event(id="e1", type="ASSAULT", actors=[Party(role="source", text="البنتاغون")], fatalities=1,
                  injuries=None, confidence=0.5)
    data = event.model_dump(mode="json")
    for key in ("type", "date", "location", "actors", "fatalities", "injuries"):
        assert key in data
    assert set(data["actors"][0]) >= {"role", "text", "name_en"}
    assert json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["Entity"]["required"] == ["id", "text", "type"]
