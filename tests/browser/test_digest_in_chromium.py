"""The batch's HTML digest in a real browser, read as a reader would: a real feed's briefings,
recorded from the embedded model, grouped by feed; the search box filters by name, place and
the article's own words; an article opens to its highlighted view, built only then; failures
are listed; nothing an article writes runs. Screenshots go beside the page's (ARTEFACTS)."""

from __future__ import annotations

import io
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from summariser.cli import main
from summariser.testing.stub_server import StubServer
from tests.briefing.test_page import HOSTILE
from tests.browser.chromium import active_words, open_page, shoot, write
from tests.support import CANARY_KEY, EVAL, RECORD_URL, RECORDED_MODEL

UOL = str(EVAL / "feeds" / "rss-parser__uolNoticias.rss")
ARTICLES = [
    str(EVAL / "articles" / f"{name}.json")
    for name in ("g5w-nypost-4", "g5w-nytimes-1", "aeb-pt-f6ac15a4d985")
]
MISSING = "no/such/feed.xml"
TALIBAN = "Taliban Strike German Consulate in Afghan City of Mazar-i-Sharif"


def shown(page: Any) -> str:
    return page.locator("#shown").inner_text()


def search(page: Any, words: str) -> None:
    page.fill("#search", words)
    page.wait_for_function(
        "w => document.getElementById('shown').dataset.for === w", arg=words.strip()
    )


RECORDED = pytest.mark.vcr  # the cassette below holds every answer the digest needs


@pytest.fixture
def default_cassette_name() -> str:
    """The feed's fifteen answers and the three articles', one cassette for every test here
    (README, "Cassettes", says how to record it again)."""
    return "batch_uol_noticias_feed"


