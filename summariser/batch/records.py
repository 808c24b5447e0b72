"""What a batch gives back for each article: its briefing or the error that stopped it.

One `BatchRecord` per article, typed for the library, and one JSON line in a batch's output
(`to_json` / `from_json` are exact inverses, which is how the cache and resume read it back).
The briefing carries no `meta`: what it would hold for a batch (model, usage, time) sits on the
record, where errors have it too.
"""

from __future__ import annotations

import hashlib
import time
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..briefing.schema import Briefing, Usage
from ..redaction import redact
from ..sources.articles import Article, InputProblem

__all__ = ["BatchRecord", "RecordError", "RecordSource"]


class RecordSource(BaseModel):
    """Where the article came from, as the input described it."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = None
    feed: str | None = None
    feed_title: str | None = None
    title: str | None = None
    published: date | None = None
    origin: str | None = Field(default=None, description="The input it was read from.")

    @classmethod
    def of(cls, article: Article) -> RecordSource:
        return cls(
            url=article.url,
            feed=redact(article.feed) if article.feed else None,
            feed_title=article.feed_title,
            title=article.title,
            published=article.published,
            origin=redact(article.origin),  # a private feed's URL may carry its credentials
        )


class RecordError(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str = Field(description="The exception's class name, e.g. ModelError, InputError.")
    message: str


class BatchRecord(BaseModel):
    """One article's outcome: exactly one of `briefing` and `error` is set."""

    model_config = ConfigDict(extra="forbid")

    id: str
    source: RecordSource
    briefing: Briefing | None = None
    error: RecordError | None = None
    model: str | None = None
    usage: Usage | None = None
    warnings: list[str] = Field(default_factory=list)
    cached: bool = Field(default=False, description="Served from the cache, no model call.")
    seconds: float | None = Field(default=None, description="Wall time for this article.")

    @property
    def ok(self) -> bool:
        return self.briefing is not None

    @classmethod
    def of(
        cls,
        article: Article,
        started: float,
        *,
        briefing: Briefing | None = None,
        error: BaseException | None = None,
        secret: str | None = None,
    ) -> BatchRecord:
        """`article`'s record, its briefing or the error that stopped it (redacted of
        `secret`); `seconds` runs from `started` (perf_counter) to now."""
        seconds = round(time.perf_counter() - started, 3)
        source = RecordSource.of(article)
        if error is not None or briefing is None:
            error = error or ValueError("no briefing")
            failure = RecordError(type=type(error).__name__, message=redact(str(error), secret))
            return cls(id=article.id, source=source, error=failure, seconds=seconds)
        meta = briefing.meta
        warnings = list(meta.warnings) if meta else []
        if article.teaser:
            warnings.append("only the feed's summary was available, not the full page")
        return cls(
            id=article.id,
            source=source,
            briefing=briefing.model_copy(update={"meta": None}),
            model=meta.model if meta else None,
            usage=meta.usage if meta else None,
            warnings=warnings,
            seconds=seconds,
        )

    @classmethod
    def for_problem(cls, problem: InputProblem) -> BatchRecord:
        """An input that yielded no article; its id is stable so a resumed run skips it."""
        key = f"{problem.origin}\0{problem.message}".encode()
        return cls(
            id="e-" + hashlib.sha256(key).hexdigest()[:16],
            source=RecordSource(origin=redact(problem.origin)),
            error=RecordError(type="InputError", message=redact(problem.message)),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSONL line: only the fields that say something, briefing keys always complete."""
        line: dict[str, Any] = {"id": self.id, "source": self.source.model_dump(mode="json")}
        if self.briefing is not None:
            line["briefing"] = self.briefing.model_dump(mode="json", exclude={"meta"})
        if self.error is not None:
            line["error"] = self.error.model_dump()
        if self.model is not None:
            line["model"] = self.model
        if self.usage is not None:
            line["usage"] = self.usage.model_dump()
        if self.warnings:
            line["warnings"] = self.warnings
        if self.cached:
            line["cached"] = True
        if self.seconds is not None:
            line["seconds"] = self.seconds
        return line

    @classmethod
    def from_json(cls, line: dict[str, Any]) -> BatchRecord:
        return cls.model_validate(line)
