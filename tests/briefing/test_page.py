"""page/: the self-contained HTML view. Structure and escaping here; what a reader sees and
clicks in a real browser in tests/browser/test_page_in_chromium.py."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from summariser.briefing.page import asset, to_html
from summariser.briefing.page.document import _sha256  # pyright: ignore[reportPrivateUsage]
from summariser.briefing.schema import Actor, Evidence
from tests.support import brief

HOSTILE = (
    "The mayor said on Monday that <script>window.pwned = 1</script> was a test. "
    'Critics accused the mayor of hiding "><img src=x onerror="window.pwned=2"> in the budget.'
)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def page_of(text: str, **fields: object) -> tuple[str, _Tags]:
    briefing = brief(text, **fields)
    page = to_html(briefing, text)
    tags = _Tags()
    tags.feed(page)
    return page, tags


def hostile_page() -> tuple[str, _Tags]:
    return page_of(
        HOSTILE,
        headline='<script>window.pwned = 3</script>"><b onmouseover=x>',
        who=[{"n": "mayor", "k": "person", "r": "<i>mayor</i>"}],
        allegations=[{"by": "Critics", "c": "the mayor hid an image in the budget", "vs": None}],
    )


def test_nothing_from_the_article_or_the_model_becomes_markup() -> None:
    page, tags = hostile_page()
    assert [t for t, _ in tags.tags].count("script") == 1
    assert tags.scripts == [asset("page.js")]  # only the page's own script
    assert not any(t in ("img", "i") for t, _ in tags.tags)
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "&lt;script&gt;window.pwned = 3&lt;/script&gt;" in page


def test_the_policy_lets_only_the_pages_own_style_and_script_run() -> None:
    page, tags = hostile_page()
    policy = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv"))
    assert policy is not None and policy.startswith("default-src 'none'")
    assert f"script-src '{_sha256(asset('page.js'))}'" in policy
    assert f"style-src '{_sha256(asset('page.css'))}'" in policy
    assert "unsafe" not in policy and "http" not in page.split("<body>")[0].replace(
        "http-equiv", ""
    )


def test_every_grounded_item_marks_its_own_words_and_the_article_is_whole() -> None:
    page, tags = hostile_page()
    briefing = brief(
        HOSTILE,
        who=[{"n": "mayor", "k": "person", "r": "<i>mayor</i>"}],
        allegations=[{"by": "Critics", "c": "the mayor hid an image in the budget", "vs": None}],
    )
    items = {a["data-item"]: a for t, a in tags.tags if t == "li" and a.get("data-item")}
    marks = [a["data-items"] or "" for t, a in tags.tags if t == "mark" and a.get("data-items")]
    marked = {i for ids in marks for i in ids.split()}
    grounded = [i for i, a in items.items() if "ungrounded" not in (a["class"] or "")]
    assert len(items) == len(briefing.items()) and grounded
    assert set(grounded) == marked  # each grounded item has words; nothing else does
    article = re.search(r'<div class="text">(.*?)</div>', page, re.S)
    assert article is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", article.group(1))) == HOSTILE


def test_an_item_the_article_does_not_support_is_flagged_and_marks_nothing() -> None:
    text = "The council met on Monday and voted to close the bridge."
    briefing = brief(text, who=[{"n": "council", "k": "organisation", "r": "voted"}])
    missing = Evidence(quote="Atlantis Corp", start=None, end=None, grounded=False, match="none")
    atlantis = Actor(name="Atlantis Corp", kind="organisation", role="r", evidence=missing)
    page = to_html(briefing.model_copy(update={"who": [atlantis]}), text)
    tags = _Tags()
    tags.feed(page)
    (who,) = [a for t, a in tags.tags if t == "li" and (a.get("data-item") or "").startswith("who")]
    assert "ungrounded" in (who["class"] or "")
    assert "not found in the article" in page
    marks = [a["data-items"] or "" for t, a in tags.tags if t == "mark" and a.get("data-items")]
    assert who["data-item"] not in " ".join(marks).split()


def test_the_page_is_part_of_the_public_api() -> None:
    import summariser

    assert summariser.to_html is to_html and "to_html" in summariser.__all__


def test_the_policy_hashes_what_is_served() -> None:
    """The hashes are of the style and script as the page carries them, byte for byte."""
    page, _ = hostile_page()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    served = {tag: re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S) for tag in ("style", "script")}
    assert policy is not None and [len(found) for found in served.values()] == [1, 1]
    hashes = re.findall(r"(style|script)-src '(sha256-[^']+)'", html.unescape(policy.group(1)))
    assert dict(hashes) == {tag: _sha256(found[0]) for tag, found in served.items()}


def test_markup_is_written_by_templates_only() -> None:
    """No module of the page or the digest escapes by hand: autoescape does it everywhere."""
    from tests.support import ROOT

    folders = [ROOT / "summariser" / "briefing" / "page", ROOT / "summariser" / "batch" / "digest"]
    by_hand = [
        str(path.relative_to(ROOT))
        for folder in folders
        for path in folder.glob("*.py")
        if re.search(r"\bescape\(|from html import|import html\b|Markup\(f", path.read_text())
    ]
    assert by_hand == []
