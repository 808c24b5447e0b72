"""What code alone gets right on the 5W1H gold, before any model: the quality floor.

    python bench/floor.py [EVAL_DIR]

- checklist coverage: weighted recall of the gold who and where phrases (the evaluation rule:
  token-overlap F1 >= 0.5) against the who and where checklists the model is shown
  (`messages.checklists`); the model mostly copies from them, so this bounds its recall;
- when: share of articles whose deterministic main-event day (`assemble.event_date` with no
  time phrases from a model: the lead's first recent day, else the publication day) equals a
  gold `parsed` date.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summariser.pipeline.when import event_date  # noqa: E402
from summariser.prompting.messages import checklists  # noqa: E402
from summariser.text import overlap_f1  # noqa: E402


def recall(annotated: list[dict[str, object]], names: list[str]) -> tuple[float, float]:
    hit = total = 0.0
    for phrase in annotated:
        text, weight = phrase.get("text"), float(str(phrase.get("coderPhraseCount", 1)))
        if isinstance(text, str) and text:
            total += weight
            hit += weight if any(overlap_f1(text, n) >= 0.5 for n in names) else 0.0
    return hit, total


def main() -> list[tuple[str, str, str]]:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
    paths = sorted((eval_dir / "articles").glob("g5w-*.json"))
    who = where = (0.0, 0.0)
    dated = 0
    for path in paths:
        article = json.loads(path.read_text(encoding="utf-8"))
        five = article["gold"]["fiveWoneH"]
        actors, places = checklists(article["text"])
        h, t = recall(five["who"]["annotated"], actors + places)
        who = (who[0] + h, who[1] + t)
        h, t = recall(five["where"]["annotated"], places + actors)
        where = (where[0] + h, where[1] + t)
        main_day = event_date([], article["text"], date.fromisoformat(article["published"]))
        gold = {w["parsed"] for w in five["when"]["annotated"] if w.get("parsed")}
        dated += main_day is not None and main_day.date in gold
    figure = (
        f"{len(paths)} 5W1H articles: checklists cover who {who[0] / who[1]:.3f}, "
        f"where {where[0] / where[1]:.3f}; main-event day without a model {dated / len(paths):.3f}"
    )
    print(f"floor: {figure}")
    return [("quality floor: code alone on the 5W1H gold", figure, "(bounds the model)")]


if __name__ == "__main__":
    main()
