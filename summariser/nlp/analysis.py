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
from typing import Any, Literal

from .language import detect_language
from .words import is_stopword

__all__ = ["Analysis", "Entity", "EntityType", "analyse"]

EntityType = Literal["person", "organisation", "place", "facility", "group", "event", "name"]
_SPACY_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
    "NORP": "group",
    "EVENT": "event",
}


@dataclass(frozen=True)
class Entity:
    text: str  # the article's own words, text[start:end]
    type: EntityType
    start: int
    end: int
    located: bool = False  # written after "in", "at", "near" ...: as a place (English only)


# Links that keep a word inside its own name or a list of names ("Jake" of "Jake Sullivan",
# "Putin" of "Kim and Putin"), walked up to the name's head; any other link leaves it.
_WITHIN_A_NAME = frozenset({"compound", "flat", "conj", "cc", "appos", "amod", "det", "nmod"})

_LOCATIVES = frozenset(
    "in at near outside inside across throughout around within".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Analysis:
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

    def clause_around(self, start: int) -> str:
        """The clause that holds `start`, whole: in English the subtree of the verb that
        governs the word there (a parse, so it ends where the clause ends), elsewhere the
        sentence. Spacing folded."""
        sentence = " ".join(self.sentence_around(start).split())
        verb = self._verb_at(start)
        if verb is None:
            return sentence
        tokens = list(verb.subtree)
        clause = self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        clause = " ".join(clause.split())
        return clause if len(clause.split()) >= 4 else sentence

    def tense_at(self, start: int) -> str | None:
        """ "past" or "future" for the verb that governs the word at `start` (English), else
        None: "Wednesday evening" in "was shot on Wednesday evening" is past, in "will meet
        on Wednesday" future, whatever else the sentence says."""
        verb = self._verb_at(start)
        if verb is None:
            return None
        helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {c.lower_ for c in helpers}
        if words & {"will", "shall", "'ll", "wo"} or (
            verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)
        ):
            return "future"
        if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in helpers):
            return "past"
        if verb.tag_ == "VBN" and words & {"has", "have", "had", "was", "were"}:
            return "past"
        return None

    def predicate_of(self, start: int, *, max_words: int = 20) -> str | None:
        """What the actor named at `start` does in its clause, whole, when it is the clause's
        subject or the agent of a passive (English; None elsewhere, or over `max_words`):
        "told reporters that North Korea will pay a price", "accused North Korea of selling
        artillery shells to the Russian mercenary group Wagner" (for "by the US")."""
        token = self._token_at(start)
        if token is None:
            return None
        path = token
        while path.head.i != path.i and path.dep_ not in ("nsubj", "nsubjpass", "agent"):
            by_agent = path.dep_ == "pobj" and path.head.dep_ == "agent"  # "by the US"
            if not by_agent and (
                path.dep_ not in _WITHIN_A_NAME or path.head.pos_ in ("VERB", "AUX")
            ):
                return None  # an object, or a word inside another phrase: not what it does
            path = path.head
        if path.dep_ not in ("nsubj", "nsubjpass", "agent") or path.head.pos_ not in (
            "VERB",
            "AUX",
        ):
            return None
        verb = path.head
        if path.dep_ == "agent":  # "X was accused by the US of ...": the US accused X of ...
            parts = [verb] + [
                t
                for child in verb.children
                if child.dep_ not in ("aux", "auxpass", "agent", "advmod", "punct")
                for t in child.subtree
            ]
            parts.sort(key=lambda t: (t.i != verb.i, t.i))  # the verb first, then in order
            subject = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
            rest = [t for t in parts[1:] if t not in subject]
            tokens = [verb, *sorted(subject, key=lambda t: t.i), *rest]
        else:
            excluded = {t.i for t in path.subtree}
            tokens = [t for t in verb.subtree if t.i not in excluded and t.i >= path.i]
        while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and not _closes(tokens))):
            tokens = tokens[:-1]
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
            tokens = tokens[1:]
        words = " ".join(t.text for t in tokens).split()
        if not words or len(words) > max_words or len(words) < 2:
            return None
        return _joined(tokens)

    def _token_at(self, start: int) -> Any:
        if self.doc is None:
            return None
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) and not span[0].is_space else None

    def _verb_at(self, start: int) -> Any:
        if self.doc is None:
            return None
        token = self._token_at(start)
        while token is not None and token.pos_ not in ("VERB", "AUX"):
            token = None if token.head.i == token.i else token.head  # a root is its own head
        return token


def _closes(tokens: list[Any]) -> bool:
    """Whether the last token closes a quotation the tokens open."""
    last = tokens[-1].text
    if last not in ("”", "’", '"', "'", "»", ")"):
        return False
    text = "".join(t.text for t in tokens[:-1])
    opening = {"”": "“", "’": "‘", "»": "«", ")": "("}.get(last)
    if opening:
        return text.count(opening) > text.count(last)
    return text.count(last) % 2 == 1


def _joined(tokens: list[Any]) -> str:
    """Tokens as the article spaced them, each followed by its own whitespace."""
    text = "".join(
        t.text + (t.whitespace_ if i < len(tokens) - 1 else "") for i, t in enumerate(tokens)
    )
    return " ".join(text.split())


MAX_READ = 200_000  # characters: the longest article text any endpoint is sent


