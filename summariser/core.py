"""The main job: article → prompt → model → validate → ground → resolve dates → briefing.

`Summariser` holds a configured client for many calls; `summarise` / `asummarise` are the
one-call forms and reuse one `Summariser` per configuration.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .assemble import assemble
from .draft import Draft
from .errors import ModelError, SummariserError
from .messages import PROMPT_VERSION, build_messages, prompt_hash
from .providers import Endpoint, connect, reask_policy, response_model
from .reading import Reading, parse_published, read_for_model
from .schema import Briefing, RunInfo
from .sdk_errors import translate, usage_of
from .settings import Settings, protect

if TYPE_CHECKING:
    import openai

    from .offload import Offload

__all__ = ["MAX_TOKENS", "Summariser", "asummarise", "parse_published", "summarise"]

MAX_TOKENS = 1500  # a full briefing is 400-900 tokens; the cap stops a runaway list


@dataclass
class _Call:
    """One article's way through the pipeline: its input, its request and its clock."""

    text: str  # what grounding searches: the article, less passages addressed to machines
    published: date | None
    title: str | None
    url: str | None
    strict: bool
    request: dict[str, Any]
    policy: Any  # the tenacity re-ask policy; its statistics count the attempts
    started: float
    asked: float
    warnings: list[str]

    def assembly(self) -> dict[str, Any]:
        """The keyword arguments `assemble` takes besides the draft and the text."""
        return {
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "strict": self.strict,
        }


def read_and_ask(
    text: str, max_chars: int, title: str | None, output_language: str
) -> tuple[Reading, list[dict[str, str]]]:
    """What the model may read of the article, and the messages that ask it. Pure, so a
    batch can run it in a worker process."""
    reading = read_for_model(text, max_chars)
    return reading, build_messages(reading.read, title=title, output_language=output_language)


def assemble_dump(draft: dict[str, Any], text: str, **options: Any) -> Briefing:
    """`assemble` from the draft as plain data: the form that crosses to a worker process."""
    return assemble(Draft.model_validate(draft), text, **options)


