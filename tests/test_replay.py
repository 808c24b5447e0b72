"""Real briefings of real articles, replayed from cassettes recorded against the embedded model.

Each test asserts what a careful reader takes from the article, not merely that a briefing came
back. Re-record (README, "Cassettes") after changing a prompt or the draft schema: replay
matches the request body, so a stale cassette fails here instead of answering the wrong request.
"""

from __future__ import annotations

from datetime import date

import pytest

from summariser import Briefing, Summariser
from summariser.text import normalise
from tests.support import eval_article, seed_text

pytestmark = pytest.mark.vcr


def names(items: list) -> set[str]:
    return {normalise(item.name) for item in items}


def has_name(items: list, *candidates: str) -> bool:
    """True when some item's name contains one of the candidates (normalised, as words)."""
    found = names(items)
    return any(f" {normalise(c)} " in f" {name} " for c in candidates for name in found)


def dates(briefing: Briefing) -> set[str]:
    return {t.date for t in briefing.when if t.date}


def assert_flags_are_honest(briefing: Briefing, text: str) -> None:
    """Every name flagged ungrounded is really absent from the article, and vice versa."""
    folded = f" {normalise(text)} "
    for item in [*briefing.who, *briefing.where]:
        present = f" {normalise(item.name)} " in folded
        assert item.evidence.grounded or not present, item
        if item.evidence.match in ("exact", "normalised"):
            assert present, item


def assert_well_formed(briefing: Briefing) -> None:
    for item in briefing.items():
        evidence = item.evidence
        if evidence.grounded:
            assert evidence.start is not None and evidence.end is not None
    assert briefing.meta is not None
    assert briefing.meta.usage.prompt_tokens > 0 and briefing.meta.usage.completion_tokens > 0
    assert briefing.summary.count(". ") <= 2  # at most three sentences


def test_founding_article(recorded: Summariser) -> None:
    text = seed_text()
    briefing = recorded.summarise(text, published=date(2023, 9, 11))
    assert_well_formed(briefing)
    for item in briefing.items():
        if item.evidence.grounded:
            assert text[item.evidence.start : item.evidence.end] == item.evidence.quote
    assert has_name(briefing.who, "Kim Jong-un", "Kim Jong Un")
    assert has_name(briefing.who, "Vladimir Putin", "Putin")
    assert has_name(briefing.where, "Russia")
    assert has_name(briefing.where, "Vladivostok")
    assert "2023-09-11" in dates(briefing)  # "on Monday", the day of publication
    assert dates(briefing) & {"2023-09-12", "2023-09-13", "2023-07", "2019", "2023-09"}
    assert briefing.allegations, "the arms-supply accusation is the story's core"
    assert any(
        word in normalise(a.claim)
        for a in briefing.allegations
        for word in ("shell", "weapon", "arms", "artillery", "ammunition")
    )
    grounded = [item.evidence.grounded for item in briefing.items()]
    assert sum(grounded) / len(grounded) >= 0.9
    assert briefing.language == "en"


def test_portuguese_article_keeps_its_language_and_dates(recorded: Summariser) -> None:
    article = eval_article("aeb-pt-f6ac15a4d985")
    briefing = recorded.summarise(article["text"], published=article["published"])
    assert_well_formed(briefing)
    assert briefing.language == "pt"
    assert has_name(briefing.who, "Serviço de Atendimento Domiciliar", "SAD", "Secretaria de Saúde")
    assert has_name(briefing.where, "Amizade")
    # "desta sexta-feira" / "hoje (5)": the page date 2018-10-05 was that Friday
    assert "2018-10-05" in dates(briefing)
    assert_flags_are_honest(briefing, article["text"])


def test_clinton_blames_comey(recorded: Summariser) -> None:
    article = eval_article("g5w-nypost-4")
    briefing = recorded.summarise(
        article["text"], published=article["published"], title=article["title"]
    )
    assert_well_formed(briefing)
    assert has_name(briefing.who, "Hillary Clinton", "Clinton")
    assert has_name(briefing.who, "James Comey", "Comey")
    blame = [a for a in briefing.allegations if "comey" in normalise(a.against or "")]
    assert blame, "Clinton's accusation against Comey is the story"
    assert "clinton" in normalise(blame[0].made_by)
    assert "2016-11-12" in dates(briefing)  # "on Saturday", the day of publication


def test_taliban_attack_on_german_consulate(recorded: Summariser) -> None:
    article = eval_article("g5w-nytimes-1")
    briefing = recorded.summarise(
        article["text"], published=article["published"], title=article["title"]
    )
    assert_well_formed(briefing)
    assert has_name(briefing.who, "Taliban")
    assert has_name(briefing.where, "Mazar-i-Sharif", "Mazar-e-Sharif", "Afghanistan")
    gold = {a["parsed"] for a in article["gold"]["fiveWoneH"]["when"]["annotated"] if "parsed" in a}
    assert dates(briefing) & gold, f"no predicted date in gold {gold}"


def test_reported_statements_are_attributed(recorded: Summariser) -> None:
    article = eval_article("polnear-west-journal_2016-09-14_clinton-hid-past-health-problems")
    briefing = recorded.summarise(
        article["text"], published=article["published"], title=article["title"]
    )
    assert_well_formed(briefing)
    assert has_name(briefing.who, "Hillary Clinton", "Clinton")
    assert briefing.allegations
    sources = {
        normalise(s["text"])
        for ann in article["gold"]["annotations"]
        for attribution in ann["attributions"]
        for s in attribution["source"]
    }
    source_tokens = {token for s in sources for token in s.split() if len(token) > 2}
    assert any(set(normalise(a.made_by).split()) & source_tokens for a in briefing.allegations)


def test_allegations_the_model_doubts_are_left_out(recorded_vetting: Summariser) -> None:
    """Vetting, recorded: after the draft, one closed question an allegation, each answered
    with its alternatives' log-probabilities; the Taliban's claim of the attack stays, and a
    passage that opens with a photo caption goes."""
    article = eval_article("g5w-nytimes-1")
    briefing = recorded_vetting.summarise(
        article["text"], published=article["published"], title=article["title"]
    )
    assert_well_formed(briefing)
    assert briefing.meta is not None and briefing.meta.questions >= 2
    assert briefing.meta.warnings == []
    claims = [normalise(a.evidence.quote or a.claim) for a in briefing.allegations]
    assert any("reprisal" in claim for claim in claims), "the Taliban's claim is the story"
    assert not any(claim.startswith("photo") for claim in claims)
    assert len(briefing.allegations) < briefing.meta.questions  # something was left out
