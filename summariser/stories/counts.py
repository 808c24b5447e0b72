"""What a sentence counts: each number, what it counts and what happened to what it counts.

Outlets word one toll differently ("At least five people are dead", "the crash which left
seven dead", "one of the seven dead"), so a count is compared by its parts, read from the
parse, not by the words around it:
- **counted**: the noun the number qualifies ("people"), or none where the number stands
  alone ("seven dead", "50 others");
- **happened**: what the sentence says of them: the verb they are the subject or object of
  ("were killed", "killing seven people": kill), or the word that describes them ("are dead",
  "left seven dead", "seven dead": dead), with that word's own qualifiers ("seriously
  injured" is another count than "injured").
Two counts are of one thing when what happened and its qualifiers are the same and their
nouns are the same or one says none. Nothing here names an event or a kind of count.

English is parsed (spaCy's pipeline); for another language, whose parse we lack, a count is
the words that follow its number ("# personnes ont été tuées"), and two are of one thing
only where those words and most of their sentences' words are the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from ..nlp.lexicon import en
from ..nlp.models import english
from ..nlp.times import spot
from ..pipeline.dates import resolve
from ..text import normalise, overlap_f1
from .grouping import WINDOW_DAYS

__all__ = ["Count", "counts"]

SAME_FRAME = 0.6  # unparsed: least word-overlap F1 of two sentences, numbers set aside
FOLLOWING = 3  # unparsed: the words after a number that say what it counts
# What a number's subject or object takes part in that says nothing of it ("are at the scene").
_EMPTY = frozenset({"be", "have", "do"})
# Nouns that stand for what was named before ("50 others were injured"): no noun of their own.
_STANDING_FOR = frozenset({"other", "more", "one"})
# A dependent of the number that bounds or rounds it ("at least", "more than", "about").
_QUALIFYING = frozenset({"advmod", "quantmod"})
# What completes a verb that links a counted thing to what it is ("were left trapped").
_COMPLEMENT = frozenset({"acomp", "attr", "oprd", "xcomp"})
# The dependents that describe a counted thing or say what became of it: a complement other
# than a noun's, or a modifier.
_DESCRIBING = (_COMPLEMENT - {"attr"}) | {"amod", "acl"}
# Verbs that only link a counted thing to what it is ("were left trapped", "left seven dead");
# any other ("remain trapped") says something of its own.
_LINKING = frozenset({"be", "become", "get", "leave"})

_NOT_COUNTED = frozenset({"%", "per", "percent", "pc"})  # a share, not a count
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTS = frozenset({"compound", "quantmod", "nummod"})  # "2" of "2 million"
_PARTICIPLE_OR_ADJECTIVE = frozenset({"JJ", "VBN"})
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_TOKEN = re.compile(r"\w+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Count:
    """One number of one sentence, and what it counts."""

    value: float | None  # None where its words cannot be read as a value
    written: str  # the number as written, with what bounds it ("At least seven")
    counted: str | None  # the noun it counts, lemmatised; None where it stands alone
    happened: frozenset[str]  # what happened to it: lemma and form of the word that says
    how: tuple[str, ...]  # that word's own qualifiers ("seriously")
    what: str  # what is counted and what happened, as written ("people dead", "wounded")
    frame: str | None = None  # unparsed: the sentence, numbers set aside, to compare

    def same_thing(self, other: Count) -> bool:
        if not (self.happened & other.happened) or self.how != other.how:
            return False
        if self.counted and other.counted and self.counted != other.counted:
            return False
        if self.frame is not None and other.frame is not None:
            return overlap_f1(self.frame, other.frame) >= SAME_FRAME
        return True

    def differs(self, other: Count) -> bool:
        if self.value is not None and other.value is not None:
            return self.value != other.value
        if (self.value is None) != (other.value is None):
            return False  # "siete" against "7": cannot tell, so not said to differ
        return normalise(self.written) != normalise(other.written)


def counts(sentences: list[tuple[str, date | None]], language: str) -> list[list[Count]]:
    """The counts of each sentence (given with its article's publication date), in order:
    those of the article's own event (a count dated to another time, "were killed last
    week", is of another). One call for many sentences: the parser reads them as a batch."""
    if language == "en":
        return _parsed(sentences)
    return [list(_unparsed(sentence, language)) for sentence, _ in sentences]


def _parsed(sentences: list[tuple[str, date | None]]) -> list[list[Count]]:
    numbered = [i for i, (s, _) in enumerate(sentences) if _DIGITS.search(s) or _has_word_number(s)]
    found: list[list[Count]] = [[] for _ in sentences]
    # no entities: they would treble the time, and a count needs only tags, parse and lemmas
    docs = english().pipe((sentences[i][0] for i in numbered), disable=["ner"])
    for i, doc in zip(numbered, docs, strict=True):
        published = sentences[i][1]
        found[i] = [count for token in doc if (count := _count(token, published)) is not None]
    return found


def _has_word_number(sentence: str) -> bool:
    words = set(normalise(sentence).split())
    return bool(words & en.NUMBER_WORDS.keys())


def _count(token: Any, published: date | None) -> Count | None:
    """The count a number token heads, if its parse says what it counts and what happened."""
    if token.tag_ != "CD" or not token.like_num:
        return None  # "first" is an ordinal, "dozens" no number
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and (
        after.lower_ in _NOT_COUNTED or (not token.whitespace_ and after.is_alpha)
    ):
        return None  # a measure: "400g", "12mph", "52 per cent"
    first = _number_words(token)[0].i
    if first and token.doc[first - 1].is_currency:
        return None  # an amount: "$5 million"
    if token.dep_ in _PARTS and token.head.like_num:
        return None  # "2" of "2 million": the whole number is its head's
    counted = None
    phrase = token
    if token.dep_ == "nummod" and token.head.pos_ in {"NOUN", "PROPN"}:
        phrase = token.head
        counted = None if phrase.lemma_.lower() in _STANDING_FOR else phrase.lemma_.lower()
    said = _what_happened(phrase)
    if said is None or _another_time(said, published):
        return None
    how = {c.lemma_.lower() for c in said.children if c.dep_ in {"advmod", "neg"}}
    if said.dep_ in _COMPLEMENT and said.head.lemma_.lower() not in _LINKING:
        how.add(said.head.lemma_.lower())  # "remain trapped" is not "were trapped"
    return Count(
        value=_value(token),
        written=_written(token),
        counted=counted,
        happened=frozenset({said.lemma_.lower(), said.lower_}),
        how=tuple(sorted(how)),
        what=" ".join([*([phrase.text] if counted else []), said.text]),
    )


def _another_time(said: Any, published: date | None) -> bool:
    """Whether what happened is dated, in its own words, other than to a day of the story's
    window before publication ("last week", "in 1959", "earlier this month"): a count of
    another event. Undated, or dated to the days the story spans, it is the story's."""
    words = said.doc[said.left_edge.i : said.right_edge.i + 1].text
    for phrase in spot(words):
        day = resolve(phrase, published, words)
        if published is None or day is None or not _DAY.fullmatch(day):
            return True
        if not 0 <= (published - date.fromisoformat(day)).days <= WINDOW_DAYS:
            return True
    return False


def _what_happened(phrase: Any) -> Any | None:
    """The word that says what became of the counted phrase: its verb, or what describes it."""
    head = phrase.head
    if phrase.dep_ in {"nsubj", "nsubjpass"}:
        described = [c for c in head.children if c.dep_ in {"acomp", "attr", "oprd"}
                     and c.tag_ in _PARTICIPLE_OR_ADJECTIVE]  # fmt: skip
        said = described[0] if described else head
    elif phrase.dep_ == "dobj":
        described = [c for c in head.children if c.dep_ in {"oprd", "xcomp"}
                     and c.tag_ in _PARTICIPLE_OR_ADJECTIVE]  # fmt: skip
        said = described[0] if described else head  # "left seven dead"; "killing seven"
    else:
        described = [c for c in phrase.rights if c.dep_ in _DESCRIBING
                     and c.tag_ in _PARTICIPLE_OR_ADJECTIVE]  # fmt: skip
        if not described:
            return None  # before it, a word describes, not what happened: "two large blasts"
        said = described[0]  # "seven dead", "Seven killed as ..."
    if said.pos_ not in {"VERB", "ADJ"} or said.lemma_.lower() in _EMPTY:
        return None
    return said


def _written(token: Any) -> str:
    """The number with the words that bound it ("more than 50"), as the sentence has them."""
    words = _number_words(token)
    start, end = words[0].i, words[-1].i + 1
    for child in token.lefts:
        if child.dep_ in _QUALIFYING or (child.dep_ == "amod" and child.tag_ in {"JJR", "JJS"}):
            start = min(start, child.left_edge.i)
    return token.doc[start:end].text


def _value(token: Any) -> float | None:
    return _read_number([t.lower_ for t in _number_words(token)])


def _number_words(token: Any) -> list[Any]:
    """The number's words in order: itself and the numbers it heads ("2" of "2 million")."""
    return sorted([token, *(c for c in token.children if c.like_num and c.dep_ in _PARTS)],
                  key=lambda t: t.i)  # fmt: skip


def _read_number(words: list[str]) -> float | None:
    """ "1,200" -> 1200, "2 million" -> 2e6, "seventy" -> 70; None where a word is unknown."""
    total, current = 0.0, 0.0
    for word in words:
        if _DIGITS.fullmatch(word):
            current += float(word.replace(",", ""))
        elif word in en.NUMBER_WORDS:
            current += en.NUMBER_WORDS[word]
        elif word in en.NUMBER_SCALES:
            current = (current or 1) * en.NUMBER_SCALES[word]
            if en.NUMBER_SCALES[word] >= 1_000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current


def _unparsed(sentence: str, language: str) -> Iterator[Count]:
    like_num = _numeral_test(language)
    words, numbers = [], {}
    for token in _TOKEN.findall(sentence):
        if like_num(token):
            numbers[len(words)] = token
            words.append("#")
        else:
            words.append(normalise(token))
    frame = " ".join(words)
    for at, token in numbers.items():
        after = words[at + 1 : at + 1 + FOLLOWING]
        if len(after) < 2 or "#" in after:
            continue
        yield Count(
            value=float(token.replace(",", "")) if _DIGITS.fullmatch(token) else None,
            written=token,
            counted=None,
            happened=frozenset({" ".join(after)}),
            how=(),
            what=" ".join(after),
            frame=frame,
        )


@cache
def _numeral_test(language: str) -> Callable[[str], bool]:
    """spaCy's test for a numeral of `language` (digits only where spaCy has none for it)."""
    import spacy
    from spacy.attrs import LIKE_NUM

    try:
        vocab = spacy.blank(language).vocab
    except (ImportError, KeyError, ValueError):
        vocab = spacy.blank("xx").vocab
    getters = getattr(vocab, "lex_attr_getters", {})  # a Cython attribute stubs leave out
    test = getters.get(LIKE_NUM)
    return test if test is not None else (lambda token: token.replace(",", "").isdigit())