@lru_cache(maxsize=16)
def analyse(text: str, language: str | None = None) -> Analysis:
    """The article's reading (cached: prepare and finish of one article share it). Only the
    first MAX_READ characters are read: no model is sent more, and offsets stay valid."""
    text = text[:MAX_READ]
    language = language or detect_language(text)
    if language == "en":
        return _english(text)
    sentences = _split(text, language)
    return Analysis(text, language, sentences, tuple(_capitalised(text, sentences, language)))


def _english(text: str) -> Analysis:
    from .models import english

    doc = english()(text)
    sentences: list[tuple[int, int]] = []
    spoken: set[int] = set()  # sentences with a verb
    for sent in doc.sents:
        span = _trimmed(text, sent.start_char, sent.end_char)
        if span is None:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            spoken.add(span[0])
        sentences.append(span)
    starts = [s for s, _ in sentences]
    entities: list[Entity] = []
    for ent in doc.ents:
        kind = _SPACY_TYPES.get(ent.label_)
        if kind is None or (kind == "group" and not _is_noun_group(ent)):
            continue
        tokens = list(ent)
        while tokens and tokens[0].lower_ in ("the", "a", "an"):
            tokens = tokens[1:]
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
            tokens = tokens[:-1]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        while end + 1 < len(text) and text[end] in "-‐" and text[end + 1].isalpha():
            end = re.match(r"[-‐\w]*", text[end:]).end() + end  # "Mazar-i-Sharif", whole
        written = text[start:end]
        index = bisect_right(starts, start) - 1
        in_sentence = index >= 0 and sentences[index][0] in spoken
        if _plausible_name(written, "en") and in_sentence:
            located = ent.root.dep_ == "pobj" and ent.root.head.lower_ in _LOCATIVES
            entities.append(Entity(written, kind, start, end, located))
    return Analysis(text, "en", tuple(sentences), tuple(entities), doc)


def _is_noun_group(ent: Any) -> bool:
    """ "the Taliban", "Democrats": a group; "North Korean leader": an adjective."""
    return ent.root.pos_ in ("PROPN", "NOUN") and ent.root.dep_ not in ("amod", "compound")


def _plausible_name(written: str, language: str) -> bool:
    """A name a reader would keep: on one line, with letters, capitalised, not a stopword."""
    if "\n" in written or not any(c.isalpha() for c in written):
        return False
    words = written.split()
    if not any(w[0].isupper() for w in words if w[0].isalpha()):
        return False
    # "US" and "IT" in capitals are names; "Us" or "Да" opening a sentence are not
    return not all(is_stopword(w, language) and not (w.isupper() and len(w) > 1) for w in words)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return start, end


def _split(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Sentences of a language without a pipeline: sentencex within each line."""
    from sentencex import segment

    found: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        at = line.start()
        code = language if language.isalpha() and len(language) == 2 else "en"
        for piece in segment(code, line.group(0)):
            begin = text.find(piece.strip(), at) if piece.strip() else -1
            if begin == -1:
                continue
            span = _trimmed(text, begin, begin + len(piece.strip()))
            at = begin + len(piece.strip())
            if span:
                found.append(span)
    return tuple(found)


# Capitalised words of any script that has case, joined by the particles names carry.
_WORD = r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]"
_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|al|bin|ibn)"
_RUN = re.compile(rf"(?:{_WORD})(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?(?:{_WORD}))*")


def _capitalised(text: str, sentences: tuple[tuple[int, int], ...], language: str) -> list[Entity]:
    """Runs of capitalised words, less the stopwords at their edges; a word seen only at a
    sentence's start is no name ("Instead", "Segundo")."""
    found: list[Entity] = []
    mid_sentence: set[str] = set()
    for start, end in sentences:
        for match in _RUN.finditer(text, start, end):
            words = [(m.start(), m.end()) for m in re.finditer(r"\S+", match.group(0))]
            words = [(start_ + match.start(), end_ + match.start()) for start_, end_ in words]
            words = [w for w in words if text[w[0]].isupper() or _is_particle(text[w[0] : w[1]])]
            runs = _runs(text, words)
            for run in runs:
                while run and (
                    is_stopword(text[run[0][0] : run[0][1]], language)
                    or _is_particle(text[run[0][0] : run[0][1]])
                ):
                    run = run[1:]
                while run and (
                    is_stopword(text[run[-1][0] : run[-1][1]], language)
                    or _is_particle(text[run[-1][0] : run[-1][1]])
                ):
                    run = run[:-1]
                if not run:
                    continue
                begin, finish = run[0][0], run[-1][1]
                written = text[begin:finish].rstrip(".'’")
                finish = begin + len(written)
                if not _plausible_name(written, language) or len(written) < 2:
                    continue
                if begin != start:
                    mid_sentence.add(written)
                found.append(Entity(written, "name", begin, finish))
    return [e for e in found if " " in e.text or e.text in mid_sentence]


def _is_particle(word: str) -> bool:
    return re.fullmatch(_PARTICLE, word) is not None


def _runs(text: str, words: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Words split into runs wherever anything but spacing stands between two of them."""
    runs: list[list[tuple[int, int]]] = []
    for word in words:
        if runs and not text[runs[-1][-1][1] : word[0]].strip():
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs
