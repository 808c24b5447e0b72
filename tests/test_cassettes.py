"""Cassettes are real recordings and carry no account data."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.support import CANARY_KEY, RECORD_URL

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
    for path in cassette_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["interactions"], path.name
        for interaction in data["interactions"]:
            request, response = interaction["request"], interaction["response"]
            assert request["uri"].startswith(RECORD_URL), request["uri"]
            assert request["method"] == "POST" and '"messages"' in request["body"]
            assert response["status"]["code"] == 200
            assert '"completion_tokens"' in response["body"]["string"]
