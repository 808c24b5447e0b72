"""The outlet that publishes the article is no actor of its story.

An editor lists who plays a part in the news, not the paper that reports it ("Ms Clinton told
the Independent", "a spokesman told The Washington Post"). The article's web address names its
outlet: the host's own label ("independent" of www.independent.co.uk), which a name matches
written whole ("Independent", "The Washington Post"), with a generic word after it ("BBC
News"), or as initials and a last word ("New York Post" of nypost.com).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["is_outlet", "outlet_of"]

# Host labels that say where or what kind a site is, not whose it is.
_GENERIC_LABELS = frozenset(
    " ".join(
        (
            "www www1 m mobile amp edition news com co org net gov edu ac info",
            "uk us de fr es it pt br au ca in ie nz za jp cn ru",
        )
    ).split()
)
# Words an outlet's name may add to its host's label ("BBC News", "MailOnline").
_GENERIC_TAILS = frozenset({"news", "online", "newspaper", "com"})


def outlet_of(url: str | None) -> str | None:
    """The label of the article's host that names its outlet ("independent"), or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    if not re.fullmatch(r"[a-z0-9.-]+", host.lower()):
        return None
    labels = [label for label in host.lower().split(".") if label not in _GENERIC_LABELS]
    return labels[-1] if labels else None


def is_outlet(name: str, outlet: str | None) -> bool:
    """Whether `name` names the outlet whose host label is `outlet`."""
    if not outlet or len(outlet) < 3:
        return False
    words = re.findall(r"[a-z0-9]+", name.lower())
    if words[:1] == ["the"]:
        words = words[1:]
    if not words:
        return False
    written = ("".join(words), "".join(w[0] for w in words[:-1]) + words[-1])
    for compact in written:
        rest = compact.removeprefix(outlet)
        if compact == outlet or (rest != compact and rest in _GENERIC_TAILS):
            return True
    return False
