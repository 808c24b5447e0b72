"""Who the parse says reports a claim in an English sentence, and how it stands: the
reporting verb's subject or agent, or "according to X"; the status the verb gives ("denied",
"accused", "said"); whether a short phrase only says that someone spoke.

A mixin of Reading, beside Parse: every query reads `doc` (spaCy's parse) and answers None
where there is none (a language without a pipeline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .lexicon import en
from .parse import _joined

__all__ = ["Attribution", "Reported"]

# English reporting verbs by lemma (lexicon/en.py): those that act on an object ("denied the
# report", "told reporters", "accused Russia") report with one; those that only report speech
# or thought report a clause ("added that ...", "..., she added"), not an object ("could add
# fuel").
_REPORTING = en.REPORTING_VERBS
_REPORTING_ACTS = frozenset(lemma for lemma, (_, acts) in _REPORTING.items() if acts)
# The status of a verb that only reports speech ("say", "tell", "add"), and the links that
# carry what was said.
_SPEECH = "reported"
# The statuses of verbs that say something was so without accusing anyone ("confirmed to
# MailOnline" says only that it spoke; "accused of ..." names its charge in a preposition).
_SAYING = frozenset({_SPEECH, "confirmed"})
# The status of "X called Y a Z": a characterisation someone makes, which others may dispute.
_CHARACTERISED = "alleged"
_WHAT_WAS_SAID = frozenset({"ccomp", "xcomp", "csubj"})
# How far below the sentence's root a reporting verb may stand: the root itself ("X said"),
# a verb joined to it ("... and added"), or one step down ("..., the source added" read as a
# clause): deeper, it is part of what is reported ("warnings that he would assert ...").
_REPORTING_DEPTH = 1
# What a phrase's head carries that is no part of naming it: a clause about it, an aside.
_NOT_OF_THE_PHRASE = frozenset({"relcl", "acl", "advcl", "punct", "appos"})
_QUOTES = frozenset('"“”«»')


@dataclass(frozen=True)
class Reported:
    """Who a sentence says makes its claim, as written, and whom it accuses."""

    source: str | None  # the reporting verb's subject or agent ("the California congressman")
    pronoun: bool  # the source is "he", "she", "they": a person named before
    named: bool  # the source is a name ("Wells Fargo CEO John Stumpf"), not a description
    accused: str | None  # an accusing verb's object, or its passive subject


@dataclass(frozen=True)
class Held:
    """A claim a sentence carries in a noun ("amid concerns in the west that Pyongyang plans
    to provide weapons"): the claim as written, where it stands, and who holds it."""

    claim: str
    start: int
    end: int
    holder: str | None  # "the west", or None where the sentence says no one


class Attribution:
    """The parse's answers about who says what; `Reading` carries the text and doc."""

    text: str
    doc: Any

    def quoted(self, start: int) -> bool:
        raise NotImplementedError

    def _span(self, start: int, end: int) -> Any:
        raise NotImplementedError

    def reported_in(self, start: int, end: int) -> Reported | None:
        """The attribution of the sentence at `start`:`end` that stands nearest its root and
        outside any quotation: "according to X", a reporting verb's subject ("Jake Sullivan
        told"), or its passive agent ("accused by the US"); a passive with no agent names no
        source ("Mr. Quiros was accused of ...": only whom it accuses). In "X told police
        that ..., the source added", the source's. None without a parse."""
        span = self._span(start, end)
        if span is None:
            return None
        found: list[tuple[int, Reported]] = []
        # a sentence that goes on with a quotation opened before it starts inside it
        quotes = int(self.quoted(start) and self.text[start : start + 1] not in _QUOTES)
        for token in span:
            quotes += token.text in _QUOTES
            if quotes % 2:
                continue  # what a quotation holds is what the source said
            if token.lower_ == en.ACCORDING[1] and token.head.lower_ == en.ACCORDING[0]:
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if objects:
                    found.append((_depth(token), _reported(objects[0], None)))
            elif _reports(token) and (parties := _source_and_accused(token)) is not None:
                found.append((_depth(token), _reported(*parties)))
        return min(found, key=lambda pair: pair[0])[1] if found else None

    def cue_of(self, start: int, end: int) -> str | None:
        """The status the first reporting verb of the sentence at `start`:`end` gives its
        claim ("denied" a denial, "accused" an allegation, "said" or "according to" a report),
        as the lexicon's one table has it; None without a parse or a reporting verb."""
        span = self._span(start, end)
        if span is None:
            return None
        for token in span:
            if token.pos_ == "VERB" and token.lemma_.lower() in _REPORTING:
                return _REPORTING[token.lemma_.lower()][0]
            if token.lemma_.lower() in en.CHARACTERISING_VERBS and _characterises(token):
                return _CHARACTERISED
            if token.lower_ == en.ACCORDING[1] and token.head.lower_ == en.ACCORDING[0]:
                return "reported"  # "according to": a source without a verb
        return None

    def claims_nothing(self, start: int, end: int) -> bool:
        """Whether the sentence at `start`:`end` reports a question or a forecast, not a
        claim: what someone asks or has not confirmed ("has not confirmed whether the change
        will reach other countries"), or what someone is expected or scheduled to do ("Kim was
        expected to visit the far east"), which no one accuses, denies or disputes. False
        without a parse."""
        span = self._span(start, end)
        if span is None:
            return False
        return any(_asks_whether(t) or _forecasts(t) for t in span)

    def held_in(self, start: int, end: int) -> Held | None:
        """The claim the sentence at `start`:`end` holds in a noun of claiming that an
        adjunct carries ("amid concerns that ...", "over allegations that ..."), with who
        holds it ("in the west"); None where there is none (a noun a verb takes, as in
        "denied claims that ...", is that verb's) or no parse."""
        span = self._span(start, end)
        if span is None:
            return None
        for noun in span:
            if noun.lemma_.lower() not in en.CLAIM_NOUNS or noun.dep_ != "pobj":
                continue
            for clause in noun.children:
                if _content_clause(clause):
                    words = [t for t in clause.subtree if not _opens(t, clause)]
                    while words and words[-1].is_punct:
                        words.pop()
                    first, last = words[0], words[-1]
                    holder = next(
                        (
                            _phrase(c)
                            for prep in noun.children
                            if prep.dep_ == "prep" and prep.lower_ in en.HOLDING
                            for c in prep.children
                            if c.dep_ == "pobj"
                        ),
                        None,
                    )
                    return Held(
                        claim=_joined(words),
                        start=first.idx,
                        end=last.idx + len(last.text),
                        holder=holder,
                    )
        return None

    def only_speaks(self) -> bool:
        """Whether the text, a short phrase, says only that someone spoke: a verb of speech
        without what was said ("told Reuters", "said on Tuesday"), where "said the toll would
        rise" and "reported the accident" say something. False without a parse."""
        if self.doc is None:
            return False
        root = next(iter(self.doc.sents)).root
        said = _WHAT_WAS_SAID if root.lemma_ in en.ADDRESSING_VERBS else _WHAT_WAS_SAID | {"dobj"}
        return (
            root.pos_ == "VERB"
            and _REPORTING.get(root.lemma_, ("",))[0] in _SAYING
            and not any(c.dep_ in said for c in root.children)
        )


def _reported_clause(verb: Any) -> bool:
    """Whether `verb` heads what its sentence reports: the root, or what a reporting verb
    says ("Kim was expected ..." of "Interfax reported Kim was expected ...")."""
    return verb.dep_ == "ROOT" or (
        verb.dep_ in _WHAT_WAS_SAID and verb.head.lemma_.lower() in _REPORTING
    )


def _asks_whether(token: Any) -> bool:
    """ "whether" or "if" opening all that the sentence's verb of saying or asking reports: a
    question ("has not confirmed whether ..."), not one inside what is said ("said it was too
    early to tell whether ..., and there was no evidence ...")."""
    verb = token.head
    asking = verb.head
    return (
        token.lower_ in en.QUESTION_MARKERS
        and token.dep_ == "mark"
        and verb.dep_ == "ccomp"
        and asking.dep_ == "ROOT"
        and (asking.lemma_.lower() in _REPORTING or asking.lemma_.lower() in en.ASKING)
    )


def _forecasts(token: Any) -> bool:
    """A passive "expected", "scheduled" (or "due") with what is to happen ("was expected
    to visit"), heading what the sentence reports."""
    lemma = token.lemma_.lower()
    if lemma not in en.FORECASTING or not _reported_clause(token):
        return False
    passive = token.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in token.children)
    return passive and any(c.dep_ == "xcomp" for c in token.children)


