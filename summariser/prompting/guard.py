"""Passages of an article addressed to AI systems rather than to its readers, withheld.

An article is data. Text that speaks to a model ("ignore previous instructions", "note for
automated summarisers: ...", "System: ...", fake `</article>` markers) is not news, so the
line that carries it is withheld from the model, and grounding does not count it as the
article's words: nothing it names can enter a briefing as grounded. The briefing says what was
withheld. Patterns cover English, German, French, Spanish and Portuguese; the system prompt's
rule that the article is data remains the defence for whatever they miss.
"""

from __future__ import annotations

import re

__all__ = ["PLACEHOLDER", "addressed_to_machines", "blank", "withhold"]

PLACEHOLDER = "[…]"
_MACHINES = (
    r"(?:ai\b|a\.i\.|artificial intelligence|assistants?\b|language models?|llms?\b|chatbots?"
    r"|automated\b|summari[sz]|bots?\b|models?\b|gpt\b)"
)
_SIGNS = re.compile(
    "|".join(
        [
            r"\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:previous|prior|above|"
            r"earlier|preceding|all|your)\b[^.\n]{0,20}\b(?:instructions?|rules|prompts?|task)\b",
            r"\b(?:system prompt|system message|system override|developer mode|jailbreak)\b",
            r"\bnew (?:task|instructions?|rules)\b",
            r"\b(?:respond|reply|answer|output)\s+(?:only\s+)?(?:with|exactly)\b",
            r"\b(?:note|notes|instructions?|message|attention)\s+(?:to|for)\s+"
            r"(?:the\s+|any\s+|all\s+)?" + _MACHINES,
            r"^\s*(?:system|assistant|user|ai)\s*:",
            r"\bassistant\s*,",
            r"\byour (?:system prompt|instructions|rules|guidelines)\b",
            r"</?article\b[^>\n]*>",
            r"\b(?:the|this|your) (?:briefing|summary) (?:must|should|has to)\b",
            r"\bignorier(?:e|en sie|t)\b[^.\n]{0,40}\banweisungen\b",
            r"\bignore[zr]?\b[^.\n]{0,40}\b(?:les|vos) instructions\b",
            r"\bignora[rd]?\b[^.\n]{0,40}\binstrucciones\b",
            r"\bignor[ea]r?\b[^.\n]{0,40}\binstru[çc](?:ões|oes)\b",
        ]
    ),
    re.IGNORECASE | re.MULTILINE,
)


def addressed_to_machines(text: str) -> list[tuple[int, int]]:
    """Code-point spans of the lines that carry an instruction to a model, in order."""
    spans: list[tuple[int, int]] = []
    for match in _SIGNS.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        if spans and not text[spans[-1][1] : start].strip():  # touching, or only blank between
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def withhold(text: str, spans: list[tuple[int, int]]) -> str:
    """The text the model reads: each span replaced by a short placeholder."""
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], PLACEHOLDER]
        last = end
    return "".join([*parts, text[last:]])


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text grounding searches: spans blanked with spaces, so offsets stay the same."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
