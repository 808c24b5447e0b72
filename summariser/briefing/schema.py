"""The briefing: the public contract users and other tools read.

Field names are fixed; change them only with a new SCHEMA_VERSION. The JSON Schema of this
model lives in schemas/briefing.schema.json (regenerate with `summarise schema --write`).
What the model is asked to fill is a smaller shape, in prompting/draft.py; code turns that into
this (pipeline/assemble.py).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ITEM_LISTS",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Allegation",
    "AllegationStatus",
    "Briefing",
    "EventDate",
    "Evidence",
    "Place",
    "PlaceKind",
    "RunInfo",
    "Source",
    "Stake",
    "TimeRef",
    "Usage",
]

# The briefing's lists of items, in reading order.
ITEM_LISTS = ("who", "where", "when", "allegations", "stakes")
SCHEMA_VERSION = "1.2"  # 1.2: cached prompt tokens, prefill and decode seconds

ActorKind = Literal["person", "organisation", "country", "group", "other"]
PlaceKind = Literal["country", "region", "city", "facility", "other"]
AllegationStatus = Literal["alleged", "denied", "confirmed", "disputed", "reported"]
MatchKind = Literal["exact", "normalised", "fuzzy", "none"]

ISO_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Item):
    """Where an item sits in the article; offsets are computed by code, never by the model."""

    quote: str = Field(description="Words of the article that support the item.")
    start: int | None = Field(
        description="Start offset in the article text, in Unicode code points (Python slicing)."
    )
    end: int | None = Field(description="End offset (exclusive); text[start:end] is the quote.")
    grounded: bool = Field(description="True when the quote was found in the article.")
    match: MatchKind = Field(description="How it was found: exact, normalised, fuzzy or none.")


class Actor(_Item):
    name: str
    kind: ActorKind
    role: str = Field(description="Their part in this story.")
    evidence: Evidence


class Place(_Item):
    name: str
    kind: PlaceKind
    evidence: Evidence


class TimeRef(_Item):
    text: str = Field(description="The time phrase as written in the article.")
    date: str | None = Field(
        pattern=ISO_DATE_PATTERN,
        description="ISO date (YYYY-MM-DD, YYYY-MM or YYYY) resolved against the publication "
        "date; null when the phrase does not support one.",
    )
    event: str = Field(description="What happens then.")
    evidence: Evidence


class EventDate(_Item):
    """When the main event happened, as one day: what a reader asks first of "when"."""

    date: str = Field(description="ISO date (YYYY-MM-DD) of the main event.")
    basis: Literal["time phrase", "publication date"] = Field(
        description="'time phrase': resolved from `text`; 'publication date': the article "
        "names no recent day, so the day it was published stands in."
    )
    text: str | None = Field(default=None, description="The time phrase it was resolved from.")


class Allegation(_Item):
    claim: str
    made_by: str = Field(description="Who asserts the claim.")
    against: str | None = Field(description="Who is accused, if anyone.")
    status: AllegationStatus
    evidence: Evidence


class Stake(_Item):
    what: str = Field(description="What is at risk or could follow.")
    for_whom: str
    evidence: Evidence


class Source(_Item):
    title: str | None = None
    url: str | None = None
    published: date | None = None


class Usage(_Item):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    cached_prompt_tokens: int = Field(
        default=0, description="Prompt tokens the model kept from an earlier call, not evaluated."
    )

    def __add__(self, other: Usage) -> Usage:
        """Two calls' tokens together (a briefing's draft and its closed questions)."""
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
            cached_prompt_tokens=self.cached_prompt_tokens + other.cached_prompt_tokens,
        )


class RunInfo(_Item):
    """How the briefing was made: enough to reproduce it and to account for its cost."""

    model: str
    provider: Literal["embedded", "openai-compatible"]
    prompt_version: str
    prompt_hash: str
    schema_version: str = SCHEMA_VERSION
    usage: Usage
    attempts: int = Field(description="Model calls made, re-asks included.")
    seconds: float = Field(description="Wall time of the whole call.")
    model_seconds: float = Field(description="Time spent waiting for the model.")
    prefill_seconds: float | None = Field(
        default=None,
        description="Reading the prompt, when the endpoint says (the embedded one does).",
    )
    decode_seconds: float | None = Field(
        default=None, description="Writing the answer, token by token, when the endpoint says."
    )
    questions: int = Field(
        default=0,
        description="Closed questions asked after the draft, one per allegation (vetting); "
        "their tokens and time are in usage and model_seconds.",
    )
    warnings: list[str] = Field(default_factory=list)


class Briefing(_Item):
    headline: str
    summary: str = Field(description="The bottom line in at most three sentences.")
    language: str = Field(description="ISO 639-1 code of the article's language.")
    who: list[Actor]
    where: list[Place]
    when: list[TimeRef]
    event_date: EventDate | None = Field(
        default=None, description="The main event's day; null without a publication date."
    )
    allegations: list[Allegation]
    stakes: list[Stake]
    source: Source = Field(default_factory=Source)
    meta: RunInfo | None = None

    def items(self) -> list[Actor | Place | TimeRef | Allegation | Stake]:
        """Every grounded-or-not item, in reading order of the sections."""
        return [item for name in ITEM_LISTS for item in getattr(self, name)]
