"""Who makes a claim, and how it stands, read from the sentence the model cited.

News attributes with a reporting verb: "X said", "X told reporters", "according to X", "X
accused Y", "Y was accused by X", "..., X said". The verb's subject is the claim's source, and
the verb is its cue: "denied" is a denial, "accused" an allegation, "confirmed" a confirmation,
"said" a report. A source written as "he" or "she" is the person the article last named before
it, and a source is written as the fullest name the briefing gives that actor. English
patterns; elsewhere nothing is found and the model's choice stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..briefing.schema import AllegationStatus
from ..text import normalise
from .descriptions import is_title_word

__all__ = ["accused_in", "could_say", "source_of", "status_of"]

_CUES: dict[AllegationStatus, str] = {
    "denied": r"denie[sd]|deny|denying|rejecte?[sd]?|dismisse?[sd]|refute[sd]?",
    "confirmed": r"confirm(?:s|ed)?|acknowledge[sd]?|admit(?:s|ted)?",
    "alleged": r"accuse[sd]?|allege[sd]?|claim(?:s|ed)?|blame[sd]?|charge[sd]|suspect(?:s|ed)?",
    "disputed": r"dispute[sd]?|contest(?:s|ed)?",
    "reported": r"said|says|say|told|tells|added|warned|warns|argued|argues|insisted|insists|"
    r"stated|reported|reports|announced|announces|believes?|believed|wrote|writes|tweeted|"
    r"noted|explained|suggested|predicted|estimated|testified|asserted|according to",
}
_CUE = re.compile(
    "|".join(rf"\b(?P<{status}>{words})\b" for status, words in _CUES.items()), re.IGNORECASE
)
# "according to X", "accused by X": the source follows the cue, up to the clause's end.
_FOLLOWING = re.compile(r"\s*(?P<who>[^,.;:!?\"“”]{2,80})")
_INVERTED = re.compile(r"^\s*(?:said|says|told|added|wrote)\s+(?P<who>[A-Z][^,;:!?\"“”(]{1,80})")
_HELPER_WORDS = (
    "has have had was were is are been also later then previously repeatedly publicly flatly "
    "again already still just never even now once who which that"
)
_HELPERS = frozenset(_HELPER_WORDS.split())
_DETERMINERS = ("the ", "a ", "an ")
_NOT_SUBJECTS = frozenset(
    "if when as while because but and or so then it this that there which what who".split()  # noqa: SIM905
)
_CAPITALISED = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_LISTED = re.compile(
    rf"(?:^|(?<=\s))(?:{_CAPITALISED},\s+)+{_CAPITALISED},?\s+(?:and|&)\s+{_CAPITALISED}$"
)
_SUBJECT_WORDS = 6


def status_of(sentence: str) -> AllegationStatus:
    """The status the sentence's first reporting verb gives its claim; with none, the claim
    stands unproven in the article's own words: alleged."""
    cue = _CUE.search(sentence)
    if cue is None:
        return "alleged"
    return next(s for s in _CUES if cue.group(s))


def source_of(
    sentence: str, before: str, names: Sequence[str], people: Sequence[str]
) -> str | None:
    """Who the sentence says makes its claim, or None where no reporting verb names anyone.

    `before` is the article up to the sentence (where a pronoun's person was named), `names`
    the names the article's actors go by, `people` those that are persons, fullest first."""
    phrase = _source_phrase(sentence)
    if phrase is None:
        return None
    # Who "she" or "the California congressman" is: the sentence's subject where it names a
    # person before the phrase ("Adam Schiff ... called on Obama ... the congressman said"),
    # else the person named last before the sentence.
    pronoun = phrase.lower() in ("he", "she")
    if pronoun or _describes_someone_named(phrase, sentence):
        opening = sentence[: max(sentence.find(phrase), 0)]
        named = _named_at(opening, people, last=False) or _named_at(before, people, last=True)
        return named or (None if pronoun else phrase)
    if _LISTED.fullmatch(phrase):  # several sources say it together
        return phrase
    named = _names_in(phrase, names)
    if named:
        return _fullest(named[-1], [*people, *names])
    words = phrase.split()
    if not words or len(words) > 4 or not could_say(phrase):
        return None
    return _fullest(phrase, [*people, *names])


_FUNCTION_WORDING = (
    "the a an of to in on at for with by from and or but not no did do does done went go "
    "goes had has have was were is are be been as that this these those which who whom "
    "along after before over under about into onto"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDING.split())
_PERSONAL = frozenset("you they we it i me us them this that there".split())  # noqa: SIM905


def could_say(phrase: str) -> bool:
    """Whether a phrase can name who says something: not a pronoun left unread, not a
    fragment that ends on a function word ("Along with the", "to") or holds a negation or a
    pronoun ("they did not", "You went")."""
    words = [w.strip(".,;:'’\"“”").lower() for w in phrase.split()]
    words = [w for w in words if w]
    if not words or words[-1] in _FUNCTION_WORDS:
        return False
    return not any(w in _PERSONAL or w in ("not", "did", "went") for w in words)


