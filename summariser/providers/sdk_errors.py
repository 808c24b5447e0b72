"""What the SDK or instructor raised, as one of our errors, with secrets scrubbed.

Kept apart from client.py: the client asks, this reads failures (status, timeout, connection,
a cut-off or invalid answer) into the error tree of errors.py, carrying attempts, the last
output and the tokens spent.
"""

from __future__ import annotations

import re
from typing import Any

from ..briefing.schema import Usage
from ..config import Settings
from ..errors import InvalidOutputError, ModelError, SummariserError
from ..redaction import redact

__all__ = ["timings_of", "translate", "usage_of"]


def translate(exc: Exception, settings: Settings, max_tokens: int) -> SummariserError:
    """Our error for whatever the SDK or instructor raised, with secrets scrubbed."""
    if isinstance(exc, SummariserError):
        return exc
    import openai
    from instructor.core import IncompleteOutputException, InstructorRetryException

    key = settings.api_key
    cause: BaseException = exc
    if isinstance(exc, InstructorRetryException) and exc.__cause__ is not None:
        cause = exc.__cause__
    if isinstance(cause, openai.APIStatusError):
        detail = redact(_api_message(cause), key)
        wait = cause.response.headers.get("retry-after")
        later = f" (it asks to retry after {wait[:40]})" if wait else ""
        return ModelError(
            f"model endpoint answered HTTP {cause.status_code}: {detail}{later}",
            status_code=cause.status_code,
        )
    if isinstance(cause, openai.APITimeoutError):
        return ModelError(f"model endpoint timed out after {settings.timeout:g} s")
    if isinstance(cause, openai.APIConnectionError):
        where = settings.base_url or "the default OpenAI endpoint"
        return ModelError(f"cannot reach the model endpoint at {redact(where, key)}")
    if isinstance(cause, IncompleteOutputException) or isinstance(exc, IncompleteOutputException):
        return InvalidOutputError(f"model output was cut off at {max_tokens} tokens", attempts=1)
    if isinstance(exc, InstructorRetryException):
        last = _completion_text(exc.last_completion)
        return InvalidOutputError(
            f"model output did not validate after {exc.n_attempts} attempt(s): "
            + redact(_describe(cause), key),
            attempts=exc.n_attempts,
            last_output=last,
            usage=usage_of(exc.total_usage).model_dump(),
        )
    return ModelError(redact(f"{type(exc).__name__}: {_first_line(str(exc))}", key))


def usage_of(raw: Any) -> Usage:
    """Token counts from an SDK usage object or a dict; cached tokens as OpenAI reports them."""
    if raw is None:
        return Usage()
    prompt, completion = (
        int(_get(raw, "prompt_tokens") or 0),
        int(_get(raw, "completion_tokens") or 0),
    )
    details = _get(raw, "prompt_tokens_details")
    return Usage(
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_tokens=int(_get(raw, "total_tokens") or 0) or prompt + completion,
        cached_prompt_tokens=int(_get(details, "cached_tokens") or 0) if details else 0,
    )


def timings_of(raw_usage: Any) -> tuple[float | None, float | None]:
    """Prefill and decode seconds, where the endpoint reports them in its usage (the embedded
    model does, as `prefill_ms` and `decode_ms`, summed over re-asks like the token counts)."""
    prefill, decode = _get(raw_usage, "prefill_ms"), _get(raw_usage, "decode_ms")
    return (
        round(prefill / 1000, 3) if isinstance(prefill, int | float) else None,
        round(decode / 1000, 3) if isinstance(decode, int | float) else None,
    )


def _get(raw: Any, name: str) -> Any:
    """A field of an SDK object (declared or extra) or of a dict; None when absent."""
    if raw is None:
        return None
    return raw.get(name) if isinstance(raw, dict) else getattr(raw, name, None)


def _api_message(error: Any) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return _first_line(str(inner["message"]))
    return _first_line(getattr(error, "message", "") or str(error))


def _completion_text(completion: Any) -> str | None:
    try:
        return completion.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        return None


def _describe(cause: BaseException) -> str:
    """Which field failed, how, and on what value: `who[2].kind: Input should be 'person',
    … (got 'host country')`; for JSON that does not parse, where it breaks and the text there."""
    from pydantic import ValidationError

    if not isinstance(cause, ValidationError):
        return _first_line(str(cause))
    errors = cause.errors(include_url=False)
    first = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    if not first["loc"]:  # the answer as a whole: not JSON, or not an object
        return f"{_first_line(first['msg'])}{_near(first)}{more}"
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"])
    return f"{where.lstrip('.')}: {_first_line(first['msg'])} (got {_value(first['input'])}){more}"


def _near(error: Any) -> str:
    """The text around the column an invalid-JSON error names."""
    found = re.search(r"line (\d+) column (\d+)", str(error.get("msg", "")))
    text = error.get("input")
    if not found or not isinstance(text, str):
        return ""
    line = text.splitlines()[int(found[1]) - 1] if text.splitlines() else ""
    column = int(found[2]) - 1
    return f" (near {line[max(0, column - 30) : column + 10]!r})"


def _value(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:300]
