"""Shared fixtures: cassette settings, the eval corpus, a recorded-endpoint summariser.

Cassettes are recorded against `summarise serve` (the embedded model over real loopback HTTP)
and replayed offline: `--record-mode=none --block-network` are always on (pyproject.toml).
The request body is part of the match, so a changed prompt or schema fails replay loudly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from summariser import Summariser
from summariser.testing.stub_server import StubServer

from .support import CANARY_KEY, RECORD_URL, RECORDED_MODEL, ROOT

SECRET_REQUEST_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
]
SECRET_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project", "cookie"}


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_RESPONSE_HEADERS:
            del headers[name]
    return response


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": SECRET_REQUEST_HEADERS,
        "before_record_response": scrub_response,
        "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
        "decode_compressed_response": True,
        "allow_playback_repeats": True,  # a test may send the same request twice
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(ROOT / "cassettes")


@pytest.fixture
def stub() -> Iterator[StubServer]:
    """Our OpenAI-compatible server on loopback, answering valid drafts at once."""
    server = StubServer().start()
    yield server
    server.stop()


@pytest.fixture
def recorded() -> Summariser:
    """A summariser pointed at the recording server (replayed from cassettes in tests)."""
    return Summariser(
        model=RECORDED_MODEL, base_url=RECORD_URL, api_key=CANARY_KEY, timeout=600, reasks=1
    )


@pytest.fixture
def recorded_vetting() -> Summariser:
    """The same, vetting each allegation as the embedded model does by default (`vet` auto
    leaves an endpoint unvetted, and the recording server is one)."""
    return Summariser(
        model=RECORDED_MODEL, base_url=RECORD_URL, api_key=CANARY_KEY, timeout=600, reasks=1,
        vet="on",
    )  # fmt: skip
