"""furniture.py: page furniture found by structure, and never written in a briefing."""

from __future__ import annotations

from summariser.nlp import read
from summariser.nlp.furniture import furniture_spans, is_furniture
from tests.support import brief

PAGE = (
    "Tram crash in Croydon\n"
    "Image copyright EPA Image caption The wreck at dawn. Seven people died when a tram "
    "overturned in Croydon, police said. (Photo: Mark Thompson) The driver was arrested, "
    "Carl Court/Getty Images. Get daily updates directly to your inbox + Subscribe Thank you "
    "for subscribing! Could not subscribe, try again later. One witness wrote: It was awful. "
    "-- Jane Doe (@janedoe) November 9, 2016 pic.twitter.com/abc123\n"
    "More stories from London\n"
    "The mayor said the line would reopen on Friday."
)


def spans(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in furniture_spans(text, "en")]


def test_labels_credits_prompts_and_signatures_are_furniture() -> None:
    found = spans(PAGE)
    for furniture in (
        "Image copyright EPA",
        "Image caption",
        "(Photo: Mark Thompson)",
        "Carl Court/Getty Images",
        "inbox",  # "Get daily updates directly to your inbox"
        "subscribing!",  # "Thank you for subscribing!"
        "subscribe",
        "-- Jane Doe (@janedoe) November 9, 2016",
        "pic.twitter.com/abc123",
        "More stories from London",  # a line that ends no sentence, below the first
    ):
        assert any(furniture in f for f in found), furniture
    # the article's own words are not
    assert not any("police said" in f or "mayor said" in f for f in found)
    assert not any(f.startswith("Tram crash") for f in found)  # the first line: the headline


def test_what_the_model_writes_with_furniture_in_it_is_furniture() -> None:
    assert is_furniture("was elected Image copyright @Ryan_spahn")
    assert not is_furniture("US national security adviser")


def test_nothing_quoting_furniture_reaches_a_briefing() -> None:
    who = [{"n": "Mark Thompson", "r": "photographer"}, {"n": "Jane Doe", "r": "witness"}]
    drafted = [
        {"by": "police", "c": "Seven people died when a tram overturned", "vs": None},
        {"by": "Carl Court", "c": "The driver was arrested", "vs": None},
    ]
    briefing = brief(PAGE, who=who, allegations=drafted)
    names = [a.name for a in briefing.who]
    assert "Mark Thompson" not in names and "Jane Doe" not in names  # a credit, a signature
    quotes = [a.evidence.quote for a in briefing.allegations]
    assert any("police said" in q for q in quotes)
    assert not any("Getty" in q for q in quotes)  # the arrest's sentence holds a credit
    assert read(PAGE).only_in_furniture("Mark Thompson")


def test_a_gallery_flattened_into_the_text_is_furniture() -> None:
    """Its title and its captions between counters 1/N ... N/N; not the article around it,
    nor a date or a score written with a slash."""
    text = (
        "Police said the tram was going too fast on 9/11 roads. UK news in pictures 3 show "
        "all UK news in pictures 1/3 The Palm House is lit at Kew Gardens Getty 2/3 Fans at "
        "the O2 Arena EPA 3/3 Crowds in Westminster. The driver was arrested. It ended 2/1."
    )
    spans = furniture_spans(text, "en")
    gallery = (text.index("UK news in pictures 3"), text.index("3/3") + 3)
    assert gallery in spans
    furniture = [text[s:e] for s, e in spans]
    assert not any("9/11" in f or "arrested" in f or "2/1" in f for f in furniture)
