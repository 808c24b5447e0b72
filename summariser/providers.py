"""Build the openai + instructor clients for the configured endpoint or the embedded model.

Transport retries (429 honouring Retry-After, 5xx, timeouts) stay in the openai SDK; instructor
only re-asks when the answer fails validation (settings.reasks times, 1 by default), so the two
policies never multiply. The embedded model gets no transport retries: it cannot be rate limited.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from .settings import Settings

if TYPE_CHECKING:
    import instructor
    import openai

    from .draft import Draft
    from .local.backend import LocalModel

__all__ = ["Endpoint", "connect", "reask_policy", "response_model"]

_EMBEDDED_URL = "http://embedded.invalid/v1"  # never dialled: the transport answers in process


@dataclass
class Endpoint:
    """Everything needed to ask one model: its name, kind and ready clients."""

    model: str
    provider: Literal["embedded", "openai-compatible"]
    client: instructor.Instructor
    aclient: instructor.AsyncInstructor


@cache
def _embedded_model() -> LocalModel:
    """Loaded once per process: loading 1.1 GB for every call would dominate run time."""
    from .local.backend import LocalModel

    return LocalModel()


def _mode(name: str) -> Any:
    import instructor

    return {
        "json_schema": instructor.Mode.JSON_SCHEMA,
        "json": instructor.Mode.JSON,
        "tools": instructor.Mode.TOOLS,
        "md_json": instructor.Mode.MD_JSON,
    }[name]


def connect(
    settings: Settings,
    *,
    client: openai.OpenAI | None = None,
    aclient: openai.AsyncOpenAI | None = None,
) -> Endpoint:
    """Clients for `settings`; pass your own openai clients to inject a transport (tests)."""
    import httpx2
    import instructor
    import openai

    if settings.embedded and client is None and aclient is None:
        from .local.transport import AsyncLocalTransport, LocalTransport

        local = _embedded_model()
        common: dict[str, Any] = {
            "api_key": "embedded",
            "base_url": _EMBEDDED_URL,
            "max_retries": 0,
            "timeout": settings.timeout,
        }
        client = openai.OpenAI(http_client=httpx2.Client(transport=LocalTransport(local)), **common)
        aclient = openai.AsyncOpenAI(
            http_client=httpx2.AsyncClient(transport=AsyncLocalTransport(local)), **common
        )
        model_name, provider = local.name, "embedded"
    else:
        remote: dict[str, Any] = {
            "api_key": settings.api_key or "not-needed",
            "base_url": settings.base_url,
            "timeout": settings.timeout,
            "max_retries": settings.retries,
        }
        client = client or openai.OpenAI(**remote)
        # The SDK's own default http client schedules a close on garbage collection in whatever
        # loop is running then, which fails for connections of an ended loop and prints a
        # traceback; this one has the same defaults and no such hook (see Summariser.aclose).
        aclient = aclient or openai.AsyncOpenAI(
            http_client=openai.DefaultAsyncHttpxClient(), **remote
        )
        model_name, provider = settings.model, "openai-compatible"
    mode = _mode(settings.mode)
    return Endpoint(
        model=model_name,
        provider=provider,
        client=instructor.from_openai(client, mode=mode),
        aclient=instructor.from_openai(aclient, mode=mode),
    )


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

    from .draft import Draft as Plain

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
    _check_async_validators_once(Draft)
    return Draft


def _check_async_validators_once(draft: type[Any]) -> None:
    """Let instructor check `draft` for async validators once, not five times per call.

    instructor refuses response models with async validators (it cannot run them) by walking
    every member of every class in the model on each check, and checks five times per call:
    ~9 ms of CPU per article, half our per-call cost. The check is a pure function of a class
    that never changes, so after it passes once, it is skipped for that one class; any other
    model still gets instructor's own check. Without instructor's v2 module this does nothing.
    """
    try:
        from instructor.v2.core import patch
        from instructor.v2.validation import async_validators
    except ImportError:
        return
    check = async_validators.reject_async_validators
    check(draft)  # fails here, once, if Draft ever gains an async validator

    def reject_async_validators(response_model: Any) -> None:
        if response_model is not draft:
            check(response_model)

    async_validators.reject_async_validators = reject_async_validators
    patch.reject_async_validators = reject_async_validators  # pyright: ignore[reportPrivateImportUsage]


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
