"""Everything a batch can be given, turned into articles: files, directories, feeds, pages.

Each input yields articles, or `InputProblem`s for what could not be read, never an exception:
a batch must account for every input. Kinds are told by extension, then by content:
.json/.jsonl articles, feeds (RSS/Atom, JSON Feed), HTML pages, plain text. Markup's bytes
are read in the encoding they declare (encodings.py) before anything looks at them. With a
`Fetcher`, URLs are fetched too, and a feed entry that is only a teaser gets its page
fetched; without one (offline) URLs are reported, not fetched, and teasers stay teasers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .articles import Article, InputProblem, article_id, decode_text, load_json_articles
from .encodings import charset_of, markup_as_utf8
from .feeds import FeedResult, looks_like_feed, parse_feed
from .fetch import Fetcher, FetchError
from .json_feed import looks_like_json_feed, parse_json_feed
from .local import read_file
from .pages import extract_page

__all__ = ["InputProblem", "read_inputs"]

_SKIP_SUFFIXES = {".gz", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".pdf", ".pyc"}
_FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_inputs(
    specs: Iterable[str], fetcher: Fetcher | None = None
) -> Iterator[Article | InputProblem]:
    for spec in specs:
        if "://" in spec:
            items = _url(spec, fetcher)
        else:
            path = Path(spec)
            if not path.exists():
                items = iter([InputProblem(spec, "no such file or directory")])
            elif path.is_dir():
                items = _directory(path)
            else:
                items = _file(path)
        for item in _accounted(items, spec):
            if isinstance(item, Article) and item.teaser and item.url and fetcher is not None:
                yield from _with_page(item, fetcher)
            else:
                yield item


def _accounted(
    items: Iterator[Article | InputProblem], origin: str
) -> Iterator[Article | InputProblem]:
    """The items, and a problem when there were none: an input that yields nothing still ends
    as one record (an empty directory, a feed with no readable entry, an empty JSON list).
    Whatever goes wrong while reading it ends that input alone, as its own problem, so one
    hostile file never takes the rest of a batch down with it."""
    found = False
    try:
        for item in items:
            found = found or isinstance(item, Article) or item.fatal
            yield item
    except InputError as exc:
        found = True
        yield InputProblem(origin, str(exc))
    except Exception as exc:  # RecursionError, MemoryError, a parser's own bug: this input's
        found = True
        yield InputProblem(origin, f"could not be read ({type(exc).__name__}: {exc})"[:300])
    if not found:
        yield InputProblem(origin, "no article found")


def _url(url: str, fetcher: Fetcher | None) -> Iterator[Article | InputProblem]:
    if fetcher is None:
        yield InputProblem(url, "not fetched: offline (network fetching is off)")
        return
    try:
        fetched = fetcher.get(url)
    except FetchError as exc:
        yield InputProblem(url, exc.reason)
        return
    kind = fetched.content_type.lower()
    yield from _content(fetched.content, url, kind, url, charset_of(fetched.content_type))


def _with_page(article: Article, fetcher: Fetcher) -> Iterator[Article | InputProblem]:
    """The feed entry with its page's full text, or the teaser and a warning."""
    url = article.url or ""
    try:
        fetched = fetcher.get(url)
        page = extract_page(fetched.content, url=url, charset=charset_of(fetched.content_type))
    except InputError as exc:
        reason = exc.reason if isinstance(exc, FetchError) else str(exc)
        yield InputProblem(url, f"kept the feed's teaser: {reason}", fatal=False)
        yield article
        return
    if page is None or len(page.text) <= len(article.text):
        yield article
        return
    yield article.model_copy(
        update={
            "text": page.text,
            "title": article.title or page.title,
            "published": article.published or page.published,
            "teaser": False,
        }
    )


def _directory(root: Path) -> Iterator[Article | InputProblem]:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.name
        if name.startswith(".") or path.suffix.lower() in _SKIP_SUFFIXES:
            continue
        if name.endswith(".expected.txt") or name.upper().startswith(("MANIFEST", "README")):
            continue  # benchmark ground truth and folder notes, not articles
        yield from _accounted(_file(path), str(path))


def _file(path: Path) -> Iterator[Article | InputProblem]:
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        data = read_file(path)
    except InputError as exc:
        yield InputProblem(origin, str(exc))
        return
    if suffix in (".json", ".jsonl"):
        feed = parse_json_feed(data, origin) if suffix == ".json" else None
        yield from _feed_items(feed, origin) if feed else load_json_articles(path, data)
        return
    kind = "feed" if suffix in _FEED_SUFFIXES else "html" if suffix in _HTML_SUFFIXES else ""
    yield from _content(data, origin, kind, None)


def _content(
    data: bytes, origin: str, hint: str, url: str | None, charset: str | None = None
) -> Iterator[Article | InputProblem]:
    """Bytes of a file or response, told apart by a hint (suffix or content type), then sniffed;
    `charset` is what the server said they are in."""
    try:
        data = markup_as_utf8(data, charset)
    except InputError as exc:
        yield InputProblem(origin, str(exc))
        return
    head = data[:1024].lstrip().lower()
    if not data.strip():
        yield InputProblem(origin, "empty")
    elif b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield InputProblem(origin, "binary content, not an article, page or feed")
    elif looks_like_json_feed(data):
        feed = parse_json_feed(data, origin)
        yield from _feed_items(feed, origin) if feed else _text(data, origin, url)
    elif any(k in hint for k in ("feed", "rss", "atom", "xml")) or looks_like_feed(data):
        yield from _feed(data, origin)
    elif "html" in hint or head.startswith((b"<!doctype", b"<html")):
        yield from _page(data, origin, url)
    else:
        yield from _text(data, origin, url)


def _feed(data: bytes, origin: str) -> Iterator[Article | InputProblem]:
    result = parse_feed(data, origin)
    if result is None:
        yield InputProblem(origin, "not a feed (no RSS or Atom structure found)")
        return
    yield from _feed_items(result, origin)


def _feed_items(result: FeedResult, origin: str) -> Iterator[Article | InputProblem]:
    for warning in result.warnings:
        yield InputProblem(origin, warning, fatal=False)
    yield from result.articles


def _page(data: bytes, origin: str, url: str | None) -> Iterator[Article | InputProblem]:
    page = extract_page(data, url=url)
    if page is None:
        yield InputProblem(origin, "no article body found in the page")
        return
    yield Article(
        id=article_id(url=url, text=page.text),
        text=page.text,
        title=page.title,
        published=page.published,
        url=url,
        origin=origin,
    )


def _text(data: bytes, origin: str, url: str | None) -> Iterator[Article | InputProblem]:
    try:
        text = decode_text(data)
    except InputError as exc:
        yield InputProblem(origin, str(exc))
        return
    yield Article(id=article_id(url=url, text=text), text=text, url=url, origin=origin)
