"""The HTML digest (`summarise batch --format html`): structure, order and escaping here, on
real feeds and articles summarised by our loopback stub; what a reader sees, searches and
opens in a real browser in tests/browser/test_digest_in_chromium.py."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from summariser.batch.digest import to_digest_html
from summariser.briefing.page import asset
from summariser.briefing.page.document import _sha256  # pyright: ignore[reportPrivateUsage]
from summariser.testing.stub_server import StubServer
from tests.batch.test_output import GUARDIAN, KOI8, MISSING, NYPOST, UOL, batch
from tests.briefing.test_page import _Tags  # pyright: ignore[reportPrivateUsage]

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

DIGEST_JS = asset("digest.js", "summariser.batch.digest")


def tags_of(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    return tags


def cards(page: str) -> list[str]:
    return re.findall(r'<article class="card".*?</article>', page, flags=re.S)


def test_cards_grouped_by_feed_newest_first_and_every_failure_listed(stub: StubServer) -> None:
    code, page, _ = batch(stub, GUARDIAN, UOL, NYPOST, KOI8, MISSING, "--format", "html")
    assert code == 0
    headings = [
        html.unescape(h) for h in re.findall(r'<h2 id="(?:f-\d+|failed)">(.*?) <span', page)
    ]
    assert headings[:2] == ["The Guardian", "UOL Noticias"] and headings[-1] == "Not summarised"
    assert headings[-2] == "Articles"
    sections = page.split('<section class="feed"')[1:]
    assert [len(cards(s)) for s in sections] == [55, 15, 1, 1]  # every briefing, in its feed
    guardian_days = re.findall(r'<p class="facts">(\d{4}-\d{2}-\d{2}) ·', sections[0])
    assert len(guardian_days) == 55 and guardian_days == sorted(guardian_days, reverse=True)
    assert len(set(guardian_days)) > 1  # the order is a real one, not one day repeated
    failed = page.split('<section class="failed"')[1]
    assert f"<code>{MISSING}</code></span> InputError: no such file or directory" in failed
    assert "72 briefings from 3 feeds; 1 not summarised" in page


def test_each_card_opens_to_the_article_view_of_its_own_text(stub: StubServer) -> None:
    _, page, _ = batch(stub, NYPOST, "--format", "html")
    (card,) = cards(page)
    view = card.split("<template>")[1].split("</template>")[0]
    text = json.loads(Path(NYPOST).read_text(encoding="utf-8"))["text"]
    article = re.search(r'<div class="text">(.*?)</div>', view, flags=re.S)
    assert article is not None and html.unescape(re.sub(r"<[^>]+>", "", article.group(1))) == text
    assert "<mark" in article.group(1)  # the stub's actor is marked in it
    assert '<div class="view" data-view id="v-0" hidden></div>' in card  # empty until opened
    assert 'aria-controls="v-0"' in card


def test_an_earlier_runs_records_open_to_their_text_when_read_again_else_their_quotes(
    stub: StubServer, tmp_path: Path
) -> None:
    out = str(tmp_path / "out.jsonl")
    edited = tmp_path / "edited.json"
    text = "Jane Doe met Ann Lee in Paris on Monday to discuss the budget of the city council."
    edited.write_text(json.dumps({"id": "e1", "title": "Budget talks", "text": text}))
    batch(stub, NYPOST, KOI8, str(edited), "-o", out)
    edited.write_text(json.dumps({"id": "e1", "title": "Budget talks", "text": "So, " + text}))
    code, page, err = batch(stub, NYPOST, UOL, str(edited), "-o", out, "--format", "html")
    assert code == 0 and "2 already written" in err
    by_title = {re.search(r"<h3>(.*?)</h3>", c, re.S).group(1): c for c in cards(page)}  # type: ignore[union-attr]
    assert len(by_title) == 18  # the earlier run's three records and this run's fifteen
    clinton = next(c for t, c in by_title.items() if "Clinton blames Comey" in t)
    assert '<div class="text">' in clinton  # skipped as written, but read: its text is there
    quoted = {t for t, c in by_title.items() if 'class="quotes"' in c}
    assert len(quoted) == 2 and "Budget talks" in quoted  # not read again, and changed since
    for title in quoted:
        assert "not at hand" in by_title[title] and '<div class="text">' not in by_title[title]
    assert "<li><mark" in by_title["Budget talks"]  # its grounded items' quotes stand in


def test_nothing_from_an_article_becomes_markup_and_only_our_code_runs(
    stub: StubServer, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile.json"
    title = '<script>window.pwned = 1</script>"><img src=x onerror="window.pwned=2">'
    text = (
        "Jane Doe met Ann Lee in Paris on Monday. <script>window.pwned = 3</script> "
        '"><img src=x onerror="window.pwned=4"> was found in the budget.'
    )
    hostile.write_text(json.dumps({"id": 'h"><b>', "title": title, "text": text}))
    _, page, _ = batch(stub, str(hostile), "--format", "html")
    tags = tags_of(page)
    assert tags.scripts == [asset("page.js") + "\n" + DIGEST_JS]  # one script: ours
    assert [t for t, _ in tags.tags].count("img") == 0
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "&lt;script&gt;window.pwned = 3&lt;/script&gt;" in page
    policy = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv"))
    assert policy is not None and policy.startswith("default-src 'none'")
    assert f"script-src '{_sha256(asset('page.js') + chr(10) + DIGEST_JS)}'" in policy
    assert "unsafe" not in policy


def test_the_digest_is_in_the_library_too() -> None:
    import summariser

    assert summariser.to_digest_html is to_digest_html and "to_digest_html" in summariser.__all__
    assert "0 briefings" in to_digest_html([]) and '<article class="card"' not in to_digest_html([])


def test_an_html_digest_needs_briefings(stub: StubServer) -> None:
    code, _, err = batch(stub, NYPOST, "--extract-only", "--format", "html")
    assert code == 2 and err.count("\n") == 1 and "--format html" in err
