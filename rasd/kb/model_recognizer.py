"""Names from a statistical model, behind the same :class:`~rasd.kb.recognize.Recognizer`
interface as the dictionary and the patterns.

A model is any callable from text to labelled character spans. ``from_pretrained`` builds one
from a token-classification model in a local directory with the optional ``transformers``
package (never downloaded: ``local_files_only``). Found names are linked to the knowledge
base by their folded words; the rest become typed, unlinked entities.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rasd.doc import Document
from rasd.kb.base import KnowledgeBase, default_kb, name_key
from rasd.kb.recognize import NameMention
from rasd.schema import EntityType

SpanPredictor = Callable[[str], list[tuple[int, int, str]]]  # text -> [(start, end, label)]

# CoNLL/OntoNotes-style labels to Rasd's entity types
LABELS: dict[str, EntityType] = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "PLACE", "GPE": "PLACE",
                                 "FAC": "FACILITY", "ORG": "ORGANIZATION", "NORP": "GROUP"}


class ModelRecognizer:
    name = "model"

    def __init__(self, predict: SpanPredictor, kb: KnowledgeBase | None = None) -> None:
        self.predict = predict
        self.kb = kb or default_kb()

    @classmethod
    def from_pretrained(cls, path: str | Path, kb: KnowledgeBase | None = None) -> ModelRecognizer:
        """A recognizer over a token-classification model saved in ``path`` (needs ``transformers``)."""
        try:
            from transformers import pipeline
        except ImportError as exc:
            raise RuntimeError("ModelRecognizer.from_pretrained needs the optional 'transformers' package") from exc
        tagger = pipeline("token-classification", model=str(path), aggregation_strategy="simple",
                          model_kwargs={"local_files_only": True})

        def predict(text: str) -> list[tuple[int, int, str]]:
            return [(int(e["start"]), int(e["end"]), str(e["entity_group"])) for e in tagger(text)]

        return cls(predict, kb)

    def recognize(self, doc: Document) -> list[NameMention]:
        if doc.norm is None:
            raise ValueError("recognition needs the normalized text")
        raw = doc.raw
        found: list[NameMention] = []
        for start, end, label in self.predict(raw):
            entity_type = LABELS.get(label.upper().removeprefix("B-").removeprefix("I-"))
            text = raw[start:end]
            if entity_type is None or not text.strip():
                continue
            norm_start, norm_end = doc.norm.offsets.to_norm(start), doc.norm.offsets.to_norm(end)
            key = name_key(text)
            found.append(NameMention(start, end, norm_start, norm_end, key, self.kb.names.ids(key), entity_type,
                                     label=text))
        return found
