"""Who makes a claim, whom it accuses and how it stands, read from its sentence's parse.

News attributes with a reporting verb: "X said", "X told reporters", "according to X", "X
accused Y", "Y was accused by X", "..., X said". The parse (nlp/reported.py) gives the
verb's subject or agent, and, for an accusing verb, its object: the claim's source and whom
it accuses, where the words stand in any order and any length. The verb is the claim's cue
(nlp/reported.py, from the lexicon's one table of reporting verbs): "denied" is a denial,
"accused" an allegation, "confirmed" a confirmation, "said" a report. A source written as "he"
or "she" is the person the article last named before it, and a source is written as the
fullest name the briefing gives that actor. English (a parse); elsewhere nothing is found and
the model's choice stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from ..briefing.schema import AllegationStatus
from ..nlp import Reading, place_kind, representative
from ..nlp.lexicon import en
from ..text import normalise

__all__ = ["accused_in", "could_say", "source_of", "status_of"]


def status_of(reading: Reading, start: int | None, end: int | None) -> AllegationStatus:
    """The status the sentence's first reporting verb gives its claim; with none (or no
    parse), the claim stands unproven in the article's own words: alleged."""
    cue = reading.cue_of(start, end) if start is not None and end is not None else None
    return cast(AllegationStatus, cue or "alleged")  # the lexicon's statuses are the schema's


_CAPITALISED = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_LISTED = re.compile(
    rf"(?:^|(?<=\s))(?:{_CAPITALISED},\s+)+{_CAPITALISED},?\s+(?:and|&)\s+{_CAPITALISED}$"
)


def source_of(
    reading: Reading, start: int, end: int, names: Sequence[str], people: Sequence[str]
) -> str | None:
    """Who the sentence at `start`:`end` of the article says makes its claim, or None where
    no reporting verb names anyone. `names` are the names the article's actors go by,
    `people` those that are persons, fullest first."""
    reported = reading.reported_in(start, end)
    if reported is None or reported.source is None:
        return None
    phrase, sentence = _clean(reported.source), reading.text[start:end]
    before = reading.text[:start]  # where a pronoun's person was named
    # Who "she" or "the California congressman" is: the sentence's subject where it names a
    # person before the phrase ("Adam Schiff ... called on Obama ... the congressman said"),
    # else the person named last before the sentence.
    if reported.pronoun and phrase.lower() not in ("he", "she"):
        return None  # "they", "we": no one in particular
    if reported.pronoun or _describes_someone_named(phrase, sentence) or _titled(phrase):
        opening = sentence[: max(sentence.find(phrase), 0)]
        named = _named_at(opening, people, last=False)
        if named is None and reported.pronoun:
            named = _last_speaker(reading, start, people)
        named = named or _named_at(before, people, last=True)
        return named or (None if reported.pronoun else phrase)
    if _LISTED.fullmatch(phrase):  # several sources say it together
        return phrase
    # "Wells Fargo CEO John Stumpf" is Stumpf; "A New York judge" is a judge, not New York
    named = _names_in(phrase, names) if reported.named else []
    if named:
        return representative(named[-1], [*people, *names])
    words = phrase.split()
    if len(words) > _DESCRIBED_WORDS:
        return _described_at_length(words, names, people)
    if not words or not could_say(phrase):
        return None
    # a fuller name for the phrase, never a shorter one: "A New York judge" is no New York
    return representative(phrase, [n for n in [*people, *names] if len(n) >= len(phrase)])


_DESCRIBED_WORDS = 4  # the longest description written as a source ("regional police chief")
_FOR = frozenset({"for", "from", "of"})  # "a spokesperson from BTP": who speaks for whom


def _described_at_length(
    words: list[str], names: Sequence[str], people: Sequence[str]
) -> str | None:
    """A long description as its source: the body it speaks for ("a spokesperson from the
    British Transport Police" is the police), else its head, less where it stands ("foreign
    ministry spokesman in Berlin"), where that head is more than one common noun."""
    cut = next((i for i, w in enumerate(words) if i and w.lower() in en.PREPOSITIONS), 0)
    if not cut:
        return None
    # "a spokesperson from BTP" speaks for it; "the father, from Croydon," (an aside) does not
    speaks_for = words[cut].lower() in _FOR and not words[cut - 1].endswith(",")
    bodies = _names_in(" ".join(words[cut + 1 :]), names) if speaks_for else []
    bodies = [n for n in bodies if place_kind(n) is None]
    if bodies:
        return representative(bodies[0], [*people, *names])
    head = " ".join(words[:cut]).strip(" ,;:")
    if len(head.split()) < 2 or len(head.split()) > _DESCRIBED_WORDS or not could_say(head):
        return None
    return head