def _content_clause(clause: Any) -> bool:
    """A clause that says what a noun of claiming holds: "that" opens it and it has a subject
    of its own ("concerns that Pyongyang plans ..."; not "concerns that grew")."""
    return (
        clause.dep_ in ("acl", "relcl", "ccomp")
        and any(_opens(c, clause) for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


def _opens(token: Any, clause: Any) -> bool:
    return token.head.i == clause.i and token.lower_ == "that" and token.dep_ == "mark"


def _reports(verb: Any) -> bool:
    """Whether `verb` attributes its sentence's claim: a reporting verb near the sentence's
    root, with an object or a clause as its kind of verb takes (a clause, for one that
    reports speech, with or without an object the parse read into it)."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or _depth(verb) > _REPORTING_DEPTH:
        return False
    if lemma in en.CHARACTERISING_VERBS:
        return _characterises(verb)
    if lemma not in _REPORTING:
        return False
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    has_clause = any(c.dep_ in _WHAT_WAS_SAID for c in verb.children)
    # "could add fuel" reports nothing; "said the bombing ..., was a revenge attack" does,
    # however the parse split it into an object and a clause
    return lemma in _REPORTING_ACTS or not has_object or has_clause


def _characterises(verb: Any) -> bool:
    """ "X called Y a Z": a verb of naming with an object and what it calls the object ("called
    it a revenge attack", "called the citation a political ploy"), not a call made ("called
    her husband") or asked for ("called for calm")."""
    children = [c.dep_ for c in verb.children]
    return "dobj" in children and "oprd" in children


def _depth(token: Any) -> int:
    """Steps from `token` up to its sentence's root; a word joined by "and" is as deep as the
    one it is joined to."""
    depth = 0
    if _says_for_the_object(token):
        token = token.head  # "issued a statement saying ...": as deep as the statement
    while token.head.i != token.i:
        depth, token = depth + (token.dep_ != "conj"), token.head
    return depth


def _says_for_the_object(verb: Any) -> bool:
    """A participle that says what the object of a verb says ("issued a statement saying",
    "released a report saying"): it reports for that verb's subject."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj"


def _reported(source: Any, accused: Any) -> Reported:
    source = _head_of(source) if source is not None else None
    return Reported(
        _phrase(source) if source is not None else None,
        source is not None and source.tag_ == "PRP",
        source is not None and source.pos_ == "PROPN",
        _phrase(accused) if accused is not None else None,
    )


def _source_and_accused(verb: Any) -> tuple[Any, Any] | None:
    """The reporting verb's source and, for an accusing verb, whom it accuses; None where
    the verb has neither (a bare "to claim")."""
    children = {c.dep_: c for c in verb.children}
    agent = children.get("agent")
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    subject = children.get("nsubj")
    if subject is None and (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
        # "X said ... and added", "X issued a statement saying ...": X's
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None and _says_for_the_object(verb):  # "... a statement saying", parsed so
        subject = next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
    passive = children.get("nsubjpass")
    accusing = verb.lemma_.lower() in en.ACCUSING_VERBS
    accused = passive if by is not None or passive is not None else children.get("dobj")
    accused = accused if accusing else None
    source = by if passive is not None else subject
    if source is None and accused is None:
        return None
    return source, accused


def _head_of(head: Any) -> Any:
    """A phrase's head, or the name in apposition to it, which stands for it ("The adviser,
    Jake Sullivan," is Jake Sullivan)."""
    named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return named[0] if named and head.pos_ != "PROPN" else head


def _phrase(head: Any) -> str:
    """The noun phrase `head` heads, as written, less what only comments on it (a relative
    clause, an aside) and its possessive mark."""
    kept = [head.i]
    for child in head.children:
        if child.dep_ not in _NOT_OF_THE_PHRASE:
            kept.extend(t.i for t in child.subtree)
    tokens = list(head.doc[min(kept) : max(kept) + 1])  # "US, Britain and Japan": whole
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return _joined(tokens) if tokens else head.text
