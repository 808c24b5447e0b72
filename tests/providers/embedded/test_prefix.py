"""The system prompt's state kept on disk: a new process loads it, reads only the rest of the
prompt, and answers exactly as the process that saved it (real model, a short answer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summariser.prompting.messages import build_messages
from tests.support import require_embedded_model

pytestmark = pytest.mark.live

ARTICLE = (
    "The city council of Lyon voted on Monday to close the old bridge, its mayor said. "
    "Traders accused the council of ignoring them."
)


def fresh_model() -> Any:
    require_embedded_model()
    from summariser.providers.embedded.backend import load_llama
    from summariser.providers.embedded.weights import ensure_weights

    return load_llama(ensure_weights(), n_ctx=2048)


def ask(llm: Any, store: Any, messages: list[dict[str, str]]) -> tuple[str, int]:
    """The answer's text and how many prompt tokens llama.cpp evaluated for it."""
    import llama_cpp

    store.before(messages)
    llama_cpp.llama_perf_context_reset(llm.ctx)
    result = llm.create_chat_completion(messages=messages, max_tokens=12, temperature=0.0)
    evaluated = int(llama_cpp.llama_perf_context(llm.ctx).n_p_eval)
    store.after(messages, int(result["usage"]["prompt_tokens"]))
    return result["choices"][0]["message"]["content"], evaluated


def test_a_new_process_loads_the_system_prompt_instead_of_reading_it(tmp_path: Path) -> None:
    from summariser.providers.embedded.prefix import PrefixStore
    from summariser.providers.embedded.weights import ensure_weights

    messages = build_messages(ARTICLE)
    first = fresh_model()
    saved = PrefixStore(first, ensure_weights(), tmp_path, 2048)
    answer, read_first = ask(first, saved, messages)
    first.close()
    files = list(tmp_path.glob("*.state"))
    assert len(files) == 1 and files[0].stat().st_size > 1_000_000

    second = fresh_model()
    store = PrefixStore(second, ensure_weights(), tmp_path, 2048)
    again, read_second = ask(second, store, messages)
    assert store.loaded_tokens > 400  # the system prompt, about 530 tokens
    assert read_second <= read_first - store.loaded_tokens + 1
    assert again == answer

    files[0].write_bytes(b"SMPX1" + b"\x00" * 64)  # damaged: ignored, read afresh
    second.reset()
    damaged = PrefixStore(second, ensure_weights(), tmp_path, 2048)
    third, read_third = ask(second, damaged, messages)
    assert damaged.loaded_tokens == 0 and read_third == read_first and third == answer
    second.close()
