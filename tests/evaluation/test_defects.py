"""defects.py: what a reader would strike, counted per briefing."""

from __future__ import annotations

from typing import Any

from summariser.evaluation.defects import defects_of
from tests.support import seed_text

TEXT = seed_text()


def evidence(quote: str) -> dict[str, Any]:
    start = TEXT.find(quote)
    return {"quote": quote, "start": start, "end": start + len(quote), "grounded": True}


def briefing(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "summary": "Kim is heading to Russia.",
        "language": "en",
        "who": [],
        "where": [],
        "when": [],
        "allegations": [],
        "stakes": [],
    }
    return base | fields


def actor(name: str, kind: str = "person", role: str = "North Korean leader") -> dict[str, Any]:
    return {"name": name, "kind": kind, "role": role, "evidence": evidence(name)}


def test_a_clean_briefing_has_no_defect() -> None:
    found = defects_of(
        briefing(who=[actor("Kim Jong-un"), actor("US", "country", "accuses")]), TEXT
    )
    assert found.total == 0 and found.countries == (1, 1)


def test_each_kind_of_defect_is_counted() -> None:
    sentence = "North Korea has previously been accused by the US of selling artillery shells"
    found = defects_of(
        briefing(
            summary="Kim is heading to Russia for a meeting with",
            who=[
                actor("Kim Jong-un"),
                actor("Kim"),  # the same person twice
                actor("Britain", "country", "nation"),  # a role that restates the kind
                actor("Putin", "country", "Russian president"),  # a person as a country
                actor("Read more", "other", "a link"),  # page furniture the article lacks
            ],
            where=[
                {"name": "Jake Sullivan", "kind": "city", "evidence": evidence("Jake Sullivan")}
            ],
            when=[
                {"text": "on Monday", "date": "2023-09-11", "event": "Kim left ..."},
                {"text": "Monday", "date": "2023-09-04", "event": "The Kremlin said so."},
            ],
            allegations=[
                {"claim": sentence[:60], "made_by": "US", "evidence": evidence(sentence + " to")}
            ],
        ),
        TEXT,
    )
    got = {kind: len(items) for kind, items in found.found.items()}
    assert got == {
        "cut": 3,  # the summary, the clipped claim, the event's "..."
        "twice": 1,
        "wrong_kind": 2,  # Putin as a country, Jake Sullivan as a place
        "empty_role": 1,
        "two_dates": 1,
        "junk_name": 1,
    }


def test_a_claim_copied_from_its_sentence_is_cut_where_the_sentence_reads_on() -> None:
    sentence = (
        "The US, Britain, South Korea and Japan have said that any arms deal between North "
        "Korea and Russia would violate UN security council resolutions."
    )

    def cut(claim: str) -> int:
        allegation = {"claim": claim, "made_by": "US", "evidence": evidence(sentence)}
        return len(defects_of(briefing(allegations=[allegation]), TEXT).found["cut"])

    assert cut("any arms deal between North Korea and Russia would violate UN security") == 1
    assert (
        cut(
            "any arms deal between North Korea and Russia would violate UN security "
            "council resolutions"
        )
        == 0
    )  # it ends where the sentence ends
    assert cut("An arms deal would break UN resolutions") == 0  # the model's own words
