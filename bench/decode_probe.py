"""What one llama.cpp step costs with more tokens in it: the levers of issue 25, measured raw.

    python bench/decode_probe.py [STEPS] [REPEATS]

Two questions, on the embedded model's own weights and threads, before any pipeline is built:
- **Several articles at once.** N sequences, each with its own ~1,000-token prompt, decode one
  token each per step (one `llama_decode` of N tokens). Printed: tokens per second summed over
  the sequences, for N = 1, 2, 4, 8, and the KV cache's size.
- **Guess and verify.** One sequence evaluates K tokens in one step (K = 1, 2, 4, 8), as a
  verifier of K-1 guessed tokens does. Printed: milliseconds per step; a guess pays when the
  tokens it gets accepted per step outweigh this cost over K = 1.
Greedy argmax, no grammar: this is the model's step alone. Last, whether a token's logits
are the same when its step holds more tokens: the same greedy tokens, 1 and 8 a step, and 4
sequences from one prompt decoded together. Run on an idle machine.
"""

from __future__ import annotations

import ctypes
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROMPT_TOKENS = 1000
KV_BYTES_PER_TOKEN = 28 * 2 * 2 * 128 * 2  # layers x (K, V) x KV heads x head size x f16


def main() -> None:
    import llama_cpp as library
    import numpy as np

    from summariser.providers.embedded.backend import advertises_amx
    from summariser.providers.embedded.weights import ensure_weights

    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 48
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    library.llama_backend_init()
    params = library.llama_model_default_params()
    params.use_extra_bufts = not advertises_amx()  # as backend.load_llama: no AMX kernels on VMs
    model = library.llama_model_load_from_file(str(ensure_weights()).encode(), params)
    vocab = library.llama_model_get_vocab(model)
    size = library.llama_vocab_n_tokens(vocab)
    text = (ROOT / "tests" / "data" / "kim-putin.txt").read_text(encoding="utf-8") * 3
    prompt = _tokenize(library, vocab, text)[:PROMPT_TOKENS]
    threads = os.cpu_count() or 1
    print(f"{threads} threads, prompt {len(prompt)} tokens, {steps} steps, {repeats} repeats")

    seqs = 8
    ctx = _context(library, model, n_ctx=seqs * (PROMPT_TOKENS + 8 * steps + 16), seqs=seqs)
    memory = library.llama_get_memory(ctx)
    started = time.perf_counter()
    _decode(library, ctx, [(t, i, 0, i == len(prompt) - 1) for i, t in enumerate(prompt)])
    prefill = time.perf_counter() - started
    first = int(np.argmax(_logits(library, ctx, -1, size)))
    for seq in range(1, seqs):  # every sequence holds the prompt, in its own cells
        library.llama_memory_seq_cp(memory, 0, seq, -1, -1)
    print(f"prefill: {len(prompt) / prefill:.1f} tokens/s ({prefill:.1f} s)")

    for n in (1, 2, 4, 8):
        rates = []
        for _ in range(repeats):
            for seq in range(seqs):
                library.llama_memory_seq_rm(memory, seq, PROMPT_TOKENS, -1)
            last = [first] * n
            started = time.perf_counter()
            for step in range(steps):
                position = PROMPT_TOKENS + step
                _decode(library, ctx, [(last[s], position, s, True) for s in range(n)])
                last = [int(np.argmax(_logits(library, ctx, s, size))) for s in range(n)]
            rates.append(n * steps / (time.perf_counter() - started))
        kv = n * (PROMPT_TOKENS + steps) * KV_BYTES_PER_TOKEN / 2**20
        print(
            f"N={n}: {statistics.median(rates):.1f} tokens/s summed "
            f"(min {min(rates):.1f}, max {max(rates):.1f}), KV cache ~{kv:.0f} MiB"
        )

    for k in (1, 2, 4, 8):
        costs = []
        for _ in range(repeats):
            library.llama_memory_seq_rm(memory, 0, PROMPT_TOKENS, -1)
            position = PROMPT_TOKENS
            started = time.perf_counter()
            for _ in range(steps // 2):
                _decode(library, ctx, [(prompt[(position + j) % 50], position + j, 0, True)
                                       for j in range(k)])  # fmt: skip
                position += k
            costs.append((time.perf_counter() - started) * 1000 / (steps // 2))
        print(
            f"K={k}: {statistics.median(costs):.1f} ms a step "
            f"(min {min(costs):.1f}, max {max(costs):.1f})"
        )
    _identity(library, ctx, memory, first, size, steps)
    library.llama_free(ctx)
    library.llama_model_free(model)


def _identity(library: Any, ctx: Any, memory: Any, first: int, size: int, steps: int) -> None:
    """Whether greedy tokens stay the same when steps hold more tokens: one sequence one token
    a step (the reference); the same tokens checked 8 a step; 4 sequences decoded together."""
    import numpy as np

    def reset() -> None:
        for seq in range(8):
            library.llama_memory_seq_rm(memory, seq, PROMPT_TOKENS, -1)

    reset()
    greedy, token, single = [], first, []
    for step in range(steps):
        _decode(library, ctx, [(token, PROMPT_TOKENS + step, 0, True)])
        single.append(np.array(_logits(library, ctx, 0, size)))
        token = int(np.argmax(single[-1]))
        greedy.append(token)
    reset()
    fed, checked, gaps = [first, *greedy[:-1]], [], []
    for start in range(0, steps, 8):
        chunk = fed[start : start + 8]
        _decode(
            library, ctx, [(t, PROMPT_TOKENS + start + j, 0, True) for j, t in enumerate(chunk)]
        )
        rows = [np.array(_logits(library, ctx, j, size)) for j in range(len(chunk))]
        gaps += [float(np.max(np.abs(row - single[start + j]))) for j, row in enumerate(rows)]
        checked += [int(np.argmax(row)) for row in rows]
    reset()
    together, last = [[] for _ in range(4)], [first] * 4
    for step in range(steps):
        _decode(library, ctx, [(last[s], PROMPT_TOKENS + step, s, True) for s in range(4)])
        last = [int(np.argmax(_logits(library, ctx, s, size))) for s in range(4)]
        for s in range(4):
            together[s].append(last[s])
    differ = sum(a != b for a, b in zip(greedy, checked, strict=True))
    print(
        f"identity: 8 a step vs 1 a step, {differ} of {steps} greedy tokens differ; "
        f"logits differ by up to {max(gaps):.3f} (median {statistics.median(gaps):.3f})"
    )
    for s in range(4):
        differ = sum(a != b for a, b in zip(greedy, together[s], strict=True))
        print(f"identity: sequence {s} of 4 decoded together, {differ} of {steps} differ")


def _tokenize(library: Any, vocab: Any, text: str) -> list[int]:

    data = text.encode()
    buffer = (library.llama_token * (len(data) + 8))()
    count = library.llama_tokenize(vocab, data, len(data), buffer, len(buffer), True, False)
    return list(buffer[:count])


def _context(library: Any, model: Any, *, n_ctx: int, seqs: int) -> Any:

    params = library.llama_context_default_params()
    params.n_ctx, params.n_batch, params.n_ubatch = n_ctx, 2048, 512
    params.n_seq_max = seqs
    params.flash_attn_type = library.LLAMA_FLASH_ATTN_TYPE_DISABLED  # as the embedded model runs
    params.n_threads = params.n_threads_batch = os.cpu_count() or 1
    return library.llama_init_from_model(model, params)


def _decode(library: Any, ctx: Any, tokens: list[tuple[int, int, int, bool]]) -> None:
    """One llama_decode of (token, position, sequence, wants logits) rows."""

    batch = library.llama_batch_init(len(tokens), 0, 1)
    try:
        for row, (token, position, seq, logits) in enumerate(tokens):
            batch.token[row], batch.pos[row] = token, position
            batch.n_seq_id[row], batch.seq_id[row][0] = 1, seq
            batch.logits[row] = logits
        batch.n_tokens = len(tokens)
        if library.llama_decode(ctx, batch) != 0:
            raise RuntimeError("llama_decode failed")
    finally:
        library.llama_batch_free(batch)


def _logits(library: Any, ctx: Any, index: int, size: int) -> Any:
    import numpy as np

    pointer = library.llama_get_logits_ith(ctx, index)
    return np.ctypeslib.as_array(ctypes.cast(pointer, ctypes.POINTER(ctypes.c_float)), (size,))


if __name__ == "__main__":
    main()
