"""Knowledge base and entity linking: gazetteer, actor dictionary, recognition, geocoding."""

from rasd.kb.base import KnowledgeBase, default_kb, load_kb
from rasd.kb.model import Entry, OfficeTerm
from rasd.kb.recognize import DictionaryRecognizer, NameMention, Recognizer
from rasd.kb.stage import EntityStage

__all__ = ["DictionaryRecognizer", "EntityStage", "Entry", "KnowledgeBase", "NameMention", "OfficeTerm",
           "Recognizer", "default_kb", "load_kb"]
