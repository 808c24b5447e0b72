"""The loopback OpenAI-compatible server every bench talks to, in its own process."""

from __future__ import annotations

import subprocess
import sys


def start_loopback(latency: float = 0.0) -> tuple[subprocess.Popen[str], str]:
    """Start summariser.testing.stub_server answering after `latency` s: (process, base URL).

    Its own process, so its CPU is not counted as ours; the caller terminates it."""
    stub = subprocess.Popen(
        [sys.executable, "-m", "summariser.testing.stub_server", "0", str(latency)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert stub.stdout is not None
    return stub, stub.stdout.readline().strip()
