"""What the model fills: its decisions, citing the article; code writes the rest.

The model reads the article and checklists of the names, places and time phrases code found
in it (references.py). It cites them: a person, place or time is a checklist entry, which code
matches and writes in the article's own words (a name of its own is grounded like any other);
a claim or a stake is its own few words, and code quotes the sentence that says it whole. It
writes only what no code can: a headline, a summary, roles, claims and stakes, and which of
the checklists' entries matter. No kinds (a small model called people, cities and a hashtag
"country"; the reading's entity types and gazetteers decide, pipeline/kinds.py), quotes,
offsets, dates, statuses or language code: code writes those from the references
(pipeline/assemble.py). Citing by number was tried first: the embedded
model numbered its lists 1, 2, 3 ... instead of choosing, and cited sentences by their
subjects' names rather than their first words (BENCHMARKS.md). Keys are short
because every key of every item is a token or two the model writes on a slow CPU. Limits are
declared in the JSON Schema (so a grammar can enforce them) but repaired, not raised, on
validation: a re-ask at temperature 0 tends to repeat the same answer, so a too-long list is
clipped and an over-long string cut back to a whole word instead of costing another call.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Annotated, Any, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, WithJsonSchema

__all__ = [
    "CLAIM_CHARS",
    "Draft",
    "DraftActor",
    "DraftAllegation",
    "DraftStake",
    "Reference",
]


def _squash(max_chars: int) -> Callable[[Any], Any]:
    """Spacing folded, and a string that reaches the cap (the grammar stops a model there,
    mid-word as often as not) cut back to its last whole word."""

    def clip(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        folded = " ".join(value.split())
        if len(folded) < max_chars:
            return folded
        cut = folded[: max_chars + 1]
        return cut.rsplit(" ", 1)[0].rstrip(",;:") if " " in cut else folded[:max_chars]

    return clip


def _mend_surrogates(value: Any) -> Any:
    """`value` with every lone surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_mend_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_mend_surrogates(k): _mend_surrogates(v) for k, v in value.items()}
    return value


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _clip_list(max_items: int) -> Callable[[Any], Any]:
    def clip(value: Any) -> Any:
        if isinstance(value, list):
            return [v for v in value if v not in (None, {}, "")][:max_items]
        return value

    return clip


# Strings the schema caps (so a grammar enforces it) and validation trims instead of rejecting.
Name = Annotated[
    str, BeforeValidator(_squash(60)), WithJsonSchema({"type": "string", "maxLength": 60})
]
Line = Annotated[
    str, BeforeValidator(_squash(160)), WithJsonSchema({"type": "string", "maxLength": 160})
]
Short = Annotated[
    str, BeforeValidator(_squash(60)), WithJsonSchema({"type": "string", "maxLength": 60})
]
Phrase = Annotated[
    str, BeforeValidator(_squash(40)), WithJsonSchema({"type": "string", "maxLength": 40})
]
CLAIM_CHARS = 100
Claim = Annotated[
    str,
    BeforeValidator(_squash(CLAIM_CHARS)),
    WithJsonSchema({"type": "string", "maxLength": CLAIM_CHARS}),
]
Paragraph = Annotated[
    str, BeforeValidator(_squash(360)), WithJsonSchema({"type": "string", "maxLength": 360})
]


# A name copied from a checklist (code writes the candidate's own words), or one of its own.
Reference = Name


def _name_of(value: Any) -> Any:
    """A place the model wrote as an object ({"n": "Lyon", "k": "city"}), as its name: the
    shape an endpoint without a grammar may answer in."""
    return value.get("n") if isinstance(value, dict) else value


PlaceReference = Annotated[Reference, BeforeValidator(_name_of)]


class _DraftItem(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class DraftActor(_DraftItem):
    ref: Reference = Field(alias="n", description="Name, from the checklist.")
    role: Phrase = Field(alias="r", description="Their part in this story, in a few words.")


# (The docstring below is part of the JSON Schema the model is sent; edit it with the cassettes.)
class DraftAllegation(_DraftItem):
    """Source first: a model that names whose claim it is before it sums it up keeps to what
    that source said."""

    made_by: Reference = Field(alias="by", description="Whose claim it is.")
    claim: Claim = Field(alias="c", description="What is claimed, in a few words.")
    against: Reference | None = Field(alias="vs", description="Who is accused, or null.")


class DraftStake(_DraftItem):
    what: Short = Field(alias="w", description="What is at risk or could follow.")
    for_whom: Reference = Field(alias="f", description="For whom.")


class Draft(_DraftItem):
    """The model's answer. Field order is the order a small model writes them in."""

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:  # pyright: ignore[reportIncompatibleMethodOverride]
        """As pydantic's, but JSON that pydantic's strict parser refuses and Python's reads
        (a lone surrogate escape such as "\\ud83d", which a JSON grammar lets a model write)
        is read by Python's, lone surrogates becoming U+FFFD: one bad character must not
        cost the whole answer, nor a re-ask that tends to repeat it."""
        try:
            return super().model_validate_json(json_data, **options)
        except ValidationError as error:
            if [e["type"] for e in error.errors()] != ["json_invalid"]:
                raise
            try:
                data = json.loads(json_data)
            except ValueError:
                raise error from None
            return cls.model_validate(_mend_surrogates(data), **options)

    headline: Line
    summary: Paragraph = Field(description="The bottom line in at most three sentences.")
    # minItems is declared, not validated: it makes a grammar write at least two (a 1.5B model
    # otherwise writes [] even for plain accusations); an endpoint may still answer [].
    allegations: Annotated[
        list[DraftAllegation],
        BeforeValidator(_clip_list(3)),
        Field(json_schema_extra={"minItems": 2, "maxItems": 3}),
    ]
    who: Annotated[
        list[DraftActor], BeforeValidator(_clip_list(8)), Field(json_schema_extra={"maxItems": 8})
    ]
    where: Annotated[
        list[PlaceReference],
        BeforeValidator(_clip_list(6)),
        Field(json_schema_extra={"maxItems": 6}),
    ]
    when: Annotated[
        list[Phrase], BeforeValidator(_clip_list(3)), Field(json_schema_extra={"maxItems": 3})
    ]
    stakes: Annotated[
        list[DraftStake], BeforeValidator(_clip_list(2)), Field(json_schema_extra={"maxItems": 2})
    ]
