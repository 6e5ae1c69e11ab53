"""Write docs/quality.md: Rasd's scores on the shared gold articles, per article and in all.

    python scripts/quality_report.py            # extract, score, write docs/quality.md
    python scripts/quality_report.py --check    # exit 1 when docs/quality.md is stale

The reference article and the development articles are extracted with ``rasd extract`` into a
temporary directory and scored with ``rasd evaluate``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_87069b9d0aef7d6c.txt"
OUT = ROOT / "docs" / "quality.md"
HELDOUT = ROOT / "eval" / "heldout"
OWN_DEV = ROOT / "eval" / "dev"
CONFLICT = SHARED / "corpus" / "saudinewsnet" / "conflict.jsonl"
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


HELDOUT_HEAD = """
## Held-out articles (generality)

Twelve SaudiNewsNet conflict articles from five outlets, annotated blind and never used to
develop Rasd (`eval/heldout/`, with how they were chosen in its README). Their texts are read
from `../shared/corpus/saudinewsnet/conflict.jsonl` at evaluation time, with `date_extracted` as
the publication date as the corpus documents. By hand:

```
python scripts/quality_report.py --inputs eval/heldout /tmp/h/in   # the 12 articles as JSON
rasd extract /tmp/h/in --out /tmp/h/pred && rasd evaluate eval/heldout /tmp/h/pred
```

"""


def _score(gold: Path, inputs: Path, predictions: Path) -> tuple[str, dict[str, Any]]:
    subprocess.run([*RASD, "extract", str(inputs), "--out", str(predictions)], check=True, capture_output=True)
    table = subprocess.run([*RASD, "evaluate", str(gold), str(predictions), "--format", "markdown"],
                           check=True, capture_output=True, text=True).stdout
    totals = subprocess.run([*RASD, "evaluate", str(gold), str(predictions), "--format", "json"],
                            check=True, capture_output=True, text=True).stdout
    return table.rstrip("\n"), json.loads(totals)


def corpus_inputs(gold: Path, folder: Path) -> None:
    """Write the articles annotated in ``gold`` as single JSON articles into ``folder``."""
    wanted = {path.name.removesuffix(".gold.json") for path in gold.glob("*.gold.json")}
    folder.mkdir(parents=True, exist_ok=True)
    with CONFLICT.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                article = {"id": record["id"], "title": record["title"], "published": record["date_extracted"][:10],
                           "publisher": record["source"], "url": record["url"], "author": record["author"],
                           "text": record["text"]}
                (folder / f"{record['id']}.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")


def _gap(dev: dict[str, Any], own: dict[str, Any], heldout: dict[str, Any]) -> str:
    rows = ["| measure | shared development (25) | own development (15) | held-out (12) | gap (shared − held-out) |",
            "|---|---|---|---|---|"]
    for block in ("events", "assault", "source_actors", "target_actors", "entities"):
        a, b, c = dev[block]["f1"], own[block]["f1"], heldout[block]["f1"]
        rows.append(f"| {block} F1 | {a:.3f} | {b:.3f} | {c:.3f} | {a - c:+.3f} |")
    for name in ("date", "location", "fatalities", "injuries"):
        a, b, c = (t["attributes_of_matched_events"][name] for t in (dev, own, heldout))
        rows.append(f"| {name} of matched events | {a:.3f} | {b:.3f} | {c:.3f} | {a - c:+.3f} |")
    return "\n".join(rows)


CLUSTERS_HEAD = """
## Merged clusters (checked by hand)

`python scripts/cluster_sample.py /tmp/clusters.md` extracts the 1,226 conflict articles, stores
them, and draws 30 of the clusters that merge two or more reports (seed 2015), with each
report's sentences. Each was read and judged: do all its reports tell one real-world event?
The verdicts on the sample the current rules give, with a note each, are in
`eval/clusters/judgments.tsv`; the samples of earlier rules in `eval/clusters/rounds/`.

