"""Count the place names Rasd matches over a corpus, most frequent first.

The list is what a reviewer reads to find place names that are really common words; the
reviewed top of it is held by tests/kb/test_place_matches.py.

Run: python scripts/place_matches.py CORPUS.jsonl.gz [--top 300] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from rasd.extract import Extractor
from rasd.ingest import Problem, read_inputs
from rasd.kb import default_kb
from rasd.pipeline import TEXT_STAGES, Pipeline


def count_places(corpus: Path, limit: int | None = None) -> Counter[tuple[str, str]]:
    """(folded name as matched, entry id) -> how many articles it was matched in."""
    kb = default_kb()
    extractor = Extractor(Pipeline((*TEXT_STAGES, "entities")))
    counts: Counter[tuple[str, str]] = Counter()
    seen = 0
    for item in read_inputs([corpus]):
        if isinstance(item, Problem):
            continue
        doc = extractor.document(item)
        found = set()
        for entity in doc.entities:
            entry = kb.entries.get(entity.kb_id or "")
            if entry is None or not entry.is_place:
                continue
            for mention in entity.mentions:
                found.add((" ".join(mention.text.split()), entry.id))
        counts.update(found)
        seen += 1
        if limit and seen >= limit:
            break
    return counts


def top_names(counts: Counter[tuple[str, str]], top: int) -> list[tuple[str, str, int]]:
    """The ``top`` most frequent (name, entry id, articles) of a count, ties broken by name."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(name, entry_id, n) for (name, entry_id), n in ranked[:top]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    kb = default_kb()
    lines = ["name\tentry_id\tarticles\tname_en"]
    lines += [f"{name}\t{entry_id}\t{n}\t{kb.entries[entry_id].name_en}"
              for name, entry_id, n in top_names(count_places(args.corpus, args.limit), args.top)]
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
