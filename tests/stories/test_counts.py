"""What a sentence counts, read from its parse: one thing counted in other words is one count,
another thing in like words is another, and a count of another time or a measure is none."""

from __future__ import annotations

from datetime import date

import pytest

from summariser.stories.counts import Count, counts

PUBLISHED = date(2016, 11, 10)  # a Thursday


def only(sentence: str, language: str = "en") -> Count:
    (found,) = counts([(sentence, PUBLISHED)], language)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # what is counted and what became of it, in three grammars
        ("At least five people are dead after a tram overturned.",
         "The crash, which left seven dead, happened on Wednesday."),
        ("At least five people are dead after a tram overturned.",
         "Mr Smith was named as one of the seven dead."),
        # passive and active: what happened to them is the same verb
        ("Seven people were killed when the bus overturned on Wednesday.",
         "The bus overturned on Wednesday, killing five people."),
        # "others" stands for the people named before: no noun of its own
        ("More than 50 people have been injured.", "Seven died and 40 others were injured."),
    ],
)  # fmt: skip
def test_one_count_in_other_words_is_one_count_and_its_values_differ(one: str, other: str) -> None:
    found = [counts([(sentence, PUBLISHED)], "en")[0] for sentence in (one, other)]
    a, b = found[0][-1], found[1][-1]  # the last: "40 others were injured", not "Seven died"
    assert a.same_thing(b) and b.same_thing(a)
    assert a.differs(b)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Seven people were killed in the crash.", "More than 50 people were injured."),
        ("Two people remain trapped in the wreck.", "Five people were trapped in the wreck."),
        ("Four people were seriously injured.", "Fifty people were injured."),
        ("Seven passengers died in the crash.", "Five drivers died in the crash."),
        # one meaning, other words: a meaning is not guessed, so no count is said to differ
        ("Seven people were killed in the crash.", "Five people are dead after the crash."),
    ],
)  # fmt: skip
def test_other_things_counted_are_not_one_count(one: str, other: str) -> None:
    assert not only(one).same_thing(only(other))


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 30 people were killed last week when aircraft struck a village.",  # another time
        "In 1959, two passengers died when a tram caught fire.",
        "The 400g bars were reduced in size.",  # a measure, not a count
        "There were two large explosions near the gate.",  # "large" describes: nothing happened
        "About 70 firefighters are at the scene.",  # "are" says nothing
        "The 42-year-old driver was arrested.",  # an age
        "Thieves stole $5 million from the vault.",  # an amount
        "About 52 per cent of voters backed the plan.",  # a share
        "The first passengers were rescued.",  # an ordinal
    ],
)
def test_a_count_of_another_time_a_measure_or_nothing_said_is_none(sentence: str) -> None:
    assert counts([(sentence, PUBLISHED)], "en") == [[]]


def test_a_count_dated_within_the_story_is_kept() -> None:
    found = only("Seven people were killed on Wednesday morning when a tram derailed.")
    assert (found.value, found.written, found.counted) == (7, "Seven", "people")


def test_a_number_is_read_as_its_value_with_its_bound_as_written() -> None:
    assert only("At least seven people were killed.").written == "At least seven"
    assert only("More than 1,200 people were evacuated.").value == 1200
    assert only("About 2 million people were evacuated.").value == 2_000_000
    assert not only("Seven people were killed.").differs(only("7 people were killed."))


def test_without_a_parse_a_count_is_its_following_words_within_like_sentences() -> None:
    a = only("Al menos 5 personas murieron en el accidente del tranvía en Croydon.", "es")
    b = only("Al menos 7 personas murieron en el accidente del tranvía en Croydon.", "es")
    c = only("Al menos 7 personas murieron en un incendio en Glasgow en 1959.", "es")
    assert a.same_thing(b) and a.differs(b)
    assert not a.same_thing(c)  # the same words follow, but the sentences differ
    word = only("Al menos siete personas murieron en el accidente del tranvía en Croydon.", "es")
    assert word.same_thing(a) and not word.differs(a)  # "siete" against "5": cannot tell