@pytest.fixture
def digest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The digest of the real UOL feed and three evaluation articles, answered as recorded."""
    monkeypatch.setenv("SUMMARISER_API_KEY", CANARY_KEY)
    argv = ["batch", UOL, *ARTICLES, MISSING, "--model", RECORDED_MODEL, "--base-url"]
    argv += [RECORD_URL, "--offline", "--no-cache", "--concurrency", "1", "--format", "html"]
    out, err = io.StringIO(), io.StringIO()
    with ThreadPoolExecutor(1) as thread:  # Playwright's loop holds this thread; asyncio.run not
        code = thread.submit(main, argv, out=out, err=err).result()
    assert code == 0, err.getvalue()
    assert "18 done" in err.getvalue() and "1 failed" in err.getvalue(), err.getvalue()
    return write(tmp_path / "digest.html", out.getvalue())


def visible_headlines(page: Any) -> list[str]:
    return page.locator("article.card:visible h3").all_inner_texts()


@RECORDED
def test_a_real_feeds_digest_lists_every_briefing_by_feed_and_its_failure(
    browser: Any, digest: Path
) -> None:
    page, problems = open_page(browser, digest)
    headings = page.locator("section.feed > h2").all_inner_texts()
    assert headings == ["UOL Noticias (15)", "Articles (3)"]
    assert page.locator("article.card").count() == 18 and shown(page) == "18 articles"
    days = page.locator("section.feed").nth(1).locator(".facts").all_text_contents()
    assert [d[:10] for d in days] == ["2018-10-05", "2016-11-12", "2016-11-10"]  # newest first
    failed = page.locator("section.failed").inner_text()
    assert f"{MISSING} InputError: no such file or directory" in failed
    assert page.locator("[data-view] mark").count() == 0  # no view is built before it is opened
    shoot(page, "digest.png")
    assert problems == []


@RECORDED
def test_the_search_filters_by_name_place_and_the_articles_own_words(
    browser: Any, digest: Path
) -> None:
    page, problems = open_page(browser, digest)
    search(page, "Navalny")  # a name in who
    assert visible_headlines(page) == ["Rival de Putin é condenado a mais 20 dias de prisão"]
    assert shown(page) == "1 of 18 articles match"
    assert page.locator("section.feed:visible > h2").all_inner_texts() == ["UOL Noticias (15)"]
    search(page, "mazar-i-sharif")  # a place, any case
    assert visible_headlines(page) == [TALIBAN]
    assert page.locator("section.feed:visible > h2").all_inner_texts() == ["Articles (3)"]
    card = page.locator("article.card:visible")
    assert "multinational" not in card.inner_text().lower()  # only the article itself says it
    search(page, "multinational")
    assert visible_headlines(page) == [TALIBAN]
    search(page, "brasilia")  # accents and case folded: the article writes "BRASÍLIA"
    assert [h[:25] for h in visible_headlines(page)] == ["Em entrevista, Bolsonaro "]
    search(page, "ibope  bolsonaro")  # every word must match
    assert len(visible_headlines(page)) == 2 and all("Ibope" in h for h in visible_headlines(page))
    shoot(page, "digest-search.png")
    search(page, "no such words anywhere")
    assert visible_headlines(page) == [] and shown(page) == "0 of 18 articles match"
    page.press("#search", "Escape")
    page.wait_for_function("() => document.getElementById('shown').dataset.for === ''")
    assert len(visible_headlines(page)) == 18 and shown(page) == "18 articles"
    assert problems == []


@RECORDED
def test_an_opened_article_shows_its_evidence_and_its_items_link_to_it(
    browser: Any, digest: Path
) -> None:
    page, problems = open_page(browser, digest)
    search(page, "comey")
    card = page.locator("article.card:visible")
    button = card.locator("button.open")
    button.focus()
    page.keyboard.press("Enter")  # the keyboard opens it
    view = card.locator("[data-view]")
    assert view.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert view.locator("mark[data-items]").count() >= 5
    allegation = view.locator('li[data-item^="allegation"]:not(.ungrounded)').first
    allegation.click()
    assert page.locator("li.item.active").count() == 1  # what was chosen, not what scrolled by
    assert "active" in (allegation.get_attribute("class") or "")
    words = active_words(page)
    assert words and words in json.loads(Path(ARTICLES[0]).read_text(encoding="utf-8"))["text"]
    assert page.locator("mark.active").count() == view.locator("mark.active").count()
    shoot(page, "digest-open.png")
    button.click()
    assert not view.is_visible() and button.get_attribute("aria-expanded") == "false"
    assert problems == []


@RECORDED
def test_two_opened_articles_keep_their_items_apart(browser: Any, digest: Path) -> None:
    page, problems = open_page(browser, digest)
    first, second = page.locator("article.card").nth(15), page.locator("article.card").nth(16)
    first.locator("button.open").click()
    second.locator("button.open").click()
    second.locator('li[data-item="who-0"]').click()  # the same id exists in both views
    assert second.locator("mark.active").count() >= 1
    assert first.locator("mark.active").count() == 0
    first.locator('li[data-item="who-0"]').click()
    assert first.locator("mark.active").count() >= 1
    assert second.locator("mark.active").count() >= 1  # choosing in one clears only that one
    assert problems == []


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_nothing_an_article_writes_runs_in_the_digest(
    browser: Any, tmp_path: Path, stub: StubServer
) -> None:
    hostile = tmp_path / "hostile.json"
    title = '<script>window.pwned = 1</script>"><img src=x onerror="window.pwned=2">'
    hostile.write_text(json.dumps({"id": "h", "title": title, "text": HOSTILE}))
    argv = ["batch", str(hostile), "--model", "stub", "--base-url", stub.url, "--offline"]
    out, err = io.StringIO(), io.StringIO()
    with ThreadPoolExecutor(1) as thread:
        argv += ["--no-cache", "--format", "html"]
        assert thread.submit(main, argv, out=out, err=err).result() == 0, err.getvalue()
    page, problems = open_page(browser, write(tmp_path / "hostile-digest.html", out.getvalue()))
    page.locator("button.open").click()
    chosen = page.locator("[data-view] li[data-item], [data-view] mark[data-items]")
    assert chosen.count() >= 2
    for i in range(chosen.count()):
        chosen.nth(i).click()
    search(page, "pwned")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert title in page.locator("h3").inner_text()
    assert problems == []
