"""Library overhead: `summarise()` against a raw openai SDK call sending the same request.

    python bench/overhead.py

Both talk to our loopback server (its own process) that answers at once, so the difference
is what the library adds: prompt building, instructor, validation, grounding, dates.
Calls alternate; median and spread over repeats. Target: <= 1.05x the raw call.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from loopback import start_loopback  # noqa: E402


def main(repeats: int = 40) -> list[tuple[str, str, str]]:
    import openai

    from summariser import Summariser
    from summariser.testing.stub_server import StubServer

    stub, url = start_loopback()
    text = (ROOT / "tests" / "data" / "kim-putin.txt").read_text(encoding="utf-8")
    try:
        ours = Summariser(model="stub", base_url=url)
        raw = openai.OpenAI(base_url=url, api_key="not-needed")
        ours.summarise(text, published="2023-09-11")  # connect, warm caches
        capture = StubServer().start()  # the exact JSON body our call sends
        Summariser(model="stub", base_url=capture.url).summarise(text, published="2023-09-11")
        body = capture.last_body
        capture.stop()
        raw.chat.completions.create(**body)
        lib, sdk = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            ours.summarise(text, published="2023-09-11")
            lib.append(time.perf_counter() - started)
            started = time.perf_counter()
            raw.chat.completions.create(**body)
            sdk.append(time.perf_counter() - started)
    finally:
        stub.terminate()
    ratios = [a / b for a, b in zip(lib, sdk, strict=True)]
    figure = (
        f"summarise() median {statistics.median(lib) * 1000:.1f} ms vs raw SDK "
        f"{statistics.median(sdk) * 1000:.1f} ms: {statistics.median(ratios):.2f}x "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f}, {repeats} pairs)"
    )
    print(f"library overhead: {figure}")
    return [("library overhead vs raw SDK, instant loopback answer", figure, "<= 1.05x")]


if __name__ == "__main__":
    main()
