"""What an editor would strike is not written: roles, kinds, places and allegations kept only
where the article gives evidence for them (who.py, roles.py, kinds.py, where.py,
allegations.py)."""

from __future__ import annotations

from summariser.nlp import read
from summariser.pipeline.context import Context
from summariser.pipeline.kinds import actor_kind, named_as_place
from summariser.pipeline.roles import Roles
from tests.support import brief

TRAM = (
    "LONDON -- At least seven people were killed when a tram overturned near the Sandilands "
    "stop on Addiscombe Road in Croydon on Wednesday. The driver, a 42-year-old man from "
    "Beckenham, was arrested. Mr Smith said the tram was going too fast. Investigators said "
    "the tram was travelling at a significantly higher speed than permitted. Transport for "
    "London denied that the track was faulty. The tram had been built in Austria. Passengers "
    "described scenes of horror. Smith, a commuter, later left hospital."
)


def test_a_role_is_what_the_article_says_of_the_actor() -> None:
    roles = Roles(read(TRAM, "en"))
    assert roles.checked("commuter", "Mr Smith") == "commuter"  # "Smith, a commuter"
    assert roles.checked("the main actor first", "Mr Smith") == ""  # never said of him
    assert roles.checked("organization", "Transport for London") == ""  # a restated kind
    assert roles.checked("investigators said", "Transport for London") == ""  # its own subject
    assert roles.checked("driver Mr Smith", "Transport for London") == ""  # another's name
    assert roles.checked("denied that the track was faulty", "Transport for London") == (
        "denied that the track was faulty"
    )


def test_a_role_says_what_the_actor_does_more_than_that_it_spoke() -> None:
    text = (
        "Hillary Clinton told donors on a call on Saturday, according to the Times. "
        "Clinton accepted some blame for her loss. Jane Roe told reporters."
    )
    roles = Roles(read(text, "en"))
    assert roles.checked("told donors on a call on Saturday", "Hillary Clinton") == ""
    assert roles.done_by("Hillary Clinton") == "accepted some blame for her loss"
    assert roles.done_by("Jane Roe") == "told reporters"  # all the article says of her


def test_a_role_is_the_first_thing_the_story_has_the_actor_do() -> None:
    """A story says first what its actors did in it; a later, shorter clause is background."""
    text = (
        "Hillary Clinton blamed FBI director James Comey for her stunning defeat in Tuesday's "
        "presidential election in a conference call with her top campaign funders on Saturday, "
        "according to two participants on the call. Clinton has kept a low profile since."
    )
    assert Roles(read(text, "en")).done_by("Hillary Clinton") == (
        "blamed FBI director James Comey for her stunning defeat in Tuesday's presidential election"
    )


def test_a_state_or_what_the_actor_did_not_do_is_no_role() -> None:
    text = (
        "Zhao Zicong is still alive. Zhao Zicong fell into a well on Sunday. Mondelez does not "
        "constitute an everyday purchase. Mondelez changed its bar in May. Jane Roe was arrested."
    )
    roles = Roles(read(text, "en"))
    assert roles.done_by("Zhao Zicong") == "fell into a well on Sunday"
    assert roles.done_by("Mondelez") == "changed its bar in May"
    assert roles.done_by("Jane Roe") == "was arrested"  # done to her: her part in the story


def test_a_role_the_article_writes_of_others_is_not_the_actors() -> None:
    """The article's phrase is a role where it is said of the actor (beside it, as its title,
    after "is"), not where it names others in a sentence about it; a phrase the model copied
    stops where its phrase stops, never at the verb it is the subject of."""
    text = (
        "Top black lawmakers said Donald Trump had fanned the birther movement. Felipe Massa "
        "was the last driver to crash. Hillary Clinton said her campaign responded on Friday."
    )
    roles = Roles(read(text, "en"))
    assert roles.checked("top black lawmakers", "Donald Trump") == ""
    assert roles.checked("the last driver", "Felipe Massa") == "the last driver"
    who = [{"n": "Hillary Clinton", "r": "campaign"}]
    assert {a.name: a.role for a in brief(text, who=who).who}["Hillary Clinton"] == "campaign"


