"""Where the outlets of a story disagree, each side with its outlet and its own words.

- **Counts**: two sentences from the leads of different outlets that say the same thing but
  for their numbers ("Seven people were killed" and "Five people were killed"): their words
  agree once numbers are set aside, and a number followed by the same words ("# people were
  killed") differs. A count only one of them gives is no disagreement. A number is written in
  digits or as a number word of the article's language (spaCy's test of its numerals).
- **Dates**: one event, in the same words, dated to different days by different outlets
  (both dates to the day: a month holds its days).
- **Statuses**: one claim of one source that one outlet reports confirmed and another denied
  or disputed.

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
SAME_EVENT = 0.6  # the same for two dated events
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a date to the day: "this month" holds "Thursday"
CONFIRMING, CONTESTING = {"confirmed"}, {"denied", "disputed"}
COUNTED = 3  # words after a number that say what it counts: one count if they are the same
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
    stated = []  # (side, words with numbers as "#", the numbers by word position)
    for record in records:
        text = texts.get(record.id)
        if not text:
            continue
        language = record.briefing.language if record.briefing else "en"
        for start, end in split_sentences(text, language)[:LEAD_SENTENCES]:
            words, numbers = _frame(text[start:end], language)
            if numbers:
                side = {"outlet": outlet(record), "article": record.id,
                        "quote": text[start:end], "start": start, "end": end}  # fmt: skip
                stated.append((side, words, numbers))
    found: list[dict[str, Any]] = []
    for i, (side_a, words_a, numbers_a) in enumerate(stated):
        for side_b, words_b, numbers_b in stated[i + 1 :]:
            if side_a["outlet"] == side_b["outlet"]:
                continue
            if overlap_f1(" ".join(words_a), " ".join(words_b)) < SAME_FRAME:
                continue
            differ = _differing(words_a, numbers_a, words_b, numbers_b)
            if differ:
                values_a, values_b = zip(*differ, strict=True)
                _join(found, "count", {**side_a, "values": list(values_a)},
                      {**side_b, "values": list(values_b)})  # fmt: skip
    return found


def _frame(sentence: str, language: str) -> tuple[list[str], dict[int, str]]:
    """The sentence's words, folded, with each number as "#", and its numbers by position."""
    like_num = _numeral_test(language)
    words, numbers = [], {}
    for token in _TOKEN.findall(sentence):
        if like_num(token):
            numbers[len(words)] = normalise(token)
            words.append("#")
        else:
            words.append(normalise(token))
    return words, numbers


def _differing(
    words_a: list[str], numbers_a: dict[int, str], words_b: list[str], numbers_b: dict[int, str]
) -> list[tuple[str, str]]:
    """The numbers the two sentences give for the same thing that are not the same: a number
    of each followed by the same words ("# people were killed"), which say what is counted
    and what happened to it. "# people were injured" is another thing; a count only one of
    them gives is none."""
    pairs, used = [], set()
    for a, value_a in numbers_a.items():
        after_a = words_a[a + 1 : a + 1 + COUNTED]
        if len(after_a) < 2:
            continue
        for b, value_b in numbers_b.items():
            if b not in used and words_b[b + 1 : b + 1 + COUNTED] == after_a:
                used.add(b)
                if value_a != value_b:
                    pairs.append((value_a, value_b))
                break
    return pairs


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
        if item.date and _DAY.fullmatch(item.date) and item.evidence.grounded
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
        said = {s["status"] for s in allegation["statuses"]}
        if not (said & CONFIRMING and said & CONTESTING):
            continue  # "reported" against "alleged" is wording, not a disagreement
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
