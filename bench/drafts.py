"""The model's answers for the dev set, recorded once, and the briefings replayed from them.

    python bench/drafts.py record DRAFTS.jsonl [EVAL_DIR]
    python bench/drafts.py replay DRAFTS.jsonl OUT.jsonl [EVAL_DIR]
    python bench/drafts.py time DRAFTS.jsonl [EVAL_DIR]

`record` asks the configured model (the embedded one by default) about every article of
EVAL_DIR/articles (default ../shared/eval), one at a time, and writes each answer (the draft,
as plain data) with the prompt hash it answered. `replay` runs the two pure stages around the
model (stages.prepare, stages.finish) on those drafts: the briefings the batch would write, in
seconds, with no model, each with a hash of the messages the model would be asked (`asked`);
`time` times those two stages, what code adds to the model's own time.
So a change to how briefings are built from an answer is compared byte for byte (`cmp` two
replays), and scored against the editor's keys
(`summarise eval --records OUT.jsonl`), without paying the model again. A draft recorded
under another prompt hash is refused: re-record after changing the prompt or the schema.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def articles(eval_dir: Path) -> list[dict[str, Any]]:
    paths = sorted((eval_dir / "articles").glob("*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def _article_fields(article: dict[str, Any]) -> dict[str, Any]:
    return {
        "published": article.get("published"),
        "title": article.get("title"),
        "url": article.get("url_if_known"),
    }


def record(out: Path, eval_dir: Path) -> None:
    from summariser import Summariser
    from summariser.prompting.messages import prompt_hash

    summariser = Summariser()
    with out.open("w", encoding="utf-8") as sink:
        for article in articles(eval_dir):
            started = time.perf_counter()
            request = summariser.prepare(article["text"], **_article_fields(article))
            answer = summariser.ask(request)
            line = {
                "id": article["id"],
                "prompt_hash": prompt_hash(),
                "draft": answer.draft.model_dump(),
                "seconds": round(time.perf_counter() - started, 2),
                "attempts": answer.attempts,
                "usage": answer.usage.model_dump(),
            }
            sink.write(json.dumps(line, ensure_ascii=False) + "\n")
            sink.flush()
            print(f"{article['id']}: {line['seconds']} s", file=sys.stderr)


def replay(drafts: Path, out: Path, eval_dir: Path) -> None:
    from summariser.prompting.messages import prompt_hash
    from summariser.stages import finish, prepare

    by_id = {a["id"]: a for a in articles(eval_dir)}
    with out.open("w", encoding="utf-8") as sink:
        for raw in drafts.read_text(encoding="utf-8").splitlines():
            line = json.loads(raw)
            if line["prompt_hash"] != prompt_hash():
                sys.exit(
                    f"{line['id']}: drafted under prompt {line['prompt_hash']}, not "
                    f"{prompt_hash()}: record the drafts again"
                )
            article = by_id[line["id"]]
            request = prepare(article["text"], **_article_fields(article))
            briefing = finish(request, line["draft"])
            asked = hashlib.sha256(json.dumps(request.messages).encode()).hexdigest()[:16]
            briefing_json = briefing.model_dump(mode="json")
            briefed = {"id": line["id"], "asked": asked, "briefing": briefing_json}
            sink.write(json.dumps(briefed, ensure_ascii=False, sort_keys=True) + "\n")


def time_stages(drafts: Path, eval_dir: Path, repeats: int = 3) -> None:
    """Seconds the two pure stages take per article, all articles `repeats` times in one
    process (readers warm), printed as the median run's total, its spread, and the median
    article: what code adds to the model's own time."""
    import statistics

    from summariser.nlp import read
    from summariser.stages import finish, prepare

    by_id = {a["id"]: a for a in articles(eval_dir)}
    lines = [json.loads(raw) for raw in drafts.read_text(encoding="utf-8").splitlines()]
    runs: list[float] = []
    per_article: list[float] = []
    for _ in range(repeats):
        read.cache_clear()  # every run reads every article afresh, as a new article is
        total = 0.0
        for line in lines:
            article = by_id[line["id"]]
            started = time.perf_counter()
            finish(prepare(article["text"], **_article_fields(article)), line["draft"])
            seconds = time.perf_counter() - started
            per_article.append(seconds)
            total += seconds
        runs.append(total)
    print(
        f"{len(lines)} articles x {repeats}: total median {statistics.median(runs):.2f} s "
        f"(min {min(runs):.2f}, max {max(runs):.2f}); per article median "
        f"{statistics.median(per_article) * 1000:.0f} ms, max {max(per_article) * 1000:.0f} ms"
    )


def main() -> None:
    eval_default = ROOT.parent / "shared" / "eval"
    match sys.argv[1:]:
        case ["record", out, *rest]:
            record(Path(out), Path(rest[0]) if rest else eval_default)
        case ["replay", drafts, out, *rest]:
            replay(Path(drafts), Path(out), Path(rest[0]) if rest else eval_default)
        case ["time", drafts, *rest]:
            time_stages(Path(drafts), Path(rest[0]) if rest else eval_default)
        case _:
            sys.exit(__doc__)


if __name__ == "__main__":
    main()
