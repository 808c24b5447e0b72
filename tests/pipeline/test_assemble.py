"""assemble.py: from the model's draft to the briefing (allegations here; the main event's day
in test_event_date.py)."""

from __future__ import annotations

import json
from typing import Any

from summariser.pipeline.assemble import assemble
from summariser.prompting.draft import Draft
from tests.support import EVAL

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


def _tram_draft(**fields: Any) -> Draft:
    base: dict[str, Any] = {
        "headline": "Tram overturns in Croydon",
        "summary": "A tram overturned in Croydon.",
        "language": "en",
        "who": [],
        "where": [],
        "when": [],
        "allegations": [],
        "stakes": [],
    }
    return Draft.model_validate(base | fields)


TRAM = json.loads((EVAL / "articles" / "g5w-independent-9.json").read_text(encoding="utf-8"))


def test_phrases_copied_from_the_prompts_examples_are_dropped() -> None:
    """As the embedded model answered this article: the prompt's four example time phrases,
    none of them in the article, each with an invented date."""
    copied = ["on Monday", "last week", "until 13 September", "in 2019"]
    when = [{"text": t, "event": "tram crash"} for t in [*copied, "Five people"]]
    when[-1] = {"text": "after the accident", "event": "two people remain trapped"}
    made_up = {"name": "a gunman", "kind": "person", "role": "attacker"}
    real = {"name": "British Transport Police", "kind": "organisation", "role": "police"}
    briefing = assemble(_tram_draft(when=when, who=[made_up, real]), TRAM["text"])
    assert [t.text for t in briefing.when] == ["after the accident"]
    assert "a gunman" not in [a.name for a in briefing.who]
    assert "British Transport Police" in [a.name for a in briefing.who]


def test_an_example_phrase_the_article_does_say_is_kept() -> None:
    text = "The minister resigned on Monday. Her deputy said so last week."
    when = [{"text": "on Monday", "event": "resignation"}]
    briefing = assemble(_tram_draft(when=when), text)
    assert [t.text for t in briefing.when] == ["on Monday"]
    assert briefing.when[0].evidence.grounded


def test_counted_people_of_the_lead_join_who_when_the_model_left_them_out() -> None:
    """The model listed proper names only; the lead's counted victims are added (one phrase
    per kind of people, the fullest), with what the lead says of them, found in the article."""
    who = [{"name": "British Transport Police", "kind": "organisation", "role": "police"}]
    briefing = assemble(_tram_draft(who=who), TRAM["text"])
    added = {a.name: a for a in briefing.who[1:]}
    assert list(added) == ["At least five people"]
    assert added["At least five people"].role == "are dead after a tram overturned in Croydon"
    assert added["At least five people"].kind == "group"
    assert all(a.evidence.grounded and a.evidence.match == "exact" for a in added.values())


def test_people_the_model_did_list_are_not_added_twice() -> None:
    who = [
        {"name": "five people", "kind": "group", "role": "killed"},
        {"name": "two people", "kind": "group", "role": "trapped"},
        {"name": "50 people", "kind": "group", "role": "injured"},
    ]
    briefing = assemble(_tram_draft(who=who), TRAM["text"])
    assert [a.name for a in briefing.who] == ["five people", "two people", "50 people"]


def test_placeholders_are_no_actors_places_or_accused() -> None:
    who = [{"name": "unknown", "kind": "person", "role": "unknown"}]
    where = [{"name": "N/A", "kind": "other"}]
    accusation = {
        "quote": "The driver of the tram has been arrested",
        "made_by": "British Transport Police",
        "claim": "The driver was arrested",
        "against": "none",
        "status": "confirmed",
    }
    briefing = assemble(_tram_draft(who=who, where=where, allegations=[accusation]), TRAM["text"])
    assert "unknown" not in [a.name for a in briefing.who]
    assert briefing.where == []
    assert briefing.allegations[0].against is None


def test_the_leads_precise_location_joins_where() -> None:
    """As the embedded model answered shared/eval's Standard article: bare names only. The
    lead says where exactly; that phrase is added as written, the bare "in Croydon" is not."""
    article = json.loads((EVAL / "articles" / "g5w-standard-6.json").read_text(encoding="utf-8"))
    where = [{"name": "Croydon", "kind": "city"}, {"name": "Sandlilands", "kind": "facility"}]
    briefing = assemble(_tram_draft(where=where), article["text"])
    assert [p.name for p in briefing.where] == [
        "Croydon",
        "Sandlilands",
        "in a tunnel near Sandlilands tram station",
    ]
    assert briefing.where[-1].evidence.match == "exact"


def test_a_listed_location_is_not_added_again() -> None:
    article = json.loads((EVAL / "articles" / "g5w-standard-6.json").read_text(encoding="utf-8"))
    where = [{"name": "a tunnel near Sandlilands tram station", "kind": "facility"}]
    briefing = assemble(_tram_draft(where=where), article["text"])
    assert [p.name for p in briefing.where] == ["a tunnel near Sandlilands tram station"]