def test_a_role_is_never_what_a_caption_says() -> None:
    text = (  # a page's run-on text, as the dev set holds it
        "'It stopped our momentum,' Clinton told donors, according to the New York Times. "
        "Hillary Clinton (pictured after giving her concession speech) has blamed FBI Director "
        "James Comey for her election defeat The new examination was sparked by an unrelated "
        "investigation into former New York Rep. Anthony Weiner, the estranged husband of her "
        "top aide, Huma Abedin. Clinton later accepted some blame for her loss."
    )
    done = Roles(read(text, "en")).done_by("Hillary Clinton")
    assert done == "later accepted some blame for her loss"


def test_a_role_stops_where_a_clause_with_another_subject_begins() -> None:
    """ "Is still alive as rescuers carry on searching": the rescuers search, not the boy; a
    subject inside what is said ("told reporters that Russia will pay") is the claim."""
    text = (
        "Zhao Zicong is still alive as rescuers carry on searching. Mr Long told reporters "
        "that Russia will pay a price. Lisa Ray crashed at high speed as she entered the pit."
    )
    roles = Roles(read(text, "en"))
    assert roles.checked("is still alive as rescuers carry on searching", "Zhao Zicong") == (
        "is still alive"
    )
    assert roles.checked("told reporters that Russia will pay a price", "Mr Long") == (
        "told reporters that Russia will pay a price"
    )
    assert roles.done_by("Lisa Ray") == "crashed at high speed"


def test_a_role_is_never_what_a_speaker_says_of_the_actor() -> None:
    """A name inside a quotation is the speaker's, even where the quotation runs over
    sentences of a text without line breaks; one after a quotation closes is the article's."""
    text = (
        '"Costs are up. To ensure Mondelez remains on-shelf, we cut the bar," the firm said. '
        '"It looks like half the bar," Lee Yarker wrote on Facebook. Mondelez changed its bar '
        "in May."
    )
    roles = Roles(read(text, "en"))
    assert roles.done_by("Mondelez") == "changed its bar in May"
    assert roles.done_by("Lee Yarker") == "wrote on Facebook"


def test_a_confirmation_without_what_was_confirmed_is_no_role() -> None:
    text = (
        "The bar changed, Mondelez confirmed to MailOnline. Mondelez owns the brand. Mr Comey "
        "informed Congress."
    )
    roles = Roles(read(text, "en"))
    assert roles.checked("confirmed to MailOnline", "Mondelez") == ""
    assert roles.checked("informed Congress", "Comey") == ""
    assert roles.done_by("Mondelez") == "owns the brand"


def test_a_qualified_kind_is_no_role_and_a_long_clause_is_one_where_nothing_shorter_is() -> None:
    """ "A militant group" restates the kind; where the article says only a long thing of an
    actor, that is its role, cut where another subject's clause begins; "said" alone says
    nothing."""
    text = (
        'British Transport Police said it was "too early" to comment on whether the driver '
        'was using his mobile phone on the morning of the crash. "Subpoenas are not '
        'optional," Jane Roe said after Pagliano failed to show up at the hearing.'
    )
    roles = Roles(read(text, "en"))
    assert roles.checked("a militant group", "British Transport Police") == ""
    assert roles.checked("the police agency", "British Transport Police") == ""
    assert roles.done_by("British Transport Police") == 'said it was "too early" to comment'
    assert roles.done_by("Jane Roe") == ""


def test_kinds_come_from_the_evidence_that_agrees() -> None:
    text = (
        "Mr Ericsson crashed at the first corner. Marcus Ericsson later said the rain was to "
        "blame. The Nato spokesman said nothing. Fighting spread across Europe and into "
        "Kunduz province."
    )
    who = [
        {"n": "Marcus Ericsson", "r": "crashed at the first corner"},
        {"n": "Nato spokesman", "r": "said nothing"},
    ]
    briefing = brief(text, who=who, where=["Europe", "Kunduz province"])
    assert {a.name: a.kind for a in briefing.who} == {
        "Marcus Ericsson": "person",  # "Mr": a person, however a mention was typed
        "Nato spokesman": "person",  # a title in the name
    }
    assert {p.name: p.kind for p in briefing.where} == {
        "Europe": "region",  # a continent
        "Kunduz province": "region",  # the noun that heads the name
    }


