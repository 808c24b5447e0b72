"""How good the briefings are, scored against gold articles (the shared/eval/articles layout).

`score_article` scores one briefing record against its gold article; `summarise_scores` sums
the scores up into the figures `summarise eval DIR` prints (run.py runs the briefings).

Scores follow the evaluation README. who/where: recall of gold phrases (a hit when some
predicted name has token-overlap F1 >= 0.5), weighted by how many coders marked each; support:
the share of predicted names found in the article (the guard against invented names). when:
share of articles where a predicted ISO date (a time phrase's or the main event's) equals a
gold `parsed` date (the gold is noisy).
allegations (attribution gold): the share of predicted allegations matching a gold attributed
statement (F1 >= 0.4 on claim or quote), how often a matched one's `made_by` names the gold
source, and allegations per article. PolNeAR's source is often a pronoun ("she" for Warren),
which no name can match, so a second figure also counts made_by right when the gold source is
a pronoun and a name of made_by's is written in the 400 characters before it. Plus the share
of items grounded, time and tokens.
Where the article has an editor's key (keys.py), what an editor strikes from the briefing and
why, precision per field and recall of the key's core entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..briefing.schema import ITEM_LISTS
from ..nlp.lexicon import en
from ..text import normalise, overlap_f1
from .keys import KeyScore, score_against_key, summarise_key_scores

__all__ = ["ArticleScore", "score_article", "summarise_scores"]

NAME_HIT = 0.5
CLAIM_HIT = 0.4


@dataclass
class ArticleScore:
    id: str
    who: tuple[float, float] = (0.0, 0.0)  # weight of gold phrases hit, weight of all
    where: tuple[float, float] = (0.0, 0.0)
    names: tuple[int, int] = (0, 0)  # predicted names found in the article, predicted names
    when: bool | None = None  # None: no gold date to check against
    allegations: int = 0
    matched: int = 0
    made_by_right: int = 0
    made_by_resolved: int = 0  # right, or the gold source is a pronoun standing for made_by
    attribution_gold: bool = False
    grounded: tuple[int, int] = (0, 0)
    seconds: float | None = None
    tokens: int | None = None
    error: str | None = None
    misses: dict[str, list[str]] = field(default_factory=dict)
    key: KeyScore | None = None  # against the editor's key, where the article has one


def score_article(
    article: dict[str, Any], record: dict[str, Any], key: dict[str, Any] | None = None
) -> ArticleScore:
    """One article's score from its gold (`article["gold"]`, where it has one), its editor's
    key (where it has one) and its batch record (JSON)."""
    score = ArticleScore(id=article["id"], seconds=record.get("seconds"))
    usage = record.get("usage") or {}
    score.tokens = usage.get("total_tokens")
    briefing: dict[str, Any] = record.get("briefing") or {}
    if not briefing:
        score.error = (record.get("error") or {}).get("message", "no briefing")
    elif key is not None:
        score.key = score_against_key(briefing, key, article["text"])
    # A list another tool's record leaves out is an empty one.
    briefing = briefing | {name: briefing.get(name) or [] for name in ITEM_LISTS}
    gold = article.get("gold") or {}
    who = [a["name"] for a in briefing["who"]]
    where = [p["name"] for p in briefing["where"]]
    folded = f" {normalise(article['text'])} "
    predicted = [n for n in who + where if normalise(n)]
    score.names = (sum(f" {normalise(n)} " in folded for n in predicted), len(predicted))
    items = [i for name in ITEM_LISTS for i in briefing[name]]
    grounded = [bool((i.get("evidence") or {}).get("grounded")) for i in items]
    score.grounded = (sum(grounded), len(grounded))
    if gold.get("scheme") == "giveme5w1h-gold-standard":
        five = gold["fiveWoneH"]
        score.who, score.misses["who"] = _recall(five["who"]["annotated"], who + where)
        score.where, score.misses["where"] = _recall(five["where"]["annotated"], where + who)
        days = {a["parsed"] for a in five["when"]["annotated"] if a.get("parsed")}
        if days:
            said: set[str] = {t["date"] for t in briefing["when"] if t.get("date")}
            main: dict[str, Any] = briefing.get("event_date") or {}
            if main.get("date"):
                said.add(main["date"])
            score.when = bool(days & said)
            if not score.when:
                score.misses["when"] = [f"gold {sorted(days)}, said {sorted(said)}"]
    elif gold.get("scheme") == "polnear-attribution":
        score.attribution_gold = True
        _score_allegations(score, gold, briefing["allegations"], article["text"])
    return score


def _recall(
    annotated: list[dict[str, Any]], names: list[str]
) -> tuple[tuple[float, float], list[str]]:
    """Weighted recall of gold phrases; names of both kinds count (a country is often both)."""
    hit = total = 0.0
    missed: list[str] = []
    for phrase in annotated:
        text, weight = phrase.get("text"), float(phrase.get("coderPhraseCount", 1))
        if not text:
            continue  # coders agreed there is no answer
        total += weight
        if any(overlap_f1(text, name) >= NAME_HIT for name in names):
            hit += weight
        else:
            missed.append(text)
    return (hit, total), missed


def _score_allegations(
    score: ArticleScore, gold: dict[str, Any], allegations: list[dict[str, Any]], text: str
) -> None:
    statements = [
        (
            " ".join(c["text"] for c in a["content"]),
            " ".join(s["text"] for s in a["source"]),
            a["source"][0]["spans"][0][0] if a["source"] and a["source"][0]["spans"] else None,
        )
        for annotation in gold["annotations"]
        for a in annotation["attributions"]
    ]
    score.allegations = len(allegations)
    for allegation in allegations:
        said = [allegation["claim"], allegation["evidence"]["quote"]]
        best, source, where = 0.0, "", None
        for content, who, at in statements:
            f1 = max(overlap_f1(phrase, content) for phrase in said)
            if f1 > best:
                best, source, where = f1, who, at
        if best < CLAIM_HIT:
            score.misses.setdefault("allegations", []).append(allegation["claim"])
            continue
        score.matched += 1
        made_by = allegation["made_by"]
        if overlap_f1(made_by, source) >= NAME_HIT or _names(made_by, source):
            score.made_by_right += 1
            score.made_by_resolved += 1
            continue
        score.misses.setdefault("made_by", []).append(f"said {made_by!r}, gold {source!r}")
        if normalise(source) in _PRONOUNS and where is not None:
            # Who "she" is: a name of made_by's written in the 400 characters before it.
            score.made_by_resolved += _names(text[max(0, where - 400) : where], made_by)


# PolNeAR's sources that stand for someone named before ("she", "their", "who").
_PRONOUNS = en.PERSONAL_PRONOUNS | en.POSSESSIVES | {"who"}


def _names(made_by: str, source: str) -> bool:
    """True when the accuser shares a name-like word with the gold source ("Clinton")."""
    words = {w for w in normalise(source).split() if len(w) > 3}
    return bool(words & set(normalise(made_by).split()))


def summarise_scores(scores: list[ArticleScore]) -> dict[str, Any]:
    """The figures for the table: each a share in [0, 1] or a mean, None when nothing to score."""

    def ratio(parts: list[tuple[float, float]]) -> float | None:
        total = sum(t for _, t in parts)
        return round(sum(h for h, _ in parts) / total, 3) if total else None

    dated = [s.when for s in scores if s.when is not None]
    briefed = [s for s in scores if s.error is None]
    attribution = [s for s in scores if s.attribution_gold]
    timed = [s.seconds for s in scores if s.seconds is not None]
    counted = [s.tokens for s in scores if s.tokens is not None]
    return {
        "articles": len(scores),
        "failed": sum(s.error is not None for s in scores),
        "who_recall": ratio([s.who for s in scores]),
        "where_recall": ratio([s.where for s in scores]),
        "support": ratio([(float(a), float(b)) for a, b in (s.names for s in scores)]),
        "when_accuracy": round(sum(dated) / len(dated), 3) if dated else None,
        "allegations_per_article": (
            round(sum(s.allegations for s in attribution) / len(attribution), 2)
            if attribution
            else None
        ),
        "allegations_matching_gold": ratio(
            [(float(s.matched), float(s.allegations)) for s in attribution]
        ),
        "made_by_right": ratio([(float(s.made_by_right), float(s.matched)) for s in attribution]),
        "made_by_right_pronouns_resolved": ratio(
            [(float(s.made_by_resolved), float(s.matched)) for s in attribution]
        ),
        **summarise_key_scores([s.key for s in briefed if s.key is not None]),
        "grounded": ratio([(float(a), float(b)) for a, b in (s.grounded for s in scores)]),
        "seconds_per_article": round(sum(timed) / len(timed), 2) if timed else None,
        "tokens_per_article": round(sum(counted) / len(counted)) if counted else None,
    }
