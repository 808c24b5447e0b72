"""One reading of an article: its sentences and its named entities, typed, with offsets.

Every stage asks this one reading, so the checklists, the quoted sentences and the dates agree
on where a sentence ends ("Mr." and "U.S." end none; a line break always does). English is
read by spaCy's pipeline (models.py): sentences from its parser, entities from its NER, with
rules on top for what a reader would strike: a name run across a line break, a "the" or a
possessive at its edges, a demonym used as an adjective ("North Korean leader"), a name on a
line that says nothing (a caption, a credit, a button: no verb). Other languages are split by
sentencex (about 300 languages) and their names are runs of capitalised words, less the
language's stopwords (stopwordsiso), untyped: gazetteers and the model type them later.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from .capitalised import capitalised_names, split_sentences
from .entities import Entity, EntityType, plausible_name, trimmed_span
from .gazetteer import place_kind
from .language import detect_language
from .parse import Parse

__all__ = ["Analysis", "Entity", "EntityType", "analyse"]

_SPACY_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
    "NORP": "group",
    "EVENT": "event",
}


_WORD_ON = re.compile(r"[-‐\w]*")  # a hyphenated name's rest, from where a tagger stopped
_LOCATIVES = frozenset(
    "in at near outside inside across throughout around within".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Analysis(Parse):
    text: str
    language: str  # ISO 639-1, or "und"
    sentences: tuple[tuple[int, int], ...]  # (start, end) of each, whitespace trimmed
    entities: tuple[Entity, ...]  # in article order
    doc: Any = field(default=None, compare=False, repr=False)  # spaCy's Doc, English only

    @cached_property
    def sentence_texts(self) -> tuple[str, ...]:
        return tuple(" ".join(self.text[s:e].split()) for s, e in self.sentences)

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        """The sentence holding `offset`, or None (between sentences)."""
        index = bisect_right([s for s, _ in self.sentences], offset) - 1
        if index >= 0 and offset < self.sentences[index][1]:
            return self.sentences[index]
        return None

    def sentence_around(self, start: int) -> str:
        """The text of the sentence that holds `start`, as written; "" if none does."""
        span = self.sentence_at(start)
        return self.text[span[0] : span[1]] if span else ""


MAX_READ = 200_000  # characters: the longest article text any endpoint is sent


@lru_cache(maxsize=16)
def analyse(text: str, language: str | None = None) -> Analysis:
    """The article's reading (cached: prepare and finish of one article share it). Only the
    first MAX_READ characters are read: no model is sent more, and offsets stay valid."""
    text = text[:MAX_READ]
    language = language or detect_language(text)
    if language == "en":
        return _english(text)
    sentences = split_sentences(text, language)
    return Analysis(text, language, sentences, tuple(capitalised_names(text, sentences, language)))


def _english(text: str) -> Analysis:
    from .models import english

    doc = english()(text)
    sentences: list[tuple[int, int]] = []
    spoken: set[int] = set()  # sentences with a verb
    for sent in doc.sents:
        span = trimmed_span(text, sent.start_char, sent.end_char)
        if span is None:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            spoken.add(span[0])
        sentences.append(span)
    starts = [s for s, _ in sentences]
    entities: list[Entity] = []
    for ent in doc.ents:
        kind = _SPACY_TYPES.get(ent.label_)
        if kind in (None, "group") and ent.root.pos_ == "PROPN" and place_kind(ent.text):
            kind = "place"  # "Croydon" read as a product: a gazetteer knows the town
        if kind is None or (kind == "group" and not _is_noun_group(ent)):
            continue
        tokens = list(ent)
        while tokens and tokens[0].lower_ in ("the", "a", "an"):
            tokens = tokens[1:]
        while kind == "person" and len(tokens) > 1 and _capitals_before_a_name(tokens):
            tokens = tokens[1:]  # "GETTY Max Verstappen": a credit run into the name
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
            tokens = tokens[:-1]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        while end + 1 < len(text) and text[end] in "-‐" and text[end + 1].isalpha():
            tail = _WORD_ON.match(text, end)  # "Mazar-i-Sharif", whole
            end = tail.end() if tail else end
        written = text[start:end]
        index = bisect_right(starts, start) - 1
        in_sentence = index >= 0 and sentences[index][0] in spoken
        if plausible_name(written, "en") and in_sentence:
            located = ent.root.dep_ == "pobj" and ent.root.head.lower_ in _LOCATIVES
            entities.append(Entity(written, kind, start, end, located))
    return Analysis(text, "en", tuple(sentences), tuple(entities), doc)


def _capitals_before_a_name(tokens: list[Any]) -> bool:
    """A word in capitals opening a person's name that goes on in title case: a person's
    name is written in title case, so the word is a credit or a dateline run into it."""
    first, second = tokens[0].text, tokens[1].text
    capitals = first.isalpha() and first.isupper() and len(first) > 2  # not initials: "G.K."
    return capitals and second[:1].isupper() and not second.isupper()


def _is_noun_group(ent: Any) -> bool:
    """ "the Taliban", "Democrats": a group; "North Korean leader": an adjective."""
    return ent.root.pos_ in ("PROPN", "NOUN") and ent.root.dep_ not in ("amod", "compound")
