"""Body-extraction quality on the evaluation pages, scored as the benchmark's evaluate.py does.

    python bench/page_extraction.py [--keep-title]

Each page of ../shared/eval/html through `extract_page`, against its human ground truth:
4-token shingles of \\w+ tokens, precision and recall per page, their means, and the F1 of
the means. `--keep-title` scores the text as it was before the repeated title line was
dropped, to see what that step is worth. Deterministic, so one run is the figure.
"""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summariser.sources import pages  # noqa: E402
from tests.sources.extraction_score import corpus_f1, precision_recall  # noqa: E402
from tests.support import EVAL  # noqa: E402


def main() -> None:
    keep = "--keep-title" in sys.argv[1:]
    html = EVAL / "html"
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
