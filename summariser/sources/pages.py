"""An article page (HTML) reduced to its body text, title and publication date.

trafilatura does the extraction; its date comes from page metadata (htmldate). Dates before
1900 are placeholders ("0001-01-01" in some JSON-LD) and are dropped rather than trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["Page", "extract_page"]

_EARLIEST = date(1900, 1, 1)
MIN_WORDS = 15  # fewer words than this is navigation ("Menu Home Subscribe"), not an article


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: date | None


def extract_page(html: bytes | str, url: str | None = None) -> Page | None:
    """The page's article, or None when it has no extractable body."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    text = getattr(document, "text", None)
    if document is None or not text or len(text.split()) < MIN_WORDS:
        return None
    return Page(
        text=text.strip(),
        title=getattr(document, "title", None) or None,
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
