"""Overlapping requests decoded together, on the real embedded model (short requests: seconds).

A request alone gets, token for token, the answer it gets in turn; requests that overlap share
steps and each still gets an answer its own grammar allows; a prompt the cells cannot hold is
refused, not truncated. A one-token answer asked with `logprobs` is answered in turn, with how
likely its token and the alternatives were.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support import require_embedded_model

pytestmark = pytest.mark.live

SCHEMA = {
    "type": "object",
    "properties": {"city": {"type": "string"}, "people": {"type": "integer"}},
    "required": ["city", "people"],
}
ARTICLES = [
    "Floods closed the main bridge in Porto Alegre on Tuesday; 300 people left their homes.",
    "In Lyon, 40 people were hurt when a tram left its rails near the station on Monday.",
    "A fire in a Nairobi market destroyed 120 stalls overnight; nobody was hurt, police said.",
]


def request(article: str) -> dict[str, Any]:
    return {
        "messages": [
            {"role": "system", "content": "You extract facts from news as JSON."},
            {"role": "user", "content": f"Which city, and how many people?\n\n{article}"},
        ],
        "response_format": {"type": "json_schema", "json_schema": {"schema": SCHEMA}},
        "temperature": 0,
        "max_tokens": 40,
    }


@pytest.fixture(scope="module")
def model() -> Iterator[Any]:
    require_embedded_model()
    from summariser.providers.embedded.backend import LocalModel

    local = LocalModel(parallel=2)
    yield local
    local.close()


def content(answer: dict[str, Any]) -> str:
    return answer["choices"][0]["message"]["content"]


def test_a_request_alone_gets_the_answer_it_gets_in_turn(model: Any) -> None:
    model.parallel = 1
    in_turn = model.chat(request(ARTICLES[0]))
    model.parallel = 2
    together = model.chat(request(ARTICLES[0]))
    assert model._decoder is not None  # the second answer came from the decoder
    assert content(together) == content(in_turn)
    assert json.loads(content(together))["city"] == "Porto Alegre"
    usage = together["usage"]
    assert usage["prompt_tokens"] == in_turn["usage"]["prompt_tokens"]
    assert usage["completion_tokens"] == in_turn["usage"]["completion_tokens"]


def test_requests_that_overlap_share_steps(model: Any) -> None:
    model.chat(request(ARTICLES[0]))  # the decoder exists before the threads start
    before = model._decoder.shared_steps
    answers: dict[int, dict[str, Any]] = {}
    threads = [
        threading.Thread(target=lambda i=i: answers.update({i: model.chat(request(ARTICLES[i]))}))
        for i in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert sorted(answers) == [0, 1, 2]
    found = [json.loads(content(answers[i])) for i in range(3)]
    assert all(set(f) == {"city", "people"} and isinstance(f["people"], int) for f in found)
    assert [f["city"] for f in found] == ["Porto Alegre", "Lyon", "Nairobi"]
    assert model._decoder.shared_steps > before  # two sequences wrote in one step


def test_a_prompt_the_cells_cannot_hold_is_refused(model: Any) -> None:
    from summariser.providers.embedded.grammar import grammar_options
    from summariser.providers.embedded.parallel import ParallelDecoder, PromptTooLong

    small = ParallelDecoder(model._llm, slots=1, cells=64)
    try:
        body = request(" ".join(ARTICLES * 3))
        grammar = grammar_options(body["response_format"], body["messages"])["grammar"]
        answer = small.submit(body["messages"], grammar, 40, 1.1)
        with pytest.raises(PromptTooLong, match="exceed context window of 64"):
            answer.result(timeout=60)
    finally:
        small.close()


def closed_question(place: str) -> dict[str, Any]:
    question = f"Is {place} a city in France? Answer yes or no."
    return {"messages": [{"role": "user", "content": question}], "max_tokens": 1, "temperature": 0}


def test_a_one_token_answer_says_how_likely_its_token_and_the_others_were(model: Any) -> None:
    model.parallel = 2  # asked for logprobs, a request is answered in turn all the same
    answers = {}
    for place in ("Lyon", "Osaka"):
        plain = content(model.chat(closed_question(place)))
        answer = model.chat(closed_question(place) | {"logprobs": True, "top_logprobs": 5})
        first = answer["choices"][0]["logprobs"]["content"][0]
        top = first["top_logprobs"]
        assert content(answer) == plain == first["token"] == top[0]["token"]
        assert first["logprob"] == top[0]["logprob"] < 0
        logprobs = [t["logprob"] for t in top]
        assert len(top) == 5 and logprobs == sorted(logprobs, reverse=True)
        assert sum(math.exp(p) for p in logprobs) <= 1 + 1e-6
        assert bytes(first["bytes"]).decode() == first["token"]
        answers[place] = {t["token"]: t["logprob"] for t in top}
    assert answers["Lyon"] != answers["Osaka"]  # each question's own logits, not the last one's
    under_grammar = request(ARTICLES[0]) | {"max_tokens": 1, "logprobs": True, "top_logprobs": 2}
    first = model.chat(under_grammar)["choices"][0]["logprobs"]["content"][0]
    assert first["token"] == "{" and len(first["top_logprobs"]) == 2  # not the decoder's
