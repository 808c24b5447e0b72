"""Markup by templates: every page of ours is a Jinja2 template shipped beside its code, rendered
with autoescape on, so whatever an article or a model wrote can only ever be text.

A value is markup only where our own code made it (a rendered template, our style and script),
never by an escape call someone has to remember. A missing variable fails loudly.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

__all__ = ["Markup", "asset", "render"]

_HERE = __package__ or ""


@cache
def asset(name: str, package: str = _HERE) -> str:
    """A file shipped beside the code: this folder's (page.css, page.js, *.html.j2) or
    `package`'s."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def render(name: str, package: str = _HERE, **context: Any) -> Markup:
    """The template `name` of `package` (this folder's by default) filled with `context`."""
    return Markup(_environment(package).get_template(name).render(**context))


@cache
def _environment(package: str) -> Environment:
    return Environment(
        loader=FunctionLoader(lambda name: asset(name, package)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,  # a line holding only a {% tag %} leaves no line behind
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
