"""Does the closed question about each allegation tell an editor's allegation from the rest?

    python bench/closed_questions.py DRAFTS.jsonl OUT.jsonl [--limit N] [EVAL_DIR]

Issue 34's last lever: where code cannot decide, ask the model a closed question about one
candidate, with the article already in its cache. For every article of DRAFTS (the model's
answers, as `bench/drafts.py record` writes them), this assembles the briefing (stages.finish),
has the embedded model read the article's messages as the draft's own call leaves them cached,
then runs the product's vetting stage (`Summariser.vet`: prompts/closed.json's question about
each allegation, one token with `logprobs`; pipeline/vetting.py's margin), and assembles the
briefing again without what it dropped, as `summarise` does.

Each allegation is labelled by the editor's key (`summariser.evaluation.keys`: accepted, or
struck). Printed: the margin's AUC (0.5 is a coin, 1.0 separates them); at thresholds, how many
of each a filter would drop, for the even-numbered and the odd-numbered articles apart (choose
on one half, check on the other); the seconds the questions cost an article, with the article
in the cache (its own reading is paid by the draft's call in the pipeline). OUT.jsonl holds one
line per allegation (its margin and verdict); OUT's `.briefings.jsonl` twin holds the vetted
briefings, for `summarise eval ../shared/eval --records OUT.briefings.jsonl`. Runs the model:
about half a minute an article on a 2-core machine without AVX-512. Run it on an idle machine.
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

THRESHOLDS = (0.4, 0.8, 1.2, 1.4, 1.6, 1.8, 2.0, 2.4)


def auc(positives: list[float], negatives: list[float]) -> float | None:
    """The chance that an accepted item's margin is above a struck one's (ties count half)."""
    if not positives or not negatives:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def measure(drafts: Path, out: Path, eval_dir: Path, limit: int) -> list[dict[str, Any]]:
    from summariser import Summariser
    from summariser.providers.endpoint import _embedded_model
    from summariser.stages import finish, prepare

    articles = {
        a["id"]: a
        for a in (json.loads(p.read_text("utf-8")) for p in (eval_dir / "articles").glob("*.json"))
    }
    keys = {p.stem: json.loads(p.read_text("utf-8")) for p in (eval_dir / "keys").glob("*.json")}
    lines = [json.loads(line) for line in drafts.read_text("utf-8").splitlines()]
    lines = [line for line in lines if line["id"] in keys][: limit or None]
    summariser = Summariser(model="embedded", vet="on")
    model = _embedded_model(None, 1)
    rows: list[dict[str, Any]] = []
    with (
        out.open("w", encoding="utf-8") as sink,
        out.with_suffix(".briefings.jsonl").open("w", encoding="utf-8") as briefings,
    ):
        for index, line in enumerate(lines):
            article, key = articles[line["id"]], keys[line["id"]]
            fields = {k: article.get(k) for k in ("published", "title")}
            request = prepare(article["text"], url=article.get("url_if_known"), **fields)
            briefing = finish(request, line["draft"])
            seconds = 0.0
            if briefing.allegations:  # nothing to ask: no article to read
                model.chat(
                    {"messages": request.messages, "max_tokens": 1}
                )  # as the draft leaves it
                started = time.perf_counter()
                vetting = summariser.vet(request, briefing)
                seconds = time.perf_counter() - started
                assert vetting is not None and not vetting.warning, vetting
                here = _rows(
                    line["id"], index, briefing.allegations, vetting.margins, seconds, key,
                    article["text"],
                )  # fmt: skip
                briefing = finish(request, line["draft"], dropped=vetting.dropped)
                rows.extend(here)
                sink.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in here)
            record = {"id": line["id"], "briefing": briefing.model_dump(mode="json")}
            briefings.write(json.dumps(record, ensure_ascii=False) + "\n")
            sink.flush()
            briefings.flush()
            print(f"{line['id']}: questions {seconds:.1f} s", file=sys.stderr)
    return rows


def _rows(
    article_id: str,
    index: int,
    allegations: list[Any],
    margins: tuple[float | None, ...],
    seconds: float,
    key: dict[str, Any],
    text: str,
) -> list[dict[str, Any]]:
    """One row per allegation of the unvetted briefing: its margin and the key's verdict."""
    from summariser.evaluation.keys import score_against_key

    rows = []
    for allegation, margin in zip(allegations, margins, strict=True):
        item = allegation.model_dump(mode="json")
        scored = score_against_key({"allegations": [item]}, key, text)
        rows.append(
            {
                "id": article_id,
                "half": index % 2,
                "verdict": scored.struck[0][0] if scored.struck else "accepted",
                "core": scored.core["allegations"][0],
                "quote": allegation.evidence.quote or allegation.claim,
                "margin": margin,
                "article_questions_s": round(seconds, 2),
            }
        )
    return rows


def report(rows: list[dict[str, Any]]) -> None:
    accepted = [r for r in rows if r["verdict"] == "accepted"]
    struck = [r for r in rows if r["verdict"] != "accepted"]
    print(
        f"{len(rows)} allegations in {len({r['id'] for r in rows})} articles: "
        f"{len(accepted)} accepted by the key ({sum(r['core'] for r in accepted)} core), "
        f"{len(struck)} struck"
    )
    area = auc([r["margin"] or 0.0 for r in accepted], [r["margin"] or 0.0 for r in struck])
    print(f"margin AUC {'-' if area is None else f'{area:.3f}'}")
    for half in (0, 1):
        group = [r for r in rows if r["half"] == half]
        cells = []
        for threshold in THRESHOLDS:
            low = [r for r in group if r["margin"] is not None and r["margin"] < threshold]
            kept_out = [r for r in low if r["verdict"] == "accepted"]
            cells.append(
                f"{threshold:+.1f}: {len(kept_out)} accepted ({sum(r['core'] for r in kept_out)} "
                f"core), {len(low) - len(kept_out)} struck"
            )
        print(
            f"{('even', 'odd')[half]} articles, dropped under the margin:\n  " + "\n  ".join(cells)
        )
    seconds = list({r["id"]: r["article_questions_s"] for r in rows}.values())
    print(
        f"questions an article (with allegations): median {statistics.median(seconds):.1f} s "
        f"(min {min(seconds):.1f}, max {max(seconds):.1f})"
    )


def main() -> None:
    args = sys.argv[1:]
    limit = 0
    if "--limit" in args:
        at = args.index("--limit")
        limit = int(args[at + 1])
        del args[at : at + 2]
    if len(args) < 2:
        sys.exit(__doc__)
    eval_dir = Path(args[2]) if len(args) > 2 else ROOT.parent / "shared" / "eval"
    rows = measure(Path(args[0]), Path(args[1]), eval_dir, limit)
    report(rows)


if __name__ == "__main__":
    main()
