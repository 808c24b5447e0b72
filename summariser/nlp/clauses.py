"""What a subject's verb says, cut to read at a glance: the parse's clause for an actor's
role (Parse.predicate_of), stopped where it goes on to another clause and shed of what it says
in passing. English: spaCy's dependency labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["HELPERS", "SUBJECTS", "main_clause"]

SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
# Links after which a verb's clause goes on to another: an adverbial clause (", bringing out
# the red flag"), a clause set beside it; a second verb ("and made his way") is one too.
_CLAUSE_BREAKS = frozenset({"advcl", "parataxis"})
# Links of what only says where, when or how a thing was done: dropped last first where the
# clause is too long to read as a role ("... in a conference call with her funders").
_OPTIONAL = frozenset({"prep", "npadvmod", "advmod", "agent"})
_READABLE_WORDS = 14  # what a clause is cut down to, where its modifiers allow
# What a clause says of a noun in it in passing, dropped where the clause is long.
_ASIDES = frozenset({"appos", "relcl"})
# What stands about a verb without saying what was done: "has", "was", "also", a comma.
HELPERS = frozenset({"aux", "auxpass", "advmod", "punct"})
# What stands between a subject and its verb: those, "not", "on Saturday".
_BEFORE_A_VERB = HELPERS | {"neg", "npadvmod", "prep"}


def main_clause(verb: Any, subject: Any) -> list[Any]:
    """What the subject's verb says, up to where its clause goes on to another (a second
    verb, a clause after a comma), less the modifiers at its end while it is longer than
    reads at a glance: "crashed on lap 48 at Interlagos" of "... at Interlagos, bringing out the
    red flag"; "blamed FBI director James Comey for her stunning defeat in Tuesday's
    presidential election" of the same "... in a conference call with her top campaign
    funders on Saturday, according to two participants"."""
    kept: list[Any] = []
    for child in verb.children:
        if child.i <= subject.i or child.text in ".!?":
            continue  # the subject, and the sentence's end
        if child.i < verb.i and child.dep_ not in _BEFORE_A_VERB:
            return []  # "Mercedes team | mate Nico Rosberg": a noun misread as the verb
        if child.i > verb.i and _breaks(child):
            if not (child.dep_ == "conj" and _bare(verb, kept) and not _has_subject(child)):
                break
            kept.append(child)  # "spun and crashed into the wall": the first verb says little
            return _clause_of(verb, subject, kept, main_clause(child, child))
        kept.append(child)
    while kept and kept[-1].dep_ == "cc":
        kept.pop()  # "left his car and | made his way"
    # the first phrase after the verb's object is kept: "linked his defeat | to a videotape"
    least = next((n + 1 for n, c in enumerate(kept) if c.i > verb.i and c.dep_ == "prep"), 1)
    while len(kept) > least and kept[-1].dep_ in _OPTIONAL and _words(kept) > _READABLE_WORDS:
        kept.pop()
    return _clause_of(verb, subject, kept)


def _clause_of(verb: Any, subject: Any, kept: list[Any], joined: Sequence[Any] = ()) -> list[Any]:
    """The verb, what it keeps of its children and of a verb joined to it, in order, less
    asides where that is long."""
    tokens = [t for child in kept if not joined or child.dep_ != "conj" for t in child.subtree]
    tokens += [verb, *joined]
    if len(tokens) > _READABLE_WORDS:
        tokens = _without_asides(tokens)
    return sorted((t for t in tokens if t.i > subject.i or t.i == verb.i), key=lambda t: t.i)


def _has_subject(verb: Any) -> bool:
    """Whether `verb` has a subject of its own ("and | dozens were injured")."""
    return any(c.dep_ in SUBJECTS for c in verb.children)


def _bare(verb: Any, kept: list[Any]) -> bool:
    """Whether the verb governs nothing after it yet but a joining word ("spun and")."""
    return all(c.i < verb.i or c.dep_ in ("cc", "advmod", "punct") for c in kept)


def _without_asides(tokens: list[Any]) -> list[Any]:
    """The tokens less what they say of a noun in them in passing: an apposition (", the FBI
    director,"), a relative clause ("the assault | which they say is a
    response"), with the commas around it."""
    inside = {t.i for t in tokens}
    aside: set[int] = set()
    for token in tokens:
        if token.dep_ in _ASIDES and token.head.i in inside:
            aside.update(t.i for t in token.subtree)
    before = {i - 1 for i in aside if i - 1 in inside and tokens[0].doc[i - 1].text == ","}
    after = {i + 1 for i in aside if i + 1 in inside and tokens[0].doc[i + 1].text == ","}
    dropped = aside | before | after
    return [t for t in tokens if t.i not in dropped]


def _breaks(child: Any) -> bool:
    """Whether the verb's clause goes on to another at its child `child`."""
    if child.dep_ == "conj":
        return child.pos_ in ("VERB", "AUX")  # not a second object ("the citation and the demand")
    return child.dep_ in _CLAUSE_BREAKS or child.text in ",;—–"


def _words(children: list[Any]) -> int:
    return 1 + sum(len(list(child.subtree)) for child in children)