def test_a_title_or_a_head_noun_in_the_articles_language_tells_the_kind() -> None:
    """Without a tagger (Portuguese): a name written after a title is a person's, one headed
    by a body's noun an organisation's; a name nothing types stays "other"."""
    text = (
        "Brasília — O ministro Fernando Haddad disse nesta terça-feira que a Petrobras vai "
        "investir. Haddad falou com a imprensa. A Petrobras não comentou. A Secretaria de "
        "Saúde informou que o atendimento será normal."
    )
    reading = read(text)
    assert reading.language == "pt"
    names = ("Fernando Haddad", "Petrobras", "Secretaria de Saúde")
    kinds = {n: actor_kind(n, reading.references.candidate(n), reading) for n in names}
    assert kinds == {
        "Fernando Haddad": "person",
        "Petrobras": "other",
        "Secretaria de Saúde": "organisation",
    }


def test_places_are_where_something_happens_and_are_named() -> None:
    """The lead's exact spot by its names; a country that only acts or a body is no place;
    the dateline is a city."""
    who = [{"n": "Transport for London", "r": "denied that the track was faulty"}]
    where = ["Croydon", "Transport for London", "Austria", "Beckenham"]
    briefing = brief(TRAM, who=who, where=where)
    names = {p.name: p.kind for p in briefing.where}
    assert "Transport for London" not in names  # a body the model listed as a place
    assert names["Sandilands stop"] == "facility" and names["Addiscombe Road"] == "other"
    assert names["LONDON"] == "city"  # the dateline
    assert "Austria" in names and "Beckenham" in names  # built in, a man from: places


def test_a_place_is_one_the_article_puts_something_at() -> None:
    """A name the gazetteers and its own words do not call a place is listed only where the
    article writes something at, to or from it; a state that says who a person is is none."""
    text = (
        "Felipe Massa made his final F1 appearance at Interlagos in Brazil. "
        '"It is over," said Rep. Elijah Cummings of Maryland. Rep. John Mica (R-Fla.) '
        "agreed. Fighting spread to Balkh province."
    )
    where = ["F1", "Interlagos", "Brazil", "Maryland", "Fla.", "Balkh province"]
    names = [p.name for p in brief(text, where=where).where]
    assert names == ["Interlagos", "Brazil", "Balkh province"]


def test_a_body_is_a_place_only_where_something_is_done_at_it() -> None:
    text = (
        "Gemma Pryor, a director at Mondelez International, said the bar had changed. The "
        "bars were made at Mondelez International in Bern. Supporters in Congress said "
        "nothing."
    )
    where = ["Mondelez International", "Congress", "Bern"]
    names = [p.name for p in brief(text, where=where).where]
    assert names == ["Mondelez International", "Bern"]  # made at it; not whom people work for


def test_a_persons_first_name_is_no_place_however_the_tagger_typed_it_once() -> None:
    text = (
        "A judge refused to unseal the file on Donald Trump's divorce from wife Ivana, saying "
        "the courts have no business deciding it. Ivana Trump opposed unsealing it. Lawyers "
        "for Ivana Trump said she wanted privacy. The divorce was granted in New York."
    )
    assert ("Ivana", "place") in [(e.text, e.type) for e in read(text, "en").entities]
    names = [p.name for p in brief(text, where=["Ivana", "New York"]).where]
    assert names == ["New York"]


