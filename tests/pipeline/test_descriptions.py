"""descriptions.py: what the article says each person is, and the roles and actors it gives."""

from __future__ import annotations

from summariser.nlp import read
from summariser.pipeline.descriptions import descriptions_of
from tests.support import brief, seed_text


def test_each_of_the_three_shapes_news_introduces_a_person_in() -> None:
    text = (
        "The US national security adviser, Jake Sullivan, told reporters. "
        "Sayid Sarwar Hussaini, a spokesman for the regional police, said two died. "
        "Clinton blamed FBI director James Comey for her loss."
    )
    names = ["Jake Sullivan", "Sayid Sarwar Hussaini", "James Comey"]
    assert descriptions_of(read(text, "en"), names) == {
        "Jake Sullivan": "US national security adviser",
        "Sayid Sarwar Hussaini": "spokesman for the regional police",
        "James Comey": "FBI director",
    }


def test_a_title_with_its_own_phrase_and_a_capitalised_noun_with_an_article_describe() -> None:
    text = (
        "The ruling dealt a blow to Republican Secretary of State Jon Husted on Friday. "
        "Rep. Adam Schiff, the top Democrat on the House Intelligence Committee, spoke."
    )
    assert descriptions_of(read(text, "en"), ["Jon Husted", "Adam Schiff"]) == {
        "Jon Husted": "Republican Secretary of State",
        "Adam Schiff": "top Democrat on the House Intelligence Committee",
    }


def test_a_hyphenated_modifier_before_a_name_is_no_title() -> None:
    text = "Down-ballot Democrats blamed Clinton. Senate candidate Jason Kander lost in Missouri."
    described = descriptions_of(read(text, "en"), ["Democrats", "Jason Kander"])
    assert described == {"Jason Kander": "Senate candidate"}


def test_a_clause_that_is_no_description_gives_no_role() -> None:
    text = (
        "Kim Jong-un and Vladimir Putin, who first met in 2019, talked. "
        "On Monday, Vladimir Putin, arrived. Later, Boris Johnson, said nothing."
    )
    assert (
        descriptions_of(read(text, "en"), ["Vladimir Putin", "Boris Johnson", "Kim Jong-un"]) == {}
    )


def test_the_founding_articles_people_are_described_in_its_words() -> None:
    text = seed_text()
    names = [c.text for c in read(text).references.of_kind("name")]
    described = descriptions_of(read(text, "en"), names)
    assert described["Sergei Shoigu"] == "Russia’s defence minister"
    assert described["Kim Jong-un"] == "North Korean leader"
    assert "Vladimir Putin" not in described  # the article never says what he is


def test_a_described_person_the_model_left_out_joins_who_with_that_role() -> None:
    text = seed_text()
    who = [
        {"n": "Kim Jong-un", "k": "person", "r": "leader"},
        {"n": "Putin", "k": "person", "r": "leader"},
        {"n": "Jake Sullivan", "k": "person", "r": "advisor"},
    ]
    briefing = brief(text, who=who)
    roles = {a.name: a.role for a in briefing.who}
    assert roles["Sergei Shoigu"] == "Russia’s defence minister"
    assert roles["Jake Sullivan"] == "US national security adviser"  # the article's, not "advisor"
    assert roles["Kim Jong-un"] == "North Korean leader"
    assert roles["Putin"] == "leader"  # the article never says what he is
    assert next(a for a in briefing.who if a.name == "Sergei Shoigu").evidence.grounded
