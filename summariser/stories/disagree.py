"""Where the outlets of a story disagree, each side with its outlet and its own words.

- **Counts**: two sentences from the leads of different outlets that say the same thing but
  for their numbers ("Seven people were killed" and "Five people were killed"): their words
  agree once numbers are set aside, their numbers do not. A number is written in digits or as
  a number word of the article's language (spaCy's test of each language's numerals).
- **Dates**: one event, in the same words, dated to different days by different outlets.
- **Statuses**: one claim of one source that outlets report with different statuses
  (denied, confirmed, alleged).

Nothing here knows any event: a disagreement is found only where the outlets' own sentences
line up. Where they word a count differently ("five dead", "seven killed") it is not found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ..batch.records import BatchRecord
from ..nlp.capitalised import split_sentences
from ..text import normalise, overlap_f1

__all__ = ["disagreements"]

LEAD_SENTENCES = 8  # where an article states its figures
SAME_FRAME = 0.6  # least word-overlap F1 of two sentences, numbers set aside, to be one statement
SAME_EVENT = 0.5  # the same for two dated events
_TOKEN = re.compile(r"\w+(?:[.,]\d+)*")


def disagreements(
    records: list[BatchRecord],
    texts: dict[str, str],
    outlet: Callable[[BatchRecord], str],
    allegations: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The story's disagreements: counts from the articles' `texts`, dates from the briefings,
    statuses from the story's merged `allegations`."""
    return [
        *_counts(records, texts, outlet),
        *_dates(records, outlet),
        *_statuses(allegations),
    ]


def _counts(
    records: list[BatchRecord], texts: dict[str, str], outlet: Callable[[BatchRecord], str]
) -> list[dict[str, Any]]:
    stated = []  # (outlet, side, frame, numbers)
    for record in records:
        text = texts.get(record.id)
        if not text:
            continue
        language = record.briefing.language if record.briefing else "en"
        for start, end in split_sentences(text, language)[:LEAD_SENTENCES]:
            sentence = text[start:end]
            frame, numbers = _frame(sentence, language)
            if numbers:
                side = {"outlet": outlet(record), "article": record.id, "values": numbers,
                        "quote": sentence, "start": start, "end": end}  # fmt: skip
                stated.append((side["outlet"], side, frame, numbers))
    found: list[dict[str, Any]] = []
    for i, (outlet_a, side_a, frame_a, numbers_a) in enumerate(stated):
        for outlet_b, side_b, frame_b, numbers_b in stated[i + 1 :]:
            if outlet_a == outlet_b or numbers_a == numbers_b:
                continue
            if overlap_f1(frame_a, frame_b) < SAME_FRAME:
                continue
            _join(found, "count", side_a, side_b)
    return found


def _frame(sentence: str, language: str) -> tuple[str, list[str]]:
    """The sentence's words with its numbers as "#", and its numbers, in order."""
    like_num = _numeral_test(language)
    words, numbers = [], []
    for token in _TOKEN.findall(sentence):
        if like_num(token):
            words.append("#")
            numbers.append(normalise(token))
        else:
            words.append(token)
    return " ".join(words), numbers


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


def _dates(
    records: list[BatchRecord], outlet: Callable[[BatchRecord], str]
) -> list[dict[str, Any]]:
    dated = [
        (outlet(record), record, item)
        for record in records
        if record.briefing is not None
        for item in record.briefing.when
        if item.date and item.evidence.grounded
    ]
    found: list[dict[str, Any]] = []
    for i, (outlet_a, record_a, a) in enumerate(dated):
        for outlet_b, record_b, b in dated[i + 1 :]:
            if outlet_a == outlet_b or a.date == b.date:
                continue
            if overlap_f1(a.event, b.event) < SAME_EVENT:
                continue
            _join(found, "date", _side(outlet_a, record_a, a, a.date),
                  _side(outlet_b, record_b, b, b.date))  # fmt: skip
    return found


def _statuses(allegations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for allegation in allegations:
        if len({s["status"] for s in allegation["statuses"]}) < 2:
            continue
        sides = [
            {**mention, "values": [status["status"]]}
            for status, mention in zip(allegation["statuses"], allegation["mentions"], strict=True)
        ]
        found.append({"about": "status", "what": allegation["claim"], "sides": sides})
    return found


def _side(outlet: str, record: BatchRecord, item: Any, value: str | None) -> dict[str, Any]:
    ev = item.evidence
    return {"outlet": outlet, "article": record.id, "values": [value], "quote": ev.quote,
            "start": ev.start, "end": ev.end}  # fmt: skip


def _join(found: list[dict[str, Any]], about: str, a: dict[str, Any], b: dict[str, Any]) -> None:
    """One disagreement per statement: a side already in one brings the other side to it."""
    for known in found:
        if known["about"] != about:
            continue
        quotes = {(s["article"], s["start"]) for s in known["sides"]}
        if (a["article"], a["start"]) in quotes or (b["article"], b["start"]) in quotes:
            for side in (a, b):
                if (side["article"], side["start"]) not in quotes:
                    known["sides"].append(side)
            return
    found.append({"about": about, "what": a["quote"], "sides": [a, b]})
