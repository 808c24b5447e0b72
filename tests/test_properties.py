"""Properties of the pure parts, over inputs hypothesis makes up: grounding offsets always slice
to the quoted text, the date resolver and spotter never raise, briefings round-trip through
JSON, and the guard and the context fit keep offsets and prefixes intact."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from summariser.briefing.schema import (
    Actor,
    Allegation,
    Briefing,
    Evidence,
    Place,
    Source,
    Stake,
    TimeRef,
)
from summariser.pipeline.dates import resolve
from summariser.pipeline.grounding import Locator
from summariser.prompting.guard import addressed_to_machines, blank, withhold
from summariser.prompting.reading import fit_to_context
from summariser.prompting.times import spot
from tests.support import DATA

SEED = (DATA / "kim-putin.txt").read_text(encoding="utf-8")
# Text that looks like news in many scripts, with the punctuation and spacing grounding folds.
texty = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=["L", "M", "N", "P", "Zs", "S"], include_characters="\n’“”–"
    ),
    max_size=400,
)


@settings(max_examples=300, deadline=None)
@given(texty, st.data())
def test_a_grounded_quote_always_slices_to_itself(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    evidence = Locator(text).locate(text[start:end])
    if evidence.grounded:
        assert evidence.start is not None and evidence.end is not None
        assert text[evidence.start : evidence.end] == evidence.quote


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_quote_in_the_founding_article_grounds_to_its_own_words(data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(SEED) - 1))
    end = data.draw(st.integers(start + 1, min(len(SEED), start + 200)))
    evidence = Locator(SEED).locate(SEED[start:end])
    if evidence.grounded:
        assert SEED[evidence.start : evidence.end] == evidence.quote  # type: ignore[misc]


@settings(max_examples=500, deadline=None)
@given(
    st.text(max_size=80),
    st.none() | st.dates(),
    texty,
    st.sampled_from(["en", "pt", "de", "xx", ""]),
)
def test_the_date_resolver_never_raises(
    phrase: str, published: date | None, context: str, language: str
) -> None:
    result = resolve(phrase, published, context, language)
    assert result is None or len(result) in (4, 7, 10)


@settings(max_examples=200, deadline=None)
@given(texty)
def test_spotted_time_phrases_are_in_the_text(text: str) -> None:
    folded = " ".join(text.split())
    for phrase in spot(text):
        assert phrase in folded


evidence = st.builds(
    Evidence,
    quote=st.text(max_size=40),
    start=st.none() | st.integers(0, 10_000),
    end=st.none() | st.integers(0, 10_000),
    grounded=st.booleans(),
    match=st.sampled_from(["exact", "normalised", "fuzzy", "none"]),
)
iso = st.none() | st.dates().map(date.isoformat) | st.dates().map(lambda d: d.isoformat()[:7])
briefings = st.builds(
    Briefing,
    headline=st.text(max_size=80),
    summary=st.text(max_size=200),
    language=st.sampled_from(["en", "pt", "ko"]),
    who=st.lists(
        st.builds(
            Actor,
            name=st.text(max_size=30),
            kind=st.sampled_from(["person", "organisation", "country", "group"]),
            role=st.text(max_size=30),
            evidence=evidence,
        ),
        max_size=3,
    ),
    where=st.lists(
        st.builds(
            Place,
            name=st.text(max_size=30),
            kind=st.sampled_from(["country", "city", "region", "facility"]),
            evidence=evidence,
        ),
        max_size=3,
    ),
    when=st.lists(
        st.builds(
            TimeRef,
            text=st.text(max_size=20),
            date=iso,
            event=st.text(max_size=30),
            evidence=evidence,
        ),
        max_size=3,
    ),
    allegations=st.lists(
        st.builds(
            Allegation,
            claim=st.text(max_size=60),
            made_by=st.text(max_size=20),
            against=st.none() | st.text(max_size=20),
            status=st.sampled_from(["alleged", "denied", "confirmed", "disputed", "reported"]),
            evidence=evidence,
        ),
        max_size=2,
    ),
    stakes=st.lists(
        st.builds(
            Stake, what=st.text(max_size=40), for_whom=st.text(max_size=20), evidence=evidence
        ),
        max_size=2,
    ),
    source=st.builds(
        Source, title=st.none() | st.text(max_size=40), published=st.none() | st.dates()
    ),
)


@settings(max_examples=200, deadline=None)
@given(briefings)
def test_a_briefing_round_trips_through_json(briefing: Briefing) -> None:
    assert Briefing.model_validate_json(briefing.model_dump_json()) == briefing


@settings(max_examples=300, deadline=None)
@given(texty, st.integers(0, 600))
def test_the_context_fit_keeps_a_prefix(text: str, limit: int) -> None:
    read, warnings = fit_to_context(text, limit)
    assert text.startswith(read)
    assert bool(warnings) == (read != text)


@settings(max_examples=300, deadline=None)
@given(texty)
def test_the_guard_keeps_offsets(text: str) -> None:
    spans = addressed_to_machines(text)
    blanked = blank(text, spans)
    assert len(blanked) == len(text)
    assert all(0 <= s <= e <= len(text) for s, e in spans)
    withhold(text, spans)
