"""The embedded model's time, split: prefill, decode and sampling, with llama-cpp's own
grammar sampler and with ours (top token first), on recorded requests; and whether the two
write the same answer.

    python bench/sampler.py [CASSETTE ...]     (default: the founding article's)

Each request runs on the real embedded model, once per sampler, from an empty context, with
the options the embedded backend uses (temperature 0, repeat penalty 1.1, the draft's grammar).
Prefill and decode are llama.cpp's own clock; sampling is what the call took beyond them.
Measure on an idle machine.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(llm: Any, body: dict[str, Any], sampler: str) -> dict[str, Any]:
    from llama_cpp import llama_cpp as library

    from summariser.providers.embedded import sampling
    from summariser.providers.embedded.backend import REPEAT_PENALTY, _llama_response_format

    made: list[sampling.TopTokenFirst] = []
    llm._init_sampler = type(llm)._init_sampler.__get__(llm)  # llama-cpp's own chain
    if sampler == "top-token-first":
        sampling.sample_top_token_first(llm)
        stock_init = llm._init_sampler

        def init(**options: Any) -> Any:
            made.append(stock_init(**options))
            return made[-1]

        llm._init_sampler = init
    llm.reset()
    library.llama_perf_context_reset(llm.ctx)
    started = time.perf_counter()
    result = llm.create_chat_completion(
        messages=body["messages"],
        response_format=_llama_response_format(body.get("response_format")),
        temperature=0.0,
        max_tokens=body.get("max_tokens", 1500),
        repeat_penalty=REPEAT_PENALTY,
    )
    seconds = time.perf_counter() - started
    perf = library.llama_perf_context(llm.ctx)
    prefill, decode = perf.t_p_eval_ms / 1000, perf.t_eval_ms / 1000
    return {
        "content": result["choices"][0]["message"]["content"],
        "tokens": result["usage"]["completion_tokens"],
        "seconds": seconds,
        "prefill": prefill,
        "decode": decode,
        "sampling": seconds - prefill - decode,
        "refused": getattr(made[0], "refused", None) if made else None,
    }


def main(paths: list[str]) -> None:
    import yaml

    from summariser.providers.embedded.backend import load_llama
    from summariser.providers.embedded.weights import ensure_weights

    llm = load_llama(ensure_weights())
    for path in paths or [str(ROOT / "cassettes" / "test_founding_article.yaml")]:
        recorded = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        body = json.loads(recorded["interactions"][0]["request"]["body"])
        runs = {name: run(llm, body, name) for name in ("llama-cpp", "top-token-first")}
        for name, figures in runs.items():
            refused = figures["refused"]
            said = f"; grammar refused the top token {refused} times" if refused is not None else ""
            print(
                f"{Path(path).stem}, {name}: {figures['seconds']:.1f} s for {figures['tokens']} "
                f"tokens (prefill {figures['prefill']:.1f} s, decode {figures['decode']:.1f} s, "
                f"sampling and the rest {figures['sampling']:.1f} s){said}"
            )
        same = runs["llama-cpp"]["content"] == runs["top-token-first"]["content"]
        print(f"{Path(path).stem}: answers {'identical' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main(sys.argv[1:])
