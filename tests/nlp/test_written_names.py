"""Capitals that make no name: a headline's title case, two names a line runs together, an
owner and what it owns, a common word opening a sentence (nlp/written_names.py)."""

from __future__ import annotations

from summariser.nlp import read
from summariser.nlp.written_names import written_as_a_name

TEXT = (
    "Clinton Hid Past Health Problems From Public, Former White House Doctor Says\n"
    "Connie Mariano said Hillary Clinton had a blood clot. Clinton denied it. The FBI "
    "reopened its inquiry.\n"
    "Clinton FBI probe: What we know\n"
    "Oxygen, food and water have been supplied. Rescuers pumped oxygen into the well. "
    "Toblerone's Facebook page filled with complaints. Toblerone changed its shape. "
    "The House Intelligence Committee met. Skype calls were logged by the House. The "
    "Intelligence Committee will meet again."
)


def named(name: str) -> bool:
    reading = read(TEXT, "en")
    return written_as_a_name(name, reading.text, reading.sentences, reading.entities)


def test_a_name_the_article_writes_as_one_is_one() -> None:
    for name in ("Hillary Clinton", "Connie Mariano", "House Intelligence Committee", "FBI"):
        assert named(name), name


def test_title_case_alone_makes_no_name() -> None:
    assert not named("Clinton Hid Past Health")
    assert named("White House") is False  # only ever in the headline, here


def test_two_names_run_together_are_no_one_name() -> None:
    assert not named("Clinton FBI")  # a person and a body, one line of links


def test_an_owner_and_what_it_owns_are_no_one_name() -> None:
    assert not named("Toblerone's Facebook")
    assert named("Toblerone")


def test_a_common_word_opening_a_sentence_is_no_name() -> None:
    assert not named("Oxygen")  # "pumped oxygen": the article's own lower case
    assert named("Skype")  # never written in lower case
