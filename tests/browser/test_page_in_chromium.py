"""The HTML page in a real browser (Debian's headless Chromium, driven by Playwright), read as
a reader would: every item's words are highlighted, choosing an item emphasises its words,
choosing words shows the items resting on them, the keyboard does both, and nothing an article
or a model writes runs. Screenshots go to tests/artefacts/ (or $SUMMARISER_ARTEFACTS)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from summariser.briefing.page import to_html
from summariser.stages import finish, prepare
from tests.briefing.test_page import HOSTILE
from tests.browser.chromium import active_words, open_page, shoot, write
from tests.support import ROOT, brief, seed_text


def founding_page(tmp_path: Path) -> Path:
    """The founding article's page, from the answer recorded in its cassette."""
    cassette = yaml.safe_load((ROOT / "cassettes" / "test_founding_article.yaml").read_text())
    answer = json.loads(cassette["interactions"][0]["response"]["body"]["string"])
    text = seed_text()
    request = prepare(text, published=date(2023, 9, 11))
    briefing = finish(request, json.loads(answer["choices"][0]["message"]["content"]))
    return write(tmp_path / "founding.html", to_html(briefing, text))


def test_every_grounded_items_words_are_highlighted(browser: Any, tmp_path: Path) -> None:
    page, problems = open_page(browser, founding_page(tmp_path))
    items = page.locator("li[data-item]:not(.ungrounded)")
    assert items.count() >= 20
    for i in range(items.count()):
        item = items.nth(i)
        item.hover()
        marks = page.locator("mark.active")
        assert marks.count() >= 1, item.inner_text()
        colour = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    who = page.locator('li[data-item^="who"]', has_text="Sergei Shoigu")
    who.hover()
    assert active_words(page) == "Sergei Shoigu"
    shoot(page, "founding.png")
    assert problems == []


def test_choosing_an_allegation_emphasises_its_whole_sentence(browser: Any, tmp_path: Path) -> None:
    page, problems = open_page(browser, founding_page(tmp_path))
    page.locator('li[data-item^="allegation"]', has_text="Wagner").click()
    sentence = (
        "North Korea has previously been accused by the US of selling artillery shells to the "
        "Russian mercenary group Wagner."
    )
    assert active_words(page) == sentence
    first = page.locator("mark.active").first
    assert first.evaluate("m => getComputedStyle(m).outlineStyle") == "solid"
    in_view = (
        "m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
    )
    assert first.evaluate(in_view)  # scrolled to
    shoot(page, "founding-allegation.png")
    assert problems == []


def test_choosing_highlighted_words_shows_the_items_resting_on_them(
    browser: Any, tmp_path: Path
) -> None:
    page, problems = open_page(browser, founding_page(tmp_path))
    page.locator("mark[data-items]", has_text="Wagner").last.click()
    active = page.locator("li.item.active").all_inner_texts()
    assert active and all("Wagner" in text for text in active)  # the items resting on it
    assert any("accused" in text and "US" in text for text in active)
    assert "Wagner" in page.locator(".rests").inner_text()
    assert problems == []


def test_the_keyboard_reaches_and_chooses_items(browser: Any, tmp_path: Path) -> None:
    page, _ = open_page(browser, founding_page(tmp_path))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.item")
    assert focused == "who-0"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.item") == "who-1"
    assert active_words(page) == page.locator('li[data-item="who-1"] b').first.inner_text()


def test_nothing_an_article_or_a_model_writes_runs(browser: Any, tmp_path: Path) -> None:
    briefing = brief(
        HOSTILE,
        headline='<script>window.pwned = 3</script>"><img src=x onerror="window.pwned=4">',
        who=[{"n": "mayor", "k": "person", "r": '<img src=x onerror="window.pwned=5">'}],
        allegations=[{"by": "Critics", "c": "the mayor hid an image in the budget", "vs": None}],
    )
    page, problems = open_page(
        browser, write(tmp_path / "hostile.html", to_html(briefing, HOSTILE))
    )
    for i in range(page.locator("li[data-item], mark[data-items]").count()):
        page.locator("li[data-item], mark[data-items]").nth(i).click()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert "<script>window.pwned = 3</script>" in page.locator("h1").inner_text()
    shoot(page, "hostile.png")
    assert problems == []
