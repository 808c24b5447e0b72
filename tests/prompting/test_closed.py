"""The closed question about an allegation: after the briefing's own messages, so a model that
keeps its cache has read the article already; the instruction once, worked examples answered;
the passage verbatim."""

from __future__ import annotations

from summariser.prompting.closed import answer_words, closed_question
from summariser.prompting.messages import build_messages

ARTICLE = "The mayor accused the council of {hiding} costs. Officials denied it on Monday."


def test_the_question_follows_the_briefings_own_messages() -> None:
    asked = build_messages(ARTICLE)
    messages = closed_question(asked, "The mayor accused the council of {hiding} costs.")
    assert messages[: len(asked)] == asked  # the article's prefix, unchanged: cached
    assert messages[len(asked)]["role"] == "assistant"
    last = messages[-1]
    assert last["role"] == "user"
    assert '"The mayor accused the council of {hiding} costs."' in last["content"]  # braces kept


def test_the_examples_are_answered_with_the_questions_own_two_words() -> None:
    yes, no = answer_words()
    asked = build_messages(ARTICLE)
    shown = closed_question(asked, "Officials denied it on Monday.")[len(asked) + 1 : -1]
    assert [m["role"] for m in shown] == ["user", "assistant"] * (len(shown) // 2)
    answers = [m["content"] for m in shown if m["role"] == "assistant"]
    assert set(answers) == {yes, no} and len(answers) >= 4  # both answers, shown more than once
    questions = [m["content"] for m in shown if m["role"] == "user"]
    last = closed_question(asked, "Officials denied it on Monday.")[-1]["content"]
    assert len({*questions, last}) == len(questions) + 1  # each example its own passage
    instruction = questions[0][: questions[0].rindex("\n\n")]
    assert all(instruction not in q for q in [*questions[1:], last])  # said once, read once


def test_an_articles_questions_differ_only_in_their_last_turn() -> None:
    """So a model that keeps its cache reads the examples once an article, and each question
    after the first costs only its passage."""
    asked = build_messages(ARTICLE)
    one = closed_question(asked, "The mayor accused the council of {hiding} costs.")
    other = closed_question(asked, "Officials denied it on Monday.")
    assert one[:-1] == other[:-1] and one[-1] != other[-1]
    assert other[-1]["content"] == 'Passage: "Officials denied it on Monday."'
