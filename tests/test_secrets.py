"""Secrets stay secret: a configured key, organization and project never reach error messages,
logs, results or batch output, whatever fails; cassettes are checked in test_cassettes.py.

Canary values are configured, the loopback server proves they were really sent, and then every
place a user could see is searched for them.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from summariser import Summariser, SummariserError
from summariser.cli import main
from summariser.testing.stub_server import StubServer
from tests.support import CANARY_KEY, DATA

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

ORG, PROJECT = "org-canary0rg5ecret77", "proj_canaryPr0ject99"
CANARIES = (CANARY_KEY, ORG, PROJECT, CANARY_KEY.removeprefix("sk-"))
TEXT = (DATA / "kim-putin.txt").read_text(encoding="utf-8")
FAULTS = ["401-echo", "500", "invalid", "stall", "reset", "html", "ok"]


@pytest.fixture(autouse=True)
def account(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    monkeypatch.setenv("OPENAI_ORG_ID", ORG)
    monkeypatch.setenv("OPENAI_PROJECT_ID", PROJECT)
    monkeypatch.setenv("SUMMARISER_API_KEY", CANARY_KEY)
    caplog.set_level(logging.DEBUG)  # every logger, at its most talkative
    yield
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert not any(canary in logged for canary in CANARIES), "a secret reached the logs"


def clean(text: str) -> bool:
    return not any(canary in text for canary in CANARIES)


@pytest.mark.parametrize("fault", FAULTS)
def test_no_secret_in_errors_or_results(fault: str) -> None:
    server = StubServer(faults=lambda _, n: fault, stall=2.0).start()
    summariser = Summariser(model="stub", base_url=server.url, timeout=1.0, retries=0)
    try:
        result = asyncio.run(summariser.asummarise(TEXT, published="2023-09-11"))
    except SummariserError as exc:
        seen = f"{exc} {exc!r} {vars(exc)} {exc.__cause__!r} {exc.__context__!r}"
        assert clean(seen), seen
    else:
        assert clean(result.model_dump_json())
    finally:
        server.stop()
    sent = {name.lower(): value for name, value in server.headers_seen[0].items()}
    assert sent["authorization"] == f"Bearer {CANARY_KEY}"  # the canaries were really in play
    assert sent["openai-organization"] == ORG and sent["openai-project"] == PROJECT


def test_no_secret_in_cli_output_batch_records_or_stderr(tmp_path: Path) -> None:
    server = StubServer(faults=lambda article, n: "401-echo" if "Kim" in article else "ok").start()
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(DATA / "kim-putin.txt"), str(DATA / "injection")]
    argv += ["--model", "stub", "--base-url", server.url, "--no-cache", "-o", str(out)]
    err = io.StringIO()
    assert main(argv, out=io.StringIO(), err=err) == 0
    single_err = io.StringIO()
    code = main(
        [str(DATA / "kim-putin.txt"), "--model", "stub", "--base-url", server.url],
        out=io.StringIO(),
        err=single_err,
    )
    server.stop()
    assert (
        code == 4 and "HTTP 401" in single_err.getvalue() and "[redacted]" in single_err.getvalue()
    )
    written = out.read_text(encoding="utf-8")
    assert '"HTTP 401' in written or "HTTP 401" in written  # the failure is recorded...
    for place in (written, err.getvalue(), single_err.getvalue()):
        assert clean(place), place  # ...without what the server echoed


URL_SECRETS = ("urlpa55word", "t0kenvalue99")
LEAKY_URL = "http://reader:urlpa55word@127.0.0.1:9/v1?api_key=t0kenvalue99&model=x"


def test_credentials_in_the_endpoint_url_are_redacted_everywhere(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Nobody listens at the URL, so every message about it quotes it: the host stays (it
    says which endpoint failed), the user, the password and the token never."""
    out = tmp_path / "out.jsonl"
    err, single_err = io.StringIO(), io.StringIO()
    argv = ["batch", str(DATA / "kim-putin.txt"), "--model", "stub", "--no-cache"]
    assert main([*argv, "--base-url", LEAKY_URL, "-o", str(out)], err=err) == 0
    code = main(
        [str(DATA / "kim-putin.txt"), "--model", "stub", "--base-url", LEAKY_URL],
        out=io.StringIO(),
        err=single_err,
    )
    assert code == 4 and "127.0.0.1:9" in single_err.getvalue()  # the failure is reported
    written = out.read_text(encoding="utf-8")
    assert "127.0.0.1:9" in written and "[redacted]" in written
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    for place in (written, err.getvalue(), single_err.getvalue(), logged):
        assert not any(secret in place for secret in URL_SECRETS), place


def test_a_refused_endpoint_url_is_quoted_without_its_credentials() -> None:
    with pytest.raises(SummariserError) as refused:
        Summariser(base_url=LEAKY_URL.replace("http://", "ftp://"))
    assert "ftp://[redacted]@127.0.0.1:9" in str(refused.value)
    assert not any(secret in str(refused.value) for secret in URL_SECRETS)
