"""An article page (HTML) reduced to its body text, title and publication date.

trafilatura does the extraction; its date comes from page metadata (htmldate). Dates before
1900 are placeholders ("0001-01-01" in some JSON-LD) and are dropped rather than trusted.
The body's first line is dropped when it only repeats the title, which reader and model get
as the title already (trafilatura keeps the page's <h1>).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .encodings import markup_as_utf8

__all__ = ["Page", "extract_page", "without_title"]

_EARLIEST = date(1900, 1, 1)
MIN_WORDS = 15  # fewer words than this is navigation ("Menu Home Subscribe"), not an article


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: date | None


def extract_page(
    html: bytes | str, url: str | None = None, charset: str | None = None
) -> Page | None:
    """The page's article, or None when it has no extractable body (InputError for bytes
    that break their own byte-order mark); `charset` is the one its server sent."""
    import trafilatura

    if isinstance(html, bytes):
        html = markup_as_utf8(html, charset)
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    text = getattr(document, "text", None)
    if document is None or not text or len(text.split()) < MIN_WORDS:
        return None
    title = getattr(document, "title", None) or None
    return Page(
        text=without_title(text.strip(), title),
        title=title,
        published=_plausible_date(getattr(document, "date", None)),
    )


def _plausible_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day if day >= _EARLIEST else None


_SEPARATORS = ("|", "-", "–", "—", ":", "·", "•", "::")  # between a headline and a site's name


def without_title(text: str, title: str | None) -> str:
    """The text less its first line where that line is the title, or the title less a site's
    name after a separator ("Headline | Site"); the text as it was otherwise."""
    first, _, rest = text.partition("\n")
    line, name = _comparable(first), _comparable(title or "")
    if not line or not name or not rest.strip():
        return text
    if line == name or (
        name.startswith(line) and name[len(line) :].lstrip().startswith(_SEPARATORS)
    ):
        return rest.lstrip("\n")
    return text


def _comparable(value: str) -> str:
    """Case, quotes, dashes and spacing folded: the same headline typed twice compares equal."""
    folded = unicodedata.normalize("NFKC", value).casefold()
    folded = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`]", "'", folded)
    folded = re.sub(r"[\u201c\u201d\u201e\u201f\u2033«»]", '"', folded)
    return " ".join(folded.split()).strip(" .")
