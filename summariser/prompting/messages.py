"""Render the chat messages from the template files in prompts/ (shipped as summariser.prompts).

Templates fail loudly on a missing variable. The article is passed as a variable, never as
template source, so braces in an article are just characters. It is fenced by markers derived
from its own hash: an article cannot close a fence whose name it would need to contain.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, StrictUndefined, Template

from ..nlp import Candidate, References, read
from ..text import normalise
from .draft import Draft

__all__ = [
    "PROMPT_VERSION",
    "build_messages",
    "checklists",
    "prompt_examples",
    "prompt_hash",
    "read_packaged",
]

PROMPT_VERSION = "6"  # 6: no kinds asked (code decides them); places as plain names
_TEMPLATES = ("system.j2", "user.j2")


def read_packaged(package: str, name: str) -> str:
    """Text of a data file shipped inside the installed package (prompts/ or schemas/).

    Installed, the folders are the subpackages summariser.prompts and summariser.schemas;
    imported straight from a source checkout they are the top-level folders beside it.
    """
    try:
        folder = resources.files(f"summariser.{package}")
    except (ModuleNotFoundError, TypeError):
        folder = Path(__file__).resolve().parents[2] / package
    return folder.joinpath(name).read_text(encoding="utf-8")


@cache
def _template(name: str) -> Template:
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=False, autoescape=False)
    return env.from_string(read_packaged("prompts", name))


@cache
def prompt_hash() -> str:
    """Hash of everything that shapes the request: both templates and the draft schema."""
    digest = hashlib.sha256()
    for name in _TEMPLATES:
        digest.update(read_packaged("prompts", name).encode())
    digest.update(json.dumps(Draft.model_json_schema(), sort_keys=True).encode())
    return digest.hexdigest()[:12]


@cache
def prompt_examples() -> frozenset[str]:
    """The example phrases the instructions quote ("until 13 September", "a gunman"), in
    comparison form. A small model sometimes copies them into its answer as if the article
    said them; an item that is one of these and is not found in the article is such a copy."""
    quoted = re.findall(r'"([^"\n]+)"', read_packaged("prompts", "system.j2"))
    return frozenset(filter(None, map(normalise, quoted)))


def _fence(text: str, title: str | None) -> str:
    return hashlib.sha256(f"{title or ''}\0{text}".encode()).hexdigest()[:10]


def build_messages(
    text: str,
    references: References | None = None,
    *,
    title: str | None = None,
    output_language: str = "English",
) -> list[dict[str, str]]:
    """The system prompt (the same for every article, so its state can be kept) and the user
    message: the article, then its candidates as typed checklists for who and where (the most
    mentioned first) and when (in article order), found here unless the caller, who keeps
    them for the answer, passes them in."""
    references = references or read(text).references
    one_line_title = " ".join(title.split()) if title else None
    system = _template("system.j2").render(output_language=output_language)
    actors, places = checklists(references)
    user = _template("user.j2").render(
        fence=_fence(text, title),
        title=one_line_title,
        text=text,
        actors=actors,
        places=places,
        times=[c.text for c in references.of_kind("time")],
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def checklists(references: References | str) -> tuple[list[str], list[str]]:
    """(who, where) as the model is shown them: actors (names, unnamed people, countries)
    and places, those the article comes back to most first."""
    if isinstance(references, str):
        references = read(references).references
    actors = [c.text for c in references.by_mentions("name", "people", "place") if _is_actor(c)]
    places = [
        c.text for c in references.by_mentions("name", "place") if c.kind == "place" or c.also_place
    ]
    return actors, places


def _is_actor(candidate: Candidate) -> bool:
    """Names, unnamed people, and places that act (countries: "the US said")."""
    return candidate.kind in ("name", "people") or candidate.also_actor
