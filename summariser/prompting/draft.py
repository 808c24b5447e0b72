"""What the model is asked to fill: the briefing minus everything code can compute.

No offsets, no ISO dates: the model copies phrases, code grounds and resolves them.
Limits are declared in the JSON Schema (so a grammar can enforce them) but repaired, not
raised, on validation: a re-ask at temperature 0 tends to repeat the same answer, so a too-long
list is clipped and an unknown kind becomes "other" instead of costing another call.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Annotated, Any, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, WithJsonSchema
from typing_extensions import Self

from ..briefing.schema import ActorKind, AllegationStatus, PlaceKind

__all__ = ["Draft", "DraftActor", "DraftAllegation", "DraftPlace", "DraftStake", "DraftTime"]


def _squash(max_chars: int) -> Callable[[Any], Any]:
    def clip(value: Any) -> Any:
        if isinstance(value, str):
            return " ".join(value.split())[:max_chars]
        return value

    return clip


def _coerce(literal: Any, synonyms: dict[str, str]) -> Callable[[Any], Any]:
    """Map case variants and synonyms onto the enum's values, else onto "other"."""
    allowed = get_args(literal)
    fallback = "other" if "other" in allowed else allowed[0]

    def coerce(value: Any) -> Any:
        key = str(value).strip().lower() if value is not None else ""
        key = synonyms.get(key, key)
        return key if key in allowed else fallback

    return coerce


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


_ACTOR_SYNONYMS = {
    "organization": "organisation",
    "company": "organisation",
    "agency": "organisation",
    "institution": "organisation",
    "government": "organisation",
    "media": "organisation",
    "people": "group",
    "state": "country",
    "nation": "country",
    "individual": "person",
}
_PLACE_SYNONYMS = {
    "state": "region",
    "province": "region",
    "continent": "region",
    "town": "city",
    "village": "city",
    "port": "city",
    "building": "facility",
    "site": "facility",
    "campus": "facility",
    "venue": "facility",
}
_STATUS_SYNONYMS = {"claimed": "alleged", "accused": "alleged", "rejected": "denied"}


# Strings the schema caps (so a grammar enforces it) and validation trims instead of rejecting.
Code = Annotated[
    str, BeforeValidator(_squash(8)), WithJsonSchema({"type": "string", "maxLength": 8})
]
Phrase = Annotated[
    str, BeforeValidator(_squash(60)), WithJsonSchema({"type": "string", "maxLength": 60})
]
Name = Annotated[
    str, BeforeValidator(_squash(80)), WithJsonSchema({"type": "string", "maxLength": 80})
]
Line = Annotated[
    str, BeforeValidator(_squash(160)), WithJsonSchema({"type": "string", "maxLength": 160})
]
Sentence = Annotated[
    str, BeforeValidator(_squash(240)), WithJsonSchema({"type": "string", "maxLength": 240})
]
Paragraph = Annotated[
    str, BeforeValidator(_squash(600)), WithJsonSchema({"type": "string", "maxLength": 600})
]

ActorKindIn = Annotated[ActorKind, BeforeValidator(_coerce(ActorKind, _ACTOR_SYNONYMS))]
PlaceKindIn = Annotated[PlaceKind, BeforeValidator(_coerce(PlaceKind, _PLACE_SYNONYMS))]
StatusIn = Annotated[AllegationStatus, BeforeValidator(_coerce(AllegationStatus, _STATUS_SYNONYMS))]


class _DraftItem(BaseModel):
    model_config = ConfigDict(extra="ignore")


class DraftActor(_DraftItem):
    name: Name = Field(description="Name as written in the article, in full.")
    kind: ActorKindIn
    role: Line = Field(description="Their part in this story, in a few words.")


class DraftPlace(_DraftItem):
    name: Name = Field(description="Place name as written in the article.")
    kind: PlaceKindIn


class DraftTime(_DraftItem):
    text: Phrase = Field(description="Time phrase copied exactly from the article.")
    event: Line = Field(description="What happens then.")


# It still copies one claim under several quotes at times: assemble._own_claims answers that.
# (The docstring below is part of the JSON Schema the model is sent; edit it with the cassettes.)
class DraftAllegation(_DraftItem):
    """Evidence first: a small model that copies the sentence before it sums it up writes a
    different claim for each sentence, and finds its speaker there, instead of restating one
    claim under several quotes."""

    quote: Sentence = Field(description="The sentence that reports it, copied exactly.")
    made_by: Name = Field(description="Whose claim it is, as named in the article.")
    claim: Sentence = Field(description="What the quote claims, in one sentence.")
    against: Name | None = Field(description="Who is accused, or null.")
    status: StatusIn


class DraftStake(_DraftItem):
    what: Line = Field(description="What is at risk or could follow.")
    for_whom: Name
    quote: Sentence = Field(description="The supporting words, copied exactly.")


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
    language: Code = Field(description="ISO 639-1 code of the article's language.")
    # minItems is declared, not validated: it makes a grammar write at least two (a 1.5B model
    # otherwise writes [] even for plain accusations); an endpoint may still answer [].
    allegations: Annotated[
        list[DraftAllegation],
        BeforeValidator(_clip_list(4)),
        Field(json_schema_extra={"minItems": 2, "maxItems": 4}),
    ]
    who: Annotated[
        list[DraftActor], BeforeValidator(_clip_list(12)), Field(json_schema_extra={"maxItems": 12})
    ]
    where: Annotated[
        list[DraftPlace], BeforeValidator(_clip_list(8)), Field(json_schema_extra={"maxItems": 8})
    ]
    when: Annotated[
        list[DraftTime], BeforeValidator(_clip_list(8)), Field(json_schema_extra={"maxItems": 8})
    ]
    stakes: Annotated[
        list[DraftStake], BeforeValidator(_clip_list(4)), Field(json_schema_extra={"maxItems": 4})
    ]