class Summariser:
    """A configured summariser. Cheap to create; the endpoint is connected on first use.

    Arguments override the environment (see settings.py). Pass `client` / `aclient` (openai
    clients) to use your own transport, e.g. in tests.
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: str | None = None,
        timeout: float | None = None,
        reasks: int | None = None,
        retries: int | None = None,
        deadline: float | None = None,
        max_chars: int | None = None,
        strict: bool = False,
        output_language: str | None = None,
        client: openai.OpenAI | None = None,
        aclient: openai.AsyncOpenAI | None = None,
    ) -> None:
        self.settings = Settings.resolve(
            model=model,
            base_url=base_url,
            api_key=api_key,
            mode=mode,
            timeout=timeout,
            reasks=reasks,
            retries=retries,
            deadline=deadline,
            max_chars=max_chars,
            output_language=output_language,
        )
        self.strict = strict
        protect(
            self.settings.api_key,
            os.environ.get("OPENAI_ORG_ID"),
            os.environ.get("OPENAI_PROJECT_ID"),
        )
        self._injected = (client, aclient)
        self._endpoint: Endpoint | None = None
        self._loop: asyncio.AbstractEventLoop | None = None  # the one the async client serves

    @property
    def model_identity(self) -> str:
        """Which model answers, without connecting: part of every cache key."""
        if self.settings.embedded:
            import os

            from .local.weights import MODEL_NAME

            return f"embedded:{os.environ.get('SUMMARISER_LOCAL_MODEL') or MODEL_NAME}"
        return f"{self.settings.model}@{self.settings.base_url or 'openai'}"

    @property
    def endpoint(self) -> Endpoint:
        if self._endpoint is None:
            client, aclient = self._injected
            self._endpoint = connect(self.settings, client=client, aclient=aclient)
        return self._endpoint

    def _async_client(self) -> Any:
        """The async client for the running event loop.

        Its pooled connections belong to the loop that opened them, so a new loop (another
        `asyncio.run`) gets a new client; the old one's sockets close when it is collected.
        """
        loop = asyncio.get_running_loop()
        endpoint = self.endpoint
        if self._loop is not loop:
            if self._loop is not None and self._injected[1] is None:
                endpoint.aclient = connect(self.settings).aclient
            self._loop = loop
        return endpoint.aclient

    async def aclose(self) -> None:
        """Close the async client's connections, from the loop that used them.

        Batches call it when they finish; call it yourself after `asummarise` in a loop that
        is about to end. The summariser stays usable: the next call opens a fresh client.
        """
        if self._endpoint is None or self._injected[1] is not None or self._loop is None:
            return
        if self._loop is asyncio.get_running_loop():
            client = self._endpoint.aclient.client
            if client is not None:
                await client.close()
            self._endpoint, self._loop = None, None  # connected afresh on next use

    def summarise(
        self,
        text: str,
        *,
        published: date | datetime | str | None = None,
        title: str | None = None,
        url: str | None = None,
        strict: bool | None = None,
    ) -> Briefing:
        call = self._prepare(text, published, title, url, strict, asynchronous=False)
        try:
            draft, completion = self.endpoint.client.create_with_completion(
                response_model=response_model(), max_retries=call.policy, **call.request
            )
        except Exception as exc:
            error = translate(exc, self.settings, MAX_TOKENS)
        else:
            return self._finish(call, draft, completion)
        raise error  # outside the except: the SDK error (it may quote a key) is not chained

    async def asummarise(
        self,
        text: str,
        *,
        published: date | datetime | str | None = None,
        title: str | None = None,
        url: str | None = None,
        strict: bool | None = None,
    ) -> Briefing:
        return await self._asummarise(text, published, title, url, strict)

    async def _asummarise(
        self,
        text: str,
        published: date | datetime | str | None,
        title: str | None,
        url: str | None,
        strict: bool | None,
        offload: Offload | None = None,
    ) -> Briefing:
        """`asummarise`, with its pure steps in `offload`'s processes when a batch gives one."""
        started = time.perf_counter()
        parts = None
        if offload is not None:
            settings = self.settings
            parts = await offload.run(
                read_and_ask, text, settings.max_chars, title, settings.output_language
            )
        call = self._prepare(
            text, published, title, url, strict, asynchronous=True, parts=parts, started=started
        )
        ask = self._async_client().create_with_completion(
            response_model=response_model(), max_retries=call.policy, **call.request
        )
        try:
            draft, completion = await asyncio.wait_for(ask, self.settings.deadline or None)
        except TimeoutError:
            error: SummariserError = ModelError(
                f"no briefing within the {self.settings.deadline:g} s deadline for one article "
                "(SUMMARISER_DEADLINE)"
            )
        except Exception as exc:
            error = translate(exc, self.settings, MAX_TOKENS)
        else:
            answered, briefing = time.perf_counter(), None
            if offload is not None:
                briefing = await offload.run(
                    assemble_dump, draft.model_dump(), call.text, **call.assembly()
                )
            return self._finish(call, draft, completion, briefing, answered)
        raise error  # outside the except: the SDK error (it may quote a key) is not chained

    def _prepare(
        self,
        text: str,
        published: date | datetime | str | None,
        title: str | None,
        url: str | None,
        strict: bool | None,
        *,
        asynchronous: bool,
        parts: tuple[Reading, list[dict[str, str]]] | None = None,
        started: float | None = None,
    ) -> _Call:
        """Check the input and build the request (unless `parts` brings it, built elsewhere);
        connects (loads the model) on first use."""
        started = time.perf_counter() if started is None else started
        day = parse_published(published)
        settings = self.settings
        reading, messages = parts or read_and_ask(
            text, settings.max_chars, title, settings.output_language
        )
        warnings = list(reading.warnings)
        if not day:
            warnings.append("no publication date: relative dates left unresolved")
        request = {
            "model": self.endpoint.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": MAX_TOKENS,
        }
        return _Call(
            text=reading.ground_in,
            published=day,
            title=title,
            url=url,
            strict=self.strict if strict is None else strict,
            request=request,
            policy=reask_policy(self.settings.reasks, asynchronous=asynchronous),
            started=started,
            asked=time.perf_counter(),
            warnings=warnings,
        )

    def _finish(
        self,
        call: _Call,
        draft: Draft,
        completion: Any,
        briefing: Briefing | None = None,
        answered: float | None = None,
    ) -> Briefing:
        """The briefing (assembled here unless given) with its run information."""
        model_seconds = (answered or time.perf_counter()) - call.asked
        briefing = briefing or assemble(draft, call.text, **call.assembly())
        usage = usage_of(getattr(draft, "_total_usage", None) or getattr(completion, "usage", None))
        briefing.meta = RunInfo(
            model=self.endpoint.model,
            provider=self.endpoint.provider,
            prompt_version=PROMPT_VERSION,
            prompt_hash=prompt_hash(),
            usage=usage,
            attempts=call.policy.statistics.get("attempt_number", 1),
            seconds=round(time.perf_counter() - call.started, 3),
            model_seconds=round(model_seconds, 3),
            warnings=call.warnings,
        )
        return briefing


@lru_cache(maxsize=4)
def _default(settings_key: str) -> Summariser:
    del settings_key  # the cache key: one Summariser per environment configuration
    return Summariser()


def _shared() -> Summariser:
    key = json.dumps(Settings.resolve().__dict__, default=str, sort_keys=True)
    return _default(key)


def summarise(
    text: str,
    *,
    published: date | datetime | str | None = None,
    title: str | None = None,
    url: str | None = None,
    strict: bool = False,
) -> Briefing:
    """Briefing of one article with the configured (or embedded) model."""
    return _shared().summarise(text, published=published, title=title, url=url, strict=strict)


async def asummarise(
    text: str,
    *,
    published: date | datetime | str | None = None,
    title: str | None = None,
    url: str | None = None,
    strict: bool = False,
) -> Briefing:
    """Async twin of `summarise`."""
    return await _shared().asummarise(
        text, published=published, title=title, url=url, strict=strict
    )
