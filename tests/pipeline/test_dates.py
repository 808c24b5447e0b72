"""Date rules, checked on the founding article (published Monday 2023-09-11) and beyond."""

import re
from datetime import date

import pytest

from summariser.nlp.times import spot
from summariser.pipeline import dates
from summariser.pipeline.dates import resolve, resolve_by_rules

MONDAY = date(2023, 9, 11)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # the founding article, as a careful reader resolves it
        ("Monday", "2023-09-11"),
        ("on Monday", "2023-09-11"),
        ("Earlier on Monday", "2023-09-11"),
        ("as early as Tuesday", "2023-09-12"),
        ("until 13 September", "2023-09-13"),
        ("In July", "2023-07"),
        ("this month", "2023-09"),
        ("in 2019", "2019"),
        ("last week", None),
        ("more than four years", None),
        ("in the coming days", None),
        # weekdays: past by default, ahead when the phrase says so
        ("Sunday morning", "2023-09-10"),
        ("late on Thursday", "2023-09-07"),
        ("next Friday", "2023-09-15"),
        ("last Monday", "2023-09-04"),
        ("by Wednesday", "2023-09-13"),
        # relative days, months, years
        ("yesterday", "2023-09-10"),
        ("tomorrow", "2023-09-12"),
        ("today", "2023-09-11"),
        ("three days ago", "2023-09-08"),
        ("last month", "2023-08"),
        ("next year", "2024"),
        # explicit dates
        ("13 September 2023", "2023-09-13"),
        ("September 13", "2023-09-13"),
        ("Sept. 3, 2021", "2021-09-03"),
        ("the 4th of July", "2023-07-04"),
        ("2023-09-01", "2023-09-01"),
        ("in December", "2023-12"),
        ("in February", "2024-02"),
        ("in May", "2023-05"),
        # a clock time alone happened on the publication day (news convention)
        ("at about 6.15 a.m.", "2023-09-11"),
        ("around 11:30pm local time", "2023-09-11"),
        ("about 6.10am or 6.15am", "2023-09-11"),
        ("at noon", "2023-09-11"),
        ("1.5 million", None),
        ("at 3 percent", None),
        # words that are not dates
        ("may", None),
        ("later", None),
        ("31 February", None),
    ],
)
def test_phrases_resolve_against_the_publication_date(phrase: str, expected: str | None) -> None:
    assert resolve(phrase, MONDAY) == expected


def test_sentence_tense_decides_a_bare_weekday() -> None:
    assert resolve("Thursday", MONDAY, context="The summit will open on Thursday") == "2023-09-14"
    assert resolve("Thursday", MONDAY, context="Officials said on Thursday that") == "2023-09-07"


def test_a_clock_time_takes_the_day_named_in_its_sentence() -> None:
    said = "The tram overturned on Sunday at about 6am, police said"
    assert resolve("at about 6am", MONDAY, context=said) == "2023-09-10"
    assert resolve("at 10pm", MONDAY, context="It happened yesterday at 10pm") == "2023-09-10"
    assert resolve("at 10pm", None) is None


def test_the_spotter_skips_weekday_abbreviations() -> None:
    text = "Tue, March 22, 2016. The Sun said he sat down on Sunday morning."
    assert spot(text) == ["March 22, 2016", "on Sunday morning"]


def test_without_a_publication_date_relative_phrases_stay_unresolved() -> None:
    for phrase in ("Monday", "as early as Tuesday", "In July", "last month", "yesterday"):
        assert resolve(phrase, None) is None
    assert resolve("13 September 2023", None) == "2023-09-13"
    assert resolve("until 13 September", None) is None
    assert resolve("in 2019", None) == "2019"


def test_other_languages() -> None:
    friday = date(2018, 10, 5)  # the Portuguese dev article: a Friday
    assert resolve("nesta sexta-feira", friday, language="pt") == "2018-10-05"
    assert resolve("hoje (5)", friday, language="pt") == "2018-10-05"
    assert resolve("ontem", friday, language="pt") == "2018-10-04"
    assert resolve("vendredi dernier", date(2018, 10, 9), language="fr") == "2018-10-05"


@pytest.mark.parametrize("junk", ["", "   ", "\x00\x01", "{{ 7*7 }}", "9" * 500, "32/13/2023"])
def test_the_rules_never_raise_on_junk_and_give_iso_dates_or_none(junk: str) -> None:
    for found in (resolve_by_rules(junk, MONDAY), resolve_by_rules(junk, None, language="xx")):
        assert found is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", found), found


def test_a_rule_that_fails_leaves_the_phrase_undated(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> str:
        raise RuntimeError("a rule tripped on odd input")

    assert resolve("on Monday", MONDAY) == "2023-09-11"
    monkeypatch.setattr(dates, "_resolve", broken)
    with pytest.raises(RuntimeError):
        resolve_by_rules("on Monday", MONDAY)
    assert resolve("on Monday", MONDAY) is None


def test_the_spotter_gives_the_same_phrases_when_lower_casing_moves_offsets() -> None:
    """Lower-casing "İ" gives two characters, so the lower-cased text no longer lines up with
    the article; the spotter then matches the text as given, ignoring case, and still finds
    the phrases as written."""
    plain = "Talks in Ankara ended on Monday, 11 September 2023, after LAST WEEK's vote."
    dotted = plain.replace("Ankara", "İzmir")
    assert len(dotted.lower()) != len(dotted)
    assert spot(plain) == spot(dotted) == ["on Monday", "11 September 2023", "after LAST WEEK"]


def test_a_weekday_named_twice_is_one_day() -> None:
    """ "Monday" in the lead and "on Monday" in a sentence about what will follow are one day
    unless the phrase says which: the one nearest publication."""
    from summariser.briefing.schema import Evidence, TimeRef
    from summariser.pipeline.dates import one_date_per_day

    def dated(text: str, day: str) -> TimeRef:
        evidence = Evidence(quote=text, start=0, end=len(text), grounded=True, match="exact")
        return TimeRef(text=text, date=day, event="", evidence=evidence)

    when = [dated("on Monday", "2023-09-18"), dated("Monday", "2023-09-11")]
    when.append(dated("next Monday", "2023-09-18"))
    unified = one_date_per_day(when, date(2023, 9, 12))
    assert [t.date for t in unified] == ["2023-09-11", "2023-09-11", "2023-09-18"]


def test_the_verbs_tense_dates_a_weekday() -> None:
    """Past-tense "Wednesday evening" in a Thursday article is the day before, though the
    sentence also says "would"."""
    from summariser.pipeline.dates import time_ref
    from summariser.pipeline.grounding import Locator

    text = "The man, who would have turned 40, was shot on Wednesday evening, police said."
    found = time_ref("Wednesday evening", Locator(text), date(2016, 11, 10), "en")
    assert found.date == "2016-11-09"
