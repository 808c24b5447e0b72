"""Everything summariser raises, in one tree, so callers can catch at the depth they need.

    SummariserError
    ├── InputError          the article or an argument is unusable (empty, binary, bad date)
    ├── ConfigError         settings are missing or contradictory (no model, bad URL, no extra)
    ├── ModelError          the model could not be reached or refused (transport, HTTP, context)
    └── InvalidOutputError  the model answered, but not with a valid briefing after re-asks

Messages are single lines and never contain API keys: the CLI prints them as they are, with
the exit code cli/common.py maps each one to.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ConfigError", "InputError", "InvalidOutputError", "ModelError", "SummariserError"]


class SummariserError(Exception):
    """Base of every error summariser raises on purpose."""


class InputError(SummariserError, ValueError):
    """The article text or an argument cannot be used."""


class ConfigError(SummariserError):
    """Settings are missing, contradictory or name something not installed."""


class ModelError(SummariserError):
    """The model endpoint failed: unreachable, HTTP error, timeout, context overflow."""

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class InvalidOutputError(SummariserError):
    """The model's answer never validated; carries what a caller needs to debug it."""

    def __init__(
        self,
        message: str,
        *,
        attempts: int,
        last_output: str | None = None,
        usage: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_output = last_output
        self.usage = usage or {}
