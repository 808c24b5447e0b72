"""Allegations kept or dropped by the margin of a closed answer, never by the word written."""

from __future__ import annotations

import math

import pytest

from summariser.pipeline.vetting import THRESHOLD, dropped, identity, margin
from summariser.stages import finish, prepare


def logprobs(**alternatives: float) -> dict[str, object]:
    top = [{"token": t.replace("_", " "), "logprob": p} for t, p in alternatives.items()]
    return {"content": [{"token": top[0]["token"], "logprob": top[0]["logprob"],
                         "top_logprobs": top}]}  # fmt: skip


def test_the_margin_is_yes_less_no_with_each_words_forms_together() -> None:
    assert margin(logprobs(yes=-0.2, no=-1.9), "yes", "no") == pytest.approx(1.7)
    both = math.log(math.exp(-0.9) + math.exp(-1.2))  # "yes" and " Yes": one word
    found = margin(logprobs(yes=-0.9, _Yes=-1.2, no=-0.8), "yes", "no")
    assert found == pytest.approx(both + 0.8)
    assert margin(logprobs(no=-0.1, yes=-2.5), "yes", "no") == pytest.approx(-2.4)


def test_a_word_not_listed_is_as_likely_as_the_least_likely_listed() -> None:
    assert margin(logprobs(yes=-0.1, maybe=-3.0), "yes", "no") == pytest.approx(2.9)
    assert margin(logprobs(no=-0.1, maybe=-3.0), "yes", "no") == pytest.approx(-2.9)


def test_no_margin_where_neither_word_or_nothing_is_listed() -> None:
    assert margin(logprobs(maybe=-0.1, perhaps=-2.0), "yes", "no") is None
    assert margin({"content": [{"token": "yes", "logprob": -0.1}]}, "yes", "no") is None
    assert margin(None, "yes", "no") is None


TEXT = (
    "Investigators said the tram was going too fast. Martin Bamford said the trip was lovely. "
    "The council denied that it had cut the budget."
)
DRAFT = {
    "headline": "A tram crash",
    "summary": "A tram crashed.",
    "who": [],
    "where": [],
    "when": [],
    "allegations": [
        {"by": "Investigators", "c": "the tram was going too fast", "vs": None},
        {"by": "Martin Bamford", "c": "the trip was lovely", "vs": None},
        {"by": "council", "c": "it had cut the budget", "vs": None},
    ],
    "stakes": [],
}


def test_allegations_under_the_threshold_are_left_out_with_the_actors_only_they_brought_in() -> (
    None
):
    request = prepare(TEXT)
    briefing = finish(request, DRAFT)
    assert [a.made_by for a in briefing.allegations] == [
        "Investigators",
        "Martin Bamford",
        "council",
    ]
    assert "Martin Bamford" in [a.name for a in briefing.who]  # his claim brought him in
    margins = [THRESHOLD + 0.5, THRESHOLD - 0.01, None]  # no margin: kept, as code decided
    left_out = dropped(briefing.allegations, margins)
    assert left_out == {identity(briefing.allegations[1])}
    vetted = finish(request, DRAFT, dropped=left_out)  # assembled again, without it
    assert [a.made_by for a in vetted.allegations] == ["Investigators", "council"]
    assert "Martin Bamford" not in [a.name for a in vetted.who]
    assert vetted.model_copy(update={"allegations": [], "who": []}) == briefing.model_copy(
        update={"allegations": [], "who": []}
    )  # nothing else moves
    assert dropped(briefing.allegations, [THRESHOLD] * 3) == frozenset()  # at it: kept
    with pytest.raises(ValueError, match="2 margins for 3 allegations"):
        dropped(briefing.allegations, [1.0, 1.0])
