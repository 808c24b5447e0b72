"""How good the briefings are: gold articles summarised and scored (`summarise eval`).

scores.py   one briefing against its gold (who, where, when, allegations, grounding)
run.py      a folder of gold articles through the batch, then scored
"""

from __future__ import annotations

from .run import evaluate_folder
from .scores import ArticleScore, score_article, summarise_scores

__all__ = ["ArticleScore", "evaluate_folder", "score_article", "summarise_scores"]
