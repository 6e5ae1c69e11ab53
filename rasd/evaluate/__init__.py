"""Scoring Rasd's output against gold annotations (``rasd evaluate``).

Gold files follow the shared gold format: one ``<id>.gold.json`` per article with the events an
analyst coded (type, date interval, place, counts, parties), the entities the article names, and
what is optional. Predictions are ``rasd extract`` JSON files named ``<id>.json``.
"""

from rasd.evaluate.gold import GoldArticle, GoldEvent, load_gold
from rasd.evaluate.report import ArticleScore, Evaluation, evaluate_dirs

__all__ = ["ArticleScore", "Evaluation", "GoldArticle", "GoldEvent", "evaluate_dirs", "load_gold"]