def _describes_someone_named(phrase: str, sentence: str) -> bool:
    """Whether the source is a definite description of a person, headed by what they are
    ("the California congressman", "the spokeswoman"): someone the article has named."""
    head = phrase.split()[-1]
    if not (head.islower() and is_title_word(head)):
        return False
    if re.search(r"(?:^|\s)the\s+(?:\S+\s+){0,3}\S+$", phrase, re.IGNORECASE):
        return True  # "... -- meddling the California congressman"
    written = re.search(rf"\bthe\s+{re.escape(phrase)}", sentence, re.IGNORECASE)
    return written is not None and len(phrase.split()) <= 4


def _quoted_at(sentence: str, index: int) -> bool:
    """Whether `index` stands inside a quotation: a cue there is what the source said."""
    before = sentence[:index]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _source_phrase(sentence: str) -> str | None:
    for cue in _CUE.finditer(sentence):
        if _quoted_at(sentence, cue.start()):
            continue
        after = sentence[cue.end() :]
        if cue.group(0).lower() == "according to":
            follows = _FOLLOWING.match(after)
            return _clean(_until_clause(follows.group("who"))) if follows else None
        after = after.lstrip()
        passive = _FOLLOWING.match(after[3:]) if after.startswith("by ") else None
        if passive:
            return _clean(_until_clause(passive.group("who")))
        inverted = _INVERTED.match(sentence[cue.start() :])
        if inverted and sentence[: cue.start()].rstrip().endswith((",", "”", '"')):
            return _clean(inverted.group("who").rstrip("."))
        subject = _subject_before(sentence[: cue.start()])
        if subject:
            return subject
    return None


def _subject_before(text: str) -> str | None:
    """The noun phrase right before the cue: "the Russian news agency Interfax", "Jake
    Sullivan" (in "The adviser, Jake Sullivan, told"), "Analysts", "she"."""
    text = text.rstrip()
    words = text.split()
    while words and (
        words[-1].lower().strip(",") in _HELPERS or re.fullmatch(r"[a-z]+ly", words[-1])
    ):
        words = words[:-1]
    text = " ".join(words)
    listed = _LISTED.search(text)
    if listed:  # "The US, Britain, South Korea and Japan have said"
        return _clean(listed.group(0))
    appositive = text.endswith(",")
    clauses = re.split(r"[,;:(\"“”]|\s(?:--|—|–)\s", text.rstrip(","))
    segments = [s.strip() for s in clauses if s.strip()]
    if not segments:
        return None
    segment = segments[-1]
    if appositive and not _has_capital(segment) and len(segments) > 1:
        segment = segments[-2]
    if re.search(r"\b(?:that|which|who|and|but|because|if|when|while)\s", segment + " "):
        segment = re.split(r"\b(?:that|which|who|and|but|because|if|when|while)\s", segment)[-1]
    tail = " ".join(segment.split()[-_SUBJECT_WORDS:])
    tail = re.split(r"\s(?:on|in|at|last|this|earlier|later|yesterday|today|late|early)\s", tail)[0]
    subject = _clean(tail)
    return subject if subject and subject.lower() not in _NOT_SUBJECTS else None


def _until_clause(phrase: str) -> str:
    """A source written after its cue, up to the words that start what it says or did."""
    return re.split(r"\s(?:of|for|that|to|in|on|over|after|with|as|who|which)\s", f"{phrase} ")[0]


def _clean(phrase: str) -> str:
    phrase = " ".join(phrase.split()).strip(" '’")
    for determiner in _DETERMINERS:
        if phrase.lower().startswith(determiner):
            phrase = phrase[len(determiner) :]
    return re.sub(r"['’]s$", "", phrase)


def _has_capital(text: str) -> bool:
    return any(word[:1].isupper() for word in text.split())


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


def _fullest(name: str, names: Sequence[str]) -> str:
    """The longest of `names` that holds every word of `name` ("Sullivan" → "Jake Sullivan")."""
    words = set(normalise(name).split())
    holding = [n for n in names if words <= set(normalise(n).split())]
    return max(holding, key=len, default=name)


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


def accused_in(sentence: str, names: Sequence[str]) -> str | None:
    """Who an accusing sentence accuses: the subject of "X was accused by", the first name
    after "accused" or "blamed" ("Y accused X of ...")."""
    cue = _CUE.search(sentence)
    if cue is None or not cue.group("alleged"):
        return None
    after = sentence[cue.end() :].lstrip()
    # The last name of the phrase is its head: "FBI director James Comey" is Comey.
    if after.startswith("by "):
        named = _names_in(sentence[: cue.start()], names)
        return named[-1] if named else None
    named = _names_in(_until_clause(after[:80]), names)
    return named[-1] if named else None
