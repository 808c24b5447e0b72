"""The grammar an answer is written under: its JSON Schema's, laid out as `json.dumps` lays out.

llama-cpp-python 0.3.36 ignores `response_format={"type": "json_schema"}` (no grammar at all,
and garbage until max_tokens); it honours `{"type": "json_object", "schema": ...}`, whose
grammar allows one optional space after every brace, bracket, colon and comma. The model takes
most of them (`{ "n": "Russia" } , {`), and on a slow CPU every space is a token to decode. So
the schema's grammar is rewritten to allow exactly the layout models read most: ": " after a
key and ", " between items, nothing else. On the founding article that is 490 completion
tokens instead of 635, with the same kind of answer. No space at all (382 tokens) was off the
model's habits: roles became clauses copied from the article and Chinese words leaked into
English summaries (BENCHMARKS.md).

Qwen, the embedded model, was trained on much Chinese, and a repeat penalty on a word it has
written already sometimes tips it into the word's Chinese form ("Donald特朗普", "recent几个月").
Where nothing in the request is written in Chinese, Japanese or Korean, the grammar does not
let it write those scripts; an article in them keeps them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

__all__ = ["grammar_options", "laid_out"]

_OPTIONAL_SPACE = 'space ::= " "?'
_KEY_COLON = ' space ":" space '
_COMMA = '"," space'
_STRING_CHAR = 'char ::= [^"\\\\]'
# CJK symbols, kana, Hangul jamo and the unified ideographs; Hangul syllables; compatibility
# ideographs; full-width forms.
_EAST_ASIAN = "\\u3000-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF\\uFF00-\\uFFEF"
_WRITES_EAST_ASIAN = re.compile("[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def laid_out(gbnf: str, *, east_asian: bool = True) -> str | None:
    """`gbnf` (llama-cpp-python's grammar for a JSON Schema) allowing only ": " after a key and
    ", " between items, and in strings no East Asian script unless `east_asian`; None if it
    is not shaped as this rewrite expects."""
    if _OPTIONAL_SPACE not in gbnf or _KEY_COLON not in gbnf or _STRING_CHAR not in gbnf:
        return None
    rules = gbnf.replace(_KEY_COLON, ' ": " ').replace(_COMMA, '", "')
    if not east_asian:
        rules = rules.replace(_STRING_CHAR, f"{_STRING_CHAR[:-1]}{_EAST_ASIAN}]")
    return rules.replace(_OPTIONAL_SPACE, 'space ::= ""')


def grammar_options(response_format: Any, messages: Sequence[Any] = ()) -> dict[str, Any]:
    """What `Llama.create_chat_completion` takes for an OpenAI `response_format`: our laid-out
    grammar for a JSON Schema (East Asian scripts only where `messages` write them), else the
    request rewritten into the form llama-cpp honours."""
    if not isinstance(response_format, dict):
        return {}
    if response_format.get("type") != "json_schema":
        return {"response_format": response_format}
    schema = (response_format.get("json_schema") or {}).get("schema")
    if not schema:
        return {"response_format": {"type": "json_object"}}
    from llama_cpp.llama_grammar import LlamaGrammar, json_schema_to_gbnf

    try:
        rules = laid_out(json_schema_to_gbnf(json.dumps(schema)), east_asian=_writes(messages))
    except (ValueError, KeyError, TypeError):  # one the converter cannot read: llama-cpp's
        rules = None  # own fallback decides
    if rules is None:
        return {"response_format": {"type": "json_object", "schema": schema}}
    return {"grammar": LlamaGrammar.from_string(rules, verbose=False)}


def _writes(messages: Sequence[Any]) -> bool:
    """Whether any message's text is written in an East Asian script."""
    return any(
        isinstance(m, dict) and _WRITES_EAST_ASIAN.search(str(m.get("content") or ""))
        for m in messages
    )
