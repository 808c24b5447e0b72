"""`summarise eval`: scoring against the gold of shared/eval, on recorded real briefings.

The four evaluation articles with cassettes (three 5W1H, one attribution) are summarised
through the eval command exactly as the replay tests ask, so the cassettes answer; the scores
are then checked against what those recorded briefings really say.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from summariser.cli import main
from summariser.evaluation.scores import score_article
from summariser.testing.stub_server import StubServer
from summariser.text import overlap_f1
from tests.batch.test_replay import ARTICLES
from tests.support import CANARY_KEY, EVAL, RECORD_URL, RECORDED_MODEL, ROOT

CASSETTES = [str(ROOT / "cassettes" / f"{name}.yaml") for name in ARTICLES.values()]


def gold(article_id: str) -> dict[str, Any]:
    return json.loads((EVAL / "articles" / f"{article_id}.json").read_text(encoding="utf-8"))


def test_token_overlap_f1() -> None:
    assert overlap_f1("Hillary Clinton", "Clinton") == pytest.approx(2 / 3)
    assert overlap_f1("the F.B.I.", "FBI") == 0.0  # tokens, not letters: "f b i" vs "fbi"
    assert overlap_f1("James Comey", "James  COMEY!") == 1.0
    assert overlap_f1("", "anything") == 0.0


def test_scores_follow_the_gold_and_the_readme_rules() -> None:
    article = gold("g5w-nypost-4")
    evidence = {"quote": "x", "start": None, "end": None, "grounded": True, "match": "exact"}
    record = {
        "briefing": {
            "who": [
                {"name": "Clinton", "evidence": evidence},
                {"name": "Zorro", "evidence": evidence},
            ],
            "where": [],
            "when": [{"date": "2016-11-12", "evidence": evidence}],
            "allegations": [],
            "stakes": [],
        },
        "seconds": 2.0,
        "usage": {"total_tokens": 900},
    }
    score = score_article(article, record)
    weights = {
        a["text"]: a["coderPhraseCount"]
        for a in article["gold"]["fiveWoneH"]["who"]["annotated"]
        if a.get("text")
    }
    assert score.who == (weights["Hillary Clinton"], sum(weights.values()))  # "Clinton" hits
    assert score.names == (1, 2)  # "Zorro" is not in the article: unsupported
    assert score.when is True and score.grounded == (3, 3) and score.tokens == 900


def test_allegations_scored_against_attributed_statements_with_their_misses() -> None:
    article = gold("polnear-west-journal_2016-09-14_clinton-hid-past-health-problems")
    evidence = {"quote": "", "start": None, "end": None, "grounded": True, "match": "exact"}
    leg = "Clinton allowed her staff and the public to think her right leg had a pulled muscle"

    def allegation(claim: str, made_by: str) -> dict[str, Any]:
        return {"claim": claim, "made_by": made_by, "evidence": evidence}

    briefing = {
        "who": [],
        "where": [],
        "when": [],
        "stakes": [],
        "allegations": [
            allegation(leg, "Dr. Connie Mariano"),  # the gold source
            allegation(leg + " and not a blood clot", "Western Journalism"),  # the outlet
            allegation("The moon is made of cheese", "Mariano"),  # no such statement
        ],
    }
    score = score_article(article, {"briefing": briefing})
    assert (score.allegations, score.matched, score.made_by_right) == (3, 2, 1)
    assert score.misses["allegations"] == ["The moon is made of cheese"]
    assert score.misses["made_by"] == ["said 'Western Journalism', gold 'Dr. Connie Mariano'"]


def test_a_pronoun_source_counts_for_the_name_written_just_before_it() -> None:
    """PolNeAR gives "she" as the source of Warren's words; the strict figure cannot match any
    name to it, the resolved one looks for made_by's name in the 400 characters before."""
    article = gold("polnear-huff-post_2016-09-20_elizabeth-warren-hammers-wells-f")
    evidence = {"quote": "", "start": None, "end": None, "grounded": True, "match": "exact"}
    squeezed = "You squeezed employees to the breaking point to drive up the stock price"
    briefing: dict[str, Any] = {"who": [], "where": [], "when": [], "stakes": []}
    # Stumpf is named there too ("Warren told Stumpf"): the approximation's known limit, which
    # is why the strict figure stays the one reported against the target.
    for made_by, resolved in (("Elizabeth Warren", 1), ("John Stumpf", 1), ("Jon Tester", 0)):
        allegation = {"claim": squeezed, "made_by": made_by, "evidence": evidence}
        score = score_article(article, {"briefing": {**briefing, "allegations": [allegation]}})
        assert (score.matched, score.made_by_right, score.made_by_resolved) == (1, 0, resolved)


@pytest.mark.vcr(*CASSETTES)
def test_eval_command_on_recorded_briefings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARISER_API_KEY", CANARY_KEY)
    folder = tmp_path / "articles"
    folder.mkdir()
    (tmp_path / "keys").mkdir()
    for article_id in ARTICLES:
        shutil.copy(EVAL / "articles" / f"{article_id}.json", folder)
        shutil.copy(EVAL / "keys" / f"{article_id}.json", tmp_path / "keys")
    report = tmp_path / "report.json"
    out, err = io.StringIO(), io.StringIO()
    argv = ["eval", str(tmp_path), "--model", RECORDED_MODEL, "--base-url", RECORD_URL]
    argv += ["--no-cache", "-o", str(report)]
    assert main(argv, out=out, err=err) == 0, err.getvalue()
    assert "| who recall |" in out.getvalue()
    data = json.loads(report.read_text())
    figures = data["figures"]
    assert figures["articles"] == 4 and figures["failed"] == 0  # the pt article: a key, no gold
    for name in ("who_recall", "where_recall", "support", "when_accuracy", "grounded"):
        assert 0.0 <= figures[name] <= 1.0, name
    by_id = {s["id"]: s for s in data["articles"]}
    assert by_id["g5w-nypost-4"]["who"][0] > 0  # the recorded briefing names Clinton and Comey
    assert by_id["g5w-nypost-4"]["when"] is True  # "on Saturday" -> 2016-11-12, the gold date
    assert figures["briefings"] == 4 and figures["items"] > 4 * 3  # each scored by its key
    assert 0.0 <= figures["share_struck"] <= 1.0 and figures["core_actors_recall"] > 0
    pt = by_id["aeb-pt-f6ac15a4d985"]
    assert pt["who"] == [0.0, 0.0] and pt["key"]["items"] > 1  # no gold: the key alone scores it
    polnear = next(s for s in data["articles"] if s["attribution_gold"])
    assert polnear["allegations"] >= 1 and figures["allegations_per_article"] >= 1


def test_only_picks_articles_by_id_glob(tmp_path: Path, stub: StubServer) -> None:
    report = tmp_path / "report.json"
    argv = ["eval", str(EVAL), "--model", "stub", "--base-url", stub.url, "--no-cache"]
    argv += ["--only", "polnear-*", "--only", "g5w-bbc-1", "-o", str(report)]
    assert main(argv, out=io.StringIO(), err=io.StringIO()) == 0
    ids = [s["id"] for s in json.loads(report.read_text())["articles"]]
    assert ids[0] == "g5w-bbc-1" and len(ids) == 12
    assert all(i.startswith("polnear-") for i in ids[1:])
    err = io.StringIO()
    assert main(["eval", str(EVAL), "--only", "no-such-*", "--no-cache"], err=err) != 0
    assert "no articles to score" in err.getvalue()
