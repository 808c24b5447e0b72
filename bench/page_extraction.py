"""Body-extraction quality on the evaluation pages, scored as the benchmark's evaluate.py does.

    python bench/page_extraction.py [--keep-title] [PAGES]

Each page of PAGES (default ../shared/eval/html, or $SUMMARISER_EVAL_DIR/html) through
`extract_page`, against its human ground truth: 4-token shingles of \\w+ tokens, precision
and recall per page, their means, and the F1 of the means. `--keep-title` scores the text as
it was before the repeated title line was dropped, to see what that step is worth.
Deterministic, so one run is the figure.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summariser.evaluation.extraction import corpus_f1, precision_recall  # noqa: E402
from summariser.sources import pages  # noqa: E402

EVAL = Path(os.environ.get("SUMMARISER_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def main() -> None:
    keep = "--keep-title" in sys.argv[1:]
    folders = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("--")]
    html = folders[0] if folders else EVAL / "html"
    pairs = []
    with (
        mock.patch.object(pages, "without_title", lambda text, _title: text)
        if keep
        else nullcontext()
    ):
        for info in json.loads((html / "MANIFEST.json").read_text()):
            page = pages.extract_page((html / info["page"]).read_bytes(), url=info["url"])
            expected = (html / info["expected_text"]).read_text(encoding="utf-8")
            text = page.text if page else ""
            pairs.append((text, expected))
            precision, recall = precision_recall(text, expected)
            print(f"{info['id']}  precision {precision:.3f}  recall {recall:.3f}")
    precision, recall, f1 = corpus_f1(pairs)
    label = "title kept" if keep else "title dropped"
    print(
        f"{len(pairs)} pages ({label}): precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}"
    )


if __name__ == "__main__":
    main()