def test_capitals_that_make_no_name_are_no_actor() -> None:
    """Two names a line of links runs together, an owner and what it owns, a headline's
    title case (nlp/written_names.py), however the model lists them."""
    text = (
        "Clinton Hid Past Health Problems From Public, Doctor Says\n"
        "Hillary Clinton said the FBI had cleared her. Clinton denied any wrongdoing.\n"
        "Clinton FBI probe: What we know\n"
        "Toblerone's Facebook page filled with complaints after Toblerone changed its shape."
    )
    who = [
        {"n": name, "r": ""}
        for name in ("Clinton FBI", "Toblerone's Facebook", "Clinton Hid Past Health")
    ]
    who.append({"n": "Hillary Clinton", "r": "said the FBI had cleared her"})
    assert [a.name for a in brief(text, who=who).who] == ["Hillary Clinton"]


def test_a_body_that_does_something_in_the_story_is_no_place() -> None:
    text = (
        "The visa program expires on Friday unless Congress acts to extend it. Lawmakers in "
        "Congress disagree. Developers in Vermont were charged."
    )
    names = [p.name for p in brief(text, where=["Congress", "Vermont"]).where]
    assert names == ["Vermont"]


def test_a_site_the_lead_names_with_a_common_noun_is_a_place() -> None:
    """ "Struck the German consulate": a place no tagger types as a name; "the police
    station", which no proper word qualifies, names no one site."""
    text = (
        "Taliban insurgents struck the German consulate in Mazar-i-Sharif on Thursday. "
        "The wounded were taken to the police station."
    )
    where = brief(text, where=["Mazar-i-Sharif"]).where
    assert [(p.name, p.kind) for p in where][1:] == [("German consulate", "facility")]


def test_a_places_head_noun_says_its_kind_over_a_gazetteers_homonym() -> None:
    """ "White House" is a building, whatever town of that name a gazetteer holds; a name
    with no such head keeps the gazetteer's kind."""
    assert named_as_place("White House", "en") == "facility"
    assert named_as_place("Trump Tower", "en") == "facility"
    assert named_as_place("Balkh province", "en") == "region"
    assert named_as_place("Vladivostok", "en") == "city"


def test_the_dateline_names_a_city_however_the_model_lists_it() -> None:
    for dash in ("--", "\u2015"):  # and the horizontal bar some outlets set
        text = f"WASHINGTON {dash} The Senate voted on Tuesday to extend the program in Washington."
        where = brief(text, where=["WASHINGTON"]).where
        assert [(p.name.casefold(), p.kind) for p in where] == [
            ("washington", "city")  # the gazetteer's "Washington" is the state
        ], dash


def test_a_place_the_model_lists_as_an_actor_is_none_unless_it_acts() -> None:
    """However the tagger typed it (an organisation, here), a hospital by its name; a person
    after "to" is no place; a hospital that says something is an actor."""
    text = (
        "She insisted that the first lady go to Bethesda Naval Hospital for an ultrasound. "
        "Clinton did not want to stay. She was whisked off to Bethesda Naval Hospital for "
        "tests. Felipe Massa lost the race to Lewis Hamilton, the Mercedes driver. The Royal "
        "London Hospital said it had treated eight."
    )
    who = [
        {"n": "Bethesda Naval Hospital", "r": ""},
        {"n": "Lewis Hamilton", "r": "Mercedes driver"},
        {"n": "Royal London Hospital", "r": ""},
    ]
    names = [a.name for a in brief(text, who=who).who]
    assert "Bethesda Naval Hospital" not in names
    assert "Lewis Hamilton" in names and "Royal London Hospital" in names


def test_a_country_that_only_acts_is_no_place() -> None:
    text = (
        "US airstrikes hit the town of Kunduz on Monday. The Taliban said it attacked the "
        "consulate in Afghanistan in revenge. Germany leads the mission."
    )
    briefing = brief(text, where=["Afghanistan", "Germany", "US"])
    assert [p.name for p in briefing.where] == ["Afghanistan", "Kunduz"]  # the lead's too


