"""Write docs/quality.md: Rasd's scores on the shared gold articles, per article and in all.

    python scripts/quality_report.py            # extract, score, write docs/quality.md
    python scripts/quality_report.py --check    # exit 1 when docs/quality.md is stale

The reference article and the development articles are extracted with ``rasd extract`` into a
temporary directory and scored with ``rasd evaluate``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_87069b9d0aef7d6c.txt"
OUT = ROOT / "docs" / "quality.md"
RASD = [sys.executable, "-m", "rasd"]

HEAD = """# Quality on the shared gold

Rasd's output on the reference article (`seed-000`) and the 24 development articles, scored
against their gold annotations. Regenerate with `python scripts/quality_report.py` (CI checks it
is current); by hand:

```
mkdir -p /tmp/q/in && cp ../shared/seed/000_87069b9d0aef7d6c.txt /tmp/q/in/seed-000.txt
cp ../shared/corpus/dev/*.json /tmp/q/in/
rasd extract /tmp/q/in --out /tmp/q/pred
rasd evaluate ../shared/corpus/gold /tmp/q/pred            # or: python3 ../shared/eval/score.py …
```

Events are matched on type, overlapping dates and a compatible place; a source or target party
is right when one of its accepted names is the predicted party's text or canonical name.
`tests/eval/test_quality_floor.py` holds floors under these figures.

"""


def render() -> str:
    with tempfile.TemporaryDirectory() as work:
        inputs, predictions = Path(work) / "in", Path(work) / "pred"
        inputs.mkdir()
        shutil.copy(SEED, inputs / "seed-000.txt")
        for path in sorted((SHARED / "corpus" / "dev").glob("*.json")):
            shutil.copy(path, inputs / path.name)
        subprocess.run([*RASD, "extract", str(inputs), "--out", str(predictions)], check=True,
                       capture_output=True)
        table = subprocess.run([*RASD, "evaluate", str(SHARED / "corpus" / "gold"), str(predictions),
                                "--format", "markdown"], check=True, capture_output=True, text=True).stdout
        totals = subprocess.run([*RASD, "evaluate", str(SHARED / "corpus" / "gold"), str(predictions),
                                 "--format", "json"], check=True, capture_output=True, text=True).stdout
    return HEAD + table.rstrip("\n") + "\n\nAll measures (JSON):\n\n```json\n" + totals.rstrip("\n") + "\n```\n"


def main(argv: list[str]) -> int:
    if not SEED.exists():
        print("../shared is not beside this checkout", file=sys.stderr)
        return 2
    return write_or_check({OUT: render()}, argv, "quality_report.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
