"""Full extraction throughput, latency and memory, against spaCy's PhraseMatcher in the same run.

Each engine runs in its own process on one core over the same SaudiNewsNet articles:

* ``rasd extract``: every stage of the default pipeline (ingestion, text layer, entities and
  linking, dates, quantities and casualties, events) per article, each article timed for the
  latency distribution; the knowledge base is loaded once before, timed apart.
* ``spacy PhraseMatcher``: spaCy's blank Arabic tokenizer and a PhraseMatcher over the same
  knowledge-base names (folded), a names-only peer with no dates, figures or events.

Targets: ≥ 100 articles/s on one core, p99 latency ≤ 100 ms per article, peak RSS ≤ 500 MB.

    python bench/bench_extract.py [--limit N] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_entities import run_spacy
from common import corpus_articles, corpus_main, pin_to_one_core, report_child, section

NAME = "bench_extract"


def run_rasd(limit: int) -> dict[str, float]:
    from rasd.extract import Extractor
    from rasd.kb import default_kb

    started = time.perf_counter()
    default_kb()
    load = time.perf_counter() - started
    extractor = Extractor()
    latencies: list[float] = []
    events = 0
    started = time.perf_counter()
    for item in corpus_articles(limit):
        began = time.perf_counter()
        events += len(extractor.extract(item).events)
        latencies.append(time.perf_counter() - began)
    seconds = time.perf_counter() - started  # reading and decompressing included
    cuts = statistics.quantiles(latencies, n=100)
    return {"articles": len(latencies), "seconds": seconds, "kb_load": load, "events": events,
            "p50_ms": cuts[49] * 1000, "p99_ms": cuts[98] * 1000, "max_ms": max(latencies) * 1000}


ENGINES = {"rasd extract": run_rasd, "spacy PhraseMatcher": run_spacy}


def child(engine: str, limit: int) -> None:
    pin_to_one_core()
    report_child(engine, ENGINES[engine](limit))


def render(rows: list[dict[str, float]], limit: int) -> str:
    ours = next(r for r in rows if r["engine"] == "rasd extract")
    our_rate = ours["articles"] / ours["seconds"]
    lines = [
        f"Full extraction, one core, {int(ours['articles']):,} SaudiNewsNet articles "
        f"(`python bench/bench_extract.py --limit {limit}`), {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}, {time.strftime('%Y-%m-%d')}.",
        "",
        "| engine | articles | seconds | articles/s (1 core) | p50 ms | p99 ms | max ms | peak RSS MiB "
        "| Rasd relative to it |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        rate = row["articles"] / row["seconds"]
        latency = [f"{row[k]:.1f}" if k in row else "—" for k in ("p50_ms", "p99_ms", "max_ms")]
        lines.append(f"| {row['engine']} | {int(row['articles']):,} | {row['seconds']:.1f} | {rate:,.0f} | "
                     f"{' | '.join(latency)} | {row['rss_mib']:.0f} | {our_rate / rate:.2f}× |")
    lines += ["", f"Rasd found {int(ours['events']):,} events; knowledge-base load {ours['kb_load']:.2f} s. "
              "Targets: ≥ 100 articles/s/core, p99 ≤ 100 ms, peak RSS ≤ 500 MB. The peer only matches "
              "names: it finds no dates, figures or events."]
    return section(NAME, lines)


def main() -> int:
    return corpus_main(__file__, __doc__, list(ENGINES), child, render, NAME)


if __name__ == "__main__":
    sys.exit(main())
