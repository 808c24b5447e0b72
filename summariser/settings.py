"""Which model answers, and how: from arguments, else environment, else the embedded default.

Environment, most specific first: SUMMARISER_MODEL, SUMMARISER_BASE_URL, SUMMARISER_API_KEY,
then OPENAI_BASE_URL, OPENAI_API_KEY; SUMMARISER_MODE, SUMMARISER_TIMEOUT, SUMMARISER_REASKS.
An endpoint counts as configured when a base URL or an API key is set; otherwise, or with
model "embedded", the embedded model answers.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from .errors import ConfigError

__all__ = ["EMBEDDED", "MODES", "Settings", "redact"]

EMBEDDED = "embedded"
DEFAULT_REMOTE_MODEL = "gpt-4o-mini"
MODES = ("json_schema", "json", "tools", "md_json")


@dataclass(frozen=True)
class Settings:
    model: str = EMBEDDED
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: str = "json_schema"
    timeout: float = 300.0
    reasks: int = 1
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
