"""The encoding of a feed's or page's bytes, found as XML 1.0 (Appendix F) says, then UTF-8.

In order: a byte-order mark; else the first four bytes where they spell "<" in UTF-32 or
UTF-16 without a mark; else the charset the server sent (Content-Type, the external
information F.2 puts before the document's own word, unless it is a Latin-1 default over
bytes that are plainly UTF-8); else EBCDIC's "<?xm"; else the encoding the XML declaration
names (or, in HTML, a <meta> charset in the first 1024 bytes); else nothing is decided here
and the parser's own detection reads the bytes (feedparser's chardet, trafilatura's
charset_normalizer).
Markup whose encoding was found is handed on re-encoded as UTF-8, its declaration (or meta
charset) saying so, so sniffing, feedparser and trafilatura all read one encoding.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

__all__ = ["Encoding", "charset_of", "markup_as_utf8", "markup_encoding"]

# The UTF-32 LE mark begins with the UTF-16 LE one, so UTF-32 is tried first.
_MARKS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF8, "utf-8"),
)
_UNUSUAL = (b"\x00\x00\x3c\x00", b"\x00\x3c\x00\x00", b"\x00\x00\xff\xfe", b"\xfe\xff\x00\x00")
_EBCDIC = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC; the declaration names which code page
# Each as (what comes before the name)(the name), for bytes (to read) and text (to rewrite).
_DECLARATION = r"""^(\s*<\?xml\s[^>]*?encoding\s*=\s*["'])([A-Za-z][\w.:-]*)"""
_META = r"""(<meta\s[^>]*?charset\s*=\s*["']?\s*)([A-Za-z][\w.:-]*)"""
_DECLARED, _DECLARED_TEXT = re.compile(_DECLARATION.encode()), re.compile(_DECLARATION)
_META_BYTES, _META_TEXT = re.compile(_META.encode(), re.I), re.compile(_META, re.I)
_HTML = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z][\w.:-]*)""", re.IGNORECASE)
_WIDE = (("utf-32-be", 4), ("utf-32-le", 4), ("utf-16-be", 2), ("utf-16-le", 2))
_START = frozenset(b"< \t\r\n")  # what markup may begin with
_LATIN_DEFAULTS = frozenset({"iso8859-1", "cp1252", "ascii"})  # servers' defaults


@dataclass(frozen=True)
class Encoding:
    codec: str  # a Python codec name
    how: str  # "byte-order mark", "HTTP charset", "first four bytes", "XML declaration", ...
    skip: int = 0  # bytes of the mark


def markup_encoding(data: bytes, charset: str | None = None) -> Encoding | None:
    """How the bytes say they are encoded, or None where only detection can tell; `charset`
    is the one a server sent with them."""
    head = data[:4]
    if head in _UNUSUAL:
        raise InputError("UCS-4 in an unusual byte order (2143 or 3412), which cannot be read")
    for mark, codec in _MARKS:
        if data.startswith(mark):
            return Encoding(codec, "byte-order mark", len(mark))
    for codec, width in _WIDE:  # "<" spelt with zeros is that, whatever a server says
        if _begins_in(head, codec, width):
            return Encoding(codec, "first four bytes")
    sent = _codec(charset.encode("ascii", "replace")) if charset else None
    if sent and not (sent in _LATIN_DEFAULTS and _plainly_utf8(data)):
        return Encoding(sent, "HTTP charset")
    if head == _EBCDIC:
        declared = _DECLARED.match(data[:200].decode("cp037").encode("ascii", "replace"))
        page = _codec(declared.group(2)) if declared else None
        return Encoding(page or "cp037", "first four bytes")
    declared = _DECLARED.match(data[:200])
    if declared:  # read in ASCII-compatible bytes, so a UTF-16 or UTF-32 name is wrong
        codec = _codec(declared.group(2))
        sixteen = codec is not None and codec.startswith(("utf-16", "utf-32"))
        return Encoding(codec, "XML declaration") if codec and not sixteen else None
    meta = _META_BYTES.search(data[:1024]) if _HTML.search(data[:1024]) else None
    if meta:
        codec = _codec(meta.group(2))
        return Encoding(codec, "meta charset") if codec else None
    return None


def markup_as_utf8(data: bytes, charset: str | None = None) -> bytes:
    """The markup as UTF-8 where its encoding is known, else the bytes as they came.

    Bytes that break their own mark or first four bytes are refused (InputError); a wrong
    server charset, declaration or meta charset is common, so then the next way decides.
    """
    found = markup_encoding(data, charset)
    if found is None or (found.codec == "utf-8" and not found.skip and found.how != "HTTP charset"):
        return data
    try:
        text = data[found.skip :].decode(found.codec)
    except UnicodeDecodeError:
        if found.how in ("byte-order mark", "first four bytes"):
            name = found.codec.upper()
            raise InputError(f"not valid {name} despite its {found.how}") from None
        return markup_as_utf8(data) if found.how == "HTTP charset" else data
    if found.skip and not text.lstrip().startswith("<"):
        return data  # a text file with a mark, not markup: read as text
    text = _DECLARED_TEXT.sub(r"\1utf-8", text, count=1)
    head, rest = text[:1024], text[1024:]  # a page's <meta> says so too
    return (_META_TEXT.sub(r"\1utf-8", head, count=1) + rest).encode("utf-8")


def charset_of(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header ("text/html; charset=UTF-8")."""
    found = _CHARSET.search(content_type)
    return found.group(1) if found else None


def _plainly_utf8(data: bytes) -> bool:
    """Valid UTF-8 with non-ASCII in it: no Latin-1 text looks like that by chance."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()


def _begins_in(head: bytes, codec: str, width: int) -> bool:
    """Whether the first character (and the second, for UTF-16) is ASCII markup in `codec`."""
    if len(head) < 4 or b"\x00" not in head:
        return False
    try:
        chars = head.decode(codec)
    except UnicodeDecodeError:
        return False
    if width == 2 and "\x00" in chars:
        return False  # a NUL: UTF-32's zeros read as UTF-16
    return ord(chars[0]) in _START and all(0 < ord(c) < 128 for c in chars)


def _codec(name: bytes) -> str | None:
    try:
        return codecs.lookup(name.decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
