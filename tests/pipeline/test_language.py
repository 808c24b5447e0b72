"""The article's language comes from a language identifier, not from the model's label."""

from __future__ import annotations

import json
from datetime import date

import pytest

from summariser.nlp import read
from summariser.nlp.language import detect_language
from summariser.pipeline.assemble import assemble
from summariser.prompting.draft import Draft
from summariser.sources.articles import Article
from summariser.sources.inputs import read_inputs
from tests.support import EVAL, seed_text


def eval_text(name: str) -> str:
    return json.loads((EVAL / "articles" / f"{name}.json").read_text(encoding="utf-8"))["text"]


@pytest.mark.parametrize(
    ("name", "code"), [("aeb-pt-f6ac15a4d985", "pt"), ("aeb-ko-0ec95c7261d1", "ko")]
)
def test_the_dev_sets_portuguese_and_korean_articles(name: str, code: str) -> None:
    assert detect_language(eval_text(name)) == code


def test_english_news_is_english() -> None:
    assert detect_language(seed_text()) == "en"
    english = [p for p in (EVAL / "articles").glob("*.json") if "-ko-" not in p.name]
    english = [p for p in english if "-pt-" not in p.name]
    assert len(english) >= 40
    assert {detect_language(json.loads(p.read_text())["text"]) for p in english} == {"en"}


@pytest.mark.parametrize(
    ("feed", "code"),
    [("feedparser__koi8r.xml", "ru"), ("rss-parser__uolNoticias.rss", "pt")],
)
def test_non_english_feed_entries(feed: str, code: str) -> None:
    entries = [a for a in read_inputs([str(EVAL / "feeds" / feed)], None) if isinstance(a, Article)]
    found = [detect_language(entry.text) for entry in entries]
    assert found and found.count(code) >= len(found) * 0.7, found
    assert set(found) <= {code, "und"}  # unsure (a teaser of a few words) is "und", never wrong


def test_too_little_text_to_tell_is_undetermined() -> None:
    assert detect_language("Hello.") == "und"
    assert detect_language("") == "und"


def test_the_briefing_takes_the_identifiers_language_and_dates_in_it() -> None:
    """The model is not asked the language (it labelled every article "en"); the identifier's
    code stands, so dates are not read by the English rules."""
    text = eval_text("aeb-pt-f6ac15a4d985")
    draft = Draft.model_validate(
        {
            "headline": "Cars broken into",
            "summary": "Two cars were broken into.",
            "allegations": [],
            "who": [],
            "where": [],
            "when": ["nesta manhã"],
            "stakes": [],
        }
    )
    briefing = assemble(draft, text, read(text).references, published=date(2018, 10, 5))
    assert briefing.language == "pt"
    short = assemble(draft, "Hello.", read("Hello.").references, published=date(2018, 10, 5))
    assert short.language == "und"  # too little to tell
