"""JSON Feed 1 and 1.1 read as feeds, on real published feeds (tests/data/json_feeds)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from summariser.cli import main
from summariser.sources.articles import Article, article_id
from summariser.sources.feeds import TEASER_CHARS
from summariser.sources.inputs import InputProblem, read_inputs
from summariser.sources.json_feed import parse_json_feed
from tests.support import DATA

FEEDS = DATA / "json_feeds"


def read(name: str) -> list[Article | InputProblem]:
    return list(read_inputs([str(FEEDS / name)]))


def articles(name: str) -> list[Article]:
    items = read(name)
    assert not any(isinstance(i, InputProblem) for i in items), [str(i) for i in items]
    return [i for i in items if isinstance(i, Article)]


def test_daring_fireball_gives_every_item_with_its_link_date_and_text() -> None:
    raw = json.loads((FEEDS / "daringfireball.json").read_text(encoding="utf-8"))
    found = articles("daringfireball.json")
    assert len(found) == len(raw["items"]) == 48
    for article, item in zip(found, raw["items"], strict=True):
        assert article.title == " ".join(item["title"].split())
        assert article.url == item["url"] and article.id == article_id(url=item["url"])
        assert article.published == date.fromisoformat(item["date_published"][:10])
        assert article.feed_title == "Daring Fireball" and article.feed == article.origin
        assert "<" not in article.text and article.text  # content_html reduced to text
    first = found[0]
    assert first.text.startswith("Special guest Jim Dalrymple returns to the show.")
    assert "Sponsored by:\nAlex Weinstein Music" in first.text  # block elements keep lines
    short = [a for a in found if len(a.text) < TEASER_CHARS]
    assert short and all(a.teaser for a in short)
    assert not any(a.teaser for a in found if len(a.text) >= TEASER_CHARS)


def test_the_longest_of_content_and_summary_is_the_text() -> None:
    """Adactio gives both `content_html` and a short `summary`; its dates carry no zone."""
    raw = json.loads((FEEDS / "adactio.json").read_text(encoding="utf-8"))
    found = articles("adactio.json")
    assert [a.published for a in found] == [
        date.fromisoformat(i["date_published"][:10]) for i in raw["items"]
    ]
    assert found[0].published == date(2022, 7, 26)  # from "2022-07-26 13:01:01"
    for article, item in zip(found, raw["items"], strict=True):
        assert len(article.text) > len(item["summary"])  # the content, not the summary
        assert not article.teaser or len(article.text) < TEASER_CHARS
    assert found[0].feed_title == "Adactio: Journal"


def test_the_specification_example_content_text_and_content_html() -> None:
    found = articles("spec-example.json")
    assert [(a.text, a.title, a.url) for a in found] == [
        ("This is a second item.", None, "https://example.org/second-item"),
        ("Hello, world!", None, "https://example.org/initial-post"),
    ]
    assert all(a.teaser and a.feed_title == "My Example Feed" for a in found)


def test_a_json_feed_is_found_by_its_content_too(tmp_path: Path) -> None:
    """A feed saved without .json (a URL's body, a download) is told by its content."""
    copy = tmp_path / "feed"
    copy.write_bytes((FEEDS / "jsonfeed-org.json").read_bytes())
    found = [i for i in read_inputs([str(copy)]) if isinstance(i, Article)]
    assert [a.title for a in found] == ["JSON Feed version 1.1", "Announcing JSON Feed"]
    assert [a.published for a in found] == [date(2020, 8, 7), date(2017, 5, 17)]


def test_what_a_json_feed_gets_wrong_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    items = [
        "not an object",
        {"id": "1"},
        {"id": "2", "title": "Only a title"},
        {"id": "3", "content_text": "Kept.", "date_published": "x", "date_modified": "2021-08-25"},
        {"id": "4", "content_text": "Short.", "content_html": "<p>Short.</p><p>And the rest.</p>"},
        {"id": "5", "summary": "A summary. " * 70},  # 770 characters, and only a summary
        {"id": "6", "content_text": "The story. " * 70},  # as long, and the content
    ]
    path.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items}))
    found = list(read_inputs([str(path)]))
    assert [str(i) for i in found if isinstance(i, InputProblem)] == [
        f"{path}: item 1 has no title, text or link; skipped",
        f"{path}: item 2 has no title, text or link; skipped",
    ]
    kept = [i for i in found if isinstance(i, Article)]
    assert [(a.id, a.text, a.published) for a in kept[:3]] == [
        ("2", "Only a title", None),
        ("3", "Kept.", date(2021, 8, 25)),  # date_modified where date_published is no date
        ("4", "Short.\nAnd the rest.", None),  # the longer of the two forms
    ]
    assert [(a.id, a.teaser) for a in kept[3:]] == [("5", True), ("6", False)]
    none = tmp_path / "none.json"
    none.write_text(json.dumps({"version": "https://jsonfeed.org/version/1", "items": {}}))
    assert [str(i) for i in read_inputs([str(none)])] == [
        f"{none}: JSON Feed without an items list",
        f"{none}: no article found",
    ]


def test_a_plain_json_article_is_not_taken_for_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"id": "a", "text": "See https://jsonfeed.org/version/1.1 now."}))
    assert parse_json_feed(path.read_bytes(), str(path)) is None
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.id == "a" and article.feed is None


def test_the_batch_lists_a_json_feeds_articles(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    argv = ["batch", str(FEEDS / "daringfireball.json"), "--extract-only", "--offline"]
    assert main(argv, out=out, err=err) == 0, err.getvalue()
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 48 and lines[0]["feed_title"] == "Daring Fireball"
