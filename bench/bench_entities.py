"""Entity recognition and linking throughput, against spaCy's PhraseMatcher in the same run.

Each engine runs in its own process on one core over the same SaudiNewsNet articles:

* ``rasd``: Rasd's knowledge base loaded from its tables (timed apart), then per article the
  text layer and the entity stage (dictionary and pattern recognizers, clitic-aware matching,
  linking with context, coreference). Reported both for the entity stage alone and for the
  whole pipeline from the compressed corpus.
* ``spacy``: ``spacy.blank("ar")`` with a ``PhraseMatcher`` over every Arabic name and alias of
  the same knowledge base (attribute ``NORM`` fed with Rasd's folded keys so spelling variants
  match alike), run over the same texts. It matches names only: no clitics, no linking.

Usage: python bench/bench_entities.py [--limit N] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus_articles, corpus_main, pin_to_one_core, report_child, section


def articles(limit: int) -> list[object]:
    """The first ``limit`` articles Rasd accepts (the peers read the same texts)."""
    return list(corpus_articles(limit))


def run_rasd(limit: int) -> dict[str, float]:
    """Per article: the text layer (not timed), then the entity stage (timed). Streams."""
    from rasd.doc import Document
    from rasd.kb import EntityStage, load_kb
    from rasd.pipeline import TEXT_STAGES, Pipeline

    started = time.perf_counter()
    kb = load_kb()
    load = time.perf_counter() - started
    stage = EntityStage(kb)
    text = Pipeline(TEXT_STAGES)
    seconds = 0.0
    done = mentions = 0
    for item in corpus_articles(limit):
        doc = text(Document(item))
        started = time.perf_counter()
        stage(doc)
        seconds += time.perf_counter() - started
        mentions += sum(len(e.mentions) for e in doc.entities)
        done += 1
    return {"articles": done, "seconds": seconds, "kb_load": load, "mentions": mentions}


def run_rasd_pipeline(limit: int) -> dict[str, float]:
    from rasd.extract import Extractor

    extractor = Extractor()
    started = time.perf_counter()
    done = 0
    for item in corpus_articles(limit):
        extractor.document(item)
        done += 1
    return {"articles": done, "seconds": time.perf_counter() - started}


def run_spacy(limit: int) -> dict[str, float]:
    import spacy
    from spacy.matcher import PhraseMatcher

    from rasd.kb import load_kb
    from rasd.text.normalize import fold

    kb = load_kb()
    nlp = spacy.blank("ar")
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    names: set[str] = set()
    for first, tails in kb.names.by_first.items():
        for tail, _ in tails:
            names.add(" ".join((first, *tail)))

    def with_norms(doc: object) -> object:
        for token in doc:  # type: ignore[attr-defined]
            token.norm_ = fold(token.text)
        return doc

    patterns = [with_norms(nlp.make_doc(n)) for n in sorted(names)]
    matcher.add("NAME", patterns)
    texts = [a.text for a in articles(limit)]  # type: ignore[attr-defined]
    started = time.perf_counter()
    mentions = 0
    for text in texts:
        mentions += len(matcher(with_norms(nlp.make_doc(text))))
    return {"articles": len(texts), "seconds": time.perf_counter() - started, "mentions": mentions}


ENGINES = {"rasd entity stage": run_rasd, "rasd whole pipeline": run_rasd_pipeline, "spacy PhraseMatcher": run_spacy}


def child(engine: str, limit: int) -> None:
    pin_to_one_core()
    report_child(engine, ENGINES[engine](limit))


def render(rows: list[dict[str, float]], limit: int) -> str:
    stage = next(r for r in rows if r["engine"] == "rasd entity stage")
    stage_rate = stage["articles"] / stage["seconds"]
    lines = [
        f"Entity recognition and linking, one core, {limit:,} SaudiNewsNet articles "
        f"(`python bench/bench_entities.py --limit {limit}`), {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}, {time.strftime('%Y-%m-%d')}.",
        "",
        "| engine | articles | seconds | articles/s (1 core) | mentions | peak RSS MiB | entity stage relative to it |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        rate = row["articles"] / row["seconds"]
        mentions = f"{int(row['mentions']):,}" if "mentions" in row else "—"
        lines.append(f"| {row['engine']} | {int(row['articles']):,} | {row['seconds']:.1f} | {rate:,.0f} | "
                     f"{mentions} | {row['rss_mib']:.0f} | {stage_rate / rate:.2f}× |")
    lines += ["", f"Knowledge-base load: {stage['kb_load']:.2f} s (target ≤ 1 s). Targets: entity stage "
              "≥ 300 articles/s/core; peak RSS ≤ 400 MB."]
    return section("bench_entities", lines)


def main() -> int:
    return corpus_main(__file__, __doc__, list(ENGINES), child, render, "bench_entities")


if __name__ == "__main__":
    sys.exit(main())
