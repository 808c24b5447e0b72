"""What vetting costs a briefing on the embedded model: `summarise` with it off and on.

    python bench/vetting_time.py OUT.jsonl [--every N | --ids ID,ID,...] [EVAL_DIR]

Every Nth dev article whose key lists an allegation (default 6), or the articles named, each
summarised twice by
the embedded model in one process, once with `vet="off"` and once with `vet="on"`, the order
alternating from article to article, and the model's cache reset before each run, so both
start as a new article does (the system prompt's state only). Prints each article's seconds
both ways and the median ratio and its spread; OUT.jsonl holds a line per run. The drafts of
the two runs are the same answer (greedy), so the difference is the questions and the second
assembly. Runs the model: about two minutes an article on a 2-core machine. Run it idle.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def with_allegations(eval_dir: Path) -> list[dict[str, Any]]:
    """The dev articles whose key lists an allegation, by id."""
    keys = {p.stem for p in (eval_dir / "keys").glob("*.json")
            if json.loads(p.read_text("utf-8")).get("allegations")}  # fmt: skip
    articles = [json.loads(p.read_text("utf-8")) for p in (eval_dir / "articles").glob("*.json")]
    return sorted((a for a in articles if a["id"] in keys), key=lambda a: a["id"])


def main() -> None:
    args = sys.argv[1:]
    every, ids = 6, None
    if "--every" in args:
        at = args.index("--every")
        every = int(args[at + 1])
        del args[at : at + 2]
    if "--ids" in args:
        at = args.index("--ids")
        ids = args[at + 1].split(",")
        del args[at : at + 2]
    if not args:
        sys.exit(__doc__)
    eval_dir = Path(args[1]) if len(args) > 1 else ROOT.parent / "shared" / "eval"

    from summariser import Summariser
    from summariser.providers.endpoint import _embedded_model

    runs = {
        "off": Summariser(model="embedded", vet="off"),
        "on": Summariser(model="embedded", vet="on"),
    }
    model = _embedded_model(None, 1)
    seconds: dict[str, dict[str, float]] = {}
    with Path(args[0]).open("w", encoding="utf-8") as sink:
        chosen = with_allegations(eval_dir)[::every]
        if ids:
            by_id = {
                a["id"]: a
                for a in map(
                    json.loads, map(Path.read_text, (eval_dir / "articles").glob("*.json"))
                )
            }
            chosen = [by_id[i] for i in ids]
        for index, article in enumerate(chosen):
            for name in ("off", "on") if index % 2 == 0 else ("on", "off"):
                model._llm.reset()  # as a new article finds it
                started = time.perf_counter()
                briefing = runs[name].summarise(
                    article["text"], published=article.get("published"),
                    title=article.get("title"), url=article.get("url_if_known"),
                )  # fmt: skip
                took = time.perf_counter() - started
                seconds.setdefault(article["id"], {})[name] = took
                meta = briefing.meta
                line = {"id": article["id"], "vet": name, "seconds": round(took, 2),
                        "questions": meta.questions if meta else 0,
                        "allegations": len(briefing.allegations)}  # fmt: skip
                sink.write(json.dumps(line) + "\n")
                sink.flush()
            both = seconds[article["id"]]
            print(f"{article['id']}: off {both['off']:.1f} s, on {both['on']:.1f} s")
    ratios = [both["on"] / both["off"] for both in seconds.values()]
    print(
        f"{len(ratios)} articles: on / off median {statistics.median(ratios):.2f} "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f})"
    )


if __name__ == "__main__":
    main()
