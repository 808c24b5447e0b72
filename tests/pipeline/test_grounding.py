from summariser.pipeline.grounding import Locator
from summariser.text import normalise
from tests.support import seed_text

SEED = seed_text()


def check(locator: Locator, quote: str) -> str:
    evidence = locator.locate(quote)
    assert evidence.grounded, quote
    assert evidence.start is not None and evidence.end is not None
    assert locator.text[evidence.start : evidence.end] == evidence.quote
    return evidence.match


def test_exact_normalised_and_fuzzy_passes() -> None:
    locator = Locator(SEED)
    assert check(locator, "Vladimir Putin") == "exact"
    assert check(locator, "kim jong un") == "normalised"  # case and hyphen
    assert check(locator, "the White House") == "normalised"
    # curly quotes in the article, straight (or none) in the model's quote
    assert check(locator, 'North Korea "will pay a price" for supplying Russia') == "normalised"
    assert check(locator, "US officials said the two countries were arranging a meeting") == "fuzzy"
    assert check(locator, "Jake Sulivan") == "fuzzy"


def test_whole_words_are_preferred() -> None:
    text = "Russian officials met. Later, Russia agreed."
    evidence = Locator(text).locate("Russia")
    assert evidence.start == text.index("Russia agreed")


def test_invented_text_is_not_grounded() -> None:
    locator = Locator(SEED)
    for invented in ("Barack Obama", "Beijing", "The summit was cancelled by the UN"):
        evidence = locator.locate(invented)
        assert not evidence.grounded and evidence.start is None and evidence.match == "none"


def test_offsets_index_code_points_in_non_latin_text() -> None:
    text = "서울 — 배우 김철수가 23일 기자회견을 열었다. 😀 Ünïcödé «quotes» here."
    locator = Locator(text)
    for quote in ("김철수가", "기자회견을 열었다", "unicode", "«quotes»"):
        check(locator, quote)
    check(Locator(SEED), "Видео по теме")


def test_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("  Kim Jong-un’s  “train” ") == "kim jong un s train"
    assert normalise("São Paulo") == "sao paulo"
