"""One reading of an article: everything code knows of its text, built once, read by every stage.

Sentences, named entities and their types, the parse (parse.py), the checklist candidates the
model cites (candidates.py, references.py), the time phrases (times.py), the lead, the
dateline and which lines are prose rather than page furniture (layout.py). Every stage asks
this one reading, so the checklists, the quoted sentences and the dates agree on where a
sentence ends ("Mr." and "U.S." end none; a line break always does). English is read by
spaCy's pipeline (english.py); other languages are split by sentencex (about 300 languages)
and their names are runs of capitalised words, less the language's stopwords (capitalised.py),
untyped: gazetteers and the model type them later.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from ..text import normalise
from .candidates import Candidate, candidates_of
from .capitalised import capitalised_names, split_sentences
from .entities import Entity
from .furniture import furniture_spans
from .language import detect_language
from .layout import LEAD_CHARS, LEAD_SENTENCES, SHORT_LINE_WORDS, dateline, ends_whole
from .lexicon import PERSON_TITLES, en
from .parse import Parse
from .references import References
from .reported import Attribution
from .same_entity import same_entity
from .times import spot

__all__ = ["MAX_READ", "Reading", "read", "read_phrase"]


@dataclass(frozen=True)
class Reading(Parse, Attribution):
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

    def mentions(self, name: str) -> list[int]:
        """The sentences (indices) that mention the entity `name`, in any of the forms the
        article writes it ("Clinton", "Mrs Clinton" for "Hillary Clinton")."""
        found = {
            bisect_right(self._starts, e.start) - 1
            for e in self.entities
            if same_entity(e.text, name, self.language)
        }
        folded = f" {normalise(name)} "
        found.update(i for i, words in enumerate(self._folded) if folded in words)
        return sorted(i for i in found if i >= 0)

    def mentioned(self, name: str) -> list[Entity]:
        """The entities that are mentions of the entity `name`, in article order."""
        return [e for e in self.entities if same_entity(e.text, name, self.language)]

    def titled(self, name: str) -> bool:
        """Whether the article writes a person's title or honorific right before a mention
        of the entity `name` ("Mr Comey", "President Obama", "o presidente Lula"), in a
        language with a lexicon. English capitalises a title before a name ("the president
        of Brazil" is none); other languages may not."""
        titles = PERSON_TITLES.get(self.language, frozenset())
        for entity in self.mentioned(name):
            before = self.text[max(0, entity.start - _TITLE_REACH) : entity.start].split()
            word = before[-1].strip(".,") if before else ""
            capitalised = word[:1].isupper() or self.language != "en"
            if capitalised and word.lower() in titles:
                return True
        return False

    def placed(self, entity: Entity, *, worked_at: bool = True, precisely: bool = False) -> bool:
        """Whether the article writes `entity` as a place something happens at, goes to or
        comes from: after "in", "at", "near", "to", "from" ... (English; False elsewhere).
        Not `worked_at`: a locative that says whom a person works for ("a director at
        Mondelez", "supporters in Congress") does not count. `precisely`: only "in", "at",
        "near" ... (a place something is at), not "to" or "from" (given "to Hamilton")."""
        span = self._span(entity.start, entity.end)
        if span is None:
            return False
        root = span.root
        locative = root.head
        locatives = en.PRECISE_LOCATIVES if precisely else en.LOCATIVES | en.DIRECTIONS
        if root.dep_ != "pobj" or locative.lower_ not in locatives:
            return False
        head = locative.head
        of_a_person = head.lower_ in _PERSON_NOUNS or head.ent_type_ == "PERSON"
        return worked_at or not of_a_person

    def qualifies_a_person(self, entity: Entity) -> bool:
        """Whether the article writes `entity` only to say who a person is: a constituency
        or a party label ("Rep. Elijah Cummings of Maryland", "Jason Chaffetz (R-Utah)",
        "Texas Sen. Ted Cruz"), no place where anything happens (English; False elsewhere)."""
        span = self._span(entity.start, entity.end)
        if span is None:
            return False
        token = span.root
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head
        elif token.dep_ not in ("appos", "compound"):
            return False
        head = token.head
        while head.dep_ == "compound" and head.ent_type_ != "PERSON":
            head = head.head  # "Texas" of "Texas Sen. Ted Cruz": through "Sen." to "Cruz"
        return head.ent_type_ == "PERSON"

    def quoted(self, start: int) -> bool:
        """Whether the sentence at `start` stands in a quotation: opens with a quotation mark,
        or follows one its paragraph has opened and not closed (a speaker's next sentence)."""
        paragraph = self.text.rfind("\n", 0, start) + 1
        before = self.text[paragraph:start]
        if self.text[start : start + 1] in _OPENING_QUOTES:
            return True
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1

    def in_quotation(self, start: int) -> bool:
        """Whether the word at `start` stands inside a quotation ("... but to ensure
        Toblerone remains on-shelf," of a speaker's second sentence): a speaker's words. The
        last quotation mark before it in its paragraph decides, by what stands before the
        mark: one that opens follows a space or begins the line; one that closes follows a
        word or a stop ('," Lee Yarker wrote'). Single marks count too (some outlets quote
        with them), except an apostrophe between letters ("Trump's"). So an odd count of
        marks, a text without line breaks or a quotation that runs over several sentences
        does not mislead it."""
        paragraph = self.text.rfind("\n", 0, start) + 1
        before = self.text[paragraph:start]
        for at in range(len(before) - 1, -1, -1):
            mark = before[at]
            if mark not in _QUOTATION_MARKS:
                continue
            after = before[at + 1 : at + 2]
            if mark in "'’" and at and before[at - 1].isalnum() and after.isalnum():
                continue  # an apostrophe
            if mark in "“«‘":
                return True
            return mark in "\"'" and (at == 0 or before[at - 1].isspace())
        return False

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _folded(self) -> list[str]:
        return [f" {normalise(s)} " for s in self.sentence_texts]

    @cached_property
    def prose(self) -> tuple[bool, ...]:
        """For each sentence, whether it is prose: a sentence that ends, or one too long to be
        a headline, a caption or a button's words (a line that lost its full stop)."""
        return tuple(
            ends_whole(sentence) or len(sentence.split()) > SHORT_LINE_WORDS
            for sentence in self.sentence_texts
        )

    @cached_property
    def lead_sentences(self) -> tuple[int, ...]:
        """The lead's first sentences (indices), where it names the main event's people and
        place: prose, in the first paragraph or two."""
        opening = [
            i
            for i, ((start, _), prose) in enumerate(zip(self.sentences, self.prose, strict=True))
            if start < LEAD_CHARS and prose
        ]
        return tuple(opening[:LEAD_SENTENCES])

    @cached_property
    def lead(self) -> str:
        """The lead's first sentences, as one text."""
        return " ".join(self.sentence_texts[i] for i in self.lead_sentences)

    @cached_property
    def furniture(self) -> tuple[tuple[int, int], ...]:
        """Where the text is page furniture, not the article (furniture.py)."""
        return tuple(furniture_spans(self.text, self.language))

    def in_furniture(self, start: int, end: int) -> bool:
        """Whether `start`:`end` overlaps page furniture."""
        return any(s < end and start < e for s, e in self.furniture)

    def only_in_furniture(self, name: str) -> bool:
        """Whether every place the text writes `name` (as whole words) is page furniture."""
        found = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", self.text)]
        return bool(found) and all(self.in_furniture(*span) for span in found)

    @cached_property
    def dateline(self) -> str | None:
        """The place the story's dateline names ("LONDON" of "LONDON -- ..."), as written."""
        return dateline(self.text)

    @cached_property
    def times(self) -> tuple[str, ...]:
        """The time phrases the article writes, in order (English; none elsewhere)."""
        return tuple(spot(self.text))

    @cached_property
    def candidates(self) -> tuple[Candidate, ...]:
        """What the model may cite: one candidate per entity, unnamed people, time phrases."""
        return tuple(candidates_of(self.text, self.language, self.entities, self.times))

    @cached_property
    def references(self) -> References:
        """The sentences and candidates the model's draft cites: plain data, so a request
        carries them to whichever process finishes it."""
        return References(self.sentence_texts, self.candidates, self.language)


_OPENING_QUOTES = ('"', "“", "«")
_QUOTATION_MARKS = frozenset("\"“”«»'‘’")
_PERSON_NOUNS = en.PERSON_TITLES | en.PEOPLE_NOUNS
_TITLE_REACH = 20  # characters before a name where its title stands
MAX_READ = 200_000  # characters: the longest article text any endpoint is sent


@lru_cache(maxsize=256)
def read_phrase(text: str, language: str) -> Reading:
    """A reading of a short phrase of the article's language (a role, a summary), cached
    apart from the articles' readings, so phrases never push an article out."""
    return _read(text, language)


@lru_cache(maxsize=16)
def read(text: str, language: str | None = None) -> Reading:
    """The article's reading (cached: prepare and finish of one article share it). Only the
    first MAX_READ characters are read: no model is sent more, and offsets stay valid."""
    return _read(text[:MAX_READ], language or detect_language(text[:MAX_READ]))


def _read(text: str, language: str) -> Reading:
    if language == "en":
        from .english import read_english

        return Reading(text, "en", *read_english(text))
    sentences = split_sentences(text, language)
    return Reading(text, language, sentences, tuple(capitalised_names(text, sentences, language)))
