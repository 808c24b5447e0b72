"""The shell every page of ours shares: one HTML document that needs nothing outside itself.

Its style and script are inline, and its Content-Security-Policy allows exactly those by the
hashes of the very text served (document.html.j2 inserts them unchanged) and nothing else: no
network, no other script, no inline handler. So even markup that escaped escaping could
neither run nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence

from .templates import Markup, asset, render

__all__ = ["asset", "document"]


def document(
    *, title: str, lang: str, body: Markup, styles: Sequence[str], scripts: Sequence[str]
) -> str:
    """A whole page: `body` (rendered markup) with `styles` as its one style and `scripts` as
    its one script, each joined in the order given."""
    css, js = Markup("\n".join(styles)), Markup("\n".join(scripts))  # our own files, as they are
    policy = (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return str(
        render("document.html.j2", title=title, lang=lang, policy=policy, body=body, css=css, js=js)
    )


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
