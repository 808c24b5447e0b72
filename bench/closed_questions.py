"""Does a closed question to the embedded model tell an editor's allegation from the rest?

    python bench/closed_questions.py REPLAY.jsonl OUT.jsonl [--limit N] [--variants] [EVAL_DIR]

Issue 34's last lever: where code cannot decide, ask the model a closed question about one
candidate, with the article already in its cache. For every allegation in REPLAY (briefings as
`bench/drafts.py replay` writes them), this asks the embedded model the shipped question
(`prompting/closed.py`, prompts/closed.json: after the article as a briefing's request shows
it, six worked examples, then "does this passage accuse ...? Answer no or yes"), through
`LocalModel.chat` as any endpoint is asked (one token, `logprobs`), and reads its margin
(`pipeline/vetting.py`: log P(yes) - log P(no)) and the word it writes. With `--variants`,
also the same question without the examples ("bare") and turned round ("is it only events
... with nobody blamed?", "turned"), to see whether an answer follows the passage or a habit.

Each allegation is labelled by the editor's key (`summariser.evaluation.keys`: accepted, or
struck). Printed: how often each question's word is "yes" for accepted and for struck items;
the margin's AUC (0.5 is a coin, 1.0 separates them); at thresholds, how many of each a filter
would drop; the seconds a question costs with the article in the cache (the article's own
prefill, printed apart, is paid by the briefing's call in the pipeline). OUT.jsonl holds one
line per allegation; OUT's `.briefings.jsonl` twin holds the briefings vetted at the shipped
threshold, for `summarise eval ../shared/eval --records OUT.briefings.jsonl`. Runs the model:
about a minute an article on a 2-core machine without AVX-512. Run it on an idle machine.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TURNED = (
    'Passage: "{passage}"\nIs this passage only a report of events, a description, a '
    "quotation of feelings, praise or a forecast, with nobody blamed? Answer no or yes."
)
THRESHOLDS = (0.4, 0.6, 0.8, 1.0, 1.2)
Question = Callable[[list[dict[str, str]], str], list[dict[str, str]]]


def questions(variants: bool) -> dict[str, Question]:
    from summariser.prompting.closed import closed_question

    def bare(asked: list[dict[str, str]], passage: str) -> list[dict[str, str]]:
        shown = closed_question(asked, passage)
        return [*shown[: len(asked) + 1], shown[-1]]  # the acknowledgement, no examples

    def turned(asked: list[dict[str, str]], passage: str) -> list[dict[str, str]]:
        content = TURNED.replace("{passage}", passage)
        return [*bare(asked, passage)[:-1], {"role": "user", "content": content}]

    shipped: dict[str, Question] = {"shipped": closed_question}
    return shipped | {"bare": bare, "turned": turned} if variants else shipped


def auc(positives: list[float], negatives: list[float]) -> float | None:
    """The chance that an accepted item's margin is above a struck one's (ties count half)."""
    if not positives or not negatives:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def measure(
    replay: Path, out: Path, eval_dir: Path, limit: int, variants: bool
) -> list[dict[str, Any]]:
    from summariser.briefing.schema import Briefing
    from summariser.evaluation.keys import score_against_key
    from summariser.pipeline.vetting import margin, vetted
    from summariser.prompting.closed import answer_words
    from summariser.providers.embedded.backend import LocalModel
    from summariser.stages import prepare

    articles = {
        a["id"]: a
        for a in (json.loads(p.read_text("utf-8")) for p in (eval_dir / "articles").glob("*.json"))
    }
    keys = {p.stem: json.loads(p.read_text("utf-8")) for p in (eval_dir / "keys").glob("*.json")}
    lines = [json.loads(line) for line in replay.read_text("utf-8").splitlines()]
    lines = [line for line in lines if line["id"] in keys][: limit or None]
    model, yes, no = LocalModel(), *answer_words()
    asked_with = questions(variants)
    rows: list[dict[str, Any]] = []
    with (
        out.open("w", encoding="utf-8") as sink,
        out.with_suffix(".briefings.jsonl").open("w", encoding="utf-8") as briefings,
    ):
        for line in lines:
            article, key = articles[line["id"]], keys[line["id"]]
            fields = {k: article.get(k) for k in ("published", "title")}
            request = prepare(article["text"], url=article.get("url_if_known"), **fields)
            prefill = 0.0
            if line["briefing"]["allegations"]:  # nothing to ask: no article to read
                started = time.perf_counter()
                model.chat({"messages": request.messages, "max_tokens": 1})  # the article, cached
                prefill = time.perf_counter() - started
            here = []
            for item in line["briefing"]["allegations"]:
                scored = score_against_key({"allegations": [item]}, key, article["text"])
                here.append(
                    {
                        "id": line["id"],
                        "verdict": scored.struck[0][0] if scored.struck else "accepted",
                        "core": scored.core["allegations"][0],
                        "quote": (item.get("evidence") or {}).get("quote") or item["claim"],
                        "prefill_s": round(prefill, 2),
                    }
                )
            for name, question in asked_with.items():  # one at a time: its turns stay cached
                for row in here:
                    body = {
                        "messages": question(request.messages, row["quote"]),
                        "max_tokens": 1,
                        "logprobs": True,
                        "top_logprobs": 20,
                    }
                    started = time.perf_counter()
                    choice = model.chat(body)["choices"][0]
                    row[f"{name}_s"] = round(time.perf_counter() - started, 2)
                    row[name] = choice["message"]["content"]
                    row[f"{name}_margin"] = margin(choice.get("logprobs"), yes, no)
            rows.extend(here)
            sink.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in here)
            briefing = Briefing.model_validate(line["briefing"])
            kept = vetted(briefing, [row["shipped_margin"] for row in here])
            record = {"id": line["id"], "briefing": kept.model_dump(mode="json")}
            briefings.write(json.dumps(record, ensure_ascii=False) + "\n")
            sink.flush()
            briefings.flush()
            print(f"{line['id']}: prefill {prefill:.1f} s", file=sys.stderr)
    return rows


def report(rows: list[dict[str, Any]], names: list[str]) -> None:
    accepted = [r for r in rows if r["verdict"] == "accepted"]
    struck = [r for r in rows if r["verdict"] != "accepted"]
    print(
        f"{len(rows)} allegations in {len({r['id'] for r in rows})} articles: "
        f"{len(accepted)} accepted by the key, {len(struck)} struck"
    )

    def low(name: str, group: list[dict[str, Any]], threshold: float) -> int:
        margins = [r[f"{name}_margin"] for r in group]
        return sum(m is not None and m < threshold for m in margins)

    for name in names:
        area = auc(
            [r[f"{name}_margin"] or 0.0 for r in accepted],
            [r[f"{name}_margin"] or 0.0 for r in struck],
        )
        seconds = [r[f"{name}_s"] for r in rows]
        print(
            f"{name}: wrote yes for {sum(r[name] == 'yes' for r in accepted)}/{len(accepted)} "
            f"accepted and {sum(r[name] == 'yes' for r in struck)}/{len(struck)} struck; margin "
            f"AUC {'-' if area is None else f'{area:.3f}'}; seconds a question median "
            f"{statistics.median(seconds):.2f} (min {min(seconds):.2f}, max {max(seconds):.2f})"
        )
        for threshold in THRESHOLDS:
            core = [r for r in accepted if r["core"]]
            print(
                f"  margin < {threshold}: drops {low(name, accepted, threshold)} accepted "
                f"({low(name, core, threshold)} core) and {low(name, struck, threshold)} struck"
            )
    prefills = {r["id"]: r["prefill_s"] for r in rows}
    print(
        "the article's prefill, paid by the briefing's own call in the pipeline: median "
        f"{statistics.median(prefills.values()):.1f} s an article"
    )


def main() -> None:
    args = sys.argv[1:]
    limit, variants = 0, "--variants" in args
    if variants:
        args.remove("--variants")
    if "--limit" in args:
        at = args.index("--limit")
        limit = int(args[at + 1])
        del args[at : at + 2]
    if len(args) < 2:
        sys.exit(__doc__)
    eval_dir = Path(args[2]) if len(args) > 2 else ROOT.parent / "shared" / "eval"
    rows = measure(Path(args[0]), Path(args[1]), eval_dir, limit, variants)
    report(rows, list(questions(variants)))


if __name__ == "__main__":
    main()
