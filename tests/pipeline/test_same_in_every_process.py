"""A briefing is a function of the article and the answer, not of the process that made it:
Ray's workers and other fresh interpreters hash strings with their own seed, so nothing may
take its order from a set."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support import ROOT

PROGRAM = """
import json
from summariser.stages import finish, prepare
from summariser.testing.stub_server import draft_for
from tests.support import EVAL
article = json.loads((EVAL / "articles" / "g5w-theguardian-1.json").read_text(encoding="utf-8"))
request = prepare(article["text"], title=article["title"])
briefing = finish(request, draft_for(request.messages[1]["content"]))
print(briefing.model_dump_json())
"""


def test_the_same_briefing_under_any_hash_seed() -> None:
    made = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", PROGRAM], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        made.add(run.stdout)
    assert len(made) == 1