"""
ROUNDS = {"1-first-rules": "linked components, any two reports with a shared party at one place",
          "2-cannot-link": "no article twice in a cluster, no chain of days, one ACLED event type, quoted "
                           "outlet names are no places",
          "3-undated-by-counts": "and a report with no date of its own ties only by close counts",
          "4-weapons": "and reports naming different weapons tell different incidents",
          "5-hypothetical-deeds": "and deeds sought, demanded or guarded against are no events, nor are tag lines",
          "6-expected-and-acts": "and expected attacks and «acts of» a deed over a period are no incidents",
          "7-series-and-plans": "and a series of attacks and the plan of one are no incident",
          "8-prepared-deeds": "and a deed prepared for («استعدادا لاقتحام») is no incident",
          "9-cohesion": "and a link joins two groups only when most pairs across them tell one event",
          "10-footers-and-quotes": "and footer lines are no news; an outlet's name between quote marks either way "
                                   "round is the outlet",
          "11-trends-and-recalls": "and the pace of attacks and what «سبق أن» recalls are no incidents",
          "12-no-cohesion": "the rules of round 11 without cohesion (a link alone joins two groups)"}
CURRENT = "and the districts of Yemen, Iraq and Syria in the gazetteer"


def _verdicts(path: Path) -> tuple[int, int, int, int, str]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    verdicts = [row[2] for row in rows]
    same, different, unclear = (verdicts.count(v) for v in ("same", "different", "unclear"))
    judged = same + different
    return len(rows), same, different, unclear, f"{same / judged:.0%}" if judged else "n/a"


def _clusters() -> str:
    path = ROOT / "eval" / "clusters" / "judgments.tsv"
    if not path.exists():
        return ""
    lines = ["| sample | rules | clusters judged | one event | not one event | unclear | correct merges |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for name, rules in ROUNDS.items():
        earlier = ROOT / "eval" / "clusters" / "rounds" / f"{name}.tsv"
        if earlier.exists():
            lines.append(f"| {name} | {rules} | " + " | ".join(str(v) for v in _verdicts(earlier)) + " |")
    lines.append(f"| **current** | {CURRENT} | " + " | ".join(str(v) for v in _verdicts(path)) + " |")
    return CLUSTERS_HEAD + "\n".join(lines) + "\n"


def render() -> str:
    with tempfile.TemporaryDirectory() as work:
        inputs, predictions = Path(work) / "in", Path(work) / "pred"
        inputs.mkdir()
        shutil.copy(SEED, inputs / "seed-000.txt")
        for path in sorted((SHARED / "corpus" / "dev").glob("*.json")):
            shutil.copy(path, inputs / path.name)
        table, totals = _score(SHARED / "corpus" / "gold", inputs, predictions)
        scored = {}
        for name, gold in (("own", OWN_DEV), ("heldout", HELDOUT)):
            corpus_inputs(gold, Path(work) / f"{name}-in")
            scored[name] = _score(gold, Path(work) / f"{name}-in", Path(work) / f"{name}-pred")
    (own_table, own_totals), (heldout_table, heldout_totals) = scored["own"], scored["heldout"]
    return (HEAD + table + "\n\nAll measures (JSON):\n\n```json\n" + json.dumps(totals, ensure_ascii=False, indent=1)
            + "\n```\n" + HELDOUT_HEAD + "The three sets side by side:\n\n" + _gap(totals, own_totals, heldout_totals)
            + "\n\nHeld-out, per article:\n\n" + heldout_table
            + "\n\nOwn development set (`eval/dev/`, annotated blind as well, open for study), per article:\n\n"
            + own_table + "\n" + _clusters())


def main(argv: list[str]) -> int:
    if not SEED.exists():
        print("../shared is not beside this checkout", file=sys.stderr)
        return 2
    if len(argv) == 4 and argv[1] == "--inputs":
        corpus_inputs(Path(argv[2]), Path(argv[3]))  # --inputs GOLD_DIR OUT_DIR
        return 0
    return write_or_check({OUT: render()}, argv, "quality_report.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
