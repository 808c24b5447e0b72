"""Top-token-first sampling writes exactly what llama-cpp's own chain writes, on the real
model and the founding article's recorded request (first 160 tokens of the answer)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from summariser.providers.embedded import sampling
from tests.support import ROOT, require_embedded_model

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def llm() -> Iterator[Any]:
    require_embedded_model()
    from summariser.providers.embedded.backend import load_llama
    from summariser.providers.embedded.weights import ensure_weights

    model = load_llama(ensure_weights())
    yield model
    model.close()


def answer(llm: Any, body: dict[str, Any]) -> str:
    from summariser.providers.embedded.grammar import grammar_options

    llm.reset()
    result = llm.create_chat_completion(
        messages=body["messages"],
        **grammar_options(body["response_format"], body["messages"]),
        temperature=0.0,
        max_tokens=160,
        repeat_penalty=1.1,
    )
    return result["choices"][0]["message"]["content"]


def test_the_same_tokens_as_llama_cpps_own_sampler(
    llm: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorded = yaml.safe_load((ROOT / "cassettes" / "test_founding_article.yaml").read_text())
    body = json.loads(recorded["interactions"][0]["request"]["body"])
    made: list[sampling.TopTokenFirst] = []
    original = sampling.TopTokenFirst.__init__

    def counted(self: sampling.TopTokenFirst, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(sampling.TopTokenFirst, "__init__", counted)
    ours = answer(llm, body)
    assert len(made) == 1, "the founding article's request must take the top-token-first path"
    assert 0 < made[0].refused < 160  # both paths ran: the top token allowed, and refused
    monkeypatch.setattr(llm, "_init_sampler", type(llm)._init_sampler.__get__(llm))
    stock = answer(llm, body)
    assert ours == stock
    assert ours.startswith("{")
