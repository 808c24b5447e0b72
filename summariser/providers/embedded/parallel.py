"""Several requests decoded together: one llama.cpp context, one sequence each, one step for all.

On a CPU a step's cost grows slower than the tokens in it: on two cores 8 sequences decode
2.1 times the tokens a second of one (BENCHMARKS.md, issue 25). So requests that arrive
together (a batch's articles, `summarise serve`'s clients) share a loop thread that keeps up
to `slots` of them in flight: each step holds the next token of every sequence that is
writing, plus a chunk of one prompt being read, and each sequence samples its own token under
its own grammar and penalties (sampling.TopTokenFirst). The KV cells are one pool shared by
the sequences (llama.cpp's unified cache), and a request is admitted when the pool has room
for its prompt and its longest answer. Greedy answers here are not bit-identical to one
request at a time: llama.cpp computes a row's logits differently in a step of several rows.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
import uuid
from concurrent.futures import Future
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast

from .sampling import TopTokenFirst

__all__ = ["ParallelDecoder", "PromptTooLong", "prompt_tokens"]

_STEP_TOKENS = 512  # the most tokens one step holds: llama.cpp's usual batch


class PromptTooLong(ValueError):
    """The prompt and one answer token would not fit the decoder's cells."""


def prompt_tokens(llm: Any, messages: list[dict[str, Any]]) -> list[int]:
    """The prompt as llama-cpp's chat handler makes it: the GGUF's template, then tokens."""
    from llama_cpp import llama_chat_format

    model = llm._model
    eos, bos = model.token_eos(), model.token_bos()
    formatter = llama_chat_format.Jinja2ChatFormatter(
        template=llm.metadata["tokenizer.chat_template"],
        eos_token=model.token_get_text(eos) if eos != -1 else "",
        bos_token=model.token_get_text(bos) if bos != -1 else "",
        stop_token_ids=[eos],
    )
    result = formatter(messages=cast(Any, messages))  # OpenAI-shaped dicts, as llama-cpp types
    text = result.prompt.encode("utf-8")
    return llm.tokenize(text, add_bos=not result.added_special, special=True)


@dataclass
class _Request:
    prompt: list[int]
    sampler: TopTokenFirst
    max_tokens: int
    answer: Future[dict[str, Any]]
    seq: int = -1
    read: int = 0  # prompt tokens evaluated so far
    written: list[int] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def cells(self) -> int:
        return len(self.prompt) + self.max_tokens


