"""The digest's view by story in a real browser: a story's outlets side by side, where they
disagree flagged with each side's words, and each article a button that opens its card below
to its highlighted view. Screenshots go beside the digest's (ARTEFACTS)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from summariser.batch.digest import to_digest_html
from summariser.batch.records import BatchRecord, RecordSource
from summariser.stories import Store, group_stories
from tests.browser.chromium import open_page, shoot, write
from tests.support import brief

LEEDS = {
    "a": "Seven people were killed when a bus overturned in Leeds on Tuesday. "
    "The bus was carrying 40 passengers, the operator said.",
    "b": "Five people were killed when a bus overturned in Leeds on Tuesday. "
    "Police said 12 people were taken to hospital.",
    "c": "A bus overturned in Leeds on Tuesday, and seven people were killed, police said. "
    "The road was closed for the day.",
    "d": "The central bank kept its interest rate at 4 percent on Thursday, citing slower "
    "inflation and a weaker labour market.",
}


def digest_with_stories(tmp_path: Path) -> Path:
    records, texts = [], {}
    for n, (article, text) in enumerate(LEEDS.items()):
        title = "Bank holds rates" if article == "d" else "Bus overturns in Leeds"
        source = RecordSource(title=title, url=f"https://{article}.example/news/{n}",
                              published=date(2024, 5, 7 + n % 2))  # fmt: skip
        who = [{"n": "Police", "r": "said"}] if "Police" in text or "police" in text else []
        records.append(BatchRecord(id=article, source=source, briefing=brief(text, who=who)))
        texts[article] = text
    with Store(":memory:") as store:
        store.add_all((record, texts[record.id]) for record in records)
        stories = [s for s in group_stories(store) if len(s["articles"]) > 1]
    return write(tmp_path / "stories.html", to_digest_html(records, texts, stories))


def test_a_story_shows_its_outlets_side_by_side_and_where_they_disagree(
    browser: Any, tmp_path: Path
) -> None:
    page, problems = open_page(browser, digest_with_stories(tmp_path))
    story = page.locator("section.stories article.story")
    assert story.count() == 1 and "Bus overturns in Leeds" in story.locator("h3").inner_text()
    members = story.locator(".members li")
    assert members.count() == 3
    boxes = [members.nth(i).bounding_box() for i in range(3)]
    assert all(box is not None for box in boxes)
    assert len({round(box["y"]) for box in boxes if box}) == 1  # one row, side by side
    flagged = story.locator(".disagree")
    assert flagged.count() == 1 and flagged.is_visible()
    said = flagged.inner_text()
    assert "Outlets disagree on a count" in said
    assert "a.example (Seven)" in said and "b.example (Five)" in said and "c.example" in said
    assert "on a count: people killed" in said
    assert "Five people were killed when a bus overturned in Leeds on Tuesday." in said
    shoot(page, "stories.png")
    assert problems == []


def test_a_storys_article_opens_its_card_to_its_evidence(browser: Any, tmp_path: Path) -> None:
    page, problems = open_page(browser, digest_with_stories(tmp_path))
    page.fill("#search", "central bank")  # the story's cards hidden by a search
    page.wait_for_function("() => document.getElementById('shown').dataset.for === 'central bank'")
    button = page.locator("section.stories .members li", has_text="b.example").locator("button")
    card = page.locator(f"#{button.get_attribute('data-card')}")
    assert not card.is_visible()
    button.click()
    view = card.locator("[data-view]")
    assert card.is_visible() and view.is_visible()  # the search let go, the card opened
    assert card.locator("button.open").get_attribute("aria-expanded") == "true"
    assert "Five people were killed" in view.inner_text()
    assert view.locator("mark[data-items]").count() >= 1
    top = page.evaluate(f"document.getElementById('{card.get_attribute('id')}')"
                        ".getBoundingClientRect().top")  # fmt: skip
    assert 0 <= top < page.viewport_size["height"] / 2  # scrolled to it
    assert problems == []
