"""The embedded model: our briefing against raw llama.cpp generating the same number of tokens.

    python bench/embedded.py [ARTICLE.txt [PUBLISHED]]

Default article: ../shared/seed/kim-putin.txt, published 2023-09-11. First `summarise()` on the
embedded default (prompt, grammar-constrained JSON, validation, grounding, dates); then, on the
same GGUF file with the same context size and threads, raw llama.cpp: prefill of exactly as many
prompt tokens and greedy decoding of exactly as many completion tokens, no grammar, no
template, nothing else. Both include loading the model. The ratio is our overhead: grammar
sampling, re-asks, Python around it.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def ours(text: str, published: date) -> tuple[float, int, int, int]:
    """Seconds (model load included), prompt tokens, completion tokens, attempts."""
    from summariser import Summariser

    started = time.perf_counter()
    briefing = Summariser().summarise(text, published=published)
    seconds = time.perf_counter() - started
    assert briefing.meta is not None
    usage = briefing.meta.usage
    return seconds, usage.prompt_tokens, usage.completion_tokens, briefing.meta.attempts


def raw(text: str, prompt_tokens: int, completion_tokens: int) -> tuple[float, float, float]:
    """Seconds for load + prefill + greedy decode of the same token counts: total (load
    included, as in ours), prefill, decode."""
    from summariser.config import Settings
    from summariser.providers.embedded.backend import load_llama
    from summariser.providers.embedded.weights import ensure_weights

    own = Settings.resolve().local_model
    started = time.perf_counter()
    llm = load_llama(Path(own) if own else ensure_weights())  # as the embedded model loads
    tokens = llm.tokenize(text.encode("utf-8"))
    while len(tokens) < prompt_tokens:
        tokens += tokens
    tokens = tokens[:prompt_tokens]
    loaded = time.perf_counter()
    llm.eval(tokens)
    prefilled = time.perf_counter()
    for _ in range(completion_tokens):
        llm.eval([llm.sample(temp=0.0, repeat_penalty=1.1)])
    finished = time.perf_counter()
    llm.close()
    return finished - started, prefilled - loaded, finished - prefilled


def main() -> list[tuple[str, str, str]]:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/seed/kim-putin.txt"
    published = date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else date(2023, 9, 11)
    text = path.read_text(encoding="utf-8")
    seconds, prompt, completion, attempts = ours(text, published)
    print(f"ours: {seconds:.1f} s, {prompt} + {completion} tokens, {attempts} call(s)")
    total, prefill, decode = raw(text, prompt, completion)
    print(
        f"raw llama.cpp: {total:.1f} s (prefill {prefill:.1f} s = {prompt / prefill:.0f} tok/s, "
        f"decode {decode:.1f} s = {completion / decode:.1f} tok/s)"
    )
    figure = (
        f"{path.name}: {seconds:.1f} s vs raw llama.cpp {total:.1f} s for the same "
        f"{prompt} + {completion} tokens: **{seconds / total:.2f}×** ({attempts} call)"
    )
    print(f"embedded: {figure}")
    return [("embedded model vs raw llama.cpp, same tokens", figure, "≤ 10 s, ≤ 1.15× raw")]


if __name__ == "__main__":
    main()
