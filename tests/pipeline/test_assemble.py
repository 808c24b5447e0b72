"""assemble.py: from the model's draft to the briefing (allegations here; the main event's day
in test_event_date.py)."""

from __future__ import annotations

import json

from tests.support import EVAL, brief

ARTICLE = json.loads(
    (
        EVAL / "articles" / "polnear-huff-post_2016-09-16_black-lawmakers-rip-donald-trump.json"
    ).read_text(encoding="utf-8")
)
TRAM = json.loads((EVAL / "articles" / "g5w-independent-9.json").read_text(encoding="utf-8"))


def test_each_claim_is_quoted_by_the_whole_sentence_that_says_it() -> None:
    """The model writes a claim in its own words; code quotes the sentence that says it, whole,
    from its first character, where the model used to start a quote mid-word."""
    text = ARTICLE["text"]
    claim = {"by": "Butterfield", "c": "Trump said Obama is not an American citizen", "vs": None}
    briefing = brief(text, allegations=[claim])
    evidence = briefing.allegations[0].evidence
    assert evidence.quote == (
        "He started this silliness years ago by saying President Obama is not an American citizen."
    )
    assert evidence.match == "exact" and text[evidence.start : evidence.end] == evidence.quote


def test_the_source_is_the_reporting_verbs_subject_and_the_status_its_cue() -> None:
    """The model named the wrong source; the sentence says who said it ("..., said Rep. G.K.
    Butterfield"), so that is the source, written as the article's candidate."""
    text = ARTICLE["text"]
    wrong = {"by": "Donald Trump", "c": "This is a disgusting day", "vs": "Donald Trump"}
    allegation = brief(text, allegations=[wrong]).allegations[0]
    assert allegation.made_by == "G.K. Butterfield"
    assert allegation.status == "reported"
    assert allegation.against == "Donald Trump"


def test_a_claim_copied_under_another_gives_way_to_its_sentence() -> None:
    """A small model repeats one claim for several statements; the repeat says nothing of its
    own, so its sentence stands as its claim, and the same claim twice is one allegation."""
    text = ARTICLE["text"]
    one = {"by": "Butterfield", "c": "Donald Trump is a disgusting fraud", "vs": None}
    briefing = brief(text, allegations=[one, one])
    claims = [a.claim for a in briefing.allegations if a.made_by != "unattributed"]
    assert claims.count("Donald Trump is a disgusting fraud") == 1


def test_accusations_the_model_left_out_are_added_from_their_sentences() -> None:
    text = (
        "Kim arrived in Vladivostok on Monday. North Korea has previously been accused by the "
        "US of selling artillery shells to Wagner. The Kremlin said the talks went well."
    )
    listed = {"by": "Kremlin", "c": "the talks went well", "vs": None}
    briefing = brief(text, allegations=[listed])
    added = [a for a in briefing.allegations if a.claim != "the talks went well"]
    assert [(a.made_by, a.against, a.status) for a in added] == [("US", "North Korea", "alleged")]
    assert added[0].evidence.quote.startswith("North Korea has previously been accused")
    assert "US" in [a.name for a in briefing.who]  # who makes a claim is in the story


def test_names_are_written_as_the_articles_candidates() -> None:
    """ "Kim Jong Un" is the article's "Kim Jong-un"; a name the article writes stays as the
    model wrote it; a person the model listed in who is never a place."""
    text = (
        "Kim Jong-un met Vladimir Putin in the Russian city of Vladivostok on Monday, state "
        "media reported. Putin said little about the talks afterwards. Kim left for home by "
        "armoured train."
    )
    who = [
        {"n": "Kim Jong Un", "k": "person", "r": "North Korean leader"},
        {"n": "Putin", "k": "person", "r": "Russian leader"},
    ]
    where = [{"n": "Vladivostok", "k": "city"}, {"n": "Vladimir Putin", "k": "city"}]
    briefing = brief(text, who=who, where=where)
    assert [a.name for a in briefing.who] == ["Kim Jong-un", "Putin"]  # no second Putin added
    assert [p.name for p in briefing.where] == ["Vladivostok"]


def test_time_phrases_get_their_event_from_their_sentence() -> None:
    text = "The minister resigned on Monday after a week of protests. Elections follow in May."
    briefing = brief(text, when=["on Monday"])
    assert briefing.when[0].event == "The minister resigned on Monday after a week of protests."


