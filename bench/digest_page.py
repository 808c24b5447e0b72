"""The HTML digest at 1,000 articles: page size, and what a reader waits for in Chromium.

    python bench/digest_page.py [N] [REPEATS]

Builds N records (default 1,000) from five real briefings of full-length articles (the
founding article and the four evaluation articles of tests/batch/test_replay.py, answered by
the embedded model as recorded in their cassettes), spread over ten feeds with distinct dates;
every record carries its article's text, so every card can open to its highlighted view. Then,
in Debian's headless Chromium, a new page each time: load as the script waits for it, and as
the page's own navigation timing says it (DOM ready, first contentful paint, load event);
first search (typing a name until the count shows; it builds the word index), a second
search, and opening one article to its view. Median and spread (min-max) over REPEATS
(default 5), and the JS heap after load.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summariser.batch.digest import to_digest_html  # noqa: E402
from summariser.batch.records import BatchRecord, RecordSource  # noqa: E402
from summariser.briefing.schema import Briefing  # noqa: E402
from summariser.stages import finish, prepare  # noqa: E402
from tests.batch.test_replay import ARTICLES  # noqa: E402
from tests.browser.chromium import CHROMIUM, FLAGS  # noqa: E402
from tests.support import EVAL  # noqa: E402


def _answer(cassette: str) -> dict[str, object]:
    recorded = yaml.safe_load((ROOT / "cassettes" / f"{cassette}.yaml").read_text())
    body = json.loads(recorded["interactions"][0]["response"]["body"]["string"])
    return json.loads(body["choices"][0]["message"]["content"])


def real_briefings() -> list[tuple[str | None, str, Briefing]]:
    """(title, text, briefing) of the five recorded full-length articles."""
    found = []
    text = (ROOT / "tests" / "data" / "kim-putin.txt").read_text(encoding="utf-8")
    request = prepare(text, published=date(2023, 9, 11))
    found.append(("Kim and Putin", text, finish(request, _answer("test_founding_article"))))
    for name, cassette in ARTICLES.items():
        article = json.loads((EVAL / "articles" / f"{name}.json").read_text(encoding="utf-8"))
        request = prepare(
            article["text"], published=article.get("published"), title=article.get("title")
        )
        found.append((article.get("title"), article["text"], finish(request, _answer(cassette))))
    return found


def records(n: int) -> tuple[list[BatchRecord], dict[str, str]]:
    real = real_briefings()
    made, texts = [], {}
    for i in range(n):
        title, text, briefing = real[i % len(real)]
        record_id = f"r-{i:05d}"
        source = RecordSource(
            url=f"https://news.example/{i}",
            feed=f"https://news.example/feed-{i % 10}.xml",
            feed_title=f"Feed {i % 10}",
            title=f"{title} ({i})",
            published=date(2024, 1, 1) + timedelta(days=i % 365),
            origin="bench",
        )
        made.append(BatchRecord(id=record_id, source=source, briefing=briefing))
        texts[record_id] = text
    return made, texts


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    made, texts = records(n)
    started = time.perf_counter()
    page = to_digest_html(made, texts)
    build = time.perf_counter() - started
    path = Path(tempfile.mkdtemp()) / "digest.html"
    path.write_text(page, encoding="utf-8")
    size = path.stat().st_size
    print(
        f"{n} articles: page {size / 1e6:.1f} MB ({size / n / 1e3:.1f} kB an article), "
        f"built in {build:.2f} s"
    )
    from playwright.sync_api import sync_playwright

    timings: dict[str, list[float]] = {
        "load": [],
        "in page: DOM ready": [],
        "first paint": [],
        "load event": [],
        "first search": [],
        "search": [],
        "open": [],
    }
    heap: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        for _ in range(repeats):
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            started = time.perf_counter()
            tab.goto(path.as_uri(), wait_until="load")
            timings["load"].append(time.perf_counter() - started)
            nav = tab.evaluate(
                "() => { const n = performance.getEntriesByType('navigation')[0];"
                " const p = performance.getEntriesByName('first-contentful-paint')[0];"
                " return [n.domContentLoadedEventEnd, p ? p.startTime : -1, n.loadEventEnd,"
                " performance.memory.usedJSHeapSize]; }"
            )
            for key, value in zip(
                ("in page: DOM ready", "first paint", "load event"), nav[:3], strict=True
            ):
                timings[key].append(value / 1000)
            heap.append(nav[3] / 1e6)
            for key, word in (("first search", "shoigu"), ("search", "comey")):
                started = time.perf_counter()
                tab.fill("#search", word)
                tab.wait_for_function(
                    "w => document.getElementById('shown').dataset.for === w", arg=word
                )
                timings[key].append(time.perf_counter() - started)
            started = time.perf_counter()
            tab.locator("button.open >> visible=true").first.click()
            tab.locator("[data-view]:not([hidden]) mark").first.wait_for()
            timings["open"].append(time.perf_counter() - started)
            tab.close()
        browser.close()
    for key, values in timings.items():
        ms = sorted(v * 1000 for v in values)
        print(
            f"{key:>12}: median {statistics.median(ms):.0f} ms "
            f"(min {ms[0]:.0f}, max {ms[-1]:.0f}; {len(ms)} runs)"
        )
    print(
        f"JS heap after load: median {statistics.median(heap):.0f} MB; searches include the "
        "box's 60 ms debounce and Playwright's round trips"
    )


if __name__ == "__main__":
    main()
