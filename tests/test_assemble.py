"""assemble.py: from the model's draft to the briefing (allegations here; the main event's day
in test_event_date.py)."""

from __future__ import annotations

import json
from typing import Any

from summariser.assemble import assemble
from summariser.draft import Draft

from .conftest import EVAL

ARTICLE = json.loads(
    (
        EVAL / "articles" / "polnear-huff-post_2016-09-16_black-lawmakers-rip-donald-trump.json"
    ).read_text(encoding="utf-8")
)
BUTTERFIELD = "Rep. G.K. Butterfield (D-N.C.)"


def allegation(quote: str, claim: str) -> dict[str, Any]:
    return {
        "quote": quote,
        "made_by": BUTTERFIELD,
        "claim": claim,
        "against": "Donald Trump",
        "status": "alleged",
    }


def draft(*allegations: dict[str, Any]) -> Draft:
    return Draft.model_validate(
        {
            "headline": "Black lawmakers rip Trump",
            "summary": "Black lawmakers criticised Donald Trump.",
            "language": "en",
            "who": [],
            "where": [],
            "when": [],
            "allegations": list(allegations),
            "stakes": [],
        }
    )


def test_a_claim_copied_under_another_quote_gives_way_to_that_quote() -> None:
    """As the embedded model answered this article: one claim under four different quotes.
    Merging by claim kept one allegation; each quote is its own statement."""
    fraud = "Donald Trump is a disgusting fraud"
    quotes = [
        "This is a disgusting day",
        "He started this silliness years ago by saying President Obama is not an American citizen",
        "He would not have done that to a Mitt Romney",
        "This is a disgusting day",  # the same quote and claim again: a plain repeat
    ]
    briefing = assemble(draft(*(allegation(q, fraud) for q in quotes)), ARTICLE["text"])
    assert [a.claim for a in briefing.allegations] == [fraud, *quotes[1:3]]
    assert all(a.evidence.grounded for a in briefing.allegations)
    assert {a.made_by for a in briefing.allegations} == {BUTTERFIELD}


def test_different_claims_are_kept_as_the_model_wrote_them() -> None:
    one = allegation("This is a disgusting day", "Butterfield calls the day disgusting")
    two = allegation("He had no proof of it.", "Trump had no proof Obama was not a citizen")
    briefing = assemble(draft(one, two), ARTICLE["text"])
    assert [a.claim for a in briefing.allegations] == [one["claim"], two["claim"]]
