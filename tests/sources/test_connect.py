"""The fetcher connects only where it checked: hostile names and addresses against a real
listener on loopback that counts every connection it gets.

DNS is swapped in-process (socket.getaddrinfo), so a name can answer a public address to one
lookup and 127.0.0.1 to the next, as a rebinding attacker's server would. TLS runs against a
real TLS server holding a certificate for a name, issued by a test CA (trustme).
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

import httpx2
import pytest
import trustme

from summariser.sources.connect import CheckedTransport
from summariser.sources.fetch import Fetcher, FetchError, FetchPolicy

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

PUBLIC = "93.184.215.14"  # a global address; the tests never let a connection reach it
REAL_GETADDRINFO = socket.getaddrinfo
REAL_CREATE_CONNECTION = socket.create_connection


class Listener(ThreadingHTTPServer):
    """A loopback HTTP server that remembers every request's Host header; a path /to/PORT
    redirects to that loopback port."""

    def __init__(self, body: bytes = b"private service") -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.body = body
        self.hosts: list[str] = []

    @property
    def port(self) -> int:
        return self.server_address[1]


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        server = cast(Listener, self.server)
        server.hosts.append(self.headers.get("Host", ""))
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.path[4:]}/secret")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = server.body
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serving(listener: Listener) -> Iterator[Listener]:
    thread = threading.Thread(target=listener.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield listener
    listener.shutdown()
    listener.server_close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    yield from _serving(Listener())


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Names under .test answer from this table, one answer per lookup, the last repeated."""
    answers: dict[str, list[str]] = {}
    lookups: dict[str, int] = {}

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, str) and host.endswith(".test"):
            number = lookups.get(host, 0)
            lookups[host] = number + 1
            sequence = answers[host]
            address = sequence[min(number, len(sequence) - 1)]
            return REAL_GETADDRINFO(address, port, *args, **kwargs)
        return REAL_GETADDRINFO(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    answers["__lookups__"] = lookups  # type: ignore[assignment]
    return answers


@pytest.fixture
def internet(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Where sockets were opened to. The public address stands for the internet: its
    connections are carried to a loopback server serving a public page, whatever the port."""
    made: list[str] = []
    public = Listener(b"public page")

    def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        made.append(address[0])
        if address[0] == PUBLIC:
            address = ("127.0.0.1", public.port)
        return REAL_CREATE_CONNECTION(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    for _ in _serving(public):
        yield made


def strict() -> Fetcher:
    return Fetcher(FetchPolicy(host_delay=0, timeout=3))


def test_a_name_rebound_between_check_and_connect_never_reaches_loopback(
    listener: Listener, dns: dict[str, list[str]], internet: list[str]
) -> None:
    dns["rebind.test"] = [PUBLIC, "127.0.0.1"]  # public to the first lookup, loopback after
    fetched = strict().get(f"http://rebind.test:{listener.port}/secret")
    assert fetched.content == b"public page"  # the address that was checked answered
    assert listener.hosts == []  # and nothing reached the private service
    assert dns["__lookups__"]["rebind.test"] == 1  # type: ignore[index]  # resolved once
    assert internet == [PUBLIC]


def test_a_name_that_answers_loopback_is_refused_before_any_connection(
    listener: Listener, dns: dict[str, list[str]], internet: list[str]
) -> None:
    dns["inside.test"] = ["127.0.0.1"]
    with pytest.raises(FetchError, match="private or local address"):
        strict().get(f"http://inside.test:{listener.port}/")
    assert listener.hosts == [] and internet == []


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "2130706433",  # decimal
        "0x7f000001",  # hexadecimal
        "0.0.0.0",
        "169.254.169.254",  # cloud metadata
        "evil.example@127.0.0.1",  # userinfo hiding the host
        "[::1]",
        "[::127.0.0.1]",  # IPv4-compatible
        "[::ffff:127.0.0.1]",  # IPv4-mapped
        "[64:ff9b::7f00:1]",  # NAT64
        "[2002:7f00:1::]",  # 6to4
        "[fe80::1]",
    ],
)
def test_private_addresses_in_every_spelling_are_refused(
    host: str, listener: Listener, internet: list[str]
) -> None:
    with pytest.raises(FetchError, match="private or local address"):
        strict().get(f"http://{host}:{listener.port}/")
    assert listener.hosts == [] and internet == []


def test_a_public_address_carried_in_ipv6_is_connected_to() -> None:
    """NAT64 of a public address is public: judged by what it carries, not refused blindly."""
    from ipaddress import ip_address

    from summariser.sources.connect import refusal

    assert refusal("x", ip_address("64:ff9b::808:808")) is None  # 8.8.8.8
    assert refusal("x", ip_address("2002:808:808::1")) is None
    assert refusal("x", ip_address("64:ff9b::a00:1"))  # 10.0.0.1


def test_a_redirect_to_loopback_is_refused_at_its_hop(
    listener: Listener, dns: dict[str, list[str]], internet: list[str]
) -> None:
    dns["hop.test"] = [PUBLIC]
    with pytest.raises(FetchError, match="private or local address"):
        strict().get(f"http://hop.test/to/{listener.port}")
    assert internet == [PUBLIC]  # the public hop was made, the private one never
    assert listener.hosts == []


def test_host_header_tls_name_and_certificate_stay_on_the_name(
    dns: dict[str, list[str]],
) -> None:
    authority = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("news.test").configure_cert(server_context)
    listener = Listener()
    names: list[str | None] = []
    server_context.sni_callback = lambda sock, name, context: names.append(name)  # type: ignore[assignment]
    listener.socket = server_context.wrap_socket(listener.socket, server_side=True)
    client_context = ssl.create_default_context()
    authority.configure_trust(client_context)
    dns["news.test"] = ["127.0.0.1"]
    dns["other.test"] = ["127.0.0.1"]
    for served in _serving(listener):
        fetcher = Fetcher(FetchPolicy(host_delay=0, timeout=3))
        transport = CheckedTransport(allow_private=True, ssl_context=client_context)
        fetcher.client = httpx2.Client(transport=transport, follow_redirects=False)
        fetched = fetcher.get(f"https://news.test:{served.port}/")
        assert fetched.content == b"private service"
        assert served.hosts == [f"news.test:{served.port}"]
        assert names == ["news.test"]  # the TLS server name is the URL's, not 127.0.0.1
        with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):
            fetcher.get(f"https://other.test:{served.port}/")  # checked against the name
