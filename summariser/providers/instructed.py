"""The instructor boundary: the draft as a response model, the re-ask policy, the output mode,
and every use of instructor below its public API.

Elsewhere the package uses only instructor's public names (`from_openai`, `Instructor`,
`AsyncInstructor`, `Mode`, `OpenAISchema`, the exceptions of `instructor.core`). Here, and
only here, it also uses `handle_response_model` (the body instructor sends for a mode) and
`process_response` (an answer read as instructor reads one), for Batch API lines that travel
without a call. pyproject.toml bounds instructor to the minor release tested;
tests/providers/test_instructed.py fails when these move, and checks that nothing of
instructor's is replaced.

Transport retries (429 honouring Retry-After, 5xx, timeouts) stay in the openai SDK; instructor
only re-asks when the answer does not validate (settings.reasks times, 1 by default), so the
two policies never multiply.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..prompting.draft import Draft

__all__ = ["draft_of", "instructor_mode", "reask_policy", "request_body", "response_model"]


def instructor_mode(name: str) -> Any:
    """instructor's mode for one of config.MODES ("json_schema" is Mode.JSON_SCHEMA)."""
    import instructor

    return instructor.Mode[name.upper()]


@cache
def response_model() -> type[Draft]:
    """`Draft` as instructor wants it, built once per process with its JSON Schema cached.

    Given a plain model, instructor wraps it in a new class and regenerates its JSON Schema on
    every call: about 15 ms of CPU per article here, which caps a batch's throughput. This is
    the same wrapping done once, under the same name and docstring, so requests are
    byte-identical (the cassettes, matched on the request body, prove it).
    """
    import json

    import instructor

    from ..prompting.draft import Draft as Plain

    schemas: dict[str, str] = {}  # as JSON: loading a copy is faster than deepcopy

    class Draft(Plain, instructor.OpenAISchema):
        __doc__ = Plain.__doc__

        @classmethod
        def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
            key = repr((args, sorted(kwargs.items())))
            if key not in schemas:
                schemas[key] = json.dumps(super().model_json_schema(*args, **kwargs))
            return json.loads(schemas[key])

    Draft.__module__, Draft.__qualname__ = Plain.__module__, Plain.__qualname__
    return Draft


def reask_policy(reasks: int, *, asynchronous: bool = False) -> Any:
    """A tenacity policy that re-asks only on invalid output, never on transport errors."""
    import json

    from pydantic import ValidationError
    from tenacity import AsyncRetrying, Retrying, retry_if_exception_type, stop_after_attempt

    policy = AsyncRetrying if asynchronous else Retrying
    return policy(
        stop=stop_after_attempt(reasks + 1),
        retry=retry_if_exception_type((ValidationError, json.JSONDecodeError)),
        reraise=True,
    )


def draft_of(completion: dict[str, Any], mode: str) -> Draft:
    """The draft in a chat completion that arrived without a call (a Batch API output line),
    read as instructor reads a live answer in `mode`; pydantic's ValidationError (or a JSON
    error) when it does not validate, as a live answer would be re-asked for."""
    from instructor.processing import process_response
    from openai.types.chat import ChatCompletion

    response = ChatCompletion.model_validate(completion)
    return process_response(
        response, response_model=response_model(), stream=False, mode=instructor_mode(mode)
    )


def request_body(body: dict[str, Any], mode: str) -> dict[str, Any]:
    """`body` (model, messages, sampling) with what instructor adds for `mode`: the request a
    live call sends, for a Batch API line to carry, so an offline answer is the same question."""
    from instructor.processing import handle_response_model

    return handle_response_model(response_model(), mode=instructor_mode(mode), **body)[1]
