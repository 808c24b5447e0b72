"""Debian's headless Chromium, driven by Playwright, as the browser tests use it: where it is,
how it starts on a machine with no network, how a page is opened with its console watched,
and where screenshots go (tests/artefacts/, or $SUMMARISER_ARTEFACTS)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tests.support import ROOT

CHROMIUM = Path(os.environ.get("SUMMARISER_CHROMIUM", "/usr/bin/chromium"))
ARTEFACTS = Path(os.environ.get("SUMMARISER_ARTEFACTS", ROOT / "tests" / "artefacts"))
# As root on a machine with no network: no sandbox, and none of Chromium's background calls.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def write(path: Path, page: str) -> Path:
    path.write_text(page, encoding="utf-8")
    return path


def open_page(browser: Any, path: Path) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(path.as_uri())
    return page, problems


def shoot(page: Any, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / name), full_page=False)


def active_words(page: Any) -> str:
    return "".join(page.locator("mark.active").all_inner_texts())
