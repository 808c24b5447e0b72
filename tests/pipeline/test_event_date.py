"""The main event's day: the model's first recent day, else the lead's, else publication."""

from datetime import date

from summariser.briefing.schema import TimeRef
from summariser.pipeline.grounding import Locator
from summariser.pipeline.when import event_date

MONDAY = date(2023, 9, 11)
TEXT = (
    "Kim Jong-un is travelling to Russia as early as Tuesday, officials said on Monday. "
    "The two leaders last met in 2019. In July, Shoigu visited Pyongyang."
)


def said(phrase: str, day: str | None) -> TimeRef:
    return TimeRef(text=phrase, date=day, event="", evidence=Locator(TEXT).locate(phrase))


def test_the_first_recent_day_the_model_listed_wins() -> None:
    when = [said("in 2019", "2019"), said("as early as Tuesday", "2023-09-12")]
    main = event_date(when, TEXT, MONDAY)
    assert main is not None
    assert (main.date, main.basis) == ("2023-09-12", "time phrase")
    assert main.text == "as early as Tuesday"


def test_ungrounded_or_distant_days_are_passed_over_for_the_lead() -> None:
    invented = TimeRef(
        text="on Friday", date="2023-09-08", event="", evidence=Locator(TEXT).locate("on Friday")
    )
    assert not invented.evidence.grounded
    main = event_date([invented, said("In July", "2023-07")], TEXT, MONDAY)
    assert main is not None
    assert (main.date, main.text) == ("2023-09-12", "as early as Tuesday")  # from the lead


def test_no_recent_day_in_the_article_means_the_publication_day() -> None:
    text = "The chocolate bar has changed shape. Fans are unhappy."
    main = event_date([], text, MONDAY)
    assert main is not None
    assert (main.date, main.basis, main.text) == ("2023-09-11", "publication date", None)
    old = "The company was founded in 1908 and changed hands on 2 March 2021."
    assert event_date([], old, MONDAY).date == "2023-09-11"  # type: ignore[union-attr]


def test_without_a_publication_date_there_is_no_event_date() -> None:
    assert event_date([said("as early as Tuesday", None)], TEXT, None) is None


def test_the_markdown_view_gives_the_main_event_day_and_its_basis() -> None:
    from summariser.briefing.render import to_markdown
    from summariser.briefing.schema import Briefing, EventDate

    briefing = Briefing(
        headline="h", summary="s", language="en", who=[], where=[], when=[],
        event_date=EventDate(date="2023-09-11", basis="publication date"),
        allegations=[], stakes=[],
    )  # fmt: skip
    assert "Main event: `2023-09-11` (not stated; the publication date)" in to_markdown(briefing)
    said = briefing.model_copy(
        update={"event_date": EventDate(date="2023-09-12", basis="time phrase", text="Tuesday")}
    )
    assert "Main event: `2023-09-12` (“Tuesday”)" in to_markdown(said)
