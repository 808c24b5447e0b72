"""The article as the model may read it: checked, fitted to its context, instructions withheld.

`read_for_model` is the one step between an article and its prompt: the text must be text
(`check_text`), long articles are cut to fit (`fit_to_context`), and lines addressed to AI
systems are withheld (guard.py). It returns what the model reads, what grounding searches
(the same offsets as the article) and the warnings the briefing carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from .guard import addressed_to_machines, blank, withhold

__all__ = ["ArticleText", "check_text", "fit_to_context", "read_for_model"]


@dataclass(frozen=True)
class ArticleText:
    read: str  # what the model is shown
    ground_in: str  # what grounding searches: the article, withheld lines blanked
    warnings: tuple[str, ...]


def read_for_model(text: str, max_chars: int) -> ArticleText:
    read, warnings = fit_to_context(check_text(text), max_chars)
    withheld = addressed_to_machines(read)
    if not withheld:
        return ArticleText(read, text, tuple(warnings))
    warnings.append(
        f"{len(withheld)} passage(s) addressed to AI systems, not to readers, were "
        "withheld from the model and are not treated as the article's words"
    )
    return ArticleText(withhold(read, withheld), blank(text, withheld), tuple(warnings))


def check_text(text: object) -> str:
    """The article text, or InputError when there is nothing a model could read."""
    if not isinstance(text, str):
        raise InputError(f"article text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError("article text is empty")
    if "\x00" in text:
        raise InputError("article text contains NUL bytes: this looks like a binary file")
    if not _has_letters(text, 20):
        raise InputError("article text has almost no words: nothing to summarise")
    return text


def _has_letters(text: str, enough: int) -> bool:
    for character in text:
        if character.isalpha():
            enough -= 1
            if not enough:
                return True
    return False


def fit_to_context(text: str, limit: int) -> tuple[str, list[str]]:
    """The part of the article the model reads, and a warning when that is not all of it.

    News puts what matters first, so a text longer than `limit` is cut at the last paragraph
    (else sentence) end before it, rather than split into chunks whose separate briefings
    would have to be merged: one call, the lead intact, said plainly. The limit is in
    Latin-script characters; other scripts take more tokens per character and count double
    (Greek to Georgian) or fourfold (CJK, Hangul and beyond). Grounding searches the whole text.
    """
    end = _within(text, limit)
    if end == len(text):
        return text, []
    window = text[:end]
    cut = window.rfind("\n\n")
    if cut < end // 2:
        cut = max(window.rfind(". "), window.rfind(".\n"), window.rfind("? "), window.rfind("! "))
        cut = cut + 1 if cut >= end // 2 else end
    warning = (
        f"article truncated to its first {cut:,} of {len(text):,} characters to fit the "
        "model's context (SUMMARISER_MAX_CHARS); the rest was not read"
    )
    return text[:cut].rstrip(), [warning]


def _within(text: str, limit: int) -> int:
    """How many characters of `text` fit in `limit`, weighting scripts by tokens per character."""
    if limit <= 0 or len(text) <= limit // 4:
        return len(text)
    cost = 0
    for index, character in enumerate(text):
        code = ord(character)
        cost += 1 if code < 0x370 else 2 if code < 0x1100 else 4
        if cost > limit:
            return index
    return len(text)
