"""summariser/nlp: one reading of an article, its sentences, entities, kinds and identities."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from summariser.errors import ConfigError
from summariser.nlp import country_of, models, place_kind, read, same_entity
from tests.support import seed_text


def entities(text: str, language: str | None = None) -> dict[str, str]:
    return {e.text: e.type for e in read(text, language).entities}


def test_sentences_end_at_stops_and_line_breaks_not_at_titles_or_abbreviations() -> None:
    text = (
        "Rep. G.K. Butterfield spoke in the U.S. Capitol on Friday. “It is a disgrace,” he "
        "said. Mr. Smith left.\nA new line is a new sentence"
    )
    assert read(text).sentence_texts == (
        "Rep. G.K. Butterfield spoke in the U.S. Capitol on Friday.",
        "“It is a disgrace,” he said.",
        "Mr. Smith left.",
        "A new line is a new sentence",
    )


def test_a_headline_never_runs_on_into_the_next_line() -> None:
    reading = read(seed_text())
    assert reading.sentence_texts[:2] == (
        "Kim Jong-un reportedly heading to Russia to meet Putin",
        "Видео по теме",
    )
    for start, end in reading.sentences:
        assert "\n" not in reading.text[start:end]


def test_other_languages_are_split_within_lines() -> None:
    text = "O Sr. Silva disse que sim. Depois saiu.\nNova linha sem ponto"
    assert read(text, "pt").sentence_texts == (
        "O Sr. Silva disse que sim.",
        "Depois saiu.",
        "Nova linha sem ponto",
    )


def test_entities_are_typed_and_trimmed_to_the_name() -> None:
    found = entities(seed_text())
    assert found["Kim Jong-un"] == "person" and found["Sergei Shoigu"] == "person"
    assert found["Vladivostok"] == "place" and found["Interfax"] == "organisation"
    assert "White House" in found and "The White House" not in found  # no "the"
    assert "North Korea" in found and "North Korea’s" not in found  # no possessive
    assert "North Korean" not in found and "Russian" not in found  # adjectives, not groups


def test_a_line_that_says_nothing_offers_no_names() -> None:
    text = "Getty Images\nThe chancellor, Angela Merkel, spoke in Berlin on Monday."
    found = entities(text, "en")
    assert "Angela Merkel" in found and "Getty Images" not in found


def test_names_of_a_language_without_a_pipeline_skip_its_stopwords() -> None:
    text = "Да, сказала Полина Поризкова. Об этом сообщил Кремль. Полина ушла домой."
    found = entities(text, "ru")
    assert "Да" not in found
    assert "Полина Поризкова" in found and "Кремль" in found


def test_gazetteers_know_countries_by_any_of_their_names() -> None:
    assert country_of("US") == country_of("the United States") == "United States"
    assert country_of("Britain") == "United Kingdom"
    assert country_of("Federação Russa", "pt") == "Russia"
    for not_a_country in ("American", "Texas", "EST", "#Brexit", "Kim Jong-un", ""):
        assert country_of(not_a_country) is None
    assert place_kind("Vladivostok") == "city" and place_kind("Texas") == "region"
    assert place_kind("Jake Sullivan") is None


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Putin", "Vladimir Putin", True),
        ("Jong-un Kim", "Kim Jong-un", True),
        ("UN", "United Nations", True),
        ("UN", "Kim Jong-un", False),  # "un" is a word of his name, not a name of his
        ("US", "United States", True),
        ("Charlotte-Mecklenburg Police", "Charlotte-Mecklenburg Police Department", True),
        ("North Korea", "South Korea", False),
        ("US officials", "US", False),
        ("of the", "Bank of the West", False),
        ("London", "Transport for London", False),  # what it is for, not a form of it
        ("England", "Bank of England", False),
        ("rescuers", "Dozens of rescuers", True),  # a count of them
        ("Silva", "Lula da Silva", True),
    ],
)
def test_one_module_decides_when_two_names_are_one_entity(one: str, other: str, same: bool) -> None:
    assert same_entity(one, other) is same


def test_inflected_forms_of_a_name_are_one_entity() -> None:
    assert same_entity("Полины", "Полина", "ru")
    assert not same_entity("Полины", "Поризкова", "ru")


def test_the_verb_says_the_tense_and_what_an_actor_does() -> None:
    text = (
        "The man was shot on Wednesday evening, police said. Kim will meet Putin on Friday. "
        "North Korea has been accused by the US of selling shells to Wagner."
    )
    reading = read(text)
    assert reading.tense_at(text.index("Wednesday")) == "past"
    assert reading.tense_at(text.index("Friday")) == "future"
    us, wagner = text.index("US"), text.index("Wagner")
    assert reading.predicate_of(us, us + 2) == "accused North Korea of selling shells to Wagner"
    assert reading.predicate_of(wagner, wagner + 6) is None  # an object does nothing here


def test_what_an_actor_does_is_its_own_clause_cut_to_read_at_a_glance() -> None:
    """The clause stops where another begins (", bringing out ...", "and made his way"),
    sheds its trailing modifiers while it is long, keeps the phrase after its object and
    coordinated objects; a name that is the subject of a clause about another noun ("the
    team Massa represented") does nothing there."""
    text = (
        "Felipe Massa crashed on lap 48 at Interlagos, bringing out the red flag again. "
        "Ferrari, the team Massa represented for many years, cheered him. Massa left his car "
        "on the circuit and made his way to the pit lane. Hillary Clinton blamed FBI director "
        "James Comey for her stunning defeat in Tuesday's presidential election in a "
        "conference call with her top campaign funders on Saturday, according to two "
        "participants on the call. Democrats called the contempt citation and the demand for "
        "a hearing a political ploy. John Kerry linked his defeat to a videotape of Osama bin "
        "Laden that aired days before the vote in 2004. Hamilton, who trails Mercedes team mate "
        "Nico Rosberg by 19 points with one race remaining, had been 3.1 seconds clear. Jane "
        "Roe blamed James Comey for her defeat in the election in a call with her donors on "
        "Saturday. Kimi Raikkonen spun and crashed into the wall on the pit straight, almost "
        "collecting Sebastian Vettel as he went. Seven people died and dozens were hurt. The "
        "Taliban has claimed responsibility for the assault which they say is a response to "
        "air strikes in Kunduz province last week. Mr Comey informed Congress. The Afghan "
        "Taliban said the bombing, which tore a massive crater in the road, was a revenge "
        "attack for US air strikes. There have been two deaths and 84 people have been taken "
        'to hospital. Stephen Mason noted that "Toblerone is all about the triangle." '
    )
    reading = read(text, "en")

    def does(name: str, at: str | None = None) -> str | None:
        start = text.index(at or name)
        return reading.predicate_of(start, start + len(name))

    assert does("Felipe Massa") == "crashed on lap 48 at Interlagos"
    assert does("Massa", "Massa represented") is None
    assert does("Massa", "Massa left") == "left his car on the circuit"
    assert does("Hillary Clinton") == (
        "blamed FBI director James Comey for her stunning defeat in Tuesday's presidential election"
    )
    assert does("John Kerry") == (  # what it was linked to stays, less its relative clause
        "linked his defeat to a videotape of Osama bin Laden"
    )
    assert does("Jane Roe") == "blamed James Comey for her defeat in the election"
    assert does("Kimi Raikkonen") == "spun and crashed into the wall on the pit straight"
    assert does("Taliban") == "has claimed responsibility for the assault"  # less the aside
    assert does("Afghan Taliban") == "said the bombing was a revenge attack for US air strikes"
    assert does("84 people") == "have been taken to hospital"  # the phrase's noun is subject
    assert does("Stephen Mason") == 'noted that "Toblerone is all about the triangle"'
    assert does("Seven people") is None  # "died", and another subject's clause
    assert does("Hamilton") is None  # the parse took "mate" for the verb: nothing to read
    assert does("Democrats") == (
        "called the contempt citation and the demand for a hearing a political ploy"
    )


def test_a_word_is_in_a_quotation_where_the_last_mark_before_it_opens_one() -> None:
    text = (
        '"Costs are up. To ensure Acme stays, we cut," it said. "Bad," Lee Yarker wrote. '
        "A man said \u201cthe Kremlin lies\u201d in Moscow."
    )
    reading = read(text, "en")
    assert reading.in_quotation(text.index("Acme"))  # the quotation's second sentence
    assert not reading.in_quotation(text.index("Lee Yarker"))
    assert reading.in_quotation(text.index("Kremlin"))
    assert not reading.in_quotation(text.index("Moscow"))
    single = "'We pay more. We can't let Acme go,' it said. Trump's aide met Acme."
    reading = read(single, "en")
    assert reading.in_quotation(single.index("Acme"))  # single marks; "can't" is no mark
    assert not reading.in_quotation(single.index("aide"))
    assert not reading.in_quotation(single.rindex("Acme"))


def test_a_name_that_qualifies_a_noun_does_not_do_what_the_noun_does() -> None:
    """ "The Toblerone change is obscene": the change is; Toblerone is not. A name whose own
    words hold the noun ("Nato spokesman") does what it does."""
    text = "My god, the Toblerone change is obscene. A Nato spokesman said the blast hit a wall."
    reading = read(text, "en")
    toblerone, nato = text.index("Toblerone"), text.index("Nato")
    assert reading.predicate_of(toblerone, toblerone + len("Toblerone")) is None
    assert reading.predicate_of(nato, nato + len("Nato spokesman")) == ("said the blast hit a wall")
    assert reading.predicate_of(nato, nato + len("Nato")) is None


def test_a_pipeline_whose_files_are_not_the_pinned_ones_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pipeline"
    shutil.copytree(models.pipeline_folder(), folder)
    models.verify(folder)  # the installed files pass
    weights = folder / "ner" / "model"
    weights.write_bytes(weights.read_bytes()[:-1] + b"\0")
    with pytest.raises(ConfigError, match="ner/model"):
        models.verify(folder)
    weights.unlink()
    with pytest.raises(ConfigError, match="lacks ner/model"):
        models.verify(folder)


def test_a_phrase_in_a_clause_without_a_verb_has_no_tense_and_no_predicate() -> None:
    """A headline with no verb ("Election results, Tuesday 8 November"): the walk up the
    parse reaches the root and stops there."""
    text = "Election results, Tuesday 8 November\nThe count went on."
    reading = read(text, "en")
    assert reading.tense_at(text.index("Tuesday")) is None
    assert reading.predicate_of(text.index("Election"), len("Election")) is None


def test_a_name_ends_where_its_script_does_and_a_credit_is_no_part_of_a_name() -> None:
    korean = "엘제이는 SNS에 사진을 올렸다. 류화영은 JTBC에 출연했다. 두 사람은 SNS에서 다퉜다."
    assert "SNS" in entities(korean, "ko") and "SNS에" not in entities(korean, "ko")
    credited = "GETTY Max Verstappen won the race in Brazil on Sunday, his team said."
    assert "Max Verstappen" in entities(credited, "en")
    assert "GETTY Max Verstappen" not in entities(credited, "en")
    initials = "Rep. G.K. Butterfield said the day was a disgrace."
    assert "G.K. Butterfield" in entities(initials, "en")  # initials are no credit


def test_a_town_the_tagger_takes_for_a_product_is_a_place_a_gazetteer_knows() -> None:
    text = "Martin Bamford survived the Croydon tram crash which left seven dead, police said."
    assert read(text, "en").doc is not None
    spacy_said = {e.text: e.label_ for e in read(text, "en").doc.ents}
    assert spacy_said.get("Croydon") not in ("GPE", "LOC")  # the case the rule is for
    assert entities(text, "en").get("Croydon") == "place"


def test_the_parse_says_what_the_article_calls_an_actor() -> None:
    text = seed_text()
    reading = read(text)

    def described(name: str) -> str | None:
        start = text.find(name)
        return reading.description_of(start, start + len(name))

    assert described("Jake Sullivan") == "US national security adviser"
    assert described("Wagner") == "Russian mercenary group"
    assert described("Sergei Shoigu") == "Russia’s defence minister"
    assert described("Vladimir Putin") is None
    caption = "Mr Jones, 30, left. The 2016 season Play slideshow Getty Images shows it."
    caption_reading = read(caption, "en")
    at = caption.find("Getty Images")
    assert caption_reading.description_of(at, at + len("Getty Images")) is None
    at = caption.find("Mr Jones")
    assert caption_reading.description_of(at, at + len("Mr Jones")) is None  # "30": a number
