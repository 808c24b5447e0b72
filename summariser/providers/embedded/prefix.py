"""The system prompt's model state, kept on disk: a new process loads it instead of reading it.

Every request opens with the same system prompt (about 540 tokens, some 4 s of prefill on two
cores). Within a process llama-cpp-python already reuses the longest prompt prefix it holds;
this keeps that prefix's state in the user cache directory, so the next process starts where
the last one left off. The file is keyed by the model file, llama-cpp-python's version, the
context size and the system prompt, and holds the prefix's tokens and llama.cpp's own state
for them (its KV cells, about 15 MB), not llama-cpp-python's 600 MB score array. A stale or
damaged file is ignored: llama-cpp-python evaluates whatever part of the prompt does not match
the tokens it holds, so a wrong prefix can cost time, never change an answer's prompt.
"""

from __future__ import annotations

import ctypes
import hashlib
import struct
from pathlib import Path
from typing import Any

__all__ = ["PrefixStore"]

_MAGIC = b"SMPX1"
_HEADER = struct.Struct("<5sI")  # magic, number of tokens


class PrefixStore:
    """Loads and saves one model's system-prompt prefix state in `directory`."""

    def __init__(self, llm: Any, model: Path, directory: Path, n_ctx: int) -> None:
        self._llm = llm
        self._directory = directory
        self._identity = f"{model.name}\0{_size(model)}\0{_version()}\0{n_ctx}"
        self._saved: set[str] = set()
        self.loaded_tokens = 0  # how many prompt tokens the last `before` restored

    def before(self, messages: list[dict[str, Any]]) -> None:
        """Restore the saved prefix of these messages' system prompt into a model that holds
        nothing yet (a new process); otherwise leave the model's own reuse to work."""
        self.loaded_tokens = 0
        path = self._path(messages)
        if path is None or self._llm.n_tokens > 0 or not path.is_file():
            return
        try:
            tokens, state = _read(path.read_bytes())
        except (OSError, ValueError):
            return
        import llama_cpp

        buffer = (ctypes.c_uint8 * len(state)).from_buffer_copy(state)
        if llama_cpp.llama_state_set_data(self._llm.ctx, buffer, len(state)) != len(state):
            self._llm.reset()
            return
        self._llm.input_ids[: len(tokens)] = tokens
        self._llm.n_tokens = len(tokens)
        self._llm._requires_eval = True  # logits are not restored: evaluate at least one token
        self.loaded_tokens = len(tokens)
        self._saved.add(path.name)

    def after(self, messages: list[dict[str, Any]], prompt_tokens: int) -> None:
        """Save the system prompt's prefix once, after the first answer that read it: the
        prompt's tokens before the user's words, cut from what the model holds."""
        path = self._path(messages)
        if path is None or path.name in self._saved:
            return
        self._saved.add(path.name)
        if path.is_file():
            return
        held = [int(t) for t in self._llm.input_ids[: min(prompt_tokens, self._llm.n_tokens)]]
        cut = _user_start(self._llm, held, str(messages[-1].get("content", "")))
        if cut <= 0:
            return
        import llama_cpp

        if not self._llm._ctx.kv_cache_seq_rm(-1, cut, -1):
            return
        self._llm.n_tokens = cut
        size = llama_cpp.llama_state_get_size(self._llm.ctx)
        buffer = (ctypes.c_uint8 * size)()
        written = llama_cpp.llama_state_get_data(self._llm.ctx, buffer, size)
        if not 0 < written <= size:
            return
        data = _HEADER.pack(_MAGIC, cut) + struct.pack(f"<{cut}i", *held[:cut])
        self._directory.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(data + bytes(buffer)[:written])
        temporary.replace(path)  # whole or not at all, even with two processes at once

    def _path(self, messages: list[dict[str, Any]]) -> Path | None:
        if len(messages) < 2 or messages[0].get("role") != "system":
            return None
        system = str(messages[0].get("content", ""))
        key = hashlib.sha256(f"{self._identity}\0{system}".encode()).hexdigest()[:24]
        return self._directory / f"{key}.state"


def _user_start(llm: Any, held: list[int], user: str) -> int:
    """Where the user's words begin in the prompt's tokens (their first token aside, which may
    merge with the template's newline), or 0 when they cannot be found."""
    words = llm.tokenize(user[:200].encode(), add_bos=False, special=False)[1:8]
    if len(words) < 3:
        return 0
    for start in range(2, len(held) - len(words) + 1):
        if held[start : start + len(words)] == words:
            return start - 2  # the user's first token and one for safety
    return 0


def _read(data: bytes) -> tuple[list[int], bytes]:
    if len(data) < _HEADER.size:
        raise ValueError("short prefix file")
    magic, count = _HEADER.unpack_from(data)
    end = _HEADER.size + 4 * count
    if magic != _MAGIC or count == 0 or len(data) <= end:
        raise ValueError("not a prefix file")
    return list(struct.unpack_from(f"<{count}i", data, _HEADER.size)), data[end:]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _version() -> str:
    import llama_cpp

    return str(getattr(llama_cpp, "__version__", "?"))
