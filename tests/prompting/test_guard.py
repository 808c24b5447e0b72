"""The guard against passages addressed to machines: it finds every injected one, and nothing
in 200-odd real news texts (the evaluation articles, feeds and the founding article)."""

from __future__ import annotations

import json

from summariser.prompting.guard import PLACEHOLDER, addressed_to_machines, blank, withhold
from summariser.sources.inputs import read_inputs
from tests.support import DATA, EVAL


def test_every_injected_passage_is_found_and_withheld() -> None:
    for path in sorted((DATA / "injection").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        text = case["text"]
        spans = addressed_to_machines(text)
        for line in filter(str.strip, case["injected"].split("\n")):
            at = text.index(line)
            assert any(s <= at and at + len(line) <= e for s, e in spans), (path.name, line)
        shown = withhold(text, spans)
        assert PLACEHOLDER in shown and case["injected"].split("\n")[0] not in shown
        blanked = blank(text, spans)
        assert len(blanked) == len(text)  # offsets into the article stay valid
        outside = [i for i in range(len(text)) if not any(s <= i < e for s, e in spans)]
        assert all(blanked[i] == text[i] for i in outside)


def test_no_real_news_text_is_mistaken_for_an_instruction() -> None:
    texts = [(DATA / "kim-putin.txt").read_text(encoding="utf-8")]
    for item in read_inputs([str(EVAL / "articles"), str(EVAL / "feeds"), str(EVAL / "html")]):
        text = getattr(item, "text", None)
        if text:
            texts.append(text)
    assert len(texts) > 200
    flagged = [(t[:60], addressed_to_machines(t)) for t in texts if addressed_to_machines(t)]
    assert flagged == []


def test_news_about_ai_is_not_an_instruction() -> None:
    for sentence in [
        "The AI must be regulated, lawmakers said on Tuesday.",
        "OpenAI said its new model should reach users next month.",
        "Critics say the chatbot ignored the instructions of its makers.",
        "Assistant coach Mike Brown said the team must improve.",
    ]:
        assert addressed_to_machines(sentence) == [], sentence
