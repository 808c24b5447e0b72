"""The browser every test here shares: one Chromium a module, skipped with the reason where
it or Playwright is missing, except under CI, where a missing browser fails the run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from importlib.util import find_spec
from typing import Any

import pytest

from tests.browser.chromium import CHROMIUM, FLAGS


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = None
    if shutil.which(str(CHROMIUM)) is None:
        missing = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    elif find_spec("playwright") is None:
        missing = "Playwright is not installed: pip install -e '.[test]'"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()
