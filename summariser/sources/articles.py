"""One article as batch processing sees it, and its stable identity.

An article's id is the input's own (a JSON article's `id`), else a hash of its canonical URL,
else a hash of its text; so the same article met twice, in one run or across runs, is one.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field

from ..briefing.published import parse_published
from ..errors import InputError
from ..text import normalise

__all__ = [
    "TOO_DEEP",
    "Article",
    "InputProblem",
    "article_id",
    "canonical_url",
    "decode_text",
    "load_json_articles",
    "to_article",
]

TOO_DEEP = "JSON nested too deeply to read (a hostile or broken file)"
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "ocid")


class Article(BaseModel):
    """Text to summarise plus where it came from."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    feed: str | None = Field(default=None, description="The feed the article came through.")
    feed_title: str | None = None
    origin: str = Field(description="The input it was read from: a path or a URL.")
    teaser: bool = Field(default=False, description="Only a feed summary, not the full body.")

    def record(self) -> dict[str, Any]:
        """The article as one JSONL line (the layout of shared/eval/articles)."""
        return self.model_dump(mode="json")


@dataclass(frozen=True)
class InputProblem:
    """An input, or part of one, that yields no article; `fatal` when nothing came of it.

    `message` says what is wrong, never where: `origin` says where, and str() joins them.
    """

    origin: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark it begins with
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF8, "utf-8-sig"),
)


def decode_text(data: bytes) -> str:
    """A text file's bytes as text: UTF-8, or UTF-16/32 with a byte-order mark; else why not."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"not valid {codec} text despite its byte-order mark") from None
    if b"\x00" in data[:4096]:
        raise InputError("binary content, not article text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (bad byte at offset {exc.start}); convert it first, "
            "e.g. iconv -f latin1 -t utf-8"
        ) from None


def canonical_url(url: str) -> str:
    """The URL with case, default ports, fragments and tracking parameters normalised away."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def article_id(*, own: str | None = None, url: str | None = None, text: str = "") -> str:
    if own and str(own).strip():
        return str(own).strip()
    if url and urlsplit(url).scheme in ("http", "https"):
        return "u-" + hashlib.sha256(canonical_url(url).encode()).hexdigest()[:16]
    return "t-" + hashlib.sha256(normalise(text).encode()).hexdigest()[:16]


def to_article(raw: Article | Mapping[str, Any], origin: str) -> Article | InputProblem:
    """A library caller's article (an Article, or a mapping with the JSON fields) or why not."""
    if isinstance(raw, Article):
        return raw
    try:
        return _from_mapping(raw, origin)
    except InputError as exc:
        return InputProblem(origin, str(exc))


def _from_mapping(raw: Any, origin: str) -> Article:
    if not isinstance(raw, Mapping):
        raise InputError(f"an article must be a JSON object, not {type(raw).__name__}")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("article has no 'text' string")
    title, url = raw.get("title"), raw.get("url") or raw.get("url_if_known")
    for name, value in (("title", title), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"'{name}' must be a string")
    published = parse_published(raw.get("published"))
    return Article(
        id=article_id(own=raw.get("id"), url=url, text=text),
        text=text,
        title=title,
        published=published,
        url=url,
        origin=origin,
    )


def load_json_articles(path: Path, data: bytes | None = None) -> Iterator[Article | InputProblem]:
    """Articles of a .json file (one object or a list) or a .jsonl stream; bad ones as problems.
    `data` is the file's bytes, where the caller has read them already."""
    try:
        content = (path.read_bytes() if data is None else data).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        yield InputProblem(str(path), f"cannot read as UTF-8 JSON ({exc})")
        return
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                yield _from_mapping(json.loads(line), origin)
            except json.JSONDecodeError as exc:
                yield InputProblem(origin, f"not JSON ({exc.msg})")
            except RecursionError:
                yield InputProblem(origin, TOO_DEEP)
            except InputError as exc:
                yield InputProblem(origin, str(exc))
        return
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        yield InputProblem(str(path), f"not JSON ({exc.msg} at line {exc.lineno})")
        return
    except RecursionError:
        yield InputProblem(str(path), TOO_DEEP)
        return
    for index, raw in enumerate(data if isinstance(data, list) else [data]):
        origin = f"{path}[{index}]" if isinstance(data, list) else str(path)
        try:
            yield _from_mapping(raw, origin)
        except InputError as exc:
            yield InputProblem(origin, str(exc))
