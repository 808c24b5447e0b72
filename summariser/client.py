"""The main job: article → prompt → model → validate → ground → resolve dates → briefing.

`Summariser` holds a configured client for many calls; `summarise` / `asummarise` are the
one-call forms and reuse one `Summariser` per configuration. A call is four stages, each
public so a batch can place them itself: `prepare` (pure, stages.py) → `ask` / `aask` (the
model, through instructor) → `finish` (pure assembly, then the run's information) → `vet` /
`avet` (a closed question to the model about each allegation, pipeline/vetting.py; what it
drops, `finish` leaves out when given the vetting).
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .briefing.schema import Allegation, Briefing, RunInfo, Usage
from .config import Settings
from .errors import ModelError, SummariserError
from .pipeline.vetting import Vetting, decided
from .prompting.closed import closed_hash, closed_requests
from .prompting.draft import Draft
from .prompting.messages import PROMPT_VERSION, prompt_hash
from .providers.endpoint import Endpoint, connect
from .providers.instructed import reask_policy, request_body, response_model
from .providers.sdk_errors import timings_of, translate, usage_of
from .redaction import protect
from .stages import Request, finish, prepare

if TYPE_CHECKING:
    from typing import Unpack

    import openai

    from .config import Options

__all__ = ["MAX_TOKENS", "Answer", "Summariser", "asummarise", "summarise"]

MAX_TOKENS = 1500  # a full briefing is 400-900 tokens; the cap stops a runaway list


@dataclass(frozen=True)
class Answer:
    """What the model answered for one request, and what it cost."""

    draft: Draft
    usage: Usage
    attempts: int  # model calls made, re-asks included
    model_seconds: float  # from sending the request to the validated answer
    prefill_seconds: float | None = None  # where the endpoint reports them (the embedded does)
    decode_seconds: float | None = None


class Summariser:
    """A configured summariser. Cheap to create; the endpoint is connected on first use.

    Keyword options are config.Settings fields (model, base_url, api_key, mode, timeout, …);
    given ones override the environment. Pass `client` / `aclient` (openai clients) to use
    your own transport, e.g. in tests.
    """

    def __init__(
        self,
        *,
        strict: bool = False,
        client: openai.OpenAI | None = None,
        aclient: openai.AsyncOpenAI | None = None,
        **options: Unpack[Options],
    ) -> None:
        self.settings = Settings.resolve(**options)
        self.strict = strict
        protect(*self.settings.secrets())
        self._injected = (client, aclient)
        self._endpoint: Endpoint | None = None
        self._loop: asyncio.AbstractEventLoop | None = None  # the one the async client serves

    @property
    def model_identity(self) -> str:
        """Which model answers, and whether it vets, without connecting: part of every cache
        key."""
        vetted = f" vetted:{closed_hash()}" if self.settings.vets else ""
        if self.settings.embedded:
            from .providers.embedded.weights import MODEL_NAME

            return f"embedded:{self.settings.local_model or MODEL_NAME}{vetted}"
        return f"{self.settings.model}@{self.settings.base_url or 'openai'}{vetted}"

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

    # The one-call forms: the three stages in a row.

    def summarise(
        self,
        text: str,
        *,
        published: date | datetime | str | None = None,
        title: str | None = None,
        url: str | None = None,
        strict: bool | None = None,
    ) -> Briefing:
        started = time.perf_counter()
        request = self.prepare(text, published=published, title=title, url=url)
        answer = self.ask(request)
        briefing = self.finish(request, answer, strict=strict, started=started)
        vetting = self.vet(request, briefing)
        if vetting is None:
            return briefing
        return self.finish(request, answer, strict=strict, started=started, vetting=vetting)

    async def asummarise(
        self,
        text: str,
        *,
        published: date | datetime | str | None = None,
        title: str | None = None,
        url: str | None = None,
        strict: bool | None = None,
    ) -> Briefing:
        started = time.perf_counter()
        request = self.prepare(text, published=published, title=title, url=url)
        answer = await self.aask(request)
        briefing = self.finish(request, answer, strict=strict, started=started)
        vetting = await self.avet(request, briefing)
        if vetting is None:
            return briefing
        return self.finish(request, answer, strict=strict, started=started, vetting=vetting)

    # The stages.

    @property
    def prepare_options(self) -> dict[str, Any]:
        """`stages.prepare`'s keyword arguments that these settings decide."""
        return {
            "max_chars": self.settings.max_chars,
            "output_language": self.settings.output_language,
        }

    def prepare(
        self,
        text: str,
        *,
        published: date | datetime | str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Request:
        """Stage 1, pure: the checked article and the messages that ask about it."""
        return prepare(text, published=published, title=title, url=url, **self.prepare_options)

    def ask(self, request: Request) -> Answer:
        """Stage 2: the model's validated draft (connects, or loads the model, on first use)."""
        client, body = self.endpoint.client, self._body(request)  # connect: not the model's time
        policy, asked = reask_policy(self.settings.reasks), time.perf_counter()
        try:
            draft, completion = client.create_with_completion(
                response_model=response_model(), max_retries=policy, **body
            )
        except Exception as exc:
            error = translate(exc, self.settings, MAX_TOKENS)
        else:
            return _answer(draft, completion, policy, asked)
        raise error  # outside the except: the SDK error (it may quote a key) is not chained

    async def aask(self, request: Request) -> Answer:
        """`ask` for a running event loop, within the settings' deadline for one article."""
        client, body = self._async_client(), self._body(request)  # connect: not the model's time
        policy, asked = reask_policy(self.settings.reasks, asynchronous=True), time.perf_counter()
        ask = client.create_with_completion(
            response_model=response_model(), max_retries=policy, **body
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
            return _answer(draft, completion, policy, asked)
        raise error  # outside the except: the SDK error (it may quote a key) is not chained

    def finish(
        self,
        request: Request,
        answer: Answer,
        *,
        strict: bool | None = None,
        started: float | None = None,
        vetting: Vetting | None = None,
    ) -> Briefing:
        """Stage 3: the briefing (pure assembly) with its run information; given a `vetting`,
        less what it dropped, and with what it cost."""
        strict = self.strict if strict is None else strict
        left_out = vetting.dropped if vetting else ()
        briefing = finish(request, answer.draft, strict=strict, dropped=left_out)
        briefing.meta = self.run_info(request, answer, started=started, vetting=vetting)
        return briefing

    def vet(self, request: Request, briefing: Briefing) -> Vetting | None:
        """Stage 4: one closed question about each of the briefing's allegations, in turn
        (after the draft, a local model still holds the article); None where vetting is off
        (settings.vets) or there is nothing to ask. An endpoint that cannot answer them keeps
        every allegation, and the vetting says why."""
        bodies = self._closed_bodies(request, briefing.allegations)
        if not bodies:
            return None
        import openai

        client, asked = self.endpoint.client.client, time.perf_counter()
        try:
            answers = [client.chat.completions.create(**body) for body in bodies]
        except openai.OpenAIError as exc:
            return _unvetted(exc, self.settings, asked)
        return _vetting(briefing.allegations, answers, asked)

    async def avet(self, request: Request, briefing: Briefing) -> Vetting | None:
        """`vet` for a running event loop, within the settings' deadline for one article."""
        bodies = self._closed_bodies(request, briefing.allegations)
        if not bodies:
            return None
        import openai

        client, asked = self._async_client().client, time.perf_counter()

        async def in_turn() -> list[Any]:  # one after another: each keeps the last one's cache
            return [await client.chat.completions.create(**body) for body in bodies]

        try:
            answers = await asyncio.wait_for(in_turn(), self.settings.deadline or None)
        except (openai.OpenAIError, TimeoutError) as exc:
            return _unvetted(exc, self.settings, asked)
        return _vetting(briefing.allegations, answers, asked)

    def run_info(
        self,
        request: Request,
        answer: Answer,
        *,
        started: float | None,
        vetting: Vetting | None = None,
    ) -> RunInfo:
        """How the briefing was made; `seconds` runs from `started` (perf_counter) to now.
        Its usage and model time are the draft's and the vetting's together."""
        vetting = vetting or Vetting()
        model_seconds = answer.model_seconds + vetting.seconds
        started = time.perf_counter() - model_seconds if started is None else started
        warnings = [*request.warnings, *([vetting.warning] if vetting.warning else [])]
        return RunInfo(
            model=self.endpoint.model,
            provider=self.endpoint.provider,
            prompt_version=PROMPT_VERSION,
            prompt_hash=prompt_hash(),
            usage=answer.usage + vetting.usage,
            attempts=answer.attempts,
            seconds=round(time.perf_counter() - started, 3),
            model_seconds=round(model_seconds, 3),
            prefill_seconds=answer.prefill_seconds,
            decode_seconds=answer.decode_seconds,
            questions=vetting.questions,
            warnings=warnings,
        )

    def request_body(self, request: Request) -> dict[str, Any]:
        """What `ask` sends for `request`, instructor's additions for the mode included: the
        body a Batch API line carries, so an offline answer is the same question."""
        return request_body(self._body(request), self.settings.mode)

    def _closed_bodies(
        self, request: Request, allegations: list[Allegation]
    ) -> list[dict[str, Any]]:
        """The closed question about each allegation; none where vetting is off."""
        if not self.settings.vets:
            return []
        passages = [a.evidence.quote or a.claim for a in allegations]
        return closed_requests(self.endpoint.model, request.messages, passages)

    def _body(self, request: Request) -> dict[str, Any]:
        return {
            "model": self.endpoint.model,
            "messages": request.messages,
            "temperature": 0,
            "max_tokens": MAX_TOKENS,
        }


def _answer(draft: Any, completion: Any, policy: Any, asked: float) -> Answer:
    usage = getattr(draft, "_total_usage", None) or getattr(completion, "usage", None)
    prefill, decode = timings_of(usage)
    return Answer(
        draft=draft,
        usage=usage_of(usage),
        attempts=policy.statistics.get("attempt_number", 1),
        model_seconds=time.perf_counter() - asked,
        prefill_seconds=prefill,
        decode_seconds=decode,
    )


def _vetting(allegations: list[Allegation], answers: list[Any], asked: float) -> Vetting:
    usage = sum((usage_of(answer.usage) for answer in answers), Usage())
    logprobs = [_logprobs_of(answer) for answer in answers]
    return decided(allegations, logprobs, usage=usage, seconds=time.perf_counter() - asked)


def _unvetted(error: Exception, settings: Settings, asked: float) -> Vetting:
    """Every allegation kept, and why: the endpoint refused or failed the questions."""
    if isinstance(error, TimeoutError):
        why = f"no answers within the {settings.deadline:g} s deadline for one article"
    else:
        why = str(translate(error, settings, 1))
    return Vetting(seconds=time.perf_counter() - asked, warning=f"allegations not vetted: {why}")


def _logprobs_of(completion: Any) -> dict[str, Any] | None:
    choices = getattr(completion, "choices", None) or []
    logprobs = getattr(choices[0], "logprobs", None) if choices else None
    return logprobs.model_dump() if logprobs is not None else None


@lru_cache(maxsize=4)
def _default(settings_key: str) -> Summariser:
    del settings_key  # the cache key: one Summariser per environment configuration
    return Summariser()


def _shared() -> Summariser:
    key = json.dumps(asdict(Settings.resolve()), default=str, sort_keys=True)
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
