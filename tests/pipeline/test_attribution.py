"""attribution.py: the source and status of a claim, read from its sentence's reporting verb."""

from __future__ import annotations

import pytest

from summariser.nlp import read
from summariser.pipeline.attribution import accused_in, could_say, source_of, status_of

NAMES = ["Hillary Clinton", "James Comey", "FBI", "The New York Post", "US", "North Korea"]
PEOPLE = ["Hillary Clinton", "James Comey", "Jake Sullivan"]


def said_by(sentence: str, before: str, names: list[str], people: list[str]) -> str | None:
    """The source of `sentence`, read as it stands in an article after `before`."""
    text = f"{before} {sentence}" if before else sentence
    return source_of(read(text, "en"), len(text) - len(sentence), len(text), names, people)


def accused(sentence: str, names: list[str]) -> str | None:
    return accused_in(read(sentence, "en"), 0, len(sentence), names)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The White House said last week it had intelligence.", "White House"),
        ("The adviser, Jake Sullivan, told reporters that it would pay.", "Jake Sullivan"),
        ("According to the broadcaster YTN, a train was headed north.", "broadcaster YTN"),
        ("North Korea has been accused by the US of selling shells.", "US"),
        ("“We will not back down,” said Comey.", "James Comey"),
        (
            "The US, Britain and Japan have said a deal would break the law.",
            "US, Britain and Japan",
        ),
        ("The Kremlin on Monday said Putin had arrived.", "Kremlin"),
        ("The trip, if confirmed, would be his first.", None),
        ("The meeting could take place at the forum.", None),
    ],
)
def test_the_source_is_what_the_reporting_verb_names(sentence: str, source: str | None) -> None:
    assert said_by(sentence, "", NAMES, PEOPLE) == source


def test_a_pronoun_source_is_the_person_named_last_before_it() -> None:
    before = "James Comey wrote to Congress. Hillary Clinton met donors on Saturday."
    assert said_by("She blamed the letter for her loss.", before, NAMES, PEOPLE) == (
        "Hillary Clinton"
    )
    assert said_by("She blamed the letter.", "No one was named.", NAMES, PEOPLE) is None


def test_a_description_source_is_the_person_it_describes() -> None:
    """ "the congressman said" is the person the sentence opened with, else the one named last
    before it; "a judge" is someone new, and stays as written."""
    people = ["Adam Schiff", "Barack Obama", "Hillary Clinton"]
    names = [*people, "California", "Russia"]
    sentence = (
        "Adam Schiff called on Barack Obama to retaliate against Russia, and the California "
        "congressman said the meddling is designed to sow discord."
    )
    assert said_by(sentence, "", names, people) == "Adam Schiff"
    before = "Hillary Clinton met donors. Barack Obama spoke later."
    assert said_by("The spokeswoman said it was over.", before, names, people) == "Barack Obama"
    assert said_by("He said it was over.", before, names, people) == "Barack Obama"
    new = said_by("A New York judge has rejected the request.", before, names, people)
    assert new == "New York judge"


def test_a_cue_inside_a_quotation_is_what_the_source_said() -> None:
    people = ["Bryan Pagliano", "Mark MacDougall"]
    sentence = '"Bryan already asserted his right before this Congress," MacDougall said.'
    assert said_by(sentence, "", people, people) == "Mark MacDougall"
    assert said_by("Warren sharply said no.", "", ["Elizabeth Warren"], []) == ("Elizabeth Warren")
    assert said_by("Bryan already asserted that he would stay silent.", "", people, people) == (
        "Bryan Pagliano"
    )


def test_a_verb_of_speech_with_an_object_and_a_verb_deep_in_a_clause_report_nothing() -> None:
    """ "add fuel" is no "he added"; a verb inside what is reported is no attribution."""
    names = ["Pagliano"]
    assert (
        said_by("Police fear that crackdowns could add fuel to the tensions.", "", [], []) is None
    )
    deep = (
        "The move took place despite warnings from his attorney that the showdown was "
        "fruitless since the specialist had said he would stay silent."
    )
    assert said_by(deep, "", names, []) is None
    assert said_by("The specialist, his attorney added, would assert his right.", "", [], []) == (
        "his attorney"
    )


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The ministry denied the report.", "denied"),
        ("Police confirmed two deaths.", "confirmed"),
        ("Rivals accused him of fraud.", "alleged"),
        ("The union disputes the figures.", "disputed"),
        ("The mayor said the road would reopen.", "reported"),
        ("According to the mayor, the road will reopen.", "reported"),
        ("The judge ruled that the law was unconstitutional.", "confirmed"),
        ("The minister stressed that talks would go on.", "reported"),
        ("The road will reopen.", "alleged"),
        # "claims" here is a noun, no reporting verb: the first verb that reports decides
        ("The ministry denied claims that it paid the rebels.", "denied"),
    ],
)
def test_the_status_is_the_first_reporting_verbs(sentence: str, status: str) -> None:
    assert status_of(read(sentence, "en"), 0, len(sentence)) == status


def test_every_reporting_verb_gives_a_status_the_briefing_knows() -> None:
    """The lexicon's one table yields the parse's verbs and their statuses: each status must
    be one the schema accepts."""
    from typing import get_args

    from summariser.briefing.schema import AllegationStatus
    from summariser.nlp.lexicon import en

    assert {status for status, _ in en.REPORTING_VERBS.values()} <= set(get_args(AllegationStatus))


def test_the_accused_is_the_passive_subject_or_the_active_object() -> None:
    assert accused("North Korea has been accused by the US of selling shells.", NAMES) == (
        "North Korea"
    )
    assert accused("Hillary Clinton blamed James Comey for her loss.", NAMES) == "James Comey"
    blamed = "Hillary Clinton blamed FBI director James Comey for her defeat."
    assert accused(blamed, NAMES) == "James Comey"  # the head of the phrase, not "FBI"
    assert accused("Hillary Clinton said James Comey was wrong.", NAMES) is None


@pytest.mark.parametrize(
    ("phrase", "could"),
    [
        ("to", False),
        ("You went", False),
        ("they did not", False),
        ("Along with the", False),
        ("James Long; Hannah Collier; Steve Parsons/PA;", False),  # a caption's credits
        ("The", False),
        ("Officials", True),
        ("the spokesman", True),
        ("Rep. Adam Schiff", True),
    ],
)
def test_only_a_phrase_that_could_say_something_is_a_source(phrase: str, could: bool) -> None:
    assert could_say(phrase) is could
