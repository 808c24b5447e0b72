"""references.py: the sentences and candidates the model's draft cites, and how code finds
what a citation means."""

from __future__ import annotations

from summariser.prompting.names import typed_names
from summariser.prompting.references import references_of, sentences_of
from tests.support import seed_text


def test_sentences_end_at_stops_but_not_at_initials_titles_or_abbreviations() -> None:
    text = (
        "Rep. G.K. Butterfield spoke in the U.S. Capitol on Friday. “It is a disgrace.” "
        "Mr. Smith left.\nA new line is a new sentence"
    )
    assert sentences_of(text) == (
        "Rep. G.K. Butterfield spoke in the U.S. Capitol on Friday.",
        "“It is a disgrace.”",
        "Mr. Smith left.",
        "A new line is a new sentence",
    )


def test_candidates_are_typed_and_demonyms_are_no_names() -> None:
    references = references_of(seed_text())
    kinds = {c.text: c.kind for c in references.candidates}
    assert kinds["Vladivostok"] == "place" and kinds["Jake Sullivan"] == "name"
    assert kinds["until 13 September"] == "time"
    assert "Russian" not in kinds and "North Korean" not in kinds  # adjectives of places
    assert "Russia" in typed_names(seed_text()) and "Russian" not in typed_names(seed_text())


def test_a_written_name_is_the_candidate_holding_it_when_only_one_does() -> None:
    references = references_of(seed_text())
    found = references.candidate("Putin")
    assert found is not None and found.text == "Vladimir Putin"
    assert references.candidate("korea") is None  # North Korea or South Korea: not guessed
    same = references.candidate("jake  sullivan")
    assert same is not None and same.text == "Jake Sullivan"


def test_a_claim_is_found_in_the_sentence_that_says_it() -> None:
    references = references_of(seed_text())
    sentence = references.sentence_saying("North Korea sold shells to Wagner", by="US")
    assert sentence is not None and sentence.startswith("North Korea has previously been accused")
    assert references.sentence_saying("bananas are yellow and sweet") is None


def test_names_are_found_in_every_cased_script() -> None:
    text = (
        "Министр обороны Сергей Шойгу прибыл в Пхеньян, сообщил Кремль. "
        "Depois, Érico Veríssimo falou com Ângela Diniz."
    )
    names = list(typed_names(text))
    assert {"Сергей Шойгу", "Пхеньян", "Кремль", "Érico Veríssimo", "Ângela Diniz"} <= set(names)


def test_a_name_does_not_run_on_into_the_next_line() -> None:
    names = typed_names("Kim heads to Russia to meet Putin\nВидео по теме\nPutin met Kim.")
    assert "Putin" in names and not any("\n" in n or "Видео" in n for n in names)


def test_a_possessive_parts_the_names_it_joins() -> None:
    text = (
        "The race was won by Ferrari's Kimi Raikkonen, who later celebrated with fans in "
        "New York's Union Square after the result was announced."
    )
    names = list(typed_names(text))
    assert {"Ferrari", "Kimi Raikkonen", "New York", "Union Square"} <= set(names)
    assert not any("Ferrari Kimi" in n or "York Union" in n for n in names)


def test_checklists_put_what_the_article_comes_back_to_first() -> None:
    text = (
        "Asia Edition Get the news. Ana Silva met Bruno Costa in Porto. Silva spoke first. "
        "Costa left. Silva returned to Porto, where North Korea and South Korea sent envoys."
    )
    ranked = [c.text for c in references_of(text).by_mentions("name", "people", "place")]
    # 3, 2 and 2 sentences, ties in article order; the first name, said once, comes after
    assert ranked[:3] == ["Ana Silva", "Bruno Costa", "Porto"]
    # "Korea" is a word of two names, so it counts for neither; one mention each, in order
    assert ranked.index("North Korea") < ranked.index("South Korea")
    assert ranked.index("Asia Edition Get") < ranked.index("North Korea")  # both said once


def test_a_name_after_the_at_a_sentence_start_is_a_name() -> None:
    assert "Kremlin" in typed_names("The Kremlin said nothing. Talks with Putin went on.")
    assert "Instead" not in typed_names("Instead the talks went on. Talks with Putin ended.")
