"""What the parse says of a place in an English article: the clause around a word, its verb's
tense, what an actor does, what the article calls it (who reports a claim: reported.py).

A mixin of Reading: every query reads `doc` (spaCy's parse) and answers None, or the
plainest answer, where there is none (a language without a pipeline).
"""

from __future__ import annotations

from typing import Any

from .clauses import HELPERS, main_clause
from .clauses import SUBJECTS as _SUBJECTS
from .lexicon import en

__all__ = ["Parse"]

# Links that keep a word inside its own name or a list of names ("Jake" of "Jake Sullivan",
# "Putin" of "Kim and Putin"), walked up to the name's head; any other link leaves it.
_WITHIN_A_NAME = frozenset({"compound", "flat", "conj", "cc", "appos", "amod", "det", "nmod"})
# Of those, the links by which a name may also qualify a common noun: "the Toblerone change"
# is the change, and what it does is not Toblerone's.
_MODIFYING = frozenset({"compound", "amod", "nmod"})


class Parse:
    """The parse's answers about an article; `Reading` carries the text, sentences and doc."""

    text: str
    doc: Any

    def sentence_around(self, start: int) -> str:
        raise NotImplementedError

    def quoted(self, start: int) -> bool:
        raise NotImplementedError

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
        if verb.tag_ == "VBN" and words & en.PAST_HELPERS:
            return "past"
        return None

    def predicate_of(self, start: int, end: int, *, max_words: int = 20) -> str | None:
        """What the actor named at `start`:`end` does in its clause, whole, when it is the
        clause's subject or the agent of a passive (English; None elsewhere, or over
        `max_words`): "told reporters that North Korea will pay a price", "accused North
        Korea of selling artillery shells to the Russian mercenary group Wagner" (for "by the
        US"). A name that qualifies a noun outside it ("the Toblerone change") does nothing."""
        span = self._span(start, end)
        if span is None:
            return None
        path = span.root  # "people" of "84 people", however the phrase opens
        while path.head.i != path.i and path.dep_ not in ("nsubj", "nsubjpass", "agent"):
            by_agent = path.dep_ == "pobj" and path.head.dep_ == "agent"  # "by the US"
            if not by_agent and (
                path.dep_ not in _WITHIN_A_NAME
                or path.head.pos_ in ("VERB", "AUX")
                or (
                    path.dep_ in _MODIFYING
                    and path.head.pos_ != "PROPN"
                    and path.head.idx >= end  # "Nato spokesman" is one name
                )
            ):
                return None  # an object, or a word inside another phrase: not what it does
            path = path.head
        if path.dep_ not in ("nsubj", "nsubjpass", "agent") or path.head.pos_ not in (
            "VERB",
            "AUX",
        ):
            return None
        verb = path.head
        if path.dep_ != "agent" and verb.dep_ == "relcl":
            return None  # "the team Massa represented": said of the team, not by Massa
        if path.dep_ == "agent":  # "X was accused by the US of ...": the US accused X of ...
            parts = [verb] + [
                t
                for child in verb.children
                if child.dep_ not in HELPERS | {"agent"}
                for t in child.subtree
            ]
            parts.sort(key=lambda t: (t.i != verb.i, t.i))  # the verb first, then in order
            subject = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
            rest = [t for t in parts[1:] if t not in subject]
            tokens = [verb, *sorted(subject, key=lambda t: t.i), *rest]
        else:
            tokens = main_clause(verb, path)
        while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and not _closes(tokens))):
            tokens = tokens[:-1]
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
            tokens = tokens[1:]
        words = " ".join(t.text for t in tokens).split()
        if not words or len(words) > max_words or len(words) < 2:
            return None
        return _joined(tokens)

    def description_of(self, start: int, end: int, *, max_words: int = 9) -> str | None:
        """What the article calls the entity written at `start`:`end`, where a common noun
        stands in apposition to it or before it as a title (English; None elsewhere):
        "North Korean leader" (of "The North Korean leader, Kim Jong-un,"), "spokesman for
        the regional police" (of "Sayid Sarwar Hussaini, a spokesman for ..."), "Russian
        mercenary group" (of "the Russian mercenary group Wagner"), "FBI director"."""
        span = self._span(start, end)
        if span is None or len(span.sent) > _PROSE_TOKENS:
            return None  # a run of page text (captions, galleries) is no sentence to read
        root, first, last = span.root, span.start, span.end - 1
        found: list[list[Any]] = []
        for child in root.children:
            if not _describing_noun(child) or first <= child.i <= last:
                continue
            tokens = list(child.subtree)
            if child.dep_ in ("compound", "nmod") and tokens[-1].i == first - 1:  # "FBI director"
                if not any(_joins_words(t) for t in tokens):  # "down-ballot": a modifier
                    found.append(tokens)
            elif child.dep_ == "appos" and tokens[0].i == last + 2 and _comma(last + 1, self):
                found.append(tokens)  # Sayid Sarwar Hussaini, "a spokesman for the police"
        head = root.head
        if root.dep_ == "appos" and head.tag_ in _COMMON_NOUNS and head.i < first:
            tokens = [t for t in head.subtree if t.i < first - 1]
            if tokens and tokens[-1].i == first - 2 and _comma(first - 1, self):
                found.append(tokens)  # "The North Korean leader", Kim Jong-un
        for tokens in found:
            while tokens and tokens[0].dep_ == "det":
                tokens = tokens[1:]
            if _describes(tokens, max_words):
                return _joined(tokens)
        return None

    def said_of(self, start: int, end: int, name_start: int, name_end: int) -> bool:
        """Whether the phrase at `start`:`end` is said of the name at `name_start`:`name_end`
        in the parse: set beside it ("Sayid Hussaini, a spokesman for the police"), before
        it as a title ("FBI director James Comey"), after "is" ("Massa was the last driver"),
        or holding it. True without a parse."""
        phrase, name = self._span(start, end), self._span(name_start, name_end)
        if phrase is None or name is None:
            return True
        head, named = phrase.root, name.root
        if head.head.i == named.i or named.head.i == head.i or phrase.start <= named.i < phrase.end:
            return True
        verb = head.head
        return head.dep_ in ("attr", "oprd") and any(
            c.i == named.i and c.dep_ in _SUBJECTS for c in verb.children
        )

    def phrase_end(self, start: int, end: int, *, max_words: int = 6) -> int:
        """Where the phrase written at `start`:`end` ends: past its last word's head where
        that stands further on ("in recent" is "in recent months"), so a copy never stops
        inside a phrase; `end` where it does not, or where the head is more than `max_words`
        words on (English; `end` elsewhere)."""
        span = self._span(start, end)
        if span is None:
            return end
        last = span[-1]
        while (
            last.head.i > last.i
            and last.head.i - span[-1].i <= max_words
            and last.head.pos_ not in ("VERB", "AUX")  # "campaign" is no "campaign respond"
        ):
            last = last.head
        return max(end, last.idx + len(last.text))

    def acts_on_nothing(self) -> bool:
        """Whether the text, a short phrase of what someone does, says only a state or what
        it did not do: a verb with no object, complement or phrase it governs ("is still
        alive", "have strengthened recently"), or a negated one ("did not want to remain in
        the hospital"); a passive is something done to it ("was arrested"). False without a
        parse."""
        if self.doc is None:
            return False
        root = next(iter(self.doc.sents)).root
        if root.pos_ not in ("VERB", "AUX"):
            return False
        deps = {c.dep_ for c in root.children}
        return "neg" in deps or deps <= _STATE

    def is_clause(self) -> bool:
        """Whether the text, a short phrase, is a clause with a subject of its own ("officers
        will continue", "Clinton has blamed"), not what someone does ("told reporters that
        ...") nor what someone is ("FBI director"). False without a parse."""
        if self.doc is None:
            return False
        return any(
            sent.root.pos_ in ("VERB", "AUX")
            and any(c.dep_ in _SUBJECTS for c in sent.root.children)
            for sent in self.doc.sents
        )

    def before_other_clause(self) -> str:
        """The text, a short phrase of what someone does, up to a clause in it with a subject
        of its own ("is still alive" of "is still alive as rescuers carry on searching"); a
        subject inside what is said is the speaker's claim ("told reporters that North Korea
        will pay"), a relative clause part of a description ("the man who fired"). The
        whole text where there is none, or no parse."""
        if self.doc is None:
            return self.text
        for token in self.doc:
            verb = token.head
            if (
                token.dep_ in _SUBJECTS
                and token.tag_ not in _RELATIVE_PRONOUNS
                and verb.pos_ in ("VERB", "AUX")
                and verb.dep_ not in ("ROOT", "relcl", "acl")
                and not _said(verb)
            ):
                return self.text[: min(t.idx for t in verb.subtree)].rstrip()
        return self.text

    def named_head(self) -> str | None:
        """The name the text, a short phrase, is about, where its head is a proper noun
        ("Nico Rosberg" of "team-mate Nico Rosberg"); None where it is not, or no parse."""
        if self.doc is None:
            return None
        root = next(iter(self.doc.sents)).root
        if root.pos_ != "PROPN":
            return None
        return _joined([t for t in root.subtree if t.pos_ == "PROPN"])

    def names_a_thing(self, start: int, end: int) -> bool:
        """Whether the words at `start`:`end` end on a noun that heads its phrase ("three
        passengers", "the Kremlin"), not on an adjective or a modifier of another noun
        ("German" of "German consulate"). True without a parse."""
        span = self._span(start, end)
        if span is None:
            return True
        last = span[-1]
        return last.pos_ in ("NOUN", "PROPN") and last.dep_ not in ("amod", "compound")

    def singular_noun_at(self, start: int) -> bool:
        """Whether the word at `start` is a singular noun ("driver", not "passengers"), as the
        parse tags it (English; False elsewhere)."""
        token = self._token_at(start)
        return token is not None and token.tag_ in ("NN", "NNP")

    def subject_at(self, start: int, end: int) -> str | None:
        """The subject of the main clause of the sentence at `start`:`end`, as written
        ("Hillary Clinton" of "Hillary Clinton has opened ... by blaming ..."); None where
        it has none, or no parse."""
        span = self._span(start, end)
        if span is None:
            return None
        root = span.root
        subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            return None
        words = list(subject.subtree)
        return self.text[words[0].idx : words[-1].idx + len(words[-1].text)]

    def sites_in(self, start: int, end: int) -> list[str]:
        """The sites the words at `start`:`end` name with a common noun a proper word
        qualifies ("German consulate", "Sandilands stop" of "struck the German consulate",
        "near the Sandilands stop"): places a story happens at that no tagger types as a
        name. As written, less the article; English; none without a parse."""
        span = self._span(start, end)
        if span is None:
            return []
        found: list[str] = []
        for chunk in span.noun_chunks:
            root = chunk.root
            if root.pos_ != "NOUN" or root.lower_ not in en.SITE_NOUNS:
                continue
            named = [t for t in chunk if t.i < root.i and t.dep_ in ("amod", "compound")]
            if named and all(t.text[:1].isupper() for t in named) and named[-1].i == root.i - 1:
                words = self.text[named[0].idx : root.idx + len(root.text)]
                found.append(words)
        return found

    def _span(self, start: int, end: int) -> Any:
        """The parse's tokens covering `start`:`end`, or None (no parse, no tokens there)."""
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def _token_at(self, start: int) -> Any:
        span = self._span(start, start + 1)
        return span[0] if span is not None and not span[0].is_space else None

    def _verb_at(self, start: int) -> Any:
        token = self._token_at(start)
        while token is not None and token.pos_ not in ("VERB", "AUX"):
            token = None if token.head.i == token.i else token.head  # a root is its own head
        return token


