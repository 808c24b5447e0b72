"""The embedded model answering OpenAI chat-completion requests, as plain dicts.

Both routes to the embedded model go through `LocalModel.chat`: the in-process transport
(transport.py) and the loopback HTTP server (server.py), so what is recorded over HTTP is what
runs in-process. Two fixes for llama-cpp-python 0.3.36 live here and nowhere else:
- it ignores `response_format={"type": "json_schema"}` (no grammar, garbage until max_tokens);
  it does honour `{"type": "json_object", "schema": ...}`, so the request is rewritten;
- its in-process repeat penalty defaults to 1.0, at which a small model repeats list items;
  1.1 is set explicitly.
"""

from __future__ import annotations

import atexit
import os
import threading
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from .weights import MODEL_NAME, ensure_weights

__all__ = ["DEFAULT_CONTEXT", "LocalModel", "RequestError"]

DEFAULT_CONTEXT = 8192
REPEAT_PENALTY = 1.1
_PASSED_THROUGH = ("temperature", "top_p", "max_tokens", "seed", "stop", "presence_penalty")


class RequestError(ValueError):
    """The request cannot be served (bad shape, or longer than the context window)."""


class LocalModel:
    """One loaded GGUF model; thread-safe (calls are serialised, llama.cpp is not reentrant)."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        n_ctx: int = DEFAULT_CONTEXT,
        threads: int | None = None,
    ) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ConfigError(
                "the embedded model needs llama-cpp-python: pip install 'summariser[local]', "
                "or configure an endpoint with --base-url / SUMMARISER_BASE_URL"
            ) from exc
        self.path = Path(path) if path else ensure_weights()  # settings.local_model, else ours
        self.name = MODEL_NAME if self.path.name == f"{MODEL_NAME}.gguf" else self.path.stem
        cores = threads or os.cpu_count() or 1
        self._llm: Any = Llama(
            model_path=str(self.path),
            n_ctx=n_ctx,
            n_threads=cores,
            n_threads_batch=cores,
            logits_all=False,
            verbose=False,
        )
        self._lock = threading.Lock()
        # llama.cpp frees the model in __del__, which at interpreter exit can run after the
        # modules it calls are torn down and print a traceback; close it while they live.
        atexit.register(self.close)

    def close(self) -> None:
        with self._lock:
            if self._llm is not None:
                self._llm.close()
                self._llm = None

    def chat(self, body: dict[str, Any]) -> dict[str, Any]:
        """Answer one /v1/chat/completions request body with an OpenAI-shaped response."""
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise RequestError("request has no messages")
        options = {key: body[key] for key in _PASSED_THROUGH if body.get(key) is not None}
        options.setdefault("temperature", 0.0)
        options["repeat_penalty"] = body.get("repeat_penalty", REPEAT_PENALTY)
        response_format = _llama_response_format(body.get("response_format"))
        with self._lock:
            try:
                result = self._llm.create_chat_completion(
                    messages=messages, response_format=response_format, **options
                )
            except ValueError as exc:  # e.g. "Requested tokens exceed context window"
                raise RequestError(str(exc)) from exc
        answer: dict[str, Any] = dict(result)
        answer["model"] = self.name
        return answer


def _llama_response_format(requested: Any) -> dict[str, Any] | None:
    if not isinstance(requested, dict):
        return None
    if requested.get("type") == "json_schema":
        schema = (requested.get("json_schema") or {}).get("schema")
        return {"type": "json_object", "schema": schema} if schema else {"type": "json_object"}
    return requested
