"""How good the briefings are: evaluation articles summarised and scored (`summarise eval`).

keys.py     one briefing against its editor's key: what an editor strikes, and why
scores.py   one briefing against its gold (who, where, when, allegations, grounding) and key
run.py      a folder of articles through the batch (or a batch's records), then scored
"""

from __future__ import annotations

from .keys import KeyScore, load_keys, score_against_key, summarise_key_scores
from .run import evaluate_folder
from .scores import ArticleScore, score_article, summarise_scores

__all__ = [
    "ArticleScore",
    "KeyScore",
    "evaluate_folder",
    "load_keys",
    "score_against_key",
    "score_article",
    "summarise_key_scores",
    "summarise_scores",
]