def test_an_allegation_is_what_someone_says_not_what_the_article_states() -> None:
    text = (
        "A tram overturned in Croydon on Wednesday. Investigators said the tram was going too "
        "fast. “It was a disaster. The driver fell asleep,” said Martin Bamford, a passenger. "
        "The driver was arrested."
    )
    drafted = [
        {"by": "Investigators", "c": "the tram was going too fast", "vs": None},
        {"by": "Croydon", "c": "a tram overturned in Croydon", "vs": None},  # the article's own
        {"by": "Martin Bamford", "c": "the driver fell asleep", "vs": "driver"},  # a quotation
    ]
    briefing = brief(text, allegations=drafted)
    quotes = [a.evidence.quote for a in briefing.allegations]
    assert quotes == [
        "Investigators said the tram was going too fast.",
        "The driver fell asleep,” said Martin Bamford, a passenger.",
    ]
    assert [a.made_by for a in briefing.allegations] == ["Investigators", "Martin Bamford"]


def test_a_claim_in_other_words_is_quoted_only_by_a_sentence_someone_says() -> None:
    """A claim the model wrote in another language matches no sentence: it stands on the
    first sentence someone says that names its source, never on one the article states."""
    text = (
        "Rescuers dug through the night in Hebei. The bridge was closed on Monday. "
        "Mayor Jane Roe said the bridge would reopen on Friday."
    )
    drafted = [
        {"by": "Rescuers", "c": "sauver le garçon", "vs": None},
        {"by": "Jane Roe", "c": "le pont rouvrira vendredi", "vs": None},
    ]
    briefing = brief(text, allegations=drafted)
    assert [(a.made_by, a.evidence.quote) for a in briefing.allegations] == [
        ("Jane Roe", "Mayor Jane Roe said the bridge would reopen on Friday.")
    ]


def test_the_source_is_who_the_reporting_verb_says_speaks() -> None:
    """However the parse splits what was said, and where a participle reports for the
    subject of its clause ("issued a statement saying")."""
    sentences = {
        "The Taliban said the bombing late Thursday, which tore a crater in the road, was a "
        '"revenge attack" for US air strikes.': "The Taliban",
        "The police issued a statement on Friday saying that no staff had been hurt.": "The police",
        "The provincial police force issued a statement saying that no German staff had been "
        "hurt, and that the police had cleared the consulate.": "The provincial police force",
    }
    for sentence, source in sentences.items():
        reported = read(sentence).reported_in(0, len(sentence))
        assert reported is not None and reported.source == source, sentence


def test_she_who_reports_a_claim_is_the_subject_before_not_the_last_name() -> None:
    """ "Hillary Clinton has opened old wounds ... . In comments to donors, she blamed the
    inquiry of FBI director James Comey. She also said ...": Clinton, not Comey."""
    from summariser.pipeline.attribution import source_of

    text = (
        "Hillary Clinton has opened old wounds by blaming her defeat on the FBI. In comments "
        "to donors on Saturday, she blamed the inquiry of FBI director James Comey. She also "
        "said the closure of that inquiry energised voters for Donald Trump."
    )
    people = ["Hillary Clinton", "James Comey", "Donald Trump"]
    reading = read(text, "en")
    start, end = reading.sentences[-1]
    assert source_of(reading, start, end, people, people) == "Hillary Clinton"


def test_a_titled_source_is_a_person_not_the_place_that_qualifies_the_title() -> None:
    from summariser.pipeline.attribution import source_of

    sentence = "The London Mayor has warned that the death toll may well increase."
    names = ["London Ambulance Service", "London"]
    assert source_of(read(sentence, "en"), 0, len(sentence), names, []) == "London Mayor"


def test_a_long_description_of_a_source_is_its_head_or_the_body_it_speaks_for() -> None:
    from summariser.pipeline.attribution import source_of

    names = ["British Transport Police", "New Addington", "Berlin"]
    sentences = {
        "A foreign ministry spokesman in Berlin said the attack was over.": (
            "foreign ministry spokesman"
        ),
        "A spokesperson from the British Transport Police said officers attended.": (
            "British Transport Police"
        ),
        "The father, from New Addington, south east London, said people were screaming.": None,
    }
    for sentence, source in sentences.items():
        assert source_of(read(sentence, "en"), 0, len(sentence), names, []) == source, sentence


