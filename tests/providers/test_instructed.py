"""The instructor boundary (providers/instructed.py): the one module that uses instructor below
its public API, what it uses still does what we rely on, and nothing of instructor's is
replaced for the rest of the process."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest
from pydantic import ValidationError

from summariser.providers.instructed import draft_of, request_body, response_model
from summariser.testing.stub_server import completion, draft_for
from tests.support import ROOT

BOUNDARY = ROOT / "summariser" / "providers" / "instructed.py"
PUBLIC = {"instructor", "instructor.core"}  # the top level, and where its exceptions live


def _instructor_imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "summariser").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] == "instructor":
                    found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return found


def test_only_the_boundary_goes_below_instructors_public_api() -> None:
    below = {name: paths for name, paths in _instructor_imports().items() if name not in PUBLIC}
    assert below, "the boundary's own imports should be found"
    assert {path for paths in below.values() for path in paths} == {str(BOUNDARY.relative_to(ROOT))}


def test_the_body_sent_for_a_mode_carries_the_drafts_schema() -> None:
    """`handle_response_model` as we use it: our body, plus the JSON Schema of the draft."""
    messages = [{"role": "user", "content": "Anna Berg spoke in Oslo."}]
    body = {"model": "m", "messages": messages, "temperature": 0, "max_tokens": 9}
    sent = request_body(body, "json_schema")
    assert sent["messages"] == messages and sent["max_tokens"] == 9
    schema = sent["response_format"]["json_schema"]["schema"]
    assert schema["properties"].keys() == response_model().model_json_schema()["properties"].keys()
    tools = request_body(body, "tools")
    assert (
        tools["tools"][0]["function"]["parameters"]["properties"].keys()
        == schema["properties"].keys()
    )


def test_an_answer_without_a_call_is_read_as_a_live_one() -> None:
    """`process_response` as we use it: a valid answer is the draft, an invalid one raises."""
    body = {"model": "m"}
    answer = draft_for("<article>\nAnna Berg spoke in Oslo.")
    draft = draft_of(completion(body, json.dumps(answer)), "json_schema")
    assert draft.headline == answer["headline"] and [w.ref for w in draft.who] == ["Anna Berg"]
    with pytest.raises((ValidationError, json.JSONDecodeError)):
        draft_of(completion(body, json.dumps({**answer, "who": "nobody"})), "json_schema")


def test_nothing_of_instructors_is_replaced_for_the_rest_of_the_process() -> None:
    """Every attribute of every instructor module is the same object before and after a
    summary through instructor (a stub server answers), in a process of its own."""
    probe = """
import sys, instructor, instructor.processing
from summariser.testing.stub_server import StubServer

def snapshot():
    return {(name, key): id(value) for name, module in list(sys.modules.items())
            if name.split(".")[0] == "instructor" and module is not None
            for key, value in list(vars(module).items())}

from summariser import Summariser
from summariser.providers.instructed import response_model
response_model()
server = StubServer().start()
TEXT = open("tests/data/kim-putin.txt", encoding="utf-8").read()
Summariser(model="stub", base_url=server.url, timeout=5.0).summarise(TEXT)
before = snapshot()
Summariser(model="stub", base_url=server.url, timeout=5.0).summarise(TEXT)
server.stop()
after = snapshot()
changed = sorted(f"{name}.{key}" for (name, key), ident in before.items()
                 if after.get((name, key), ident) != ident)
import importlib
fresh = {}
for name in sorted({name for name, _ in before}):
    module = sys.modules[name]
    source = getattr(module, "__file__", None)
    if not source:
        continue
    for key, value in vars(module).items():
        home = getattr(value, "__module__", None)
        if callable(value) and isinstance(home, str) and home.startswith("summariser"):
            fresh[f"{name}.{key}"] = home
print(changed)
print(sorted(fresh))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    changed, ours = result.stdout.strip().splitlines()[-2:]
    assert changed == "[]"  # nothing swapped between two calls
    assert ours == "[]"  # and no function of ours sits in any instructor module