def test_phrases_copied_from_the_prompts_examples_are_dropped() -> None:
    """An unnamed actor from the prompt's examples ("three passengers"), not in the article, is
    a copy of the instructions; a real name is kept."""
    made_up = {"n": "three passengers", "k": "group", "r": "victims"}
    real = {"n": "British Transport Police", "k": "organisation", "r": "police"}
    briefing = brief(TRAM["text"], who=[made_up, real])
    assert "three passengers" not in [a.name for a in briefing.who]
    assert "British Transport Police" in [a.name for a in briefing.who]


def test_an_example_phrase_the_article_does_say_is_kept() -> None:
    text = "A bus crashed on Monday. The driver and three passengers were hurt, police said."
    who = [{"n": "three passengers", "k": "group", "r": "hurt"}]
    briefing = brief(text, who=who)
    assert "three passengers" in [a.name for a in briefing.who]


def test_counted_people_of_the_lead_join_who_when_the_model_left_them_out() -> None:
    """The model listed proper names only; the lead's counted victims are added (one phrase
    per kind of people, the fullest), with what the lead says of them, found in the article."""
    who = [{"n": "British Transport Police", "k": "organisation", "r": "police"}]
    briefing = brief(TRAM["text"], who=who)
    added = {a.name: a for a in briefing.who[1:] if not a.name[0].isupper() or " " in a.name}
    added = {n: a for n, a in added.items() if n.split()[-1] == "people"}
    assert list(added) == ["five people"]  # called less the words that bound their count
    assert added["five people"].role == "are dead after a tram overturned in Croydon, south London"
    assert added["five people"].kind == "group"
    assert all(a.evidence.grounded and a.evidence.match == "exact" for a in added.values())


def test_people_the_model_did_list_are_not_added_twice() -> None:
    who = [
        {"n": "five people", "k": "group", "r": "killed"},
        {"n": "two people", "k": "group", "r": "trapped"},
        {"n": "50 people", "k": "group", "r": "injured"},
    ]
    briefing = brief(TRAM["text"], who=who)
    listed = [a.name for a in briefing.who if a.name.split()[-1] == "people"]
    assert listed == ["five people", "two people", "50 people"]


def test_placeholders_are_no_actors_places_or_accused() -> None:
    who = [{"n": "unknown", "k": "person", "r": "unknown"}]
    where = [{"n": "N/A", "k": "other"}]
    accusation = {"by": "British Transport Police", "c": "The driver was arrested", "vs": "none"}
    briefing = brief(TRAM["text"], who=who, where=where, allegations=[accusation])
    assert "unknown" not in [a.name for a in briefing.who]
    assert "N/A" not in [p.name for p in briefing.where]
    assert briefing.allegations[0].against is None


def test_the_leads_precise_location_joins_where() -> None:
    """As the embedded model answered shared/eval's Standard article: bare names only. The
    lead says where exactly ("in a tunnel near Sandlilands tram station"): the places it names
    are added, each by its name, the bare "in Croydon" is not added again. "Sandlilands", which
    the article writes only as a word of "Sandlilands tram station", names no place of its
    own."""
    article = json.loads((EVAL / "articles" / "g5w-standard-6.json").read_text(encoding="utf-8"))
    where = [{"n": "Croydon", "k": "city"}, {"n": "Sandlilands", "k": "facility"}]
    briefing = brief(article["text"], where=where)
    assert [(p.name, p.kind) for p in briefing.where] == [
        ("Croydon", "region"),  # a London borough, ISO 3166-2 says
        ("tunnel", "facility"),
        ("Sandlilands tram station", "facility"),
    ]
    assert briefing.where[-1].evidence.match == "exact"


def test_a_listed_location_is_not_added_again() -> None:
    article = json.loads((EVAL / "articles" / "g5w-standard-6.json").read_text(encoding="utf-8"))
    where = [{"n": "a tunnel near Sandlilands tram station", "k": "facility"}]
    briefing = brief(article["text"], where=where)
    names = [p.name for p in briefing.where]
    assert names[0] == "a tunnel near Sandlilands tram station"
    assert not any("tunnel" in n for n in names[1:])  # the lead's phrase is not added again


def test_the_checklists_other_times_follow_the_models() -> None:
    text = "Talks began on Monday. They are due to end on 13 September, officials said."
    briefing = brief(text, when=["on 13 September"])
    assert [t.text for t in briefing.when] == ["on 13 September", "on Monday"]


def test_single_letters_and_times_the_article_never_writes_are_dropped() -> None:
    """ "X" and "Y" are the prompt's "X accused Y", not actors; "2019-04-05" is a time the
    model made up, whose date would be made up too."""
    text = "The council met on Monday. The mayor said the bridge would close."
    who = [{"n": "X", "k": "person", "r": "accuser"}, {"n": "mayor", "k": "person", "r": "mayor"}]
    briefing = brief(text, who=who, when=["2019-04-05", "on Monday"])
    assert "X" not in [a.name for a in briefing.who]
    assert [t.text for t in briefing.when] == ["on Monday"]


