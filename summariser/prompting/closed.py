"""The closed question about one allegation, asked after the article: its messages, from data.

A small model cannot be told in one prompt what an editor calls an allegation (an accusation, a
denial, a disputed claim, an official finding): every wording that cleaned the allegations
cost the other lists (BENCHMARKS.md). So each allegation code keeps is asked about on its own,
as a yes-or-no question after the briefing's own messages, whose article a model that keeps its
cache has already read, and after worked examples that stay cached for every question of the
article. The question, its answer words and the examples are data: prompts/closed.json.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from .messages import read_packaged

__all__ = ["answer_words", "closed_question"]


@cache
def _closed() -> dict[str, Any]:
    return json.loads(read_packaged("prompts", "closed.json"))


def answer_words() -> tuple[str, str]:
    """The question's two answers: (yes, no)."""
    closed = _closed()
    return closed["yes"], closed["no"]


def closed_question(asked: Sequence[dict[str, str]], passage: str) -> list[dict[str, str]]:
    """The messages that ask whether `passage` accuses, denies or finds: the briefing's own
    messages `asked`, an acknowledgement, the examples answered, then the question. The
    passage is a value, never a format string: braces in it are characters."""
    closed = _closed()
    question: str = closed["question"]

    def ask(text: str) -> dict[str, str]:
        before, after = question.split("{passage}", 1)
        return {"role": "user", "content": f"{before}{text}{after}"}

    turns: list[dict[str, str]] = [
        *asked,
        {"role": "assistant", "content": closed["acknowledgement"]},
    ]
    for example in closed["examples"]:
        turns += [ask(example["passage"]), {"role": "assistant", "content": example["answer"]}]
    return [*turns, ask(passage)]
