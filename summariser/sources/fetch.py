"""Fetching feeds and pages safely: what a batch may download, how much, how politely.

Rules, checked at every redirect hop: http/https only; the host's addresses must all be public
unless `allow_private` (loopback, private, link-local and reserved ranges are refused, so a
feed cannot point the tool at the local network), judged once and connected to as judged
(connect.py), with no proxy from the environment in between; a connect/read timeout; a size
cap enforced while streaming; a real User-Agent; a minimum delay between two requests to one host.
Conditional GET: pass the previous ETag / Last-Modified and a 304 comes back as `not_modified`;
give the fetcher a `store` (response_cache.ResponseCache) and it remembers validators and
bodies itself, across runs, answering a 304 with the stored body.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from .connect import CheckedTransport, RefusedAddress

__all__ = ["FetchError", "FetchPolicy", "Fetched", "Fetcher"]

_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(InputError):
    """A URL that may not or could not be fetched; str() is "url: reason"."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to the same host
    allow_private: bool = False
    user_agent: str = f"summariser/{__version__} (news briefing tool; python)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


class ResponseStore(Protocol):
    def recall(self, url: str) -> Fetched | None: ...
    def remember(self, url: str, fetched: Fetched) -> None: ...


@dataclass
class Fetcher:
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    client: Any = None  # an httpx2.Client; made on first use
    store: ResponseStore | None = None
    not_modified: int = 0  # 304s answered from the store, for the batch summary
    _last_hit: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """The response to GET `url`; FetchError (an InputError) when refused or failed."""
        remembered = None
        if self.store is not None and not (etag or last_modified):
            remembered = self.store.recall(url)
            if remembered is not None:
                etag, last_modified = remembered.etag, remembered.last_modified
        fetched = self._get(url, etag, last_modified)
        if fetched.not_modified and remembered is not None:
            self.not_modified += 1
            return replace(remembered, not_modified=True)
        if self.store is not None and not fetched.not_modified:
            self.store.remember(url, fetched)
        return fetched

    def _get(self, url: str, etag: str | None, last_modified: str | None) -> Fetched:
        import httpx2

        if self.client is None:
            timeout = httpx2.Timeout(self.policy.timeout)
            transport = CheckedTransport(allow_private=self.policy.allow_private)
            self.client = httpx2.Client(
                transport=transport, timeout=timeout, follow_redirects=False, trust_env=False
            )
        headers = {"User-Agent": self.policy.user_agent, "Accept": "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self._check(current)
            self._wait_for_host(current)
            try:
                with self.client.stream("GET", current, headers=headers) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if response.status_code == 304:
                        return Fetched(current, b"", "", etag, last_modified, not_modified=True)
                    if response.status_code >= 400:
                        raise FetchError(url, f"HTTP {response.status_code}")
                    content = self._read_capped(response, url)
                    return Fetched(
                        url=current,
                        content=content,
                        content_type=response.headers.get("content-type", ""),
                        etag=response.headers.get("etag"),
                        last_modified=response.headers.get("last-modified"),
                    )
            except RefusedAddress as exc:
                raise FetchError(url, str(exc)) from None
            except httpx2.InvalidURL as exc:
                raise FetchError(url, f"not a valid URL ({exc})") from None
            except httpx2.TimeoutException:
                raise FetchError(url, f"timed out after {self.policy.timeout:g} s") from None
            except httpx2.HTTPError as exc:
                raise FetchError(url, f"{type(exc).__name__}: {exc}") from None
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def _check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(url, "only http and https URLs are fetched")
        host = parts.hostname
        if not host:
            raise FetchError(url, "no host")

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        with self._lock:
            wait = self._last_hit.get(host, 0.0) + self.policy.host_delay - time.monotonic()
            self._last_hit[host] = time.monotonic() + max(wait, 0.0)
        if wait > 0:
            time.sleep(wait)

    def _read_capped(self, response: Any, url: str) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise FetchError(url, f"larger than the {self.policy.max_bytes} byte limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise FetchError(url, f"larger than the {self.policy.max_bytes} byte limit")
            chunks.append(chunk)
        return b"".join(chunks)