def test_a_sentence_opening_word_is_no_source_to_list() -> None:
    text = (
        "Toblerone changed its shape. Others called the change underhanded, accusing the "
        "company of masking the fact the bar is smaller. Her campaign accused the FBI of "
        "meddling in the election."
    )
    briefing = brief(text)
    assert [a.made_by for a in briefing.allegations] == ["Others", "Her campaign"]
    names = [a.name for a in briefing.who]
    assert "Others" not in names and "Her campaign" not in names  # a description: no one named


def test_a_question_is_no_allegation() -> None:
    text = (
        'Toblerone changed its shape. Jane Roe said: "Why could they not just make the bar '
        'shorter?" Mondelez denied that Brexit was to blame.'
    )
    drafted = [{"by": "Jane Roe", "c": "they could have made the bar shorter", "vs": None}]
    briefing = brief(text, allegations=drafted)
    assert [(a.made_by, a.status) for a in briefing.allegations] == [("Mondelez", "denied")]


def test_a_reported_question_or_forecast_is_no_allegation() -> None:
    """ "Has not confirmed whether ..." asks; "was expected to visit" forecasts: neither is a
    claim anyone accuses, denies or disputes. A question inside what is said is no question
    of the sentence's ("said it was too early to tell whether ...")."""
    text = (
        "Toblerone changed its shape. Mondelez has not yet confirmed whether the change will "
        "reach other countries. Interfax reported Kim was expected to visit the far east. "
        "The mayor said it was too early to tell whether a bomb caused the blast, and there "
        "was no evidence of terrorism."
    )
    drafted = [
        {"by": "Mondelez", "c": "the change will reach other countries", "vs": None},
        {"by": "Interfax", "c": "Kim was expected to visit the far east", "vs": None},
        {"by": "mayor", "c": "there was no evidence of terrorism", "vs": None},
    ]
    briefing = brief(text, allegations=drafted)
    assert [a.made_by for a in briefing.allegations] == ["mayor"]


def test_a_claim_held_in_a_noun_is_the_allegation_with_whoever_holds_it() -> None:
    """ "..., media reported, amid concerns in the west that Pyongyang plans to provide
    weapons": the allegation is the concern, the west's, not the news around it; a noun a
    verb takes ("denied claims that ...") is that verb's."""
    text = (
        "Kim has left for Russia by train, South Korean media reported, amid concerns in the "
        "west that Pyongyang plans to provide weapons to Moscow. Police held a man over claims "
        "that he stole cars. Sullivan denied claims that the US was involved."
    )
    drafted = [
        {"by": "South Korean media", "c": "Kim has left for Russia by train", "vs": None},
        {"by": "Police", "c": "he stole cars", "vs": None},
        {"by": "Sullivan", "c": "the US was not involved", "vs": None},
    ]
    briefing = brief(text, allegations=drafted)
    assert [(a.made_by, a.claim, a.status) for a in briefing.allegations] == [
        ("the west", "Pyongyang plans to provide weapons to Moscow", "alleged"),
        ("unattributed", "he stole cars", "alleged"),
        ("Sullivan", "the US was not involved", "denied"),
    ]
    assert all(a.evidence.quote == a.claim for a in briefing.allegations[:2])


def test_calling_something_a_thing_is_a_claim_a_call_made_is_none() -> None:
    """ "The Taliban called it a revenge attack": a characterisation others may dispute; "She
    called her husband" and "Police called for calm" claim nothing."""
    text = (
        "A truck bomb hit the German consulate on Thursday. The Taliban called it a revenge "
        "attack for US airstrikes. She called her husband from the consulate. Police called "
        "for calm."
    )
    briefing = brief(text)
    assert [(a.made_by, a.status) for a in briefing.allegations] == [("Taliban", "alleged")]
    reading = read(text, "en")
    for sentence in reading.sentences[2:]:
        assert reading.reported_in(*sentence) is None


