"""Proper names spotted in the article by code, offered to the model as a checklist.

A 1.5B model tends to stop a list after the two leading actors; a short list of the names the
article actually contains raises recall without inviting invention (every name is the
article's own words, and the briefing's items are grounded against the text regardless).
Works on scripts with capital letters; elsewhere it simply finds nothing.
"""

from __future__ import annotations

import re

__all__ = ["candidate_names"]

_WORD = r"[A-Z][\w'’.-]*[\w]|[A-Z]"
_CONNECTOR = r"(?:of|the|de|da|do|dos|das|del|la|al|bin|von|van|for)"
_NAME = re.compile(rf"\b(?:{_WORD})(?:\s+(?:{_CONNECTOR}\s+)?(?:{_WORD}))*")
# Capitalised words that start sentences or titles but are not names on their own.
_COMMON = set(
    """A An The This That These Those It Its In On At By For From To Of And But Or If As When
    While After Before Since Until During According Earlier Later Also However Meanwhile Some
    Many Most Analysts Officials He She They We I You His Her Their Our Mr Mrs Ms Dr Sir
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Read More Video Photo Image Share
    Advertisement Related Getty Images Reuters AP AFP""".split()  # noqa: SIM905
)
MAX_NAMES = 30


def candidate_names(text: str, limit: int = MAX_NAMES) -> list[str]:
    """Distinct capitalised names in order of first appearance, most-mentioned kept first."""
    counts: dict[str, int] = {}
    mid_sentence: set[str] = set()
    for match in _NAME.finditer(text):
        words = re.sub(r"['’]s\b", "", match.group(0)).split()
        while words and words[0] in _COMMON:
            words = words[1:]
        while words and (words[-1] in _COMMON or re.fullmatch(_CONNECTOR, words[-1])):
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words).rstrip(".'’")
        if len(name) < 2 or name.isdigit():
            continue
        counts[name] = counts.get(name, 0) + 1
        if not _starts_sentence(text, match.start()):
            mid_sentence.add(name)
    # One capitalised word seen only at sentence starts ("Instead") is most likely not a name.
    names = [n for n in counts if " " in n or n.isupper() or n in mid_sentence]
    # A name contained in a longer candidate ("Kim" in "Kim Jong-un") adds nothing.
    names = [n for n in names if not any(n != m and f" {n} " in f" {m} " for m in names)]
    if len(names) > limit:
        keep = set(sorted(names, key=lambda n: -counts[n])[:limit])
        names = [n for n in names if n in keep]
    return names


def _starts_sentence(text: str, index: int) -> bool:
    while index > 0 and text[index - 1] in " \t\"“‘'(":  # walk back, never copy the prefix
        index -= 1
    return index == 0 or text[index - 1] in ".!?:\n"
