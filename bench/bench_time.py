"""Temporal expressions: Rasd's resolver against dateparser's search_dates, same set, same run.

The expression set is ``tests/time/expressions.tsv`` (sentences with one temporal expression,
its publication date and the interval it means, per ``docs/time.md``). For each sentence:

* ``rasd``: the text layer and the times stage on the sentence with its publication date;
  right when the expression it finds there has exactly the expected interval.
* ``dateparser``: ``dateparser.search.search_dates(sentence, languages=["ar"])`` with the
  publication date as ``RELATIVE_BASE``; it returns points in time, so it is right when a found
  date lies on the expression and the expected interval is that single day.

Both are timed over the whole set, several rounds, in one process each (one core).

Usage: python bench/bench_time.py [--rounds N] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, pin_to_one_core, run_child, section, write_section

TABLE = ROOT / "tests" / "time" / "expressions.tsv"


def rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle, delimiter="\t") if r["kind"] != "duration"]


def run_rasd(table: list[dict[str, str]], rounds: int) -> dict[str, float]:
    from rasd.doc import Document
    from rasd.pipeline import TEXT_STAGES, Pipeline
    from rasd.schema import Article

    pipeline = Pipeline((*TEXT_STAGES, "times"))
    right = 0
    started = time.perf_counter()
    for round_number in range(rounds):
        for r in table:
            found = pipeline(Document(Article(id="t", text=r["sentence"], published=r["published"]))).times
            if round_number:
                continue
            start = r["sentence"].index(r["expression"])
            end = start + len(r["expression"])
            for t in found:
                if t.span.start < end and start < t.span.end:
                    right += (str(t.start), str(t.end)) == (r["start"], r["end"])
                    break
    seconds = time.perf_counter() - started
    return {"expressions": len(table), "right": right, "seconds": seconds / rounds}


def run_dateparser(table: list[dict[str, str]], rounds: int) -> dict[str, float]:
    from dateparser.search import search_dates

    right = 0
    started = time.perf_counter()
    for round_number in range(rounds):
        for r in table:
            base = datetime.fromisoformat(r["published"])
            found = search_dates(r["sentence"], languages=["ar"],
                                 settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
            if round_number:
                continue
            for text, when in found:
                if text in r["expression"] or r["expression"] in text:
                    right += r["start"] == r["end"] == when.date().isoformat()
                    break
    seconds = time.perf_counter() - started
    return {"expressions": len(table), "right": right, "seconds": seconds / rounds}


ENGINES = {"rasd": run_rasd, "dateparser": run_dateparser}


def child(engine: str, rounds: int) -> None:
    pin_to_one_core()
    table = rows()
    ENGINES[engine](table[:5], 1)  # load lexicons and models, not timed
    result = ENGINES[engine](table, rounds)
    result["engine"] = engine  # type: ignore[assignment]
    print(json.dumps(result))


def render(results: list[dict[str, float]], rounds: int) -> str:
    rasd = next(r for r in results if r["engine"] == "rasd")
    rasd_rate = rasd["expressions"] / rasd["seconds"]
    lines = [
        f"Temporal expressions of `tests/time/expressions.tsv` (durations left out), one core, "
        f"{rounds} rounds (`python bench/bench_time.py --rounds {rounds}`), {platform.python_implementation()} "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}.",
        "",
        "| engine | expressions | exact interval | accuracy | expressions/s | Rasd's speed relative to it |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rate = r["expressions"] / r["seconds"]
        lines.append(f"| {r['engine']} | {int(r['expressions'])} | {int(r['right'])} | "
                     f"{r['right'] / r['expressions']:.1%} | {rate:,.0f} | {rasd_rate / rate:.1f}× |")
    lines += ["", "dateparser returns points in time: it can be right only on single-day expressions."]
    return section("bench_time", lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.rounds)
        return 0
    results = [r for engine in ENGINES if (r := run_child(__file__, engine, "--rounds", str(args.rounds)))]
    table = render(results, args.rounds)
    print(table)
    if args.write:
        write_section(args.write, "bench_time", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
