"""The answer's grammar allows the layout `json.dumps` writes and no other spaces, checked by
llama.cpp's own grammar engine over the model's vocabulary, on the schema the founding
article's recorded request sends."""

from __future__ import annotations

import ctypes
import json
import math
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from summariser.providers.embedded.grammar import grammar_options, laid_out
from tests.support import ROOT, require_embedded_model

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def vocabulary() -> Iterator[Any]:
    require_embedded_model()
    from llama_cpp import Llama

    from summariser.providers.embedded.weights import ensure_weights

    llm = Llama(model_path=str(ensure_weights()), vocab_only=True, verbose=False)
    yield llm
    llm.close()


def recorded() -> tuple[dict[str, Any], dict[str, Any]]:
    """The founding article's response_format as sent, and the draft it was answered with."""
    cassette = yaml.safe_load((ROOT / "cassettes" / "test_founding_article.yaml").read_text())
    interaction = cassette["interactions"][0]
    body = json.loads(interaction["request"]["body"])
    answer = json.loads(interaction["response"]["body"]["string"])
    return body["response_format"], json.loads(answer["choices"][0]["message"]["content"])


def accepts(llm: Any, grammar: Any, text: str) -> bool:
    """Whether `grammar` lets the model write `text`, token by token, and then stop."""
    from llama_cpp import llama_cpp as library

    sampler = library.llama_sampler_init_grammar(
        llm._model.vocab, grammar._grammar.encode(), grammar._root.encode()
    )
    one = (library.llama_token_data * 1)()
    view = library.llama_token_data_array(
        data=ctypes.cast(one, library.llama_token_data_p), size=1, selected=-1, sorted=False
    )
    try:
        for token in [*llm.tokenize(text.encode(), add_bos=False), llm.token_eos()]:
            one[0].id, one[0].logit, one[0].p = token, 0.0, 0.0
            view.size, view.selected = 1, -1
            library.llama_sampler_apply(sampler, ctypes.byref(view))
            if math.isinf(one[0].logit):
                return False
            library.llama_sampler_accept(sampler, token)
        return True
    finally:
        library.llama_sampler_free(sampler)


def test_the_draft_is_written_as_json_dumps_writes_it_and_no_other_way(vocabulary: Any) -> None:
    response_format, draft = recorded()
    grammar = grammar_options(response_format)["grammar"]
    plain = json.dumps(draft, ensure_ascii=False)
    assert accepts(vocabulary, grammar, plain)
    spaced = plain.replace('{"', '{ "').replace("}, {", "} , {")
    compact = json.dumps(draft, ensure_ascii=False, separators=(",", ":"))
    assert not accepts(vocabulary, grammar, spaced)
    assert not accepts(vocabulary, grammar, compact)
    assert not accepts(vocabulary, grammar, plain[:-1])  # unfinished
    assert not accepts(vocabulary, grammar, plain.replace('"who"', '"whom"'))


def test_east_asian_scripts_are_written_only_where_the_request_writes_them(
    vocabulary: Any,
) -> None:
    response_format, draft = recorded()
    leaked = json.dumps(draft | {"summary": "Republican Donald特朗普 won."}, ensure_ascii=False)
    english = [{"role": "user", "content": "Donald Trump won the election."}]
    korean = [{"role": "user", "content": "도널드 트럼프가 선거에서 이겼다."}]
    assert not accepts(vocabulary, grammar_options(response_format, english)["grammar"], leaked)
    assert accepts(vocabulary, grammar_options(response_format, korean)["grammar"], leaked)
    hangul = json.dumps(draft | {"summary": "트럼프가 이겼다."}, ensure_ascii=False)
    assert accepts(vocabulary, grammar_options(response_format, korean)["grammar"], hangul)
    assert not accepts(vocabulary, grammar_options(response_format, english)["grammar"], hangul)


def test_llama_cpps_own_grammar_allowed_those_spaces(vocabulary: Any) -> None:
    """What the rewrite removes: the stock grammar lets the model write every optional space."""
    from llama_cpp.llama_grammar import LlamaGrammar

    response_format, draft = recorded()
    stock = LlamaGrammar.from_json_schema(
        json.dumps(response_format["json_schema"]["schema"]), verbose=False
    )
    spaced = json.dumps(draft, ensure_ascii=False).replace('{"', '{ "').replace("}, {", "} , {")
    assert accepts(vocabulary, stock, spaced)


def test_other_response_formats_keep_llama_cpps_handling() -> None:
    assert grammar_options(None) == {}
    assert grammar_options({"type": "json_object"}) == {"response_format": {"type": "json_object"}}
    assert grammar_options({"type": "json_schema", "json_schema": {}}) == {
        "response_format": {"type": "json_object"}
    }
    assert laid_out('root ::= "x"') is None  # not the converter's shape: left to llama-cpp
