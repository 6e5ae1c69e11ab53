"""Write schema/rasd-extraction.schema.json from the models in rasd/schema.py.

Run: python scripts/build_schema.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rasd.schema import SCHEMA_VERSION, Extraction

OUT = Path(__file__).resolve().parent.parent / "schema" / "rasd-extraction.schema.json"


def render() -> str:
    schema = Extraction.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"rasd-extraction-{SCHEMA_VERSION}"
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} is stale: run scripts/build_schema.py")
        return 0 if same else 1
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
