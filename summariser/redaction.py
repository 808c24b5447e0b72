"""Secrets out of every message: API keys and account ids never reach logs, errors or files.

`redact` cleans one message; `protect` registers secrets so every log record, whoever logs
it, is cleaned before a handler sees it.
"""

from __future__ import annotations

import logging
import re
import threading

__all__ = ["protect", "redact"]

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
