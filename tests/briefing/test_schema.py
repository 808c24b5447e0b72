import json

import pytest
from pydantic import ValidationError

from summariser.briefing.json_schema import schema_json
from summariser.briefing.schema import Briefing
from summariser.prompting.draft import Draft
from tests.support import ROOT


def test_exported_schema_is_in_sync_with_the_model() -> None:
    shipped = (ROOT / "schemas" / "briefing.schema.json").read_text(encoding="utf-8")
    assert json.loads(shipped) == json.loads(schema_json()), (
        "schemas/briefing.schema.json is stale: run `summarise schema --write "
        "schemas/briefing.schema.json`"
    )


def test_public_field_names_are_the_contract() -> None:
    props = Briefing.model_json_schema()["properties"]
    sections = ("who", "where", "when", "allegations", "stakes")
    for name in ("headline", "summary", "language", *sections):
        assert name in props
    defs = Briefing.model_json_schema()["$defs"]
    assert set(defs["Actor"]["properties"]) == {"name", "kind", "role", "evidence"}
    assert set(defs["Place"]["properties"]) == {"name", "kind", "evidence"}
    assert set(defs["TimeRef"]["properties"]) == {"text", "date", "event", "evidence"}
    assert set(defs["Allegation"]["properties"]) == {
        "claim", "made_by", "against", "status", "evidence",
    }  # fmt: skip
    assert set(defs["Stake"]["properties"]) == {"what", "for_whom", "evidence"}
    assert {"quote", "start", "end", "grounded"} <= set(defs["Evidence"]["properties"])


def test_dates_must_be_iso_shaped() -> None:
    base = {"text": "x", "event": "y", "evidence": {
        "quote": "x", "start": 0, "end": 1, "grounded": True, "match": "exact"}}  # fmt: skip
    from summariser.briefing.schema import TimeRef

    for ok in ("2023-09-11", "2023-09", "2023", None):
        TimeRef.model_validate({**base, "date": ok})
    with pytest.raises(ValidationError):
        TimeRef.model_validate({**base, "date": "Monday"})


def test_draft_repairs_instead_of_rejecting() -> None:
    draft = Draft.model_validate(
        {
            "headline": "  A   headline ",
            "summary": "s",
            "who": [{"n": "Acme", "k": "Organization", "r": "r"}] * 20,
            "where": [{"n": "Lyon", "k": "town"}, "Paris"],
            "when": ["on   Monday", ""],
            "allegations": [{"by": "m", "c": "c " * 80, "vs": None}],
            "stakes": [],
        }
    )
    assert draft.headline == "A headline"
    assert len(draft.who) == 8 and draft.who[0].ref == "Acme"  # a kind is ignored
    assert draft.where == ["Lyon", "Paris"]  # a place written as an object is its name
    assert draft.when == ["on Monday"]
    assert draft.allegations[0].claim == ("c " * 50).strip()  # 100 at most, whole words


def test_a_string_the_grammar_stopped_at_its_cap_ends_on_a_whole_word() -> None:
    stake = {"w": "North Korea's military and economic cooperation to counter U", "f": "US"}
    assert len(stake["w"]) == 60  # the cap: the grammar let the model write no further
    draft = Draft.model_validate(
        {
            "headline": "h",
            "summary": "s",
            "allegations": [],
            "who": [],
            "where": [],
            "when": [],
            "stakes": [stake, {"w": "One whole phrase", "f": "US"}],
        }
    )
    assert [s.what for s in draft.stakes] == [
        "North Korea's military and economic cooperation to counter",
        "One whole phrase",
    ]


def test_draft_schema_declares_limits_for_grammars_under_short_keys() -> None:
    schema = Draft.model_json_schema()
    assert schema["properties"]["who"]["maxItems"] == 8
    actor = schema["$defs"]["DraftActor"]["properties"]
    assert list(actor) == ["n", "r"] and actor["n"]["maxLength"] == 60  # kinds are code's
    assert schema["properties"]["where"]["items"] == {"type": "string", "maxLength": 60}
    assert "language" not in schema["properties"]  # code detects it


def test_briefing_round_trips_through_json() -> None:
    evidence = {"quote": "Kim", "start": 0, "end": 3, "grounded": True, "match": "exact"}
    briefing = Briefing.model_validate(
        {
            "headline": "h",
            "summary": "s",
            "language": "en",
            "who": [{"name": "Kim", "kind": "person", "role": "leader", "evidence": evidence}],
            "where": [],
            "when": [],
            "allegations": [],
            "stakes": [],
        }
    )
    assert Briefing.model_validate_json(briefing.model_dump_json()) == briefing