def accused_in(reading: Reading, start: int, end: int, names: Sequence[str]) -> str | None:
    """Whom the sentence at `start`:`end` accuses, where its verb accuses and the accused is
    a name of `names`: the subject of "X was accused by", the object of "Y blamed X". The
    last name of the phrase is its head: "FBI director James Comey" is Comey."""
    reported = reading.reported_in(start, end)
    if reported is None or reported.accused is None:
        return None
    named = _names_in(reported.accused, names)
    return named[-1] if named else None


# What stands for no one in particular, or for no one the parse has read: "they", "this".
_NO_ONE = (en.PERSONAL_PRONOUNS - en.SINGULAR_PERSONS - {"him", "her"}) | {"this", "that", "there"}


# What joins the names of a caption's or a credit's list, never one source's name.
_LISTING = (";", "/", "|")


def could_say(phrase: str) -> bool:
    """Whether a phrase can name who says something: not a pronoun left unread, not a
    fragment that ends on a function word ("Along with the", "to") or holds a negation or a
    pronoun ("they did not", "You went"), not a list of credits ("James Long; Steve
    Parsons/PA")."""
    if any(mark in phrase for mark in _LISTING):
        return False
    words = [w.strip(".,;:'’\"“”").lower() for w in phrase.split()]
    words = [w for w in words if w]
    if not words or words[-1] in en.FUNCTION_WORDS:
        return False
    return not any(w in _NO_ONE or w in ("not", "did", "went") for w in words)


def _describes_someone_named(phrase: str, sentence: str) -> bool:
    """Whether the source is a definite description of a person, headed by what they are
    ("the California congressman", "the spokeswoman"): someone the article has named."""
    head = phrase.split()[-1]
    if not (head.islower() and _is_title_word(head)):
        return False
    if re.search(r"(?:^|\s)the\s+(?:\S+\s+){0,3}\S+$", phrase, re.IGNORECASE):
        return True  # "... -- meddling the California congressman"
    written = re.search(rf"\bthe\s+{re.escape(phrase)}", sentence, re.IGNORECASE)
    return written is not None and len(phrase.split()) <= 4


def _titled(phrase: str) -> bool:
    """Whether the source is a title a place or body qualifies ("The London Mayor", "Foreign
    Minister"): a person, not the place it names ("London")."""
    words = phrase.split()
    return len(words) > 1 and _is_title_word(words[-1]) and words[-1][:1].isupper()


def _is_title_word(word: str) -> bool:
    """Whether `word` is a noun for what a person is ("congressman", "spokeswoman")."""
    return word.lower().strip(".,’'") in en.PERSON_TITLES


def _clean(phrase: str) -> str:
    phrase = " ".join(phrase.split()).strip(" '’")
    for article in sorted(en.ARTICLES):
        if phrase.lower().startswith(f"{article} "):
            phrase = phrase[len(article) + 1 :]
    return re.sub(r"['’]s$", "", phrase)


def _names_in(phrase: str, names: Sequence[str]) -> list[str]:
    """The names written in `phrase`, in the order they stand there."""
    padded = f" {normalise(phrase)} "
    found = [(padded.find(f" {normalise(n)} "), n) for n in names if normalise(n)]
    found = [(at, n) for at, n in found if at != -1]
    # A name inside a longer one that is also there ("Korea" in "South Korea") is that one.
    found = [
        (at, n)
        for at, n in found
        if not any(m != n and f" {normalise(n)} " in f" {normalise(m)} " for _, m in found)
    ]
    return [n for _, n in sorted(found)]


_SPEAKER_REACH = 3  # sentences back where "she also said" finds who spoke last


def _last_speaker(reading: Reading, start: int, people: Sequence[str]) -> str | None:
    """Whom "she" or "he" reporting a claim most likely is: the person a sentence just before
    has as its subject ("Hillary Clinton has opened ... . In comments to donors, she blamed
    ... . She also said ..."), over whoever was named last ("... FBI director James Comey");
    a subject that is itself "she" passes the question one sentence back."""
    index = next((i for i, (s, _) in enumerate(reading.sentences) if s == start), None)
    if index is None:
        return None
    for before in range(index - 1, max(index - _SPEAKER_REACH, 0) - 1, -1):
        subject = reading.subject_at(*reading.sentences[before])
        if subject is None or subject.lower() in ("he", "she"):
            continue
        return _named_at(subject, people, last=False)
    return None


def _named_at(text: str, people: Sequence[str], *, last: bool) -> str | None:
    """Of `people`, the one whose name (or a word of it) the text writes last (or first)."""
    folded = f" {normalise(text[-600:] if last else text)} "
    best, at = None, -1
    for person in people:
        for word in {person, *person.split()}:
            key = normalise(word)
            if len(key) < 3:
                continue
            found = folded.rfind(f" {key} ") if last else folded.find(f" {key} ")
            if found != -1 and (best is None or (found > at if last else found < at)):
                best, at = person, found
    return best
