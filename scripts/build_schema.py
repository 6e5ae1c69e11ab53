"""Write schema/rasd-extraction.schema.json from the models in rasd/schema.py.

Run: python scripts/build_schema.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generated import write_or_check

from rasd.schema import SCHEMA_VERSION, Extraction

OUT = Path(__file__).resolve().parent.parent / "schema" / "rasd-extraction.schema.json"


def render() -> str:
    schema = Extraction.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"rasd-extraction-{SCHEMA_VERSION}"
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    return write_or_check({OUT: render()}, argv, "build_schema.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
