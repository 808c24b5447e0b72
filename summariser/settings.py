"""Which model answers, and how: from arguments, else environment, else the embedded default.

Environment, most specific first: SUMMARISER_MODEL, SUMMARISER_BASE_URL, SUMMARISER_API_KEY,
then OPENAI_BASE_URL, OPENAI_API_KEY; SUMMARISER_MODE, SUMMARISER_TIMEOUT, SUMMARISER_REASKS,
SUMMARISER_RETRIES (transport retries), SUMMARISER_DEADLINE (seconds for one article, all
attempts included), SUMMARISER_MAX_CHARS (longest article text sent to the model).
An endpoint counts as configured when a base URL or an API key is set; otherwise, or with
model "embedded", the embedded model answers.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass, field

from .errors import ConfigError

__all__ = ["EMBEDDED", "MODES", "Settings", "protect", "redact"]

EMBEDDED = "embedded"
DEFAULT_REMOTE_MODEL = "gpt-4o-mini"
MODES = ("json_schema", "json", "tools", "md_json")
# The embedded model's context is 8,192 tokens: ~900 go to instructions and checklists and up
# to 1,500 to the answer, leaving ~5,800 for the article, about 16,000 characters of prose.
EMBEDDED_MAX_CHARS = 16_000
REMOTE_MAX_CHARS = 200_000  # ~50k tokens: within any current 128k-context model


@dataclass(frozen=True)
class Settings:
    model: str = EMBEDDED
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: str = "json_schema"
    timeout: float = 300.0  # one request
    reasks: int = 1  # extra asks when the answer does not validate
    retries: int = 2  # extra sends on 429, 5xx, timeouts, resets (the SDK's, Retry-After honoured)
    deadline: float = 900.0  # one article, every attempt included (async calls and batches)
    max_chars: int = 0  # longest article the model reads, in Latin-script characters; 0: all
    output_language: str = "English"

    @property
    def embedded(self) -> bool:
        return self.model == EMBEDDED

    @classmethod
    def resolve(
        cls,
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
        output_language: str | None = None,
        env: dict[str, str] | None = None,
    ) -> Settings:
        env = dict(os.environ) if env is None else env
        base_url = base_url or env.get("SUMMARISER_BASE_URL") or env.get("OPENAI_BASE_URL")
        api_key = api_key or env.get("SUMMARISER_API_KEY") or env.get("OPENAI_API_KEY")
        model = model or env.get("SUMMARISER_MODEL")
        configured = bool(base_url or api_key)
        if model == EMBEDDED or (not model and not configured):
            model, base_url, api_key = EMBEDDED, None, None
        mode = (mode or env.get("SUMMARISER_MODE") or "json_schema").lower()
        if mode not in MODES:
            raise ConfigError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
        if base_url and not re.match(r"^https?://[^\s/]+", base_url):
            raise ConfigError(f"base URL must start with http:// or https:// (got {base_url!r})")
        return cls(
            model=model or DEFAULT_REMOTE_MODEL,
            base_url=base_url,
            api_key=api_key,
            mode=mode,
            timeout=_number(timeout, env.get("SUMMARISER_TIMEOUT"), 300.0, "SUMMARISER_TIMEOUT"),
            reasks=int(_number(reasks, env.get("SUMMARISER_REASKS"), 1, "SUMMARISER_REASKS")),
            retries=int(_number(retries, env.get("SUMMARISER_RETRIES"), 2, "SUMMARISER_RETRIES")),
            deadline=_number(
                deadline, env.get("SUMMARISER_DEADLINE"), 900.0, "SUMMARISER_DEADLINE"
            ),
            max_chars=int(
                _number(
                    max_chars,
                    env.get("SUMMARISER_MAX_CHARS"),
                    EMBEDDED_MAX_CHARS if model == EMBEDDED else REMOTE_MAX_CHARS,
                    "SUMMARISER_MAX_CHARS",
                )
            ),
            output_language=output_language or "English",
        )


def _number(given: float | None, raw: str | None, default: float, name: str) -> float:
    if given is not None:
        value = given
    elif raw:
        try:
            value = float(raw)
        except ValueError:
            raise ConfigError(f"{name} must be a number (got {raw!r})") from None
    else:
        value = default
    if value < 0:
        raise ConfigError(f"{name} must not be negative")
    return value


_KEY_LIKE = re.compile(r"\b(sk|pk|rk)-[A-Za-z0-9_*\-]{6,}")


def redact(message: str, *secrets: str | None) -> str:
    """The message with every given secret and anything shaped like an API key removed."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            message = message.replace(secret, "[redacted]")
    return _KEY_LIKE.sub("[redacted]", message)


_PROTECTED: set[str] = set()
_PROTECTING = threading.Lock()


def protect(*secrets: str | None) -> None:
    """Keep these secrets out of every log record, whoever logs it.

    The SDKs log failures with the server's words, and a careless server or proxy may quote
    the credentials back. Loggers' own filters miss their child loggers and handlers belong
    to the application, so the redaction sits in the log-record factory, installed once.
    """
    fresh = {s for s in secrets if s and len(s) >= 8} - _PROTECTED
    if not fresh:
        return
    with _PROTECTING:
        if not _PROTECTED:
            previous = logging.getLogRecordFactory()

            def redacting(*args: object, **kwargs: object) -> logging.LogRecord:
                record = previous(*args, **kwargs)
                try:
                    message = record.getMessage()
                except Exception:  # a malformed record is the logger's business, not ours
                    return record
                cleaned = redact(message, *_PROTECTED)
                if cleaned != message:
                    record.msg, record.args = cleaned, None
                return record

            logging.setLogRecordFactory(redacting)
        _PROTECTED.update(fresh)
