"""Stages assembled by name into a pipeline.

A stage is a function ``Document -> Document`` registered with the layers it reads and the
layers it writes. :class:`Pipeline` checks, when it is built, that every stage's inputs are
written by an earlier stage, so a misordered configuration fails before any article is read.
Later issues register more stages (entities, dates, quantities, events) the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rasd.doc import Document
from rasd.events.stage import events_stage
from rasd.kb.stage import entities_stage
from rasd.quantities.stage import quantities_stage
from rasd.text.normalize import normalize
from rasd.text.sentences import sentences_stage
from rasd.text.tokens import tokens_stage
from rasd.time.stage import times_stage
from rasd.truces.stage import truces_stage

StageFn = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    fn: StageFn
    requires: frozenset[str]
    assigns: frozenset[str]


class PipelineError(ValueError):
    pass


_REGISTRY: dict[str, Stage] = {}


def register(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable[[StageFn], StageFn]:
    """Decorator: make a stage function available to pipelines under ``name``."""

    def decorate(fn: StageFn) -> StageFn:
        _REGISTRY[name] = Stage(name, fn, frozenset(requires), frozenset(assigns))
        return fn

    return decorate


def registered() -> dict[str, Stage]:
    return dict(_REGISTRY)


@register("normalize", assigns=["norm"])
def normalize_stage(doc: Document) -> Document:
    doc.norm = normalize(doc.raw)
    return doc


register("sentences", requires=["norm"], assigns=["sentences"])(sentences_stage)
register("tokens", requires=["norm"], assigns=["tokens"])(tokens_stage)
register("entities", requires=["tokens", "sentences"], assigns=["entities"])(entities_stage)
register("times", requires=["tokens", "sentences"], assigns=["times"])(times_stage)
register("quantities", requires=["times"], assigns=["quantities", "casualties", "weapons"])(quantities_stage)
register("events", requires=["entities", "times", "quantities"], assigns=["events"])(events_stage)
register("truces", requires=["entities", "times"], assigns=["truces"])(truces_stage)

TEXT_STAGES = ("normalize", "sentences", "tokens")
DEFAULT_STAGES = (*TEXT_STAGES, "entities", "times", "quantities", "events", "truces")


class Pipeline:
    def __init__(self, names: Sequence[str] = DEFAULT_STAGES) -> None:
        stages: list[Stage] = []
        available: set[str] = {"article"}
        for name in names:
            stage = _REGISTRY.get(name)
            if stage is None:
                raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(_REGISTRY))}")
            missing = stage.requires - available
            if missing:
                needs = ", ".join(sorted(missing))
                raise PipelineError(f"stage {name!r} needs {needs}, which no earlier stage assigns")
            stages.append(stage)
            available |= stage.assigns
        self.stages = tuple(stages)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage.fn(doc)
        return doc