class ParallelDecoder:
    """A loop thread answering `submit`ted requests, up to `slots` decoded together."""

    def __init__(self, llm: Any, slots: int, cells: int) -> None:
        import llama_cpp as library

        self._library, self._llm, self.slots, self.cells = library, llm, slots, cells
        params = library.llama_context_default_params()
        params.n_ctx, params.n_batch, params.n_ubatch = cells, _STEP_TOKENS, _STEP_TOKENS
        params.n_seq_max, params.kv_unified = slots + 1, True  # the last is the kept prompt
        params.n_threads = params.n_threads_batch = llm.n_threads
        params.flash_attn_type = library.LLAMA_FLASH_ATTN_TYPE_DISABLED  # as the Llama runs
        self._ctx = library.llama_init_from_model(llm._model.model, params)
        if not self._ctx:
            raise RuntimeError("llama.cpp could not make a context for parallel decoding")
        self._view = SimpleNamespace(ctx=self._ctx)  # what TopTokenFirst.sample reads
        self._batch = library.llama_batch_init(_STEP_TOKENS, 0, 1)
        self._waiting: queue.Queue[_Request | None] = queue.Queue()
        self._kept: list[int] = []  # the prompt sequence `slots` holds, shared by the next
        self.shared_steps = 0  # steps in which more than one sequence wrote a token
        self._thread = threading.Thread(target=self._run, name="parallel-decoder", daemon=True)
        self._thread.start()

    def submit(
        self, messages: list[dict[str, Any]], grammar: Any, max_tokens: int, penalty: float
    ) -> Future[dict[str, Any]]:
        """The answer to come: an OpenAI-shaped completion, or the error that ended it."""
        answer: Future[dict[str, Any]] = Future()
        prompt = prompt_tokens(self._llm, messages)
        if len(prompt) + 1 > self.cells:
            answer.set_exception(PromptTooLong(f"Requested tokens ({len(prompt)}) exceed "
                                              f"context window of {self.cells}"))  # fmt: skip
            return answer
        max_tokens = min(max_tokens, self.cells - len(prompt))
        sampler = TopTokenFirst(
            self._llm, grammar, repeat_penalty=penalty, frequency_penalty=0.0, presence_penalty=0.0
        )
        self._waiting.put(_Request(prompt, sampler, max_tokens, answer))
        return answer

    def close(self) -> None:
        if self._thread.is_alive():
            self._waiting.put(None)
            self._thread.join()
        if self._ctx:
            self._library.llama_batch_free(self._batch)
            self._library.llama_free(self._ctx)
            self._ctx = None

    def _run(self) -> None:
        active: list[_Request] = []
        held: list[_Request] = []  # admitted in order: one too large for the room left waits
        while True:
            if not active and not held:
                first = self._waiting.get()
                if first is None:
                    return
                held.append(first)
            with contextlib.suppress(queue.Empty):
                while True:
                    more = self._waiting.get_nowait()
                    if more is None:
                        return
                    held.append(more)
            self._admit(active, held)
            try:
                rows = self._step(active)
            except Exception as exc:  # llama.cpp refused the step: every request in it fails
                for request in active:
                    self._finish(request, error=exc)
                active.clear()
                continue
            for row, request in rows:
                self._advance(request, row)
            active[:] = [r for r in active if not r.answer.done()]

    def _admit(self, active: list[_Request], held: list[_Request]) -> None:
        free_seqs = sorted(set(range(self.slots)) - {r.seq for r in active})
        room = self.cells - sum(r.cells for r in active)
        room -= len(self._kept)
        while held and free_seqs and held[0].cells <= room:
            request = held.pop(0)
            request.seq = free_seqs.pop(0)
            room -= request.cells
            active.append(request)
            self._share(request)

    def _share(self, request: _Request) -> None:
        """Start the request where the kept prompt and its own agree (the system prompt,
        and the instructions up to the article): those cells are shared, not read again.
        One token is always read, for the logits the first answer token is sampled from."""
        common = 0
        for kept, own in zip(self._kept, request.prompt[:-1], strict=False):
            if kept != own:
                break
            common += 1
        if common:
            memory = self._library.llama_get_memory(self._ctx)
            self._library.llama_memory_seq_cp(memory, self.slots, request.seq, 0, common)
            request.read = common

    def _keep(self, request: _Request) -> None:
        """Keep this request's prompt (now read) for the requests to come."""
        memory = self._library.llama_get_memory(self._ctx)
        self._library.llama_memory_seq_rm(memory, self.slots, -1, -1)
        self._library.llama_memory_seq_cp(memory, request.seq, self.slots, 0, len(request.prompt))
        self._kept = list(request.prompt)

    def _step(self, active: list[_Request]) -> list[tuple[int, _Request]]:
        """One llama_decode: every writing sequence's last token, then prompt chunks."""
        rows: list[tuple[int, _Request]] = []
        entries: list[tuple[int, int, int, bool]] = []
        for request in active:
            if request.read == len(request.prompt) and request.written:
                position = len(request.prompt) + len(request.written) - 1
                rows.append((len(entries), request))
                entries.append((request.written[-1], position, request.seq, True))
        self.shared_steps += len(entries) > 1
        for request in active:
            room = _STEP_TOKENS - len(entries)
            if request.read < len(request.prompt) and room > 0:
                chunk = request.prompt[request.read : request.read + room]
                for offset, token in enumerate(chunk):
                    last = request.read + offset == len(request.prompt) - 1
                    if last:
                        rows.append((len(entries), request))
                    entries.append((token, request.read + offset, request.seq, last))
                request.read += len(chunk)
        self._decode(entries)
        for _, request in rows:
            if not request.written and request.read == len(request.prompt):
                self._keep(request)
        return rows

    def _decode(self, entries: list[tuple[int, int, int, bool]]) -> None:
        batch = self._batch
        for row, (token, position, seq, logits) in enumerate(entries):
            batch.token[row], batch.pos[row] = token, position
            batch.n_seq_id[row], batch.seq_id[row][0] = 1, seq
            batch.logits[row] = logits
        batch.n_tokens = len(entries)
        status = self._library.llama_decode(self._ctx, batch)
        if status != 0:
            raise RuntimeError(f"llama_decode failed ({status})")

    def _advance(self, request: _Request, row: int) -> None:
        token = request.sampler.sample(self._view, row)  # type: ignore[arg-type]
        if self._library.llama_vocab_is_eog(self._llm._model.vocab, token):
            self._finish(request, reason="stop")
            return
        request.written.append(token)
        if len(request.written) >= request.max_tokens:
            self._finish(request, reason="length")

    def _finish(
        self, request: _Request, *, reason: str = "stop", error: BaseException | None = None
    ) -> None:
        memory = self._library.llama_get_memory(self._ctx)
        self._library.llama_memory_seq_rm(memory, request.seq, -1, -1)
        if error is not None:
            request.answer.set_exception(error)
            return
        text = self._llm.detokenize(request.written).decode("utf-8", errors="replace")
        request.answer.set_result(_completion(text, reason, len(request.prompt),
                                              len(request.written)))  # fmt: skip


def _completion(text: str, reason: str, prompt: int, written: int) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{uuid.uuid4()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "logprobs": None,
                "finish_reason": reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": written,
            "total_tokens": prompt + written,
        },
    }
