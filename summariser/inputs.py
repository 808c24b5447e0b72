"""Everything a batch can be given, turned into articles: files, directories, feeds, pages.

Each input yields articles, or `InputProblem`s for what could not be read, never an exception:
a batch must account for every input. Kinds are told by extension, then by content:
.json/.jsonl articles, feeds (RSS/Atom), HTML pages, plain text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .articles import Article, article_id, load_json_articles
from .errors import InputError
from .feeds import looks_like_feed, parse_feed
from .pages import extract_page

__all__ = ["InputProblem", "read_inputs"]

_SKIP_SUFFIXES = {".gz", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".pdf", ".pyc"}
_FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class InputProblem:
    """An input, or part of one, that yields no article; `fatal` when nothing came of it."""

    origin: str
    message: str
    fatal: bool = True


def read_inputs(specs: Iterable[str]) -> Iterator[Article | InputProblem]:
    for spec in specs:
        if spec.startswith(("http://", "https://")):
            yield InputProblem(spec, "fetching URLs is not available yet; save the page or feed")
            continue
        path = Path(spec)
        if not path.exists():
            yield InputProblem(spec, "no such file or directory")
        elif path.is_dir():
            yield from _directory(path)
        else:
            yield from _file(path)


def _directory(root: Path) -> Iterator[Article | InputProblem]:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.name
        if name.startswith(".") or path.suffix.lower() in _SKIP_SUFFIXES:
            continue
        if name.endswith(".expected.txt") or name.upper().startswith(("MANIFEST", "README")):
            continue  # benchmark ground truth and folder notes, not articles
        yield from _file(path)


def _file(path: Path) -> Iterator[Article | InputProblem]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        for item in load_json_articles(path):
            yield InputProblem(origin, str(item)) if isinstance(item, InputError) else item
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(origin, f"cannot read: {exc.strerror}")
        return
    if not data.strip():
        yield InputProblem(origin, "empty file")
    elif b"\x00" in data[:4096]:
        yield InputProblem(origin, "binary file, not an article, page or feed")
    elif suffix in _FEED_SUFFIXES or looks_like_feed(data):
        yield from _feed(data, origin)
    elif suffix in _HTML_SUFFIXES or data[:1024].lstrip().lower().startswith(
        (b"<!doctype", b"<html")
    ):
        yield from _page(data, origin)
    else:
        yield from _text(data, origin)


def _feed(data: bytes, origin: str) -> Iterator[Article | InputProblem]:
    result = parse_feed(data, origin)
    if result is None:
        yield InputProblem(origin, "not a feed (no RSS or Atom structure found)")
        return
    for warning in result.warnings:
        yield InputProblem(origin, warning, fatal=False)
    yield from result.articles


def _page(data: bytes, origin: str) -> Iterator[Article | InputProblem]:
    page = extract_page(data)
    if page is None:
        yield InputProblem(origin, "no article body found in the page")
        return
    yield Article(
        id=article_id(text=page.text),
        text=page.text,
        title=page.title,
        published=page.published,
        origin=origin,
    )


def _text(data: bytes, origin: str) -> Iterator[Article | InputProblem]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputProblem(origin, f"not UTF-8 text (bad byte at offset {exc.start})")
        return
    yield Article(id=article_id(text=text), text=text, origin=origin)