_COMMON_NOUNS = ("NN", "NNS")
# All a verb governs where it says only a state: helpers, adverbs, an adjective ("is still
# alive", "have strengthened recently"); an object, a noun, a phrase or a passive's helper
# ("was arrested") is something done.
_STATE = HELPERS - {"auxpass"} | {"npadvmod", "acomp", "cc"}
# "who", "which", "that" as the subject of a clause about a noun: part of a description.
_RELATIVE_PRONOUNS = frozenset({"WP", "WDT"})


def _said(verb: Any) -> bool:
    """Whether `verb` stands in what a reporting verb above it reports ("North Korea will
    pay" of "told reporters that North Korea will pay")."""
    while verb.dep_ in ("ccomp", "xcomp", "conj") and verb.head is not verb:
        verb = verb.head
        if verb.lemma_.lower() in en.REPORTING_VERBS:
            return True
    return False


_PROSE_TOKENS = 80  # a sentence longer than this is page text run together, not prose


def _comma(index: int, reading: Parse) -> bool:
    return 0 <= index < len(reading.doc) and reading.doc[index].text == ","


def _describes(tokens: list[Any], max_words: int) -> bool:
    """A description a reader keeps: a few words headed by a common noun, with no number
    ("2016 season"), no punctuation inside ("maker, US-based", "track (BBC") and no link: in
    a caption or a run-on line the parse joins words that are no phrase."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if not tokens or len(tokens) > max_words or len(heads) != 1 or not _describing_noun(heads[0]):
        return False
    return not any(
        t.tag_ == "CD" or t.like_url or (t.is_punct and not _joins_words(t)) for t in tokens
    )


def _describing_noun(token: Any) -> bool:
    """A noun that can say what someone is: a common noun ("leader", "spokesman"), a title
    written as a name ("Chairman", "Secretary" of "Ohio Secretary of State"), or a capitalised
    noun an article makes common ("the top Democrat on the committee")."""
    return (
        token.tag_ in _COMMON_NOUNS
        or (token.tag_ == "NNP" and token.lower_ in en.PERSON_TITLES)
        or (token.tag_ == "NNP" and any(c.dep_ == "det" for c in token.children))
    )


def _joins_words(token: Any) -> bool:
    """A hyphen inside a word ("Charlotte-Mecklenburg"), not a dash between phrases."""
    previous = token.nbor(-1) if token.i > 0 else None
    return (
        token.tag_ == "HYPH"
        and not token.whitespace_
        and previous is not None
        and not previous.whitespace_
    )


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


def _words_between(token: Any, following: Any) -> bool:
    """Whether words the text writes between two tokens were left out."""
    return any(not t.is_punct for t in token.doc[token.i + 1 : following.i])


def _joined(tokens: list[Any]) -> str:
    """Tokens as the article spaced them, each followed by its own whitespace, or a space
    where words between them were left out ("the bombing | was", less ", which tore ...,")."""
    text = "".join(
        t.text + (t.whitespace_ or (" " if _words_between(t, tokens[i + 1]) else ""))
        for i, t in enumerate(tokens[:-1])
    )
    return " ".join((text + (tokens[-1].text if tokens else "")).split())
