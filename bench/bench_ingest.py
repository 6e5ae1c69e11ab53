"""Ingestion + text layer throughput, against named peers in the same run.

Each engine runs in its own process on one core over the same articles of SaudiNewsNet
(``../shared/corpus/saudinewsnet/all.jsonl.gz``), from the compressed file to tokens:

* ``rasd``: Rasd's reader (decoding, JSON, Article model, language check) and its text layer
  (offset-preserving normalization, sentences, tokens with clitics and raw spans).
* ``pyarabic``: pyarabic's ``strip_tashkeel``/``strip_tatweel`` and ``tokenize`` on the same
  texts (no offsets kept, no sentences): a widely used Arabic toolkit doing less work.
* ``regex``: ``json.loads`` and ``re.findall(r"\\w+")``: the floor any Python pipeline pays.

Usage: python bench/bench_ingest.py [--limit N] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import gzip
import json
import platform
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPUS, corpus_articles, corpus_main, peak_rss_mib, pin_to_one_core, section


def run_rasd(limit: int) -> int:
    from rasd.extract import Extractor
    from rasd.pipeline import TEXT_STAGES, Pipeline

    extractor = Extractor(Pipeline(TEXT_STAGES))
    done = 0
    for item in corpus_articles(limit):
        extractor.document(item)
        done += 1
    return done


def run_pyarabic(limit: int) -> int:
    from pyarabic import araby

    done = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text") or ""
            araby.tokenize(araby.strip_tatweel(araby.strip_tashkeel(text)))
            done += 1
            if done >= limit:
                break
    return done


def run_regex(limit: int) -> int:
    word = re.compile(r"\w+")
    done = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            word.findall(json.loads(line).get("text") or "")
            done += 1
            if done >= limit:
                break
    return done


ENGINES = {"rasd": run_rasd, "pyarabic": run_pyarabic, "regex": run_regex}


def child(engine: str, limit: int) -> None:
    pin_to_one_core()
    warm_start = time.perf_counter()
    ENGINES[engine](50)  # load models and tables; not timed
    warm = time.perf_counter() - warm_start
    start = time.perf_counter()
    done = ENGINES[engine](limit)
    seconds = time.perf_counter() - start
    print(json.dumps({"engine": engine, "articles": done, "seconds": seconds, "warmup": warm,
                      "rss_mib": peak_rss_mib()}))


def render(rows: list[dict[str, float]], limit: int) -> str:
    rasd_rate = next(r["articles"] / r["seconds"] for r in rows if r["engine"] == "rasd")
    lines = [
        f"Ingestion + text layer, one core, the first {limit:,} lines of SaudiNewsNet `all.jsonl.gz` "
        f"(`python bench/bench_ingest.py --limit {limit}`), {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}, {time.strftime('%Y-%m-%d')}. Rasd counts only "
        "the articles it accepts (lines with no text or not in Arabic are reported and skipped).",
        "",
        "| engine | articles | seconds | articles/s (1 core) | peak RSS MiB | Rasd's speed relative to it |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        rate = row["articles"] / row["seconds"]
        lines.append(f"| {row['engine']} | {int(row['articles']):,} | {row['seconds']:.1f} | {rate:,.0f} | "
                     f"{row['rss_mib']:.0f} | {rasd_rate / rate:.2f}× |")
    lines += ["", "Target for Rasd: ≥ 1,000 articles/s/core."]
    return section("bench_ingest", lines)


def main() -> int:
    return corpus_main(__file__, __doc__, list(ENGINES), child, render, "bench_ingest")


if __name__ == "__main__":
    sys.exit(main())
