"""references.py: the sentences and candidates the model's draft cites, and how code finds
what a citation means."""

from __future__ import annotations

import json

from summariser.nlp import read
from tests.support import EVAL, seed_text


def names_of(text: str) -> list[str]:
    """The candidates of `text` that are names or places, as written."""
    return [c.text for c in read(text).references.candidates if c.kind != "time"]


def test_candidates_are_typed_and_demonyms_are_no_names() -> None:
    references = read(seed_text()).references
    kinds = {c.text: c.kind for c in references.candidates}
    assert kinds["Vladivostok"] == "place" and kinds["Jake Sullivan"] == "name"
    assert kinds["until 13 September"] == "time"
    assert "Russian" not in kinds and "North Korean" not in kinds  # adjectives of places
    us = next(c for c in references.candidates if c.text == "US")
    assert us.kind == "place" and us.also_actor  # a country acts: "the US ... accused"
    moscow = next(c for c in references.candidates if c.text == "Moscow")
    assert not moscow.also_actor


def test_a_written_name_is_the_candidate_holding_it_when_only_one_does() -> None:
    references = read(seed_text()).references
    found = references.candidate("Putin")
    assert found is not None and found.text == "Vladimir Putin"
    assert references.candidate("korea") is None  # North Korea or South Korea: not guessed
    same = references.candidate("jake  sullivan")
    assert same is not None and same.text == "Jake Sullivan"


def test_a_claim_is_found_in_the_sentence_that_says_it() -> None:
    references = read(seed_text()).references
    sentence = references.sentence_saying("North Korea sold shells to Wagner", by="US")
    assert sentence is not None and sentence.startswith("North Korea has previously been accused")
    assert references.sentence_saying("bananas are yellow and sweet") is None


def test_checklists_put_what_the_article_comes_back_to_first() -> None:
    text = (
        "Leaders met on Monday. Ana Silva met Bruno Costa in Porto. Silva spoke first. "
        "Costa left. Silva returned to Porto, where North Korea and South Korea sent envoys."
    )
    ranked = [c.text for c in read(text).references.by_mentions("name", "people", "place")]
    # 3, 2 and 2 sentences, ties in article order
    assert ranked[:3] == ["Ana Silva", "Bruno Costa", "Porto"]
    # "Korea" is a word of two names, so it counts for neither; one mention each, in order
    assert ranked.index("North Korea") < ranked.index("South Korea")


def test_one_entity_is_one_candidate_in_its_fullest_form() -> None:
    text = (
        "Vladimir Putin met the Charlotte-Mecklenburg Police. Putin said the "
        "Charlotte-Mecklenburg Police Department had helped. The US and the United States "
        "are one country, officials said."
    )
    names = names_of(text)
    assert names.count("Vladimir Putin") == 1 and "Putin" not in names
    assert len([n for n in names if "Charlotte" in n]) == 1
    assert len([n for n in names if n in ("US", "United States")]) == 1


def test_a_country_is_written_as_the_article_mostly_calls_it() -> None:
    text = (
        "The UK government said on Monday that the economy had shrunk again. Officials in the "
        "UK blamed the weather. Britain has had a wet summer. The UK central bank is expected "
        "to cut interest rates next month, analysts said."
    )
    names = names_of(text)
    assert "UK" in names and "Britain" not in names


def test_the_same_words_are_one_candidate_however_the_reader_typed_them() -> None:
    """spaCy types "Felipinho" a person in one sentence and an organisation in another."""
    text = json.loads((EVAL / "articles" / "g5w-dailymail-10.json").read_text("utf-8"))["text"]
    types = {e.type for e in read(text).entities if e.text == "Felipinho"}
    assert len(types) > 1  # the case the rule is for
    names = names_of(text)
    assert names.count("Felipinho") == 1


def test_a_source_is_found_where_a_particle_joins_its_name() -> None:
    text = "류화영은 SNS에 글을 올렸다. 엘제이는 사진을 공개했다. 류화영의 언니도 입장을 밝혔다."
    references = read(text).references
    assert references.language == "ko"
    found = references.sentence_naming("류화영", None)
    assert found == "류화영은 SNS에 글을 올렸다."
