"""The two pure stages around the model call: `prepare` before it, `finish` after it.

    prepare(text, …) → Request      check the article, fit it, withhold injected lines,
                                    number its sentences and candidates, build the messages
    (the model answers the Request's messages with a draft: client.py)
    finish(request, draft) → Briefing   ground, date, amend and merge: the briefing
    (the model is asked about each allegation: client.py's `vet`; what it drops, finish leaves
    out in a second assembly)

Both are plain functions of picklable values, so a batch can run them in worker processes
while its event loop keeps the requests moving; `Summariser` runs them in its own process.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .briefing.published import parse_published
from .briefing.schema import Briefing
from .nlp import References, read
from .pipeline.assemble import assemble
from .prompting.article import read_for_model
from .prompting.draft import Draft
from .prompting.messages import build_messages

__all__ = ["Request", "finish", "prepare"]


@dataclass(frozen=True)
class Request:
    """One article made ready for the model, and what finishing its answer needs."""

    messages: list[dict[str, str]]  # what the model is asked
    references: References  # the sentences and candidates its answer cites
    ground_in: str  # what grounding searches: the article, less passages addressed to machines
    published: date | None
    title: str | None
    url: str | None
    warnings: tuple[str, ...]  # for the briefing's meta: cut to fit, withheld lines, no date


def prepare(
    text: str,
    *,
    published: date | datetime | str | None = None,
    title: str | None = None,
    url: str | None = None,
    max_chars: int = 0,
    output_language: str = "English",
) -> Request:
    """The article as a request; InputError when the text or the date cannot be used."""
    day = parse_published(published)
    shown = read_for_model(text, max_chars)
    warnings = shown.warnings
    if not day:
        warnings += ("no publication date: relative dates left unresolved",)
    references = read(shown.read).references
    return Request(
        messages=build_messages(
            shown.read, references, title=title, output_language=output_language
        ),
        references=references,
        ground_in=shown.ground_in,
        published=day,
        title=title,
        url=url,
        warnings=warnings,
    )


def finish(
    request: Request,
    draft: Draft | Mapping[str, Any],
    *,
    strict: bool = False,
    dropped: Collection[tuple[str, int | None]] = (),
) -> Briefing:
    """The briefing from the model's draft (or the draft as plain data, as it crosses to a
    worker process), less the allegations vetting `dropped`; without `meta`, which only the
    caller that timed the call can write."""
    if not isinstance(draft, Draft):
        draft = Draft.model_validate(draft)
    return assemble(
        draft,
        request.ground_in,
        request.references,
        published=request.published,
        title=request.title,
        url=request.url,
        strict=strict,
        dropped=dropped,
    )
