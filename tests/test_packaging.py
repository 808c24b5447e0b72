"""Prompts and schema ship inside the package: prove it on a real, non-editable install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from summariser.briefing.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent


def test_data_files_load_from_an_installed_copy(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    system, user = ROOT / "prompts" / "system.j2", ROOT / "prompts" / "user.j2"
    probe = (
        "import summariser, summariser.prompting.messages as m, json\n"
        "print(summariser.__file__)\n"
        f"print(m.read_packaged('prompts', 'system.j2') == open({str(system)!r}).read())\n"
        f"print(m.read_packaged('prompts', 'user.j2') == open({str(user)!r}).read())\n"
        "from summariser.prompting.closed import answer_words\n"  # prompts/closed.json
        "print(answer_words() == ('yes', 'no'))\n"
        "schema = json.loads(m.read_packaged('schemas', 'briefing.schema.json'))\n"
        "print(schema['x-schema-version'])\n"
        "print(len(m.build_messages('Some article text about a meeting in Paris.')))\n"
        "from summariser.batch.digest import to_digest_html\n"  # templates of two folders
        "print(to_digest_html([]).count('<main class=\"digest\">'))\n"
        "from summariser.stories import Store\n"  # schemas/store.sql
        "print(len(Store(':memory:').counts()))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    origin, system_same, user_same, closed, version, messages, digests, tables = (
        result.stdout.split()
    )
    assert origin.startswith(str(target))  # imported from the installed copy, not the checkout
    assert system_same == user_same == closed == "True"
    assert version == SCHEMA_VERSION and messages == "2" and digests == "1" and tables == "9"
