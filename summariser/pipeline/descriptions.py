"""What the article says each named person is: "Russia's defence minister, Sergei Shoigu".

News introduces a person by what they are, in one of three shapes: the description, a comma
and the name ("The US national security adviser, Jake Sullivan, told ..."); the name, a comma
and the description ("Sayid Sarwar Hussaini, a spokesman for the regional police, said");
or a title before the name ("FBI director James Comey"). That description is the article's
own account of the person's part, so it is a better role than a small model's guess, and a
person the article troubles to introduce so is someone the story is about. English patterns;
elsewhere nothing is found and the model's roles stand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["descriptions_of", "is_title_word"]

# The nouns English news uses for what a person is (the head of "the US national security
# adviser", "a spokesman for the police", "FBI director").
_TITLE_WORDS = (
    "president vice-president minister secretary director leader adviser advisor spokesman "
    "spokeswoman spokesperson chief head governor senator mayor ambassador envoy general "
    "commander chairman chairwoman chair executive founder co-founder official officer "
    "candidate nominee coach manager captain judge prosecutor attorney lawyer analyst "
    "professor economist editor correspondent reporter king queen prince princess premier "
    "chancellor representative congressman congresswoman lawmaker legislator deputy driver "
    "player striker champion actor actress singer author writer ceo owner partner aide "
    "strategist researcher scientist doctor surgeon investigator inspector superintendent "
    "commissioner administrator president-elect pastor bishop imam rabbi cleric activist"
)
_TITLES = frozenset(_TITLE_WORDS.split())
_DETERMINER = r"(?:the|a|an|its|his|her|their|our)"
_MAX_WORDS = 9
_CLAUSE_START = re.compile(r"(?:^|[,;:(“\"]|\b(?:and|but)\b)\s*", re.IGNORECASE)


def descriptions_of(text: str, names: Sequence[str]) -> dict[str, str]:
    """Each of `names` (people the article names) that it describes, with the first
    description it gives, as written less a leading "the" or "a"."""
    found: dict[str, str] = {}
    # Longest first, ties in the article's order: not a set's, which varies by process.
    for name in sorted(dict.fromkeys(names), key=len, reverse=True):
        if len(name.split()) < 2 or any(name in longer for longer in found):
            continue  # a one-word name ("Kim") is described where its full form is
        described = _described(text, name)
        if described:
            found[name] = re.sub(r"^(?:the|a|an)\s+", "", described, flags=re.IGNORECASE)
    return found


def _described(text: str, name: str) -> str | None:
    quoted = re.escape(name)
    for match in re.finditer(rf"(?P<before>[^.!?\n]{{0,120}}),\s+{quoted}\s*,", text):
        before = _last_clause(match.group("before"))
        if _is_title(before):
            return before
    after = re.compile(rf"{quoted},\s+(?P<after>(?:{_DETERMINER}\s+)?[a-z][^,.;:!?\n()]{{2,100}}),")
    for match in after.finditer(text):
        description = match.group("after").strip()
        if _is_title(description, head_first=True):
            return description
    before_name = re.compile(rf"(?P<title>(?:[A-Z][\w.'’-]*\s+)?[a-z][\w-]+)\s+{quoted}\b")
    for match in before_name.finditer(text):
        title = match.group("title")
        if is_title_word(title.split()[-1]):
            return title
    return None


def _last_clause(words: str) -> str:
    """The clause that ends `words`: from the last comma, quote or sentence start."""
    starts = [m.end() for m in _CLAUSE_START.finditer(words)]
    return words[max(starts, default=0) :].strip()


def _is_title(phrase: str, *, head_first: bool = False) -> bool:
    """A description of a person: a few words, the title noun among them (first, once the
    determiner is passed, in "a spokesman for the police"; last in "the national security
    adviser" or "Russia's defence minister")."""
    words = phrase.split()
    if not words or len(words) > _MAX_WORDS:
        return False
    if head_first:
        plain = words[1:] if re.fullmatch(_DETERMINER, words[0], re.IGNORECASE) else words
        return any(is_title_word(w) for w in plain[:3])
    return is_title_word(words[-1])


def is_title_word(word: str) -> bool:
    """Whether `word` is a noun for what a person is ("congressman", "spokeswoman")."""
    return word.lower().strip(".,’'") in _TITLES
