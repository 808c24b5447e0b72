"""Guess and verify on one article (issue 25, item 2), measured against llama-cpp's own loop.

    python bench/guess_verify.py [CASSETTE] [GUESSES]

A cassette's request (default: the founding article's) is answered twice by the embedded model
in this process, each from an empty context (no saved prefix): by `Llama.create_chat_completion`
as `LocalModel.chat` calls it today, and by a loop of our own over llama.cpp's batch API that
guesses the next GUESSES tokens (default 4) by the latest earlier occurrence of the last three
to six tokens (prompt and answer so far), evaluates them in one step, and keeps each only
where greedy decoding under the grammar picks it. Printed: both times, the steps taken, tokens
accepted per step, and whether the two answers and the recorded one are the same text.
FLASH_ATTN=1 runs both with llama.cpp's flash attention (the embedded model runs without).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    import yaml

    cassette = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else ROOT / "cassettes" / "test_founding_article.yaml"
    )
    guesses = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    interaction = yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"][0]
    body = json.loads(interaction["request"]["body"])
    recorded = json.loads(interaction["response"]["body"]["string"])
    recorded_text = recorded["choices"][0]["message"]["content"]

    from summariser.providers.embedded.backend import REPEAT_PENALTY, load_llama
    from summariser.providers.embedded.grammar import grammar_options
    from summariser.providers.embedded.weights import ensure_weights

    if os.environ.get("FLASH_ATTN"):  # an experiment: attention a query row at a time
        from llama_cpp import Llama

        from summariser.providers.embedded.backend import _without_extra_buffer_types
        from summariser.providers.embedded.sampling import sample_top_token_first

        cores = os.cpu_count() or 1
        with _without_extra_buffer_types():  # as load_llama does where AMX is advertised
            llm = Llama(model_path=str(ensure_weights()), n_ctx=8192, n_threads=cores,
                        n_threads_batch=cores, verbose=False, flash_attn=True)  # fmt: skip
        sample_top_token_first(llm)
    else:
        llm = load_llama(ensure_weights())
    messages = body["messages"]
    options = grammar_options(body.get("response_format"), messages)
    max_tokens = int(body.get("max_tokens") or 2048)

    llm.reset()
    started = time.perf_counter()
    stock = llm.create_chat_completion(
        messages=messages,
        temperature=0.0,
        max_tokens=max_tokens,
        repeat_penalty=REPEAT_PENALTY,
        **options,
    )
    stock_seconds = time.perf_counter() - started
    stock_text = stock["choices"][0]["message"]["content"]

    llm.reset()
    options = grammar_options(body.get("response_format"), messages)  # a fresh grammar
    started = time.perf_counter()
    ours, steps = _guessing(llm, messages, options["grammar"], max_tokens, guesses)
    ours_seconds = time.perf_counter() - started

    completion = int(stock["usage"]["completion_tokens"])
    ratio = ours_seconds / stock_seconds
    print(f"{cassette.name}: prompt {stock['usage']['prompt_tokens']} tokens, ", end="")
    print(f"completion {completion}")
    print(f"llama-cpp's loop: {stock_seconds:.1f} s")
    print(f"guess {guesses} and verify: {ours_seconds:.1f} s = {ratio:.2f}x, ", end="")
    print(f"{steps} steps, {completion / max(1, steps):.2f} tokens a step")
    if ours != stock_text:
        pairs = zip(ours, stock_text, strict=False)
        at = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(ours), len(stock_text)))
        print(f"first difference at character {at}:")
        print(f"  ours        {ours[max(0, at - 40) : at + 40]!r}")
        print(f"  llama-cpp's {stock_text[max(0, at - 40) : at + 40]!r}")
    same = stock_text == recorded_text
    print(f"same answer as llama-cpp's loop: {ours == stock_text}; ", end="")
    print(f"as recorded: {ours == recorded_text} (llama-cpp's: {same})")


def _guessing(
    llm: Any, messages: list[dict[str, Any]], grammar: Any, max_tokens: int, guesses: int
) -> tuple[str, int]:
    import llama_cpp as library

    from summariser.providers.embedded.backend import REPEAT_PENALTY
    from summariser.providers.embedded.parallel import prompt_tokens
    from summariser.providers.embedded.sampling import TopTokenFirst

    sampler = TopTokenFirst(
        llm, grammar, repeat_penalty=REPEAT_PENALTY, frequency_penalty=0.0, presence_penalty=0.0
    )
    vocab = llm._model.vocab
    ctx = llm.ctx
    library.llama_memory_clear(library.llama_get_memory(ctx), True)
    prompt = prompt_tokens(llm, messages)
    for start in range(0, len(prompt), llm.n_batch):  # as llama-cpp evaluates a prompt
        chunk = prompt[start : start + llm.n_batch]
        last = start + len(chunk) == len(prompt)
        _decode(
            library,
            ctx,
            chunk,
            start,
            logits=[last and j == len(chunk) - 1 for j in range(len(chunk))],
        )
    answer: list[int] = []
    token = sampler.sample(llm._ctx, -1)
    steps = 0
    while not library.llama_vocab_is_eog(vocab, token) and len(answer) < max_tokens:
        answer.append(token)
        guess = _guess(prompt + answer, guesses)[: max_tokens - len(answer)]
        position = len(prompt) + len(answer) - 1
        _decode(library, ctx, [token, *guess], position, logits=[True] * (1 + len(guess)))
        steps += 1
        for row, guessed in enumerate([*guess, None]):
            token = sampler.sample(llm._ctx, row)
            if guessed is None or token != guessed or library.llama_vocab_is_eog(vocab, token):
                if guessed is not None:  # the rest of the guess is wrong: forget its cells
                    library.llama_memory_seq_rm(
                        library.llama_get_memory(ctx), 0, position + row + 1, -1
                    )
                break
            answer.append(token)
            if len(answer) >= max_tokens:
                break
    return llm.detokenize(answer).decode("utf-8", errors="replace"), steps


def _guess(tokens: list[int], count: int) -> list[int]:
    """What followed the latest earlier occurrence of the last 6, 5, 4 or 3 tokens."""
    for size in range(6, 2, -1):
        if len(tokens) <= size:
            continue
        tail = tokens[-size:]
        for start in range(len(tokens) - size - 1, -1, -1):
            if tokens[start : start + size] == tail:
                return tokens[start + size : start + size + count]
    return []


def _decode(library: Any, ctx: Any, tokens: list[int], start: int, *, logits: list[bool]) -> None:
    batch = library.llama_batch_init(len(tokens), 0, 1)
    try:
        for row, token in enumerate(tokens):
            batch.token[row], batch.pos[row] = token, start + row
            batch.n_seq_id[row], batch.seq_id[row][0] = 1, 0
            batch.logits[row] = logits[row]
        batch.n_tokens = len(tokens)
        if library.llama_decode(ctx, batch) != 0:
            raise RuntimeError("llama_decode failed")
    finally:
        library.llama_batch_free(batch)


if __name__ == "__main__":
    main()
