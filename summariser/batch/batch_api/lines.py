"""A Batch API input file: one JSON line per article, the body the online call would send.

`custom_id` is the article's stable id, so an answer finds its article whatever order the
provider writes its output in. Files are cut at the provider's limits (OpenAI: 50,000
requests and 200 MB a file), never mid-line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["ENDPOINT", "Limits", "files_of", "line_of"]

ENDPOINT = "/v1/chat/completions"


@dataclass(frozen=True)
class Limits:
    """What one input file may hold."""

    requests: int = 50_000
    bytes: int = 200 * 1024 * 1024


def line_of(custom_id: str, body: dict[str, Any]) -> bytes:
    line = {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}
    return json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n"


def files_of(
    lines: Iterable[tuple[str, bytes]], limits: Limits
) -> Iterator[tuple[list[str], bytes]]:
    """(the keys in it, its content) for each file; `lines` are (key, line) pairs."""
    keys: list[str] = []
    chunk: list[bytes] = []
    size = 0
    for key, line in lines:
        if len(line) > limits.bytes:
            raise ValueError(f"one request is {len(line)} bytes, over the {limits.bytes} a file")
        if chunk and (len(chunk) >= limits.requests or size + len(line) > limits.bytes):
            yield keys, b"".join(chunk)
            keys, chunk, size = [], [], 0
        keys.append(key)
        chunk.append(line)
        size += len(line)
    if chunk:
        yield keys, b"".join(chunk)
