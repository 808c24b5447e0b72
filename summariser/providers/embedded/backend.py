"""The embedded model answering OpenAI chat-completion requests, as plain dicts.

Both routes to the embedded model go through `LocalModel.chat`: the in-process transport
(transport.py) and the loopback HTTP server (server.py), so what is recorded over HTTP is what
runs in-process. Three fixes for llama-cpp-python 0.3.36 live here and nowhere else:
- it ignores `response_format={"type": "json_schema"}` (no grammar, garbage until max_tokens),
  so the schema's grammar is made here, laid out without the spaces a model need not write
  (grammar.py);
- its in-process repeat penalty defaults to 1.0, at which a small model repeats list items;
  1.1 is set explicitly;
- built natively on a CPU that advertises AMX, its AMX matrix kernels die with a protection
  fault at their first tile instruction where the virtual machine does not really grant AMX
  (seen on this project's Intel Xeon machines): on such CPUs the model loads without llama.cpp's
  extra buffer types, which is where those kernels live (`load_llama`).
Greedy sampling under a grammar checks the top token first (sampling.py): the same tokens,
without constraining the whole vocabulary at every step. The system prompt's state is kept on
disk (prefix.py), so a new process does not read it again. OpenAI's `logprobs` and
`top_logprobs` are served for one-token answers (a closed question's), from the logits llama.cpp
keeps of the prompt's last token; llama-cpp-python serves them only with `logits_all`, which
costs a 600 MB score array and slower reading.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from ...config import cache_dir
from ...errors import ConfigError
from .grammar import grammar_options
from .prefix import PrefixStore
from .sampling import sample_top_token_first
from .weights import MODEL_NAME, ensure_weights

__all__ = ["DEFAULT_CONTEXT", "LocalModel", "RequestError", "advertises_amx", "load_llama"]

DEFAULT_CONTEXT = 8192
REPEAT_PENALTY = 1.1
# KV cells the parallel decoder keeps for each request it may hold (28 KB each): a request is
# admitted with room for its prompt and its longest answer (1,500 tokens for a briefing), so
# a typical article (1,200-3,000 prompt tokens) fits in 6,144 and N of them in N times that.
CELLS_PER_REQUEST = 6144
_PASSED_THROUGH = ("temperature", "top_p", "max_tokens", "seed", "stop", "presence_penalty")
MAX_TOP_LOGPROBS = 20  # OpenAI's bound


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
        parallel: int = 1,
    ) -> None:
        if find_spec("llama_cpp") is None:
            raise ConfigError(
                "the embedded model needs llama-cpp-python: pip install 'summariser[local]', "
                "or configure an endpoint with --base-url / SUMMARISER_BASE_URL"
            )
        self.path = Path(path) if path else ensure_weights()  # settings.local_model, else ours
        self.name = MODEL_NAME if self.path.name == f"{MODEL_NAME}.gguf" else self.path.stem
        self._llm: Any = load_llama(self.path, n_ctx=n_ctx, threads=threads)
        self._prefix = PrefixStore(self._llm, self.path, cache_dir() / "prefix", n_ctx)
        self._lock = threading.Lock()
        self.parallel = max(1, parallel)  # requests decoded together (parallel.py); 1: in turn
        self._decoder: Any = None
        # llama.cpp frees the model in __del__, which at interpreter exit can run after the
        # modules it calls are torn down and print a traceback; close it while they live.
        atexit.register(self.close)

    def close(self) -> None:
        with self._lock:
            if self._decoder is not None:
                self._decoder.close()
                self._decoder = None
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
        alternatives = _alternatives_asked(body)
        options["repeat_penalty"] = body.get("repeat_penalty", REPEAT_PENALTY)
        options |= grammar_options(body.get("response_format"), messages)
        if self.parallel > 1 and _greedy_under_grammar(options) and alternatives is None:
            return self._chat_together(messages, options)
        with self._lock:
            import llama_cpp

            self._prefix.before(messages)
            llama_cpp.llama_perf_context_reset(self._llm.ctx)
            try:
                result = self._llm.create_chat_completion(messages=messages, **options)
            except ValueError as exc:  # e.g. "Requested tokens exceed context window"
                raise RequestError(str(exc)) from exc
            perf = llama_cpp.llama_perf_context(self._llm.ctx)
            if alternatives is not None:
                result["choices"][0]["logprobs"] = self._first_token(result, alternatives)
            self._prefix.after(messages, int(result["usage"]["prompt_tokens"]))
        answer: dict[str, Any] = dict(result)
        answer["model"] = self.name
        answer["usage"] = _with_timings(dict(answer["usage"]), perf)
        return answer

    def _first_token(self, result: dict[str, Any], top: int) -> dict[str, Any] | None:
        """OpenAI's `logprobs` of a one-token answer: the token written and the `top` most
        likely, from the logits of the prompt's last token, which llama.cpp still holds (the
        token written is sampled, not read back). None where nothing was written."""
        import numpy as np

        written = result["choices"][0]["message"].get("content") or ""
        ids = self._llm.tokenize(written.encode(), add_bos=False, special=False)
        if len(ids) != 1:
            return None  # the end of the answer, or a token the text does not round-trip
        logits = np.ctypeslib.as_array(self._llm._ctx.get_logits(), shape=(self._llm._n_vocab,))
        shifted = logits - logits.max()
        logprobs = shifted - np.log(np.exp(shifted).sum())
        best = np.argsort(-logprobs, kind="stable")[:top]
        entry = self._logprob(int(ids[0]), logprobs)
        entry["top_logprobs"] = [self._logprob(int(i), logprobs) for i in best]
        return {"content": [entry]}

    def _logprob(self, token: int, logprobs: Any) -> dict[str, Any]:
        text = self._llm.detokenize([token])
        return {
            "token": text.decode("utf-8", errors="replace"),
            "logprob": float(logprobs[token]),
            "bytes": list(text),
        }

    def _chat_together(self, messages: list[Any], options: dict[str, Any]) -> dict[str, Any]:
        """The answer from the decoder that keeps `parallel` requests in one step."""
        with self._lock:
            if self._decoder is None:
                from .parallel import ParallelDecoder

                cells = max(DEFAULT_CONTEXT, self.parallel * CELLS_PER_REQUEST)
                self._decoder = ParallelDecoder(self._llm, self.parallel, cells)
            decoder = self._decoder
        from .parallel import PromptTooLong

        try:
            answer = decoder.submit(
                messages,
                options["grammar"],
                int(options.get("max_tokens") or DEFAULT_CONTEXT),
                float(options["repeat_penalty"]),
            ).result()
        except PromptTooLong as exc:
            raise RequestError(str(exc)) from exc
        answer["model"] = self.name
        answer["usage"]["prompt_tokens_details"] = {"cached_tokens": 0}
        return answer


def _alternatives_asked(body: dict[str, Any]) -> int | None:
    """How many alternatives a request asks of its answer's token (OpenAI's `top_logprobs`,
    0 for the written token's alone), or None where it asks for no `logprobs`; RequestError
    for an answer longer than one token, or a count out of OpenAI's range."""
    if body.get("logprobs") is not True:
        return None
    top = body.get("top_logprobs") or 0
    if not isinstance(top, int) or isinstance(top, bool) or not 0 <= top <= MAX_TOP_LOGPROBS:
        raise RequestError(f"top_logprobs must be a whole number from 0 to {MAX_TOP_LOGPROBS}")
    if body.get("max_tokens") != 1:
        raise RequestError("logprobs are served for one-token answers: set max_tokens to 1")
    return top


