"""English sentences and named entities, from spaCy's parse and NER (models.py).

Rules on top of the tagger, for what a reader would strike: a name run across a line break, a
"the" or a possessive at its edges, a demonym used as an adjective ("North Korean leader"), a
credit in capitals run into a person's name, a name on a line that says nothing (a caption, a
credit, a button: no verb).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from .entities import Entity, EntityType, plausible_name, trimmed_span
from .gazetteer import place_kind
from .lexicon import en

__all__ = ["read_english"]

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


def read_english(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[Entity, ...], Any]:
    """The text's sentences, its entities (those in sentences with a verb), and spaCy's Doc."""
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
        entity = _entity(text, ent)
        if entity is None:
            continue
        index = bisect_right(starts, entity.start) - 1
        if index >= 0 and sentences[index][0] in spoken:
            entities.append(entity)
    return tuple(sentences), tuple(entities), doc


def _entity(text: str, ent: Any) -> Entity | None:
    """The entity spaCy found, typed and trimmed to the name a reader keeps, or None."""
    kind = _SPACY_TYPES.get(ent.label_)
    if kind in (None, "group") and ent.root.pos_ == "PROPN" and place_kind(ent.text):
        kind = "place"  # "Croydon" read as a product: a gazetteer knows the town
    if kind is None or (kind == "group" and not _is_noun_group(ent)):
        return None
    tokens = list(ent)
    while tokens and tokens[0].lower_ in en.ARTICLES:
        tokens = tokens[1:]
    while kind == "person" and len(tokens) > 1 and _capitals_before_a_name(tokens):
        tokens = tokens[1:]  # "GETTY Max Verstappen": a credit run into the name
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    while end + 1 < len(text) and text[end] in "-‐" and text[end + 1].isalpha():
        tail = _WORD_ON.match(text, end)  # "Mazar-i-Sharif", whole
        end = tail.end() if tail else end
    written = text[start:end]
    if not plausible_name(written, "en"):
        return None
    located = ent.root.dep_ == "pobj" and ent.root.head.lower_ in en.LOCATIVES
    return Entity(written, kind, start, end, located)


def _capitals_before_a_name(tokens: list[Any]) -> bool:
    """A word in capitals opening a person's name that goes on in title case: a person's
    name is written in title case, so the word is a credit or a dateline run into it."""
    first, second = tokens[0].text, tokens[1].text
    capitals = first.isalpha() and first.isupper() and len(first) > 2  # not initials: "G.K."
    return capitals and second[:1].isupper() and not second.isupper()


def _is_noun_group(ent: Any) -> bool:
    """ "the Taliban", "Democrats": a group; "North Korean leader": an adjective."""
    return ent.root.pos_ in ("PROPN", "NOUN") and ent.root.dep_ not in ("amod", "compound")
