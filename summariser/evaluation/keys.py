"""What an editor strikes: a briefing scored against an editor's key of its article.

A key (the shared/eval/keys layout: `<article id>.json`) lists what a careful editor accepts
in a briefing of one article: its actors with their kinds and roles, its places, its
allegations as verbatim spans with the sources an editor accepts, and the page furniture in
the text. Every item a briefing lists that the key does not accept is struck, once, for the
first reason that applies (REASONS, in order):

- furniture: its text holds a furniture string of the key (four characters or more);
- cut: a summary, claim or stake that stops mid-sentence;
- not_in_key: a who or where item the key does not accept at all;
- wrong_field: a who item the key lists only as a place, or a where item only as an actor;
- kind: accepted, but of a kind the key does not accept for it;
- role: a role that shares no content word with any role the key accepts (an empty role is
  never struck);
- not_alleged: an allegation whose evidence overlaps no allegation of the key by half the
  shorter of the two;
- source: a matched allegation whose made_by the key does not accept.

Names match a key entry by its name or an alias (case, punctuation, dots in acronyms and a
leading "the" aside), or as a contiguous part of one that is more than one short word. These
are the rules of the key format's reference scorer (shared/tools/keyscore.py), whose figures
`summarise eval` reproduces; its word lists below are that scorer's, part of the format.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["REASONS", "KeyScore", "load_keys", "score_against_key", "summarise_key_scores"]

REASONS = (
    "furniture",
    "cut",
    "not_in_key",
    "wrong_field",
    "kind",
    "role",
    "not_alleged",
    "source",
)
_FIELDS = ("actors", "places", "allegations")
# The key format's words: a name is never matched by one of these alone, nor is a role's
# content made of them (_STOP); a text ending on one stops mid-sentence (_OPEN).
_STOP = frozenset(
    """a an the of and or to in on for from with by as at that this is was were be been has
    have had its his her their who which he she it they them him after over into about
    than""".split()  # noqa: SIM905
)
_OPEN = frozenset(
    """and or to of the a an in on for from with by as at that which who whose its his her
    their is was were be been has have had not but""".split()  # noqa: SIM905
)
_MIN_FURNITURE = 4  # characters: shorter furniture strings would strike ordinary words
_OVERLAP = 0.5  # of the shorter of an allegation's evidence and a key span


@dataclass
class KeyScore:
    """One briefing against its key: what was struck and why, and what the key found."""

    items: int = 0  # summary, who, where, allegations and stakes items
    struck: list[tuple[str, str]] = field(default_factory=list)  # (reason, what)
    listed: dict[str, int] = field(default_factory=dict)  # items per field
    accepted: dict[str, int] = field(default_factory=dict)  # entries accepted: whole, by name
    core: dict[str, tuple[int, int]] = field(default_factory=dict)  # found, core entries


def load_keys(folder: Path) -> dict[str, dict[str, Any]]:
    """The keys in `folder`, by article id (a file's `id`, else its name)."""
    keys: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        key = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(key, dict):
            keys[str(key.get("id") or path.stem)] = key
    return keys


def _folded(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"\b(\w)\.(?=\w\.)", r"\1", text)  # "U.S." is "us."
    text = re.sub(r"\b(\w)\.(\w)\.", r"\1\2", text)
    text = re.sub(r"[^\w\s'-]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _words(text: str | None) -> list[str]:
    return _folded(text).split()


def _holds(longer: list[str], part: list[str]) -> bool:
    """Whether `part` stands in `longer` as a run of its words."""
    width = len(part)
    return 0 < width <= len(longer) and any(
        longer[i : i + width] == part for i in range(len(longer) - width + 1)
    )


def _names(name: str, forms: list[str]) -> bool:
    """Whether `name` is one of `forms`, or a run of one's words that is more than one short
    word and does not open on a stopword."""
    words = _words(name)
    if not words:
        return False
    for form in forms:
        whole = _words(form)
        if words == whole:
            return True
        if _holds(whole, words) and (len(words) > 1 or len(words[0]) > 2) and words[0] not in _STOP:
            return True
    return False


def _content(text: str) -> set[str]:
    return {w.rstrip("s") for w in _words(text) if w not in _STOP and len(w) > 2}


def _is_cut(text: str | None, quote: str | None = "") -> bool:
    """Whether `text` stops mid-sentence: on an open word or mark, or as the start of the
    quote it was copied from, short of nine tenths of it."""
    text = (text or "").strip()
    tokens = re.findall(r"\w+|[^\w\s]", text)
    if not tokens:
        return False
    if tokens[-1].lower() in _OPEN or text.endswith((",", ":", ";", "-", "–")):
        return True
    copied = re.sub(r"\s+", " ", quote or "").strip().lower()
    written = re.sub(r"\s+", " ", text).lower().rstrip(".…")
    return (
        bool(copied) and copied.startswith(written) and len(written) < 0.9 * len(copied.rstrip("."))
    )


def _forms(entry: dict[str, Any]) -> list[str]:
    return [entry["name"], *entry.get("aliases", [])]


class _Scorer:
    """One briefing (as JSON) against one key, for the article's text."""

    def __init__(self, key: dict[str, Any], text: str) -> None:
        self.key, self.text, self.score = key, text, KeyScore()
        furniture = [f for f in key.get("furniture", []) if len(f.strip()) >= _MIN_FURNITURE]
        self.furniture = furniture
        self.found: dict[str, set[int]] = {f: set() for f in _FIELDS}

    def quotes_furniture(self, *texts: str | None) -> bool:
        return any(f in (t or "") for f in self.furniture for t in texts)

    def count(self, tally: dict[str, int], name: str, n: int = 1) -> None:
        tally[name] = tally.get(name, 0) + n

    def strike(self, reason: str, what: str) -> None:
        self.score.struck.append((reason, what))

    def summary(self, summary: str | None) -> None:
        self.score.items += 1
        if self.quotes_furniture(summary):
            self.strike("furniture", summary or "")
        elif _is_cut(summary):
            self.strike("cut", summary or "")

    def entity(self, item: dict[str, Any], field_: str) -> None:
        """A who (field_ "actors") or where ("places") item."""
        other = "places" if field_ == "actors" else "actors"
        section = "who" if field_ == "actors" else "where"
        self.score.items += 1
        self.count(self.score.listed, section)
        name, role = item.get("name") or "", item.get("role") or ""
        if self.quotes_furniture(name, role):
            self.strike("furniture", f"{name}: {role}" if field_ == "actors" else name)
            return
        entries = self.key.get(field_, [])
        hits = [i for i, entry in enumerate(entries) if _names(name, _forms(entry))]
        if not hits:
            if any(_names(name, _forms(e)) for e in self.key.get(other, [])):
                self.strike("wrong_field", f"{section} {name} (the key has it as {other})")
            else:
                self.strike("not_in_key", f"{section} {name}")
            return
        self.found[field_].update(hits)
        self.count(self.score.accepted, f"{section}_name")
        kinds = [k for i in hits for k in entries[i].get("kinds", [])]
        if item.get("kind") not in kinds:
            self.strike("kind", f"{name} ({item.get('kind')}; key {kinds})")
            return
        roles = [r for i in hits for r in entries[i].get("roles", [])]
        if field_ == "actors" and role and roles:
            accepted = set().union(*(_content(r) for r in roles))
            if not _content(role) & accepted:
                self.strike("role", f"{name}: {role!r} (key {roles})")
                return
        self.count(self.score.accepted, section)
        if field_ == "actors":
            self.count(self.score.accepted, "who_role", bool(role))

    def allegation(self, item: dict[str, Any], spans: list[tuple[int, int] | None]) -> None:
        self.score.items += 1
        self.count(self.score.listed, "allegations")
        evidence = item.get("evidence") or {}
        claim, quote = item.get("claim") or "", evidence.get("quote")
        if self.quotes_furniture(claim, quote):
            self.strike("furniture", claim[:80])
            return
        if _is_cut(claim, quote):
            self.strike("cut", claim[:80])
            return
        start, end = evidence.get("start"), evidence.get("end")
        if start is None and claim and claim in self.text:  # no offsets: where its words are
            start = self.text.find(claim)
            end = start + len(claim)
        hits = [i for i, span in enumerate(spans) if _overlaps(start, end, span)]
        if not hits:
            self.strike("not_alleged", claim[:100])
            return
        self.found["allegations"].update(hits)
        source = item.get("made_by") or "unattributed"
        allegations = self.key["allegations"]
        sources = [s for i in hits for s in allegations[i].get("made_by", [])]
        unattributed = _folded(source) == "unattributed" and "unattributed" in map(_folded, sources)
        if not _names(source, sources) and not unattributed:
            self.strike("source", f"{source}: {claim[:60]} (key {sources})")
            return
        self.count(self.score.accepted, "allegations")

    def stake(self, item: Any) -> None:
        self.score.items += 1
        what = (item.get("what") or "") if isinstance(item, dict) else str(item)
        if self.quotes_furniture(what):
            self.strike("furniture", what)
        elif _is_cut(what):
            self.strike("cut", what)


def _overlaps(start: int | None, end: int | None, span: tuple[int, int] | None) -> bool:
    if span is None or start is None or end is None:
        return False
    shared = min(end, span[1]) - max(start, span[0])
    return shared > 0 and shared >= _OVERLAP * min(end - start, span[1] - span[0])


def score_against_key(briefing: dict[str, Any], key: dict[str, Any], text: str) -> KeyScore:
    """One briefing (as JSON) of `text`, scored against the editor's key of it."""
    scorer = _Scorer(key, text)
    scorer.summary(briefing.get("summary"))
    for item in briefing.get("who", []):
        scorer.entity(item, "actors")
    for item in briefing.get("where", []):
        scorer.entity(item, "places")
    spans: list[tuple[int, int] | None] = []
    for allegation in key.get("allegations", []):
        at = text.find(allegation["span"])
        spans.append((at, at + len(allegation["span"])) if at >= 0 else None)
    for item in briefing.get("allegations", []):
        scorer.allegation(item, spans)
    for item in briefing.get("stakes", []):
        scorer.stake(item)
    for field_ in _FIELDS:
        core = [i for i, entry in enumerate(key.get(field_, [])) if entry.get("core")]
        scorer.score.core[field_] = (sum(i in scorer.found[field_] for i in core), len(core))
    return scorer.score


def summarise_key_scores(scores: list[KeyScore]) -> dict[str, Any]:
    """The editor's figures over many briefings, as the reference scorer prints them."""
    if not scores:
        return {}
    reasons = Counter(reason for s in scores for reason, _ in s.struck)
    items = sum(s.items for s in scores)
    total = sum(reasons.values())
    listed = sum((Counter(s.listed) for s in scores), Counter())
    accepted = sum((Counter(s.accepted) for s in scores), Counter())

    def share(part: float, whole: float, digits: int = 3) -> float | None:
        return round(part / whole, digits) if whole else None

    figures: dict[str, Any] = {
        "briefings": len(scores),
        "items": items,
        "strikes_per_briefing": share(total, len(scores), 2),
        "share_struck": share(total, items),
    }
    figures.update({reason: reasons[reason] for reason in REASONS})
    for section in ("who", "where", "allegations"):
        figures[f"{section}_precision"] = share(accepted[section], listed[section])
    for section in ("who", "where"):
        figures[f"{section}_name_precision"] = share(accepted[f"{section}_name"], listed[section])
    figures["who_with_accepted_role"] = share(accepted["who_role"], accepted["who"])
    for field_ in _FIELDS:
        found = sum(s.core[field_][0] for s in scores)
        figures[f"core_{field_}_recall"] = share(found, sum(s.core[field_][1] for s in scores))
    return figures
