"""Stories: how well the dev set's articles are grouped, and what grouping 10,000 costs.

    python bench/stories.py [EXTRACTED.jsonl]
    python bench/stories.py --briefed news.db   # after summarise batch … --db news.db
    python bench/stories.py --counts EXTRACTED.jsonl [LEAD]  # count disagreements, text alone

1. B-cubed precision and recall of `Grouper` on the dev set's articles by text alone (all 49
   grouped; the 36 with a Giveme5W1H event scored against it), and how they move with the
   threshold and the window, so a reader sees how wide the plateau is.
2. Time and peak memory of `Grouper` alone for N = 1,000 … 10,000 articles, each N in a new
   process. The
   articles are real texts (the dev set's articles, feeds and pages, as `summarise batch
   ../shared/eval --extract-only --offline -o EXTRACTED.jsonl` writes them; made here when not
   given), each used many times: a copy drops a third of its sentences and shuffles the rest,
   and the copies of one text fall within two days of each other, at a new date for each
   round, over a year, as several outlets report one event and the next event comes later.
3. The whole of `summarise stories news.db` after briefing, for N = 1,000 … 10,000 records in a
   store: reading them back, grouping, merging, disagreements and writing the stories. The
   records carry the five recorded briefings of bench/digest_page.py (real answers of the
   embedded model, with their texts), 2 to 8 outlets a copy, each event on its own day over
   twenty years, so stories are of news size, not one per text.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from summariser.stories.grouping import Grouper, Member  # noqa: E402
from summariser.stories.quality import bcubed, gold_events  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"


def quality() -> None:
    members, gold = gold_events(EVAL / "articles")
    print(
        f"dev set: {len(members)} articles, {len(gold)} with gold, {len(set(gold.values()))} events"
    )
    for threshold in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3):
        line = []
        for window in (1, 3, 7):
            p, r = bcubed(Grouper(threshold=threshold, window_days=window).add_all(members), gold)
            line.append(f"window {window} d: P {p:.3f} R {r:.3f}")
        print(f"  threshold {threshold:.2f}  " + "   ".join(line))


def synthetic(texts: list[dict[str, str]], n: int, seed: int = 7) -> list[Member]:
    rng = random.Random(seed)
    start, made = date(2025, 1, 1), []
    while len(made) < n:
        for index, article in enumerate(texts):
            centre = start + timedelta(days=rng.randrange(365))
            for copy in range(rng.randint(1, 6)):
                sentences = article["text"].split(". ")
                kept = [s for s in sentences if rng.random() > 0.33] or sentences[:1]
                rng.shuffle(kept)
                made.append(Member(
                    id=f"x{len(made)}-{index}-{copy}",
                    title=article.get("title") or "",
                    text=". ".join(kept),
                    published=centre + timedelta(days=rng.randint(0, 2)),
                    language=article.get("language") or "en",
                ))  # fmt: skip
        rng.shuffle(texts)
    made = made[:n]
    made.sort(key=lambda m: (m.published or date.min, m.id))
    return made


def one_size(extracted: Path, n: int) -> None:
    """In its own process: group n articles, print seconds and peak RSS."""
    texts = [json.loads(line) for line in extracted.open(encoding="utf-8")]
    texts = [t for t in texts if t.get("text") and len(t["text"]) > 300]
    members = synthetic(texts, n)
    started = time.perf_counter()
    grouper = Grouper()
    grouper.add_all(members)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": n, "seconds": seconds, "peak_mb": peak, "stories": len(grouper.stories),
                      "sources": len(texts)}))  # fmt: skip


def one_store(n: int) -> None:
    """In its own process: a store of n briefed records, then group_stories; seconds, RSS."""
    from digest_page import real_briefings

    from summariser.batch.records import BatchRecord, RecordSource
    from summariser.stories import Store, group_stories

    rng, real = random.Random(11), real_briefings()
    path = Path(tempfile.mkdtemp()) / "news.db"
    with Store(path) as store:
        made = 0
        while made < n:
            title, text, briefing = real[made % len(real)]
            day = date(2005, 1, 1) + timedelta(days=rng.randrange(7300))
            for copy in range(min(rng.randint(2, 8), n - made)):
                source = RecordSource(url=f"https://outlet{copy}.example/{made}", title=title,
                                      published=day + timedelta(days=copy % 2))  # fmt: skip
                record = BatchRecord(id=f"r{made}", source=source, briefing=briefing)
                store.add(record, text)
                made += 1
        started = time.perf_counter()
        stories = group_stories(store)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": n, "seconds": seconds, "peak_mb": peak, "stories": len(stories),
                      "sources": len(real)}))  # fmt: skip


def cost(*how: str) -> None:
    for n in (1000, 2500, 5000, 10000):
        runs = []
        for _ in range(3):
            out = subprocess.run([sys.executable, __file__, *how, str(n)],
                                 capture_output=True, text=True, check=True).stdout  # fmt: skip
            runs.append(json.loads(out))
        seconds = sorted(r["seconds"] for r in runs)
        peak = max(r["peak_mb"] for r in runs)
        made = f"{runs[0]['stories']} stories from {runs[0]['sources']} texts"
        print(f"  {n:>6} articles: median {seconds[1]:.1f} s (min {seconds[0]:.1f}, max "
              f"{seconds[2]:.1f}), {seconds[1] / n * 1000:.2f} ms an article, peak RSS "
              f"{peak:.0f} MB, {made}")  # fmt: skip


def briefed(db: Path) -> None:
    """B-cubed with the briefings' names, and the merged names against the union of the
    member articles' gold, on a copy of a store made by `summarise batch … --db`."""
    import shutil

    from summariser.evaluation.scores import _recall  # pyright: ignore[reportPrivateUsage]
    from summariser.stories import Store, group_stories

    copy = Path(tempfile.mkdtemp()) / "news.db"
    shutil.copy(db, copy)
    _, gold = gold_events(EVAL / "articles")
    articles = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in (EVAL / "articles").glob("*.json")
    }
    with Store(copy) as store:
        store.db.execute("DELETE FROM stories")
        read = list(store.records())
        texts = {record.id: text for record, text in read if text}
        stories = group_stories(store)
    found = {a["id"]: s["id"] for s in stories for a in s["articles"]}
    p, r = bcubed(found, {k: v for k, v in gold.items() if k in found})
    alone = Grouper().add_all(_text_only(record, text) for record, text in read)
    pa, ra = bcubed(alone, {k: v for k, v in gold.items() if k in alone})
    print(f"{len(found)} articles with briefings; B-cubed with their names P {p:.3f} R {r:.3f}; "
          f"the same articles by text alone P {pa:.3f} R {ra:.3f}")  # fmt: skip
    mentions = [m for s in stories for key in ("who", "where") for e in s[key]
                for m in e["mentions"]]  # fmt: skip
    mentions += [m for s in stories for a in s["allegations"] for m in a["mentions"]]
    mentions += [d["first"] for s in stories for d in s["timeline"]]
    mentions += [side for s in stories for d in s["disagreements"] for side in d["sides"]]
    grounded = sum(texts[m["article"]][m["start"] : m["end"]] == m["quote"] for m in mentions)
    print(f"merged items' mentions grounded: {grounded}/{len(mentions)}")
    hit = total = 0.0
    for story in stories:
        members = [a["id"] for a in story["articles"] if a["id"] in gold]
        if not members:
            continue
        names = [e["name"] for key in ("who", "where") for e in story[key]]
        for key in ("who", "where"):
            annotated = [x for m in members
                         for x in articles[m]["gold"]["fiveWoneH"][key]["annotated"]]  # fmt: skip
            (h, t), _ = _recall(annotated, names)
            hit, total = hit + h, total + t
        said = f"{len(story['outlets'])} outlets, {len(story['disagreements'])} disagreements"
        print(f"  {story['title'][:60]!r}: {len(members)} gold articles, {said}")
    print(f"merged who+where recall against the members' gold: {hit / total:.3f}")


