"""Scores of a directory of predictions against a directory of gold files, per article and in all."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from rasd import __version__
from rasd.evaluate.gold import NOT_SCORED, GoldArticle, GoldError, load_gold
from rasd.evaluate.match import (
    count_right,
    date_right,
    name_keys,
    pair_events,
    parties_found,
    party_names,
    place_right,
)
from rasd.schema import Article, Extraction

MEASURES = ("events", "assault", "source_actors", "target_actors", "entities")
ATTRIBUTES = ("date", "location", "fatalities", "injuries", "published")


@dataclass(slots=True)
class Counts:
    """True positives, gold items and predicted items of one measure."""

    found: int = 0
    gold: int = 0
    predicted: int = 0

    def add(self, other: Counts) -> None:
        self.found += other.found
        self.gold += other.gold
        self.predicted += other.predicted

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else float(not self.gold)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 3), "r": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.found, "gold": self.gold, "pred": self.predicted}


@dataclass(slots=True)
class ArticleScore:
    id: str
    counts: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in MEASURES})
    attributes: dict[str, list[int]] = field(default_factory=lambda: {a: [0, 0] for a in ATTRIBUTES})
    problem: str | None = None  # why the prediction could not be read

    def check(self, attribute: str, right: bool) -> None:
        self.attributes[attribute][0] += right
        self.attributes[attribute][1] += 1


@dataclass(slots=True)
class Evaluation:
    articles: list[ArticleScore]

    def total(self, measure: str) -> Counts:
        counts = Counts()
        for article in self.articles:
            counts.add(article.counts[measure])
        return counts

    def attribute_rate(self, attribute: str) -> float | None:
        right = sum(a.attributes[attribute][0] for a in self.articles)
        seen = sum(a.attributes[attribute][1] for a in self.articles)
        return round(right / seen, 3) if seen else None

    def as_dict(self) -> dict[str, object]:
        report: dict[str, object] = {m: self.total(m).as_dict() for m in MEASURES}
        report["attributes_of_matched_events"] = {a: self.attribute_rate(a) for a in ATTRIBUTES}
        report["articles"] = len(self.articles)
        report["unreadable_predictions"] = [a.id for a in self.articles if a.problem]
        return report

    def markdown(self) -> str:
        """Per-article figures and the totals, as a markdown table."""
        lines = ["| article | gold events | predicted | matched | events F1 | assault F1 | sources F1 | targets F1 |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for article in [*self.articles, None]:
            counts = article.counts if article else {m: self.total(m) for m in MEASURES}
            name = article.id if article else "**all**"
            events = counts["events"]
            lines.append(f"| {name} | {events.gold} | {events.predicted} | {events.found} | {events.f1:.3f} | "
                         f"{counts['assault'].f1:.3f} | {counts['source_actors'].f1:.3f} | "
                         f"{counts['target_actors'].f1:.3f} |")
        return "\n".join(lines)


def score_article(gold: GoldArticle, predicted: Extraction) -> ArticleScore:
    score = ArticleScore(gold.id)
    required = [e for e in gold.events if not e.optional]
    optional = [e for e in gold.events if e.optional]
    events = predicted.events
    pairs = pair_events(required, events)
    paired = {p for _, p in pairs}
    spare = [i for i in range(len(events)) if i not in paired]
    # a prediction that only stands for an optional gold event is neither right nor wrong
    excused = {spare[p] for _, p in pair_events(optional, [events[i] for i in spare])}
    wrong = [i for i in spare if i not in excused]
    score.counts["events"] = Counts(len(pairs), len(required), len(pairs) + len(wrong))
    assault_found = sum(1 for g, _ in pairs if required[g].type == "ASSAULT")
    score.counts["assault"] = Counts(
        assault_found, sum(1 for e in required if e.type == "ASSAULT"),
        assault_found + sum(1 for i in wrong if events[i].type == "ASSAULT"))
    for g, p in pairs:
        gold_event, event = required[g], events[p]
        if gold_event.date is not None:
            score.check("date", date_right(gold_event.date, event.date))
        if gold_event.place is not None:
            score.check("location", place_right(gold_event.place, event.location))
        if gold_event.fatalities is not NOT_SCORED:
            score.check("fatalities", count_right(gold_event.fatalities, event.fatalities))
        if gold_event.injuries is not NOT_SCORED:
            score.check("injuries", count_right(gold_event.injuries, event.injuries))
        for role, parties in (("source", gold_event.sources), ("target", gold_event.targets)):
            if parties:
                names = party_names(event, role)
                score.counts[f"{role}_actors"].add(Counts(parties_found(parties, names), len(parties), len(names)))
    gold_entities = [name_keys(names) for names in gold.entities]
    optional_names = name_keys(gold.optional_names)
    predicted_entities = [name_keys([e.text, e.name_ar, e.name_en, *e.aliases]) for e in predicted.entities]
    found = sum(1 for keys in gold_entities if any(keys & p for p in predicted_entities))
    extra = sum(1 for p in predicted_entities if not any(p & keys for keys in gold_entities) and not p & optional_names)
    score.counts["entities"] = Counts(found, len(gold_entities), found + extra)  # repeats of one entity count once
    if gold.published is not None:
        published = predicted.article.published
        score.check("published", published is not None and gold.published[0] <= published <= gold.published[1])
    return score


def evaluate_dirs(gold_dir: Path, predicted_dir: Path) -> Evaluation:
    """Score every ``GOLD_DIR/<id>.gold.json`` against ``PREDICTED_DIR/<id>.json``. A missing or
    unreadable prediction scores as predicting nothing, and is named in the report."""
    articles = []
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = load_gold(path)
        target = predicted_dir / f"{gold.id}.json"
        try:
            predicted = Extraction.model_validate(json.loads(target.read_text(encoding="utf-8")))
        except (OSError, ValueError, ValidationError) as exc:
            score = score_article(gold, Extraction(rasd_version=__version__, article=Article(id=gold.id, text="")))
            score.problem = f"{target}: {type(exc).__name__}"
            articles.append(score)
            continue
        articles.append(score_article(gold, predicted))
    return Evaluation(articles)


__all__ = ["ArticleScore", "Counts", "Evaluation", "GoldError", "evaluate_dirs", "score_article"]
