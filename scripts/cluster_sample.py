"""Draw a reproducible sample of merged clusters from the conflict corpus, for checking by hand.

    python scripts/cluster_sample.py OUT.md [--size 30] [--seed 2015]

The 1,226 conflict articles of ``../shared/corpus/saudinewsnet/conflict.jsonl`` are extracted
with ``date_extracted`` as the publication date where the corpus documents it is one (from
1 August 2015 on), stored in a temporary database, and ``--size`` clusters with two or more
reports are drawn with a fixed seed. OUT.md shows each cluster with the sentences of every
report, so that a reader can judge whether they tell one event; it quotes the articles and stays
outside the repository. The verdicts go to ``eval/clusters/judgments.tsv`` (cluster, report keys,
verdict, note), which ``scripts/quality_report.py`` summarises.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.extract import Extractor  # noqa: E402
from rasd.schema import Article  # noqa: E402
from rasd.store import SqliteStore  # noqa: E402

CONFLICT = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "conflict.jsonl"
DATED_FROM = date(2015, 8, 1)  # the corpus: date_extracted is the publication date from this day on


def articles() -> list[Article]:
    found = []
    with CONFLICT.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            day = date.fromisoformat(record["date_extracted"][:10])
            found.append(Article(id=record["id"], title=record.get("title"), text=record["text"],
                                 publisher=record.get("source"), url=record.get("url"),
                                 published=day if day >= DATED_FROM else None))
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2015)
    args = parser.parse_args(argv[1:])
    extractor = Extractor()
    extractions = {a.id: extractor.extract(a) for a in articles()}
    with tempfile.TemporaryDirectory() as work, SqliteStore(Path(work) / "s.sqlite") as store:
        for extraction in extractions.values():
            store.save(extraction)
        merged = [e for e in store.canonical_events() if len(e.reports) > 1]
    sample = sorted(random.Random(args.seed).sample(merged, min(args.size, len(merged))), key=lambda e: e.id)
    lines = [f"# {len(sample)} of {len(merged)} merged clusters (seed {args.seed})", ""]
    for event in sample:
        lines += [f"## {event.id}", "", f"{event.type}, {event.start}..{event.end}, {event.place} ({event.country}); "
                  f"sources {event.sources}; targets {event.targets}; killed {event.fatalities.low}-"
                  f"{event.fatalities.high}", "", "reports: " + " ".join(r.key for r in event.reports), ""]
        for report in event.reports:
            extraction = extractions[report.article_id]
            found = next(e for e in extraction.events if f"{report.article_id}/{e.id}" == report.key)
            sentences = [extraction.sentences[i].text for i in found.sentences]
            lines += [f"- **{report.key}** ({report.publisher}, published {extraction.article.published}): "
                      + " … ".join(sentences)]
        lines.append("")
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}: {len(sample)} of {len(merged)} merged clusters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
