"""Build the openai + instructor clients for the configured endpoint or the embedded model.

The openai client's own arguments come from `Settings.client_options`, so an option added in
config.py reaches it without a change here. The embedded model gets no transport retries: it
cannot be rate limited, and it answers in process through its own transport.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from ..config import Settings
from .instructed import instructor_mode

if TYPE_CHECKING:
    import instructor
    import openai

    from .embedded.backend import LocalModel

__all__ = ["Endpoint", "connect"]

_EMBEDDED_URL = "http://embedded.invalid/v1"  # never dialled: the transport answers in process


@dataclass
class Endpoint:
    """Everything needed to ask one model: its name, kind and ready clients."""

    model: str
    provider: Literal["embedded", "openai-compatible"]
    client: instructor.Instructor
    aclient: instructor.AsyncInstructor


@cache
def _embedded_model(path: str | None, parallel: int = 1) -> LocalModel:
    """Loaded once per process: loading 1.1 GB for every call would dominate run time."""
    from .embedded.backend import LocalModel

    return LocalModel(path, parallel=parallel)


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
        from .embedded.transport import AsyncLocalTransport, LocalTransport

        local = _embedded_model(settings.local_model, max(1, settings.parallel))
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
        remote = settings.client_options()
        remote["api_key"] = remote["api_key"] or "not-needed"  # keyless local servers
        client = client or openai.OpenAI(**remote)
        # The SDK's own default http client schedules a close on garbage collection in whatever
        # loop is running then, which fails for connections of an ended loop and prints a
        # traceback; this one has the same defaults and no such hook (see Summariser.aclose).
        aclient = aclient or openai.AsyncOpenAI(
            http_client=openai.DefaultAsyncHttpxClient(), **remote
        )
        model_name, provider = settings.model, "openai-compatible"
    mode = instructor_mode(settings.mode)
    return Endpoint(
        model=model_name,
        provider=provider,
        client=instructor.from_openai(client, mode=mode),
        aclient=instructor.from_openai(aclient, mode=mode),
    )
