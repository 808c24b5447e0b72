"""The shell every page of ours shares: one HTML document that needs nothing outside itself.

Its style and script are inline, and its Content-Security-Policy allows exactly those by their
hashes and nothing else: no network, no other script, no inline handler. So even markup that
escaped escaping could neither run nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from html import escape
from importlib import resources

__all__ = ["asset", "document"]


def document(
    *, title: str, lang: str, body: str, styles: Sequence[str], scripts: Sequence[str]
) -> str:
    """A whole page: `body` (already escaped HTML) with `styles` as its one style and
    `scripts` as its one script, each joined in the order given."""
    css, js = "\n".join(styles), "\n".join(scripts)
    policy = (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{escape(lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{css}</style>",
            "</head>",
            "<body>",
            body,
            f"<script>{js}</script>",
            "</body>",
            "</html>",
        ]
    )


@cache
def asset(name: str, package: str = __package__ or "") -> str:
    """A file shipped beside the code: this folder's (page.css, page.js) or `package`'s."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
