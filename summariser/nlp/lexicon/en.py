"""English: the words English news is read with, each defined once (as spaCy keeps
lang/en/). Small closed classes first; the sets rules use are unions of them, named for the
rule they serve. The language's stopwords come from stopwordsiso (nlp/words.py), its dates'
month and weekday names from here and the other languages' modules (lexicon/__init__.py)."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """The words of `text`, in order: how a long list is written here."""
    return tuple(text.split())


# Closed classes.
ARTICLES = frozenset({"a", "an", "the"})
# Prepositions that always take an object: a clause never ends on one.
PREPOSITIONS = frozenset(
    {"of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "onto", "about", "between"}
)
# Prepositions that also stand alone as adverbs ("took over", "the year before").
ADVERBIAL_PREPOSITIONS = frozenset({"along", "after", "before", "over", "under"})
CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})
RELATIVES = frozenset({"that", "which", "whose", "who", "whom"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})
COMPARATIVES = frozenset({"as", "than"})
# Helpers that make a participle past ("has been killed", "was shot").
PAST_HELPERS = frozenset({"has", "have", "had", "was", "were"})
AUXILIARIES = PAST_HELPERS | {"be", "is", "are", "been", "do", "does", "did", "done", "go",
                              "goes", "went"}  # fmt: skip
NEGATIONS = frozenset({"not", "no"})
PERSONAL_PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them"}
)
# Pronouns that stand for the one person the article named last ("he said").
SINGULAR_PERSONS = frozenset({"he", "she"})
# Where something is: a locative preposition before a place ("in Kabul", "near the stop"),
# those that pin a spot down first ("across the country" does not).
PRECISE_LOCATIVES = frozenset({"in", "at", "near", "outside", "inside"})
LOCATIVES = PRECISE_LOCATIVES | {"across", "throughout", "around", "within"}
# Where something goes or comes from ("heading to Russia", "shells from North Korea").
DIRECTIONS = frozenset({"to", "from", "into", "onto", "toward", "towards"})

# Words no clause ends on: it reads on after them ("... in which he said the").
OPEN_WORDS = (
    ARTICLES
    | PREPOSITIONS
    | CONJUNCTIONS
    | (RELATIVES - {"who", "whom"})
    | POSSESSIVES
    | COMPARATIVES
)
# Words that are no part of a name, nor a word a name or a source ends on.
FUNCTION_WORDS = (
    OPEN_WORDS | ADVERBIAL_PREPOSITIONS | RELATIVES | DEMONSTRATIVES | AUXILIARIES | NEGATIONS
)

# What is said: reporting verbs by lemma, with the status they give the claim they attribute,
# and whether they act on an object ("denied the report", "told reporters", "accused Russia")
# or only report speech or thought, a clause ("added that ...", "..., she added").
# Statuses are the briefing's (briefing/schema.py: AllegationStatus).
ACTS_ON_AN_OBJECT = True
REPORTS_A_CLAUSE = False
REPORTING_VERBS: dict[str, tuple[str, bool]] = {
    "deny": ("denied", ACTS_ON_AN_OBJECT),
    "reject": ("denied", ACTS_ON_AN_OBJECT),
    "dismiss": ("denied", ACTS_ON_AN_OBJECT),
    "refute": ("denied", ACTS_ON_AN_OBJECT),
    "confirm": ("confirmed", ACTS_ON_AN_OBJECT),
    "acknowledge": ("confirmed", ACTS_ON_AN_OBJECT),
    "admit": ("confirmed", ACTS_ON_AN_OBJECT),
    "concede": ("confirmed", REPORTS_A_CLAUSE),
    "rule": ("confirmed", ACTS_ON_AN_OBJECT),  # a court's or an official finding
    "accuse": ("alleged", ACTS_ON_AN_OBJECT),
    "allege": ("alleged", ACTS_ON_AN_OBJECT),
    "claim": ("alleged", ACTS_ON_AN_OBJECT),
    "blame": ("alleged", ACTS_ON_AN_OBJECT),
    "charge": ("alleged", ACTS_ON_AN_OBJECT),
    "suspect": ("alleged", ACTS_ON_AN_OBJECT),
    "complain": ("alleged", REPORTS_A_CLAUSE),
    "dispute": ("disputed", ACTS_ON_AN_OBJECT),  # not "contest": news contests seats and states
    "say": ("reported", REPORTS_A_CLAUSE),
    "tell": ("reported", ACTS_ON_AN_OBJECT),
    "inform": ("reported", ACTS_ON_AN_OBJECT),
    "add": ("reported", REPORTS_A_CLAUSE),
    "warn": ("reported", ACTS_ON_AN_OBJECT),
    "argue": ("reported", REPORTS_A_CLAUSE),
    "insist": ("reported", REPORTS_A_CLAUSE),
    "state": ("reported", REPORTS_A_CLAUSE),
    "report": ("reported", ACTS_ON_AN_OBJECT),
    "announce": ("reported", ACTS_ON_AN_OBJECT),
    "believe": ("reported", REPORTS_A_CLAUSE),
    "write": ("reported", ACTS_ON_AN_OBJECT),
    "tweet": ("reported", ACTS_ON_AN_OBJECT),
    "note": ("reported", REPORTS_A_CLAUSE),
    "explain": ("reported", REPORTS_A_CLAUSE),
    "suggest": ("reported", REPORTS_A_CLAUSE),
    "predict": ("reported", ACTS_ON_AN_OBJECT),
    "estimate": ("reported", ACTS_ON_AN_OBJECT),
    "testify": ("reported", REPORTS_A_CLAUSE),
    "assert": ("reported", REPORTS_A_CLAUSE),
    "stress": ("reported", REPORTS_A_CLAUSE),
    "declare": ("reported", REPORTS_A_CLAUSE),
    "reveal": ("reported", ACTS_ON_AN_OBJECT),
    "urge": ("reported", ACTS_ON_AN_OBJECT),
    "describe": ("reported", ACTS_ON_AN_OBJECT),
}
# Nouns that hold a claim in a clause ("amid concerns that ...", "over allegations that
# ..."), and the prepositions that say whose it is ("concerns in the west").
CLAIM_NOUNS = frozenset(
    {"concern", "fear", "allegation", "claim", "accusation", "suspicion", "worry", "speculation"}
)
HOLDING = frozenset({"in", "among", "from", "by"})
# What opens a reported question ("has not confirmed whether ...", "asked if ..."), and the
# verbs that ask one.
QUESTION_MARKERS = frozenset({"whether", "if"})
ASKING = frozenset({"ask", "wonder", "question"})
# Verbs and adjectives that, passive, forecast what is to happen ("was expected to visit",
# "is scheduled to meet", "is due to speak"): a forecast, not a claim anyone disputes.
FORECASTING = frozenset({"expect", "schedule", "slate", "due"})
# Verbs of naming that, with an object and what they call it, make a claim ("called it a
# revenge attack", "branded the vote a sham").
CHARACTERISING_VERBS = frozenset({"call", "brand", "label", "dub", "term"})
# Reporting verbs whose object is the one spoken to ("told reporters"), not what was said.
ADDRESSING_VERBS = frozenset({"tell", "inform", "warn", "urge"})
# "according to X": a source without a verb.
ACCORDING = ("according", "to")
# Verbs whose object is whom they accuse ("X accused Y of ...", "Y was blamed").
ACCUSING_VERBS = frozenset({"accuse", "allege", "blame", "charge"})

# The nouns English news uses for what a person is, heading a source written as a description
# ("the California congressman said": someone the article has named).
PERSON_TITLES = frozenset(
    _words(
        """president vice-president minister secretary director leader adviser advisor spokesman
        spokeswoman spokesperson chief head governor senator mayor ambassador envoy general
        commander chairman chairwoman chair executive founder co-founder official officer
        candidate nominee coach manager captain judge prosecutor attorney lawyer analyst
        professor economist editor correspondent reporter king queen prince princess premier
        chancellor representative congressman congresswoman lawmaker legislator deputy driver
        player striker champion actor actress singer author writer ceo owner partner aide
        strategist researcher scientist doctor surgeon investigator inspector superintendent
        commissioner constable administrator president-elect pastor bishop imam rabbi cleric
        activist"""
    )
)
# Nouns for people news counts or describes without naming them ("at least seven people",
# "the driver"), singular and plural.
PEOPLE_NOUNS = frozenset(
    _words(
        """people persons passengers commuters victims casualties children boy boys girl girls man
        men woman women babies baby toddler teenager teenagers students pupils driver drivers
        pilot pilots crew bomber bombers gunman gunmen attacker attackers assailant assailants
        militants insurgents fighters rebels suspect suspects rescuers firefighters paramedics
        police officers soldiers troops guards protesters demonstrators residents villagers
        locals workers employees staff fans customers shoppers consumers patients doctors nurses
        survivors witnesses bystanders tourists migrants refugees voters supporters critics
        investigators prosecutors"""
    )
)
# Words that bound or round a count ("at least seven", "more than 50").
COUNT_BOUNDS = ("at least", "more than", "over", "about", "around", "nearly", "almost", "up to")
# Counts without a number ("dozens of", "a team of").
COUNT_WORDS = ("dozens of", "hundreds of", "thousands of", "scores of", "a team of", "a group of",
               "several")  # fmt: skip
# Nouns for a spot within a town: the precision a bare place name lacks.
SITE_NOUNS = _words(
    """tunnel stop station underpass road street bridge junction crossing airport hospital
    stadium hotel compound consulate embassy base camp market square mosque church school
    centre center building track circuit border house tower"""
)
# Nouns that head a place's name and say its kind ("Kunduz province", "Kunduz city", "Elgin
# Road": a region, a city, a street).
REGION_NOUNS = ("province", "region", "district", "county", "state", "prefecture")
SETTLEMENT_NOUNS = ("city", "town", "village")
STREET_NOUNS = ("road", "street", "avenue", "lane", "boulevard")
# Nouns for a place that holds spots ("the Russian port city of Vladivostok").
AREA_NOUNS = (*SETTLEMENT_NOUNS, *REGION_NOUNS, "area", "suburb", "line", "port")
# Words written before a person's name ("Mr Comey", "Dr. Phil Moss", "Rep. Adam Schiff"),
# beside PERSON_TITLES: honorifics, and titles as news abbreviates them.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rev", "prof", "rep", "sen",
     "gov", "gen", "lt", "col", "capt", "sgt", "supt", "insp", "det", "cllr", "pres"}
)  # fmt: skip

# Words a role that only restates a kind is made of ("nation", "source of a claim").
KIND_WORDS = frozenset(
    _words(
        """nation country state location place city region town area organization organisation
        company agency institution media outlet group people person individual entity party
        other unknown source accused victim official speaker actor claim"""
    )
)

# Kinds of body that, qualified by a word, still only restate the kind: "a militant group",
# "news organization", "the police agency" (a role says what this one is or does).
BODY_KIND_WORDS = frozenset(
    _words("organization organisation company agency institution outlet group entity")
)

# Page furniture (nlp/furniture.py). Labels that introduce a picture's credit ("Image
# copyright EPA"), and words that do so before a colon ("Photo: Reuters", "(Picture: PA)").
CREDIT_LABELS = ("image copyright", "image credit", "photo credit", "copyright")
CREDIT_WORDS = ("photo", "photograph", "picture", "image", "credit", "pictured")
# What a page writes around an article, in the words pages use: captions' labels, links on,
# buttons, prompts to subscribe or share, a form's errors.
FURNITURE_LABELS = (
    *("image caption", "media caption", "slideshow", "show all", "in pictures", "read more"),
    *("continue reading", "read the rest", "advertisement", "most read", "related articles"),
    *("related stories", "more stories", "you might also like", "editor's note", "editor’s note"),
    *("additional reporting", "click here", "share this", "subscribe", "subscribing"),
    *("newsletter", "sign up", "inbox", "invalid email", "try again later", "please re-enter"),
    "an error has occurred",
)

# Numbers written as words, and their values.
_UNITS = _words(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen"""
)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {
    **{word: n for n, word in enumerate(_UNITS)},
    **{word: 10 * n for n, word in enumerate(_TENS, 2)},
}
NUMBER_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Dates.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Monday first; each with its abbreviations after its name.
WEEKDAYS = (
    ("monday", "mon"),
    ("tuesday", "tue", "tues"),
    ("wednesday", "wed"),
    ("thursday", "thu", "thurs"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)
# Abbreviations the time-phrase spotter leaves out: "Sun" is a newspaper and "sat" a verb far
# more often.
AMBIGUOUS_WEEKDAYS = frozenset({"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"})
# Days named relative to the day of writing, and how many days from it.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
}
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
# Spans of time a phrase counts or names ("last week", "two years ago").
PERIODS = ("day", "week", "weekend", "month", "year")
# Prepositions that make a bare month or year a date ("in May", "since 2019"): "may" after
# one is the month, not the verb.
DATE_PREPOSITIONS = ("in", "of", "since", "until", "by", "from", "before", "after")
# What leads a time phrase in ("as early as Tuesday", "during March", "mid-July").
TIME_LEADS = (
    *(p for p in DATE_PREPOSITIONS if p != "of"),
    *("on", "till", "during", "this", "early", "late", "mid", "mid-", "earlier on", "later on"),
    *("late on", "early on", "as early as", "as soon as", "last", "next"),
)

# Words that set a named day ahead of the day of writing, or behind it ("next Tuesday").
AHEAD = ("next", "coming")
BEHIND = ("last", "past", "previous")
# What else points a time phrase ahead ("as early as Tuesday") or back ("since Monday").
AHEAD_IN_PHRASE = ("as early as", "as soon as", "until", "till", "by", "from", "starting",
                   "beginning", "upcoming")  # fmt: skip
BEHIND_IN_PHRASE = ("since", "earlier", "ago")
# What in a sentence points its bare weekday ahead ("will meet on Tuesday").
FUTURE_IN_SENTENCE = ("will", "would", "shall", "expected", "scheduled", "set to", "due to",
                      "plan to", "plans to", "planned", "is to", "are to", "likely", "could", "may",
                      "upcoming", "later this")  # fmt: skip
