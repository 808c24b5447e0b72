"""keys.py: what an editor strikes from a briefing, scored against an editor's key.

The rules are the key format's (shared/eval/keys/README.md); its reference scorer,
shared/tools/keyscore.py, must print the same figures as `summarise eval` on the same records.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summariser.cli import main
from summariser.evaluation.keys import REASONS, score_against_key, summarise_key_scores
from tests.support import EVAL

TEXT = (
    "Image caption Getty Images\n"
    "North Korea has been accused by the US of selling shells to Wagner, officials said. "
    "Jake Sullivan, the US national security adviser, said Pyongyang would pay a price."
)
KEY: dict[str, Any] = {
    "id": "synthetic",
    "actors": [
        {
            "name": "Jake Sullivan",
            "aliases": ["Sullivan"],
            "kinds": ["person"],
            "roles": ["US national security adviser"],
            "core": True,
        },
        {
            "name": "North Korea",
            "aliases": ["Pyongyang"],
            "kinds": ["country"],
            "roles": ["accused of selling shells"],
            "core": True,
        },
        {"name": "Wagner", "aliases": [], "kinds": ["organisation"], "roles": [], "core": False},
    ],
    "places": [
        {"name": "North Korea", "aliases": [], "kinds": ["country"], "core": True},
        {"name": "Moscow", "aliases": [], "kinds": ["city"], "core": True},
    ],
    "allegations": [
        {
            "span": "North Korea has been accused by the US of selling shells to Wagner",
            "made_by": ["US"],
            "against": ["North Korea"],
            "statuses": ["alleged"],
            "core": True,
        },
    ],
    "furniture": ["Image caption", "Getty"],
}


def span(quote: str) -> dict[str, Any]:
    start = TEXT.find(quote)
    assert start >= 0, quote
    return {"quote": quote, "start": start, "end": start + len(quote)}


def actor(name: str, kind: str, role: str = "") -> dict[str, Any]:
    return {"name": name, "kind": kind, "role": role}


def test_each_item_is_struck_once_for_the_first_reason_that_applies() -> None:
    accused = "North Korea has been accused by the US of selling shells to Wagner"
    briefing = {
        "summary": "North Korea is accused of selling shells to Wagner.",
        "who": [
            actor("Jake Sullivan", "person", "national security adviser"),  # accepted
            actor("Sullivan", "person", ""),  # accepted: an empty role is never struck
            actor("Pyongyang", "city", "capital"),  # kind
            actor("Wagner", "organisation", "mercenary group"),  # no roles in the key: kept
            actor("Sullivan", "person", "a golfer"),  # role
            actor("Getty Images", "organisation", "agency"),  # furniture
            actor("Moscow", "city", "capital"),  # wrong field: a place of the key
            actor("Kim Jong-un", "person", "leader"),  # not in the key
            actor("the", "other", "word"),  # a lone stopword matches nothing
        ],
        "where": [
            {"name": "North Korea", "kind": "country"},
            {"name": "Sullivan", "kind": "other"},  # wrong field
        ],
        "allegations": [
            {"claim": accused, "made_by": "United States", "evidence": span(accused)},  # source
            {"claim": accused, "made_by": "US", "evidence": span(accused)},
            {
                "claim": "Pyongyang would pay a price",
                "made_by": "Jake Sullivan",
                "evidence": span("Pyongyang would pay a price"),
            },  # not alleged
            {
                "claim": "North Korea has been accused by the",
                "made_by": "US",
                "evidence": span(accused),
            },  # cut: ends on a word no sentence ends with
        ],
        "stakes": [{"what": "Sanctions on"}, {"what": "Sanctions"}],  # the first is cut
    }
    score = score_against_key(briefing, KEY, TEXT)
    reasons = [reason for reason, _ in score.struck]
    assert reasons == [
        "kind",
        "role",
        "furniture",
        "wrong_field",
        "not_in_key",
        "not_in_key",
        "wrong_field",
        "source",
        "not_alleged",
        "cut",
        "cut",
    ]
    assert score.items == 1 + 9 + 2 + 4 + 2
    assert score.core == {"actors": (2, 2), "places": (1, 2), "allegations": (1, 1)}
    figures = summarise_key_scores([score])
    assert figures["who_precision"] == round(3 / 9, 3)
    assert figures["who_name_precision"] == round(5 / 9, 3)
    assert figures["who_with_accepted_role"] == round(2 / 3, 3)
    assert figures["allegations_precision"] == 0.25
    assert figures["strikes_per_briefing"] == 11


def test_a_summary_that_quotes_furniture_or_stops_short_is_struck() -> None:
    for summary, reason in (("Getty Images shows Kim.", "furniture"), ("Kim said that", "cut")):
        briefing = {"summary": summary, "who": [], "where": [], "allegations": [], "stakes": []}
        assert score_against_key(briefing, KEY, TEXT).struck == [(reason, summary)]


def _perturbed(key: dict[str, Any], text: str) -> dict[str, Any]:
    """A briefing that lists everything a key accepts, and some of what it would strike:
    each branch of the rules, on real keys."""
    who = [
        actor(a["name"], (a["kinds"] or ["other"])[0], (a["roles"] or [""])[0])
        for a in key["actors"]
    ]
    who += [actor(a["name"], "other", "somebody") for a in key["actors"][:2]]
    who += [actor(p["name"], "country", "") for p in key["places"][:2]]
    who.append(actor("Zzyzx Quorum", "person", "nobody the article names"))
    where = [{"name": p["name"], "kind": p["kinds"][0]} for p in key["places"]]
    where += [{"name": a["name"], "kind": "city"} for a in key["actors"][:2]]
    where += [{"name": f, "kind": "other"} for f in key.get("furniture", [])[:1]]
    allegations = []
    for n, allegation in enumerate(key["allegations"]):
        start = text.find(allegation["span"])
        if start < 0:
            continue
        end = start + len(allegation["span"])
        evidence = {"quote": allegation["span"], "start": start, "end": end}
        made_by = allegation["made_by"][0] if n % 2 else "Nobody In Particular"
        allegations.append({"claim": allegation["span"], "made_by": made_by, "evidence": evidence})
    allegations.append(
        {
            "claim": text[:60],
            "made_by": "unattributed",
            "evidence": {"quote": text[:60], "start": 0, "end": 60},
        }
    )
    return {
        "summary": text[:120],
        "who": who,
        "where": where,
        "allegations": allegations,
        "stakes": [{"what": "what could follow for"}],
    }


@pytest.mark.skipif(not (EVAL / "keys").is_dir(), reason="the dev set's keys are not beside")
def test_figures_agree_with_the_reference_scorer(tmp_path: Path) -> None:
    """Our figures and keyscore.py's, on the same records: briefings that exercise every rule,
    over every dev key."""
    scorer = EVAL.parent / "tools" / "keyscore.py"
    if not scorer.is_file():
        pytest.skip("the reference scorer is not beside the clone")
    records = tmp_path / "records.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for path in sorted((EVAL / "keys").glob("*.json")):
            key = json.loads(path.read_text(encoding="utf-8"))
            article = json.loads((EVAL / "articles" / path.name).read_text(encoding="utf-8"))
            briefing = _perturbed(key, article["text"])
            out.write(json.dumps({"id": key["id"], "briefing": briefing}) + "\n")
    reference = subprocess.run(
        [sys.executable, str(scorer), str(records), str(EVAL / "articles"), str(EVAL / "keys")],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(reference.stdout.strip().splitlines()[-1])
    report = tmp_path / "report.json"
    argv = ["eval", str(EVAL), "--records", str(records), "-o", str(report)]
    assert main(argv, out=io.StringIO(), err=io.StringIO()) == 0
    ours = json.loads(report.read_text(encoding="utf-8"))["figures"]
    assert theirs["briefings"] == 49 and all(theirs[reason] for reason in REASONS)
    assert {name: ours[name] for name in theirs} == theirs


def test_users_bring_their_own_keys(tmp_path: Path) -> None:
    """A folder of articles with a key of the user's own and a batch's records: scored with no
    model, what is struck listed per article."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "mine").mkdir()
    article = {"id": "synthetic", "text": TEXT, "published": "2023-09-11", "gold": None}
    (tmp_path / "articles" / "synthetic.json").write_text(json.dumps(article))
    (tmp_path / "mine" / "synthetic.json").write_text(json.dumps(KEY))
    briefing = {
        "summary": "Kim said that",
        "who": [actor("Kim Jong-un", "person", "leader")],
        "where": [],
        "when": [],
        "allegations": [],
        "stakes": [],
    }
    records = tmp_path / "out.jsonl"
    records.write_text(json.dumps({"id": "synthetic", "briefing": briefing}) + "\n")
    out = io.StringIO()
    argv = ["eval", str(tmp_path), "--keys", str(tmp_path / "mine"), "--records", str(records)]
    assert main([*argv, "--show"], out=out, err=io.StringIO()) == 0
    shown = out.getvalue()
    assert "| strikes per briefing | 2.0 |" in shown
    assert "synthetic  not_in_key: who Kim Jong-un" in shown
    assert "synthetic  cut: Kim said that" in shown
    err = io.StringIO()
    assert main(["eval", str(tmp_path), "--records", str(records)], err=err) != 0
    assert "no articles to score" in err.getvalue()  # no gold, and no key where it looks
