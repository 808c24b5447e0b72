"""Secrets out of every message: API keys and account ids never reach logs, errors or files.

`redact` cleans one message: the given secrets, anything shaped like an API key, and the
credentials a URL can carry (its user:password@, and query parameters named like a key, token,
secret, password or signature). `protect` registers secrets so every log record, whoever logs
it, is cleaned before a handler sees it; `url_secrets` finds a URL's credentials to register.
"""

from __future__ import annotations

import logging
import re
import threading

__all__ = ["protect", "redact", "url_secrets"]

_KEY_LIKE = re.compile(r"\b(sk|pk|rk)-[A-Za-z0-9_*\-]{6,}")
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^\s/?#@]+@")
# A parameter whose name ends in one of these words ("api_key", "X-Amz-Signature", "apikey").
_SECRET_NAME = re.compile(
    r"(?i)(?:[\w.\-]*[_.\-]|api|access|auth|client)?"
    r"(?:key|token|secret|passw(?:or)?d|pwd|auth|signature|sig|credentials?)"
)
_PARAM = re.compile(r"([?&;])([\w.\-]+)=([^&#\s\"'<>]+)")


def redact(message: str, *secrets: str | None) -> str:
    """The message with every given secret and anything shaped like an API key removed."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            message = message.replace(secret, "[redacted]")
    message = _USERINFO.sub(r"\1[redacted]@", message)
    message = _PARAM.sub(_redacted_param, message)
    return _KEY_LIKE.sub("[redacted]", message)


def url_secrets(url: str | None) -> tuple[str, ...]:
    """The credentials written into a URL: its password (or lone user name) and the values
    of its key-like query parameters, for `protect` and `redact` to look for anywhere."""
    if not url:
        return ()
    from urllib.parse import parse_qsl, unquote, urlsplit

    parts = urlsplit(url)
    found = [unquote(parts.password or parts.username or "")]
    found += [v for k, v in parse_qsl(parts.query) if _SECRET_NAME.fullmatch(k)]
    return tuple(v for v in found if v)


def _redacted_param(match: re.Match[str]) -> str:
    start, name, _ = match.groups()
    return f"{start}{name}=[redacted]" if _SECRET_NAME.fullmatch(name) else match.group(0)


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
