"""The briefing as one self-contained HTML page, beside the article with its evidence marked.

view.py      the briefing pane and the article pane, marks and all (a digest reuses it)
document.py  the page shell: inline style and script, allowed by hash and nothing else
templates.py Jinja2 with autoescape: the *.html.j2 beside the code write every page's markup
page.css     how a view looks;  page.js  items and marks linked, in every view on a page

Choosing an item emphasises its words; choosing highlighted words shows the items resting on
them. An item the article does not support is flagged and has no words.
"""

from __future__ import annotations

from ..schema import Briefing
from .document import document
from .templates import Markup, asset, render
from .view import view

__all__ = ["Markup", "asset", "document", "render", "to_html", "view"]


def to_html(briefing: Briefing, text: str) -> str:
    """The page for `briefing` of the article `text` (the text its offsets index)."""
    body = render("page.html.j2", view=view(briefing, text), line=_footer(briefing))
    return document(
        title=briefing.headline,
        lang=briefing.language,
        body=body,
        styles=[asset("page.css")],
        scripts=[asset("page.js")],
    )


def _footer(briefing: Briefing) -> str | None:
    """How the briefing was made, in one line of text; None where that is not known."""
    meta = briefing.meta
    if meta is None:
        return None
    usage = meta.usage
    split = ""
    if meta.prefill_seconds is not None and meta.decode_seconds is not None:
        split = f" (prefill {meta.prefill_seconds:.1f} s, decode {meta.decode_seconds:.1f} s)"
    cached = f", {usage.cached_prompt_tokens} cached" if usage.cached_prompt_tokens else ""
    line = (
        f"{meta.model} ({meta.provider}) · prompt {meta.prompt_version} ({meta.prompt_hash}) · "
        f"{meta.seconds:.1f} s{split} · {usage.prompt_tokens} prompt{cached} + "
        f"{usage.completion_tokens} completion tokens"
    )
    return line
