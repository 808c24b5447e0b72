"""Feeds and pages in any encoding XML 1.0's Appendix F names, read as their UTF-8 originals.

Real material from the evaluation set (the Guardian's RSS feed, the Al Bawaba and Jaraguá do
Sul pages) is written again in UTF-16 and UTF-32, both byte orders, with and without a
byte-order mark, its declaration saying so; in EBCDIC; and in windows-1252 named only by a
<meta> charset. Files without a suffix, so the content itself must be recognised. Each must
give the articles its UTF-8 original gives.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from summariser.sources.articles import Article
from summariser.sources.encodings import markup_as_utf8, markup_encoding
from summariser.sources.inputs import InputProblem, read_inputs
from tests.support import EVAL

FEED = EVAL / "feeds" / "rss-parser__guardian.rss"
RDF = EVAL / "feeds" / "rss-parser__rss-1.rss"
PAGE = EVAL / "html" / "dc7ccccc1f34.html"  # Al Bawaba: Assange
PORTUGUESE = EVAL / "html" / "f6ac15a4d985.html"

FORMS = {
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}
CASES = [(codec, mark) for codec in FORMS for mark in (False, True)]


def articles_of(path: Path) -> list[tuple[str, str | None, str, object]]:
    items = list(read_inputs([str(path)]))
    found = [i for i in items if isinstance(i, Article)]
    assert found, [str(i) for i in items]
    return [(a.id, a.title, a.text, a.published) for a in found]


def written(tmp_path: Path, name: str, text: str, codec: str, mark: bool) -> Path:
    path = tmp_path / name  # no suffix: the bytes alone say what this is
    path.write_bytes((FORMS[codec] if mark else b"") + text.encode(codec))
    return path


@pytest.mark.parametrize(("codec", "mark"), CASES)
def test_a_feed_in_utf16_or_utf32_reads_as_its_utf8_original(
    tmp_path: Path, codec: str, mark: bool
) -> None:
    original = FEED.read_text(encoding="utf-8")
    assert original.startswith('<?xml version="1.0" encoding="utf-8"?>')
    family = codec[:6].upper()  # "UTF-16", "UTF-32": what such a declaration says
    text = original.replace('encoding="utf-8"', f'encoding="{family}"', 1)
    path = written(tmp_path, "feed", text, codec, mark)
    assert b"\x00" in path.read_bytes()[:8]
    expected = articles_of(FEED)
    assert len(expected) == 55
    assert articles_of(path) == expected


@pytest.mark.parametrize(("codec", "mark"), CASES)
def test_a_page_in_utf16_or_utf32_reads_as_its_utf8_original(
    tmp_path: Path, codec: str, mark: bool
) -> None:
    path = written(tmp_path, "page", PAGE.read_text(encoding="utf-8"), codec, mark)
    expected = articles_of(PAGE)
    assert "Assange" in expected[0][2]
    assert articles_of(path) == expected


def test_the_first_four_bytes_name_the_encoding_without_a_mark() -> None:
    declaration = '<?xml version="1.0" encoding="UTF-16"?><rss/>'
    found = {codec: markup_encoding(declaration.encode(codec)) for codec in FORMS}
    assert {c: (f.codec, f.how) if f else None for c, f in found.items()} == {
        codec: (codec, "first four bytes") for codec in FORMS
    }
    marked = markup_encoding(codecs.BOM_UTF32_LE + declaration.encode("utf-32-le"))
    assert marked is not None and (marked.codec, marked.how) == ("utf-32-le", "byte-order mark")
    assert markup_encoding(b'<?xml version="1.0"?><rss/>') is None  # UTF-8: nothing to do


def test_a_feed_in_ebcdic_is_read_by_its_declaration(tmp_path: Path) -> None:
    original = RDF.read_text(encoding="utf-8")
    text = original.replace('encoding="UTF-8"', 'encoding="IBM037"', 1)
    path = tmp_path / "feed"
    path.write_bytes(text.encode("cp037"))
    assert path.read_bytes()[:4] == b"\x4c\x6f\xa7\x94"
    assert articles_of(path) == articles_of(RDF)


def test_a_page_named_windows_1252_by_its_meta_charset(tmp_path: Path) -> None:
    original = PORTUGUESE.read_text(encoding="utf-8")
    text = original.replace("charset=UTF-8", "charset=windows-1252", 1)
    path = tmp_path / "page"
    path.write_bytes(text.encode("cp1252", errors="xmlcharrefreplace"))
    found = markup_encoding(path.read_bytes())
    assert found is not None and (found.codec, found.how) == ("cp1252", "meta charset")
    expected = articles_of(PORTUGUESE)
    assert "Serviço de Atendimento Domiciliar" in expected[0][2]
    assert articles_of(path) == expected


def test_bytes_that_break_their_own_mark_are_one_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.write_bytes(codecs.BOM_UTF16_LE + "<rss>".encode("utf-16-le") + b"\x00\xd8")
    unusual = tmp_path / "unusual"
    unusual.write_bytes(b"\x00\x00\x3c\x00" + b"\x00\x00\x3f\x00")
    items = list(read_inputs([str(broken), str(unusual)]))
    assert [(type(i), str(i)) for i in items] == [
        (InputProblem, f"{broken}: not valid UTF-16-LE despite its byte-order mark"),
        (
            InputProblem,
            f"{unusual}: UCS-4 in an unusual byte order (2143 or 3412), which cannot be read",
        ),
    ]


def test_a_servers_charset_comes_after_the_mark_and_the_zeros() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><p>Café</p>'
    cp1252 = page.encode("cp1252")
    found = markup_encoding(cp1252, "windows-1252")
    assert found is not None and (found.codec, found.how) == ("cp1252", "HTTP charset")
    assert markup_as_utf8(cp1252, "windows-1252") == page.encode()
    marked = codecs.BOM_UTF16_LE + page.encode("utf-16-le")
    assert markup_as_utf8(marked, "windows-1252") == page.encode()  # the mark wins
    zeros = page.encode("utf-16-be")
    assert markup_as_utf8(zeros, "utf-8") == page.encode()  # "<" in zeros: not UTF-8
    assert markup_as_utf8(page.encode(), "iso-8859-1") == page.encode()  # a Latin default
    assert markup_as_utf8(cp1252, "utf-8") == cp1252  # a wrong label: detection decides
    html = '<!DOCTYPE html><html><head><meta charset="windows-1252"><p>Café</p>'
    utf8 = html.replace("windows-1252", "utf-8").encode()
    assert markup_as_utf8(html.encode("cp1252"), "utf-8") == utf8  # then the page's own word


def test_a_wrong_declaration_leaves_the_bytes_to_detection() -> None:
    """A declaration that lies (common) decides nothing: the parser's detection reads it."""
    lying = b'<?xml version="1.0" encoding="utf-16" ?><rss/>'  # even: it would decode
    assert len(lying) % 2 == 0 and markup_as_utf8(lying) == lying  # ASCII bytes: not UTF-16
    latin = '<?xml version="1.0" encoding="utf-8"?><rss><title>Café</title></rss>'.encode("latin-1")
    assert markup_as_utf8(latin) == latin