def count_disagreements(extracted: Path, lead: int | None) -> None:
    """Every count disagreement in the stories of the dev set's articles, feeds and pages by
    text alone (no model), each side with its quote, to read as an editor would; `lead`
    overrides how many opening sentences are read."""
    from summariser.batch.records import BatchRecord, RecordSource
    from summariser.stories import Store, disagree, group_stories

    if lead is not None:
        disagree.LEAD_SENTENCES = lead
    rows = [json.loads(line) for line in extracted.read_text(encoding="utf-8").splitlines()]
    with Store(Path(tempfile.mkdtemp()) / "news.db") as store:
        for row in rows:
            if row.get("text"):
                published = (
                    date.fromisoformat(row["published"][:10]) if row.get("published") else None
                )
                source = RecordSource(title=row.get("title"), url=row.get("url"),
                                      feed=row.get("feed"), published=published)  # fmt: skip
                store.add(BatchRecord(id=row["id"], source=source), row["text"])
        stories = group_stories(store)
    found = [(s, d) for s in stories for d in s["disagreements"] if d["about"] == "count"]
    for story, disagreement in found:
        print(f"{story['title'][:70]!r}, {len(story['articles'])} articles: {disagreement['what']}")
        for side in disagreement["sides"]:
            print(f"    {side['outlet']}: {side['values'][0]!r} | {side['quote'][:140]!r}")
    shared = sum(len(s["outlets"]) > 1 for s in stories)
    print(f"{len(found)} count disagreements in {shared} stories of more than one outlet "
          f"(lead: {disagree.LEAD_SENTENCES} sentences)")  # fmt: skip


def _text_only(record: Any, text: str | None) -> Member:
    from summariser.stories.story import member_of

    member = member_of(record, text)
    return Member(member.id, member.title, member.text, member.published, member.language)


def main() -> None:
    if sys.argv[1:2] == ["--briefed"]:
        briefed(Path(sys.argv[2]))
        return
    if sys.argv[1:2] == ["--one"]:
        one_size(Path(sys.argv[2]), int(sys.argv[3]))
        return
    if sys.argv[1:2] == ["--counts"]:
        count_disagreements(Path(sys.argv[2]), int(sys.argv[3]) if sys.argv[3:] else None)
        return
    if sys.argv[1:2] == ["--store"]:
        one_store(int(sys.argv[2]))
        return
    quality()
    given = [Path(a) for a in sys.argv[1:]]
    if given:
        extracted = given[0]
    else:
        extracted = Path(tempfile.mkdtemp()) / "extracted.jsonl"
        subprocess.run([sys.executable, "-m", "summariser", "batch", str(EVAL),
                        "--extract-only", "--offline", "-q", "-o", str(extracted)],
                       check=True)  # fmt: skip
    print("grouping alone (each size in a new process, 3 runs):")
    cost("--one", str(extracted))
    print("summarise stories on a store of briefed records (new process, 3 runs):")
    cost("--store")


if __name__ == "__main__":
    main()
