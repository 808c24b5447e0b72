"""Whether the article writes a capitalised phrase as a name, or capitals say nothing of it.

A tagger reads capitals as names, and capitals are not always one: two names a line of links
runs together ("Clinton FBI probe: What we know"), a name and what it owns ("Toblerone's
Facebook page"), a headline's title case ("Clinton Hid Past Health Problems From Public"), a
common noun opening a sentence ("Oxygen, food and water have been supplied", where the
article writes "oxygen" elsewhere). The evidence is the article's own writing, so the rules
hold in any language whose script has case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import normalise
from .entities import Entity

__all__ = ["written_as_a_name"]

# Of a line's words, the share that title case capitalises: a headline's, not prose's.
TITLE_CASE_SHARE = 0.7
TITLE_CASE_WORDS = 4  # fewer words than this are a name alone ("Sebastian Vettel")
_POSSESSIVE = re.compile(r"\w['’]s\s+\S")


def written_as_a_name(
    name: str, text: str, sentences: Sequence[tuple[int, int]], entities: Sequence[Entity]
) -> bool:
    """Whether `text` writes `name` as a name: not only in title-cased lines, nor as two
    names run together or an owner and what it owns, nor, a single word, only where a
    sentence opens while the article writes it in lower case elsewhere."""
    if _POSSESSIVE.search(name):
        return False  # "Toblerone's Facebook": the owner, and what it owns
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    if not found:
        return True  # not the article's words: nothing here says otherwise
    if all(_in_title_case(text, at) for at in found):
        return False
    if len(found) == 1 and _two_names(name, entities):
        return False
    return not (" " not in name and _common_word(name, text, found, sentences))


def _in_title_case(text: str, at: int) -> bool:
    """Whether the line around `at` capitalises most of its words, as a headline does."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = [w for w in text[start : end if end != -1 else len(text)].split() if w[0].isalpha()]
    if len(words) < TITLE_CASE_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _two_names(name: str, entities: Sequence[Entity]) -> bool:
    """Whether `name` is two names of different types the article writes apart, run
    together ("Clinton FBI": a person and a body; "House Intelligence Committee" is one)."""
    types: dict[str, set[str]] = {}
    for e in entities:
        types.setdefault(normalise(e.text), set()).add(e.type)
    types.pop(normalise(name), None)
    words = normalise(name).split()
    for cut in range(1, len(words)):
        first, rest = types.get(" ".join(words[:cut])), types.get(" ".join(words[cut:]))
        if first and rest and not first & rest:
            return True
    return False


def _common_word(
    name: str, text: str, found: list[int], sentences: Sequence[tuple[int, int]]
) -> bool:
    """Whether the single word `name` is capitalised only where a sentence opens, and the
    article writes it in lower case elsewhere."""
    starts = {start for start, _ in sentences}
    if any(at not in starts for at in found):
        return False
    lower = name[:1].lower() + name[1:]
    return lower != name and re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text) is not None
