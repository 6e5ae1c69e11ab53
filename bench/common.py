"""What every benchmark script shares: running each engine in its own process on one core,
and writing its table into its section of a markdown file."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "all.jsonl.gz"


def pin_to_one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(script: str, engine: str, *args: str) -> dict[str, Any] | None:
    """Run ``script --child engine ARGS`` in a fresh process; its last output line is a JSON result."""
    done = subprocess.run([sys.executable, script, "--child", engine, *args], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        print(f"{engine}: failed: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def write_section(path: Path, name: str, table: str) -> None:
    """Replace the ``<!-- name:start -->…<!-- name:end -->`` section of a markdown file (or append it)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in text:
        head, rest = text.split(start, 1)
        text = head + table + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + table + "\n"
    path.write_text(text, encoding="utf-8")


def section(name: str, lines: list[str]) -> str:
    return "\n".join([f"<!-- {name}:start -->", *lines, f"<!-- {name}:end -->"])


def report_child(engine: str, result: dict[str, Any]) -> None:
    """Print a child's result, with its peak memory, as the JSON line ``run_child`` reads."""
    result["rss_mib"] = peak_rss_mib()
    result["engine"] = engine
    print(json.dumps(result))


def corpus_main(script: str, doc: str | None, engines: list[str], child: Callable[[str, int], None],
                render: Callable[[list[dict[str, Any]], int], str], name: str) -> int:
    """The command line of a benchmark over the corpus: ``--limit N``, ``--write FILE``; each
    engine runs in its own child process."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=31030, help="articles to read (default: all)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--write", type=Path, help="update this markdown file's benchmark section")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    if args.child:
        child(args.child, args.limit)
        return 0
    rows = [r for engine in engines if (r := run_child(script, engine, "--limit", str(args.limit))) is not None]
    table = render(rows, args.limit)
    print(table)
    if args.write:
        write_section(args.write, name, table)
    return 0


def corpus_articles(limit: int) -> Iterator[Any]:
    """The first ``limit`` articles of the corpus that Rasd accepts, read as they are consumed
    (so a timed loop over them includes reading and decompressing)."""
    from itertools import islice

    from rasd.ingest import Problem, read_inputs

    yield from islice((item for item in read_inputs([CORPUS]) if not isinstance(item, Problem)), limit)