def _greedy_under_grammar(options: dict[str, Any]) -> bool:
    """Whether the decoder can answer: our grammar, temperature 0, nothing else asked."""
    rest = set(options) - {"grammar", "temperature", "max_tokens", "repeat_penalty"}
    return "grammar" in options and options["temperature"] == 0.0 and not rest


def _with_timings(usage: dict[str, Any], perf: Any) -> dict[str, Any]:
    """OpenAI's usage, plus what llama.cpp measured of the call: the prompt tokens it kept from
    the previous call (`cached_tokens`, OpenAI's field), and the milliseconds spent reading the
    rest of the prompt and writing the answer (the time left over is sampling: the grammar)."""
    evaluated = min(int(perf.n_p_eval), int(usage.get("prompt_tokens", 0)))
    usage["prompt_tokens_details"] = {
        "cached_tokens": int(usage.get("prompt_tokens", 0)) - evaluated
    }
    usage["prefill_ms"] = round(float(perf.t_p_eval_ms), 1)
    usage["decode_ms"] = round(float(perf.t_eval_ms), 1)
    return usage


def load_llama(path: Path, *, n_ctx: int = DEFAULT_CONTEXT, threads: int | None = None) -> Any:
    """llama.cpp's model on every core, without the AMX kernels where they would crash, and
    sampling greedily under a grammar top token first (sampling.py)."""
    from llama_cpp import Llama

    cores = threads or os.cpu_count() or 1
    with _without_extra_buffer_types() if advertises_amx() else contextlib.nullcontext():
        llm = Llama(
            model_path=str(path),
            n_ctx=n_ctx,
            n_threads=cores,
            n_threads_batch=cores,
            logits_all=False,
            verbose=False,
        )
    sample_top_token_first(llm)
    return llm


def advertises_amx(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether the CPU says it has AMX tiles (Linux); elsewhere, or unreadable: no."""
    try:
        with cpuinfo.open(encoding="utf-8", errors="replace") as lines:
            flags = next((line for line in lines if line.startswith("flags")), "")
    except OSError:
        return False
    return "amx_tile" in flags.split()


@contextlib.contextmanager
def _without_extra_buffer_types() -> Iterator[None]:
    """`Llama` reads its model parameters from llama_cpp's defaults and offers no argument
    for `use_extra_bufts`, so the defaults are wrapped while one model loads."""
    from llama_cpp import llama_cpp as library

    defaults = library.llama_model_default_params

    def without() -> Any:
        params = defaults()
        params.use_extra_bufts = False
        return params

    library.llama_model_default_params = without
    try:
        yield
    finally:
        library.llama_model_default_params = defaults