def test_no_allegation_list_is_padded_and_findings_are_kept() -> None:
    """With nothing from the model: the accusations, denials and official findings the parse
    finds, and the lead's first attributed claim; no other attributed sentence."""
    text = (
        "Officials said the bridge would reopen on Friday. The court ruled that the contract "
        "was void. The mayor said the weather was fine. The company denied paying bribes."
    )
    briefing = brief(text)
    assert [(a.made_by, a.status) for a in briefing.allegations] == [
        ("court", "confirmed"),
        ("company", "denied"),
        ("Officials", "reported"),
    ]


def test_an_actor_the_story_says_nothing_of_stays_only_if_it_matters() -> None:
    text = (
        "Kim Jong-un travelled to Vladivostok on Monday. Kim met officials there. The talks "
        "went on for hours. The trip made headlines, according to Interfax."
    )
    who = [{"n": "Kim Jong-un", "r": "leader"}, {"n": "Interfax", "r": "leader"}]
    names = [a.name for a in brief(text, who=who).who]
    assert names == ["Kim Jong-un"]  # in the lead, named twice; Interfax neither, no role
    assert Context.of(text, read(text).references, None).reading.lead_sentences == (0, 1, 2)


def test_unnamed_people_in_a_coordinated_subject_take_no_role_from_the_others() -> None:
    text = (
        "500 rescuers and 100 excavators were involved after a call for help on "
        "social media by the boy's father, who had searched for hours on Sunday."
    )
    rescuers = [a for a in brief(text).who if a.name == "500 rescuers"]
    assert [a.role for a in rescuers] == [""]


def test_unnamed_people_are_called_by_what_they_are() -> None:
    from summariser.nlp.phrases import unnamed

    assert unnamed("At least seven passengers") == "seven passengers"  # the count stays
    assert unnamed("a five-year-old boy") == "five-year-old boy"
    assert unnamed("A team of rescuers") == "rescuers"
    who = [{"n": "At least seven people", "r": "killed"}]
    actor = brief(TRAM, who=who).who[0]
    assert (actor.name, actor.evidence.quote) == ("seven people", "seven people")
    assert TRAM[actor.evidence.start : actor.evidence.end] == "seven people"


def test_a_person_is_named_less_the_titles_before_the_name() -> None:
    from summariser.nlp.phrases import untitled

    assert untitled("Charlotte Mayor Jennifer Roberts") == "Jennifer Roberts"
    assert untitled("Rep. Adam Schiff") == "Adam Schiff"
    assert untitled("London Mayor") == "London Mayor"  # all title: nothing else names him
    text = (
        "Charlotte Mayor Jennifer Roberts said the videos were inconclusive. Protesters "
        "marched through the city for a third night, and the police closed several roads."
    )
    briefing = brief(text, who=[{"n": "Charlotte Mayor Jennifer Roberts", "r": "videos"}])
    assert next((a.name, a.evidence.quote) for a in briefing.who) == (
        "Jennifer Roberts",
        "Jennifer Roberts",
    )
    assert briefing.who[0].role == "Charlotte Mayor"  # the title: what the article calls her
    assert [a.made_by for a in briefing.allegations] == ["Jennifer Roberts"]


def test_the_headline_the_text_repeats_is_no_claim_and_names_no_actor() -> None:
    from summariser.nlp import read
    from summariser.pipeline.assemble import assemble
    from summariser.prompting.draft import Draft

    title = "Judge rejects Gazette request to unseal Acme files"
    text = (
        f"{title}.\n\nA New York judge on Thursday refused to unseal the files, saying the "
        "court had no business deciding what information voters should have. The Gazette "
        "had argued the move was needed for public debate, and it said it would appeal."
    )
    base = {"headline": "h", "summary": "s.", "who": [], "where": [], "when": [], "stakes": []}
    drafted = [{"by": "Gazette", "c": "Judge rejects Gazette request to unseal files", "vs": None}]
    draft = Draft.model_validate(base | {"allegations": drafted})
    claims = assemble(draft, text, read(text).references, title=title).allegations
    assert not any(a.evidence.quote.startswith("Judge rejects") for a in claims)
    untitled = assemble(draft, text, read(text).references).allegations
    assert any(a.evidence.quote.startswith("Judge rejects") for a in untitled)  # the title says
