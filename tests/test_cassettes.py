"""Cassettes are real recordings and carry no account data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from summariser.prompting.draft import Draft
from summariser.prompting.messages import build_messages
from summariser.providers.instructed import response_model
from tests.support import CANARY_KEY, RECORD_URL, RECORDED_MODEL

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
FORBIDDEN = re.compile(
    r"sk-[A-Za-z0-9_-]{8,}|bearer\s+\S+|openai-organization|openai-project|set-cookie|"
    r"\bcookie\b|x-api-key|api-key|__cf_bm",
    re.IGNORECASE,
)


def cassette_files() -> list[Path]:
    files = sorted(CASSETTES.glob("*.yaml"))
    assert len(files) >= 5, "expected at least five recorded articles"
    return files


def test_no_secret_or_account_header_in_any_cassette() -> None:
    for path in cassette_files():
        text = path.read_text(encoding="utf-8")
        assert CANARY_KEY not in text, path.name
        hit = FORBIDDEN.search(text)
        assert hit is None, f"{path.name}: {hit.group(0) if hit else ''}"


def test_cassettes_are_real_http_exchanges_with_the_model() -> None:
    """Each exchange is what this code sends and what `summarise serve` answered, unedited:
    today's system prompt and draft schema went out, the embedded model's completion came
    back with a body exactly as long as the server said, and it validates as a draft; or,
    after it, a closed question about one allegation got one token and its alternatives."""
    system = build_messages("Any article about a vote in Paris.")[0]
    schema = response_model().model_json_schema()
    for path in cassette_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["interactions"], path.name
        for interaction in data["interactions"]:
            request, response = interaction["request"], interaction["response"]
            assert request["uri"] == f"{RECORD_URL}/chat/completions", request["uri"]
            assert request["method"] == "POST"
            sent = json.loads(request["body"])
            assert sent["model"] == RECORDED_MODEL and sent["messages"][0] == system, path.name
            user = sent["messages"][1]
            assert user["role"] == "user" and "<article-" in user["content"], path.name
            closed = "logprobs" in sent  # a question about one allegation, after the draft
            if not closed:
                assert sent["response_format"]["json_schema"]["schema"] == schema, path.name

            assert response["status"]["code"] == 200, path.name
            headers = response["headers"]
            assert headers["server"][0].startswith("summariser-local"), path.name
            body = response["body"]["string"]
            assert int(headers["content-length"][0]) == len(body.encode("utf-8")), path.name
            answer = json.loads(body)
            assert answer["object"] == "chat.completion" and answer["model"] == RECORDED_MODEL
            usage = answer["usage"]
            assert usage["completion_tokens"] > 0 and usage["prompt_tokens"] > 0, path.name
            assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
            choice = answer["choices"][0]
            if closed:  # one token, and how likely it and its alternatives were
                assert sent["max_tokens"] == 1 and sent["top_logprobs"] == 20, path.name
                assert sent["messages"][-1]["content"].startswith('Passage: "'), path.name
                assert len(choice["logprobs"]["content"][0]["top_logprobs"]) == 20, path.name
                continue
            assert choice["finish_reason"] == "stop", path.name
            Draft.model_validate_json(choice["message"]["content"])