def test_places_the_lead_writes_join_where_when_the_model_left_them_out() -> None:
    text = (
        "A car bomb exploded outside the consulate in Mazar-i-Sharif on Thursday, police in "
        "Mazar-i-Sharif said. Officials in Kabul condemned it."
    )
    briefing = brief(text, where=[{"n": "Kabul", "k": "city"}])
    assert [p.name for p in briefing.where][:2] == ["Kabul", "Mazar-i-Sharif"]


def test_a_wire_storys_dateline_city_joins_where() -> None:
    text = "Photo LONDON -- The peaks are slimmer, the maker of Toblerone said on Monday."
    where = [p for p in brief(text).where if p.name == "LONDON"]
    assert len(where) == 1 and where[0].kind == "city" and where[0].evidence.grounded
    listed = brief(text, where=[{"n": "London", "k": "city"}]).where
    assert [p.name.upper() for p in listed] == ["LONDON"]  # listed already, so not added again
    assert "KUNDUZ" in [p.name for p in brief("KUNDUZ, Afghanistan (AP) — Two died.").where]
    for no_dateline in ("UPDATE - The council met.", "The council met in LONDON - again."):
        assert "UPDATE" not in [p.name for p in brief(no_dateline).where]
    assert brief("The council met - NOBODY said little.").where == []


def test_a_claim_copied_from_the_middle_of_its_sentence_is_whole_or_the_sentence() -> None:
    """A small model copies a piece of the sentence and stops where the sentence reads on;
    such a claim is the whole sentence. A piece that ends where the sentence ends stands."""
    text = (
        "The New York Times filed a motion to unseal the records, arguing the move was needed "
        "to inform public debate over the mogul and Republican nominee. The judge said no."
    )
    sentence = text.split(". ")[0] + "."
    cut = "the move was needed to inform public debate over the mogul and Republican"
    claim = {"by": "The New York Times", "c": cut, "vs": None}
    assert brief(text, allegations=[claim]).allegations[0].claim == sentence
    whole = cut + " nominee"
    claim = {"by": "The New York Times", "c": whole, "vs": None}
    assert brief(text, allegations=[claim]).allegations[0].claim == whole


GUARDIAN = json.loads((EVAL / "articles" / "g5w-theguardian-1.json").read_text(encoding="utf-8"))


def test_an_adjective_the_model_lists_names_no_actor_and_no_place() -> None:
    """ "German" of "the German consulate" is written in the article, but names nothing."""
    text = GUARDIAN["text"]
    assert "German consulate" in text
    briefing = brief(
        text,
        who=[{"n": "German", "r": "consulate"}, {"n": "Taliban", "r": "attackers"}],
        where=["German", "Mazar-i-Sharif"],
    )
    assert [a.name for a in briefing.who][:1] == ["Taliban"]
    assert "German" not in [a.name for a in briefing.who]
    assert "German" not in [p.name for p in briefing.where]
    assert "Mazar-i-Sharif" in [p.name for p in briefing.where]


def test_an_organisation_is_a_place_only_where_the_article_puts_something_at_it() -> None:
    text = (
        "British Transport Police said seven people died when a tram overturned in Croydon. "
        "The mayor met families at the Kremlin on Monday, officials said."
    )
    briefing = brief(text, where=["British Transport Police", "Kremlin", "Croydon"])
    assert [p.name for p in briefing.where][:2] == ["Kremlin", "Croydon"]


def test_a_stake_copied_short_of_its_phrase_is_completed_to_it() -> None:
    text = GUARDIAN["text"]
    cut = "security problems spreading across Afghanistan in recent"
    assert cut + " months" in text
    briefing = brief(text, stakes=[{"w": cut, "f": "Afghanistan"}])
    assert briefing.stakes[0].what == cut + " months"


def test_a_claim_that_trails_off_is_its_sentence_and_an_address_is_no_actor() -> None:
    text = (
        "A former nurse of Hugo Chavez says she suffers persecution, her lawyer told the court "
        "on Monday. Contact the editor at desk@example.com for corrections."
    )
    claim = {"by": "her lawyer", "c": "she suffers perseguiç...", "vs": None}
    briefing = brief(
        text,
        allegations=[claim],
        who=[{"n": "desk@example.com", "r": "editor"}, {"n": "Hugo Chavez", "r": "leader"}],
    )
    assert briefing.allegations[0].claim == text.split(" Contact")[0]
    assert [a.name for a in briefing.who] == ["Hugo Chavez"]
