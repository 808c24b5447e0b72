"""Connecting only where we checked: one name lookup, every address judged, that address used.

A check that resolves a name and a connection that resolves it again can be told two answers
(DNS rebinding: public to the check, 127.0.0.1 to the connect). So the lookup happens once,
inside httpcore's network backend (its extension point for how sockets are opened): every
address is judged, then the socket opens to a judged address. TLS still names the host, so
the server name and the certificate check stay on the name, as does the Host header.
An IPv6 address that carries an IPv4 one (mapped, compatible, NAT64, 6to4, Teredo) is judged
by that IPv4 address too: `[::127.0.0.1]` is loopback.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore2
import httpx2

__all__ = ["CheckedTransport", "RefusedAddress", "refusal"]

_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedAddress(Exception):
    """The host has an address a feed may not send us to, or none; str() says which."""


def _judged(address: IPAddress) -> Iterator[IPAddress]:
    """The address, and every IPv4 address it carries inside it."""
    yield address
    if not isinstance(address, ipaddress.IPv6Address):
        return
    if address.ipv4_mapped is not None:
        yield address.ipv4_mapped
    if address.sixtofour is not None:
        yield address.sixtofour
    if address.teredo is not None:
        yield from address.teredo
    if address.packed[:12] == bytes(12) or any(address in net for net in _NAT64):
        yield ipaddress.IPv4Address(address.packed[12:])  # ::a.b.c.d, 64:ff9b::a.b.c.d


def refusal(host: str, address: IPAddress) -> str | None:
    """Why `address` may not be connected to, or None when every address it carries is public."""
    for judged in _judged(address):
        if not judged.is_global or judged.is_multicast:
            shown = address if judged == address else f"{address}, which carries {judged}"
            return (
                f"{host} is a private or local address ({shown}); "
                "refused unless private addresses are allowed"
            )
    return None


class CheckedBackend(httpcore2.SyncBackend):
    """httpcore's socket opener, with the name resolved once and every answer judged."""

    def __init__(self, allow_private: bool = False) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.NetworkStream:
        failure: Exception | None = None
        for address in self._checked(host, port):
            try:  # an address literal: the socket opens without another lookup
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore2.ConnectError as exc:
                failure = exc  # the next address, as socket.create_connection would
        raise httpcore2.ConnectError(str(failure or f"no address for {host}"))

    def _checked(self, host: str, port: int) -> list[str]:
        """The host's addresses, each one allowed; RefusedAddress when any is not."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise RefusedAddress(f"cannot resolve {host} ({exc})") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not self.allow_private:
            for text in addresses:
                reason = refusal(host, ipaddress.ip_address(text.split("%")[0]))
                if reason:
                    raise RefusedAddress(reason)
        return addresses


# httpcore's failures as httpx's, most specific first, so callers catch the library they use.
_AS_HTTPX: tuple[tuple[type[Exception], type[httpx2.HTTPError]], ...] = (
    (httpcore2.ConnectTimeout, httpx2.ConnectTimeout),
    (httpcore2.ReadTimeout, httpx2.ReadTimeout),
    (httpcore2.WriteTimeout, httpx2.WriteTimeout),
    (httpcore2.PoolTimeout, httpx2.PoolTimeout),
    (httpcore2.TimeoutException, httpx2.TimeoutException),
    (httpcore2.ConnectError, httpx2.ConnectError),
    (httpcore2.ReadError, httpx2.ReadError),
    (httpcore2.WriteError, httpx2.WriteError),
    (httpcore2.NetworkError, httpx2.NetworkError),
    (httpcore2.RemoteProtocolError, httpx2.RemoteProtocolError),
    (httpcore2.LocalProtocolError, httpx2.LocalProtocolError),
    (httpcore2.ProtocolError, httpx2.ProtocolError),
    (httpcore2.UnsupportedProtocol, httpx2.UnsupportedProtocol),
)


@contextlib.contextmanager
def _as_httpx() -> Iterator[None]:
    try:
        yield
    except tuple(core for core, _ in _AS_HTTPX) as exc:
        mapped = next(ours for core, ours in _AS_HTTPX if isinstance(exc, core))
        raise mapped(str(exc)) from exc


class _Body(httpx2.SyncByteStream):
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx():
            yield from self._stream

    def close(self) -> None:
        self._stream.close()


class CheckedTransport(httpx2.BaseTransport):
    """An httpx transport over httpcore's pool with the checked backend: no proxy, so the
    connection goes where the check looked."""

    def __init__(self, allow_private: bool = False, ssl_context: ssl.SSLContext | None = None):
        self._pool = httpcore2.ConnectionPool(
            ssl_context=ssl_context or httpx2.create_ssl_context(),
            network_backend=CheckedBackend(allow_private),
        )

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        url = request.url
        core = httpcore2.Request(
            method=request.method,
            url=httpcore2.URL(
                scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
            ),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]
            extensions=request.extensions,
        )
        with _as_httpx():
            response = self._pool.handle_request(core)
        return httpx2.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()
