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
from rasd.pipeline import Pipeline


def count_places(corpus: Path, limit: int | None = None) -> Counter[tuple[str, str]]:
    """(folded name as matched, entry id) -> how many articles it was matched in."""
    kb = default_kb()
    extractor = Extractor(Pipeline())
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    counts = count_places(args.corpus, args.limit)
    by_name: Counter[str] = Counter()
    entry_of: dict[str, str] = {}
    for (name, entry_id), n in counts.items():
        by_name[name] += n
        entry_of.setdefault(name, entry_id)
    kb = default_kb()
    lines = [f"{n}\t{name}\t{entry_of[name]}\t{kb.entries[entry_of[name]].name_en}"
             for name, n in by_name.most_common(args.top)]
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
