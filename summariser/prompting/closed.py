"""The closed question about one allegation, asked after the article: its messages, from data.

A small model cannot be told in one prompt what an editor calls an allegation (an accusation, a
denial, a disputed claim, an official finding): every wording that cleaned the allegations
cost the other lists (BENCHMARKS.md). So each allegation code keeps is asked about on its own,
as a yes-or-no question after the briefing's own messages, whose article a model that keeps its
cache has already read: the instruction once, worked examples as short turns, then the passage.
Only the passage differs between an article's questions, so each after the first costs its own
words. The question, its answer words and the examples are data: prompts/closed.json.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from .messages import read_packaged

__all__ = ["TOP_LOGPROBS", "answer_words", "closed_hash", "closed_question", "closed_requests"]

TOP_LOGPROBS = 20  # a closed answer's alternatives: "yes" and "no" in their forms are among them


@cache
def _closed() -> dict[str, Any]:
    return json.loads(read_packaged("prompts", "closed.json"))


def closed_hash() -> str:
    """Hash of the question, its examples and its answer words: part of a vetted briefing's
    cache key."""
    return hashlib.sha256(read_packaged("prompts", "closed.json").encode()).hexdigest()[:12]


def answer_words() -> tuple[str, str]:
    """The question's two answers: (yes, no)."""
    closed = _closed()
    return closed["yes"], closed["no"]


def closed_question(asked: Sequence[dict[str, str]], passage: str) -> list[dict[str, str]]:
    """The messages that ask whether `passage` accuses, denies or finds: the briefing's own
    messages `asked`, an acknowledgement, the instruction with the first example, the other
    examples answered one short turn each, then the passage. Everything before the passage
    is the same for every question about the article, so a model that keeps its cache reads
    it once. The passage is a value, never a format string: braces in it are characters."""
    closed = _closed()
    before, after = closed["passage"].split("{passage}", 1)

    def shown(text: str) -> str:
        return f"{before}{text}{after}"

    turns: list[dict[str, str]] = [
        *asked,
        {"role": "assistant", "content": closed["acknowledgement"]},
    ]
    for example in closed["examples"]:
        turns += [
            _user(shown(example["passage"])),
            {"role": "assistant", "content": example["answer"]},
        ]
    turns.append(_user(shown(passage)))
    first = len(asked) + 1
    turns[first] = _user(f"{closed['instruction']}\n\n{turns[first]['content']}")
    return turns


def _user(content: str) -> dict[str, str]:
    return {"role": "user", "content": content}


def closed_requests(
    model: str, asked: Sequence[dict[str, str]], passages: Sequence[str]
) -> list[dict[str, Any]]:
    """The question about each passage as a chat-completion request: one token, greedy, with
    its alternatives' log-probabilities (OpenAI's `logprobs`), in the order given."""
    return [
        {
            "model": model,
            "messages": closed_question(asked, passage),
            "temperature": 0,
            "max_tokens": 1,
            "logprobs": True,
            "top_logprobs": TOP_LOGPROBS,
        }
        for passage in passages
    ]
