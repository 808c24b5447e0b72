"""What a running batch tells the person watching: a progress bar, then one summary line.

The bar is drawn on stderr only when stderr is a terminal (never in logs or pipes), and is
driven by the batch's running totals, so resumed and cached articles move it too.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, TextIO

from .context import BatchTotals

__all__ = ["BatchProgress", "summary_line"]


class BatchProgress:
    def __init__(self, stream: TextIO, totals: BatchTotals, enabled: bool) -> None:
        self.totals = totals
        self._bar: Any = None
        self._task: Any = None
        if enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("summarise"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[status]}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(file=stream),
                transient=True,
            )

    def __enter__(self) -> BatchProgress:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("batch", total=None, status="")
        return self

    def update(self) -> None:
        if self._bar is None:
            return
        t = self.totals
        status = f"{t.done} done, {t.cached} cached, {t.failed} failed"
        total = max(t.articles + t.problems, t.finished)
        self._bar.update(self._task, completed=t.finished, total=total, status=status)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()


def summary_line(
    totals: BatchTotals, seconds: float, cost: float | None, not_modified: int = 0
) -> str:
    tokens = totals.prompt_tokens + totals.completion_tokens
    parts = [
        f"{totals.articles} articles",
        f"{totals.done} done",
        f"{totals.cached} cached",
        f"{totals.resumed} already written",
        f"{totals.failed} failed",
        f"{totals.duplicates} duplicates skipped",
        f"{tokens} tokens ({totals.prompt_tokens} prompt + {totals.completion_tokens} completion)",
    ]
    if not_modified:
        parts.append(f"{not_modified} fetched unchanged since last run (HTTP 304)")
    if cost is not None:
        parts.append(f"estimated cost ${cost:.4f}")
    parts.append(f"{seconds:.1f} s")
    return "summarise: " + ", ".join(parts)
