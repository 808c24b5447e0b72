"""An OpenAI-compatible chat server on loopback for batch mechanics and fault injection.

It answers chat completions with a valid draft naming the first proper name of the article,
after an optional delay, and counts the calls. Real sockets, real HTTP, so the openai SDK,
instructor and our pipeline run exactly as they do against a real endpoint.

`faults(article, attempt)` scripts a misbehaviour per request: `article` is the first user
message (stable across re-asks), `attempt` counts that article's requests from 1. Faults:

    ok          a valid answer
    429         rate limited, Retry-After: 1 (seconds)   429-date   ... an HTTP date 3 s ahead
    429-hour    rate limited, Retry-After an hour away
    500 502 503 server errors with an OpenAI-style error body
    reset       the connection is reset (RST), no response
    stall       no answer for `stall` seconds, then a valid one (past the client's timeout)
    truncated   a 200 whose JSON body is cut off mid-way
    invalid     valid JSON whose content violates the briefing's schema
    surrogate   a valid draft whose headline holds a lone surrogate escape ("\\ud83d")
    empty       a completion with an empty choices list
    length      finish_reason "length": the answer was cut off by the token limit
    html        a 200 with an HTML page instead of JSON
    401-echo    unauthorised, quoting the request's Authorization header back

Run it as a module (`python -m summariser.testing.stub_server PORT DELAY`) to serve another
process.
"""

from __future__ import annotations

import json
import re
import socket
import struct
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar, cast

Faults = Callable[[str, int], str]


def draft_for(user_message: str) -> dict[str, Any]:
    article = user_message.split(">\n", 1)[-1]
    names = re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+", article)
    who = [{"n": names[0], "k": "person", "r": "named first"}] if names else []
    return {
        "headline": "Stub headline",
        "summary": "A stub summary.",
        "allegations": [],
        "who": who,
        "where": [],
        "when": [],
        "stakes": [],
    }


def completion(body: dict[str, Any], content: str, finish: str = "stop") -> dict[str, Any]:
    return {
        "id": "stub",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "stub"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish,
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
    }


_Server = TypeVar("_Server", bound="LoopbackServer")


class LoopbackServer(ThreadingHTTPServer):
    """A threaded HTTP server on 127.0.0.1 serving an OpenAI-style /v1 from its own thread."""

    daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/v1"

    def start(self: _Server) -> _Server:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class StubServer(LoopbackServer):
    def __init__(
        self,
        delay: float = 0.0,
        port: int = 0,
        faults: Faults | None = None,
        stall: float = 3.0,
    ) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.delay = delay
        self.faults = faults
        self.stall = stall
        self.calls = 0
        self.in_flight = 0
        self.most_in_flight = 0
        self.attempts: Counter[str] = Counter()  # requests per article
        self.served: Counter[str] = Counter()  # requests per fault
        self.headers_seen: list[dict[str, str]] = []
        self.arrivals: list[float] = []  # time.monotonic() of each request
        self.last_body: dict[str, Any] = {}
        self._count = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, the body waits for the client's
    # delayed ACK (40 ms on Linux), which would be measured as our overhead. Servers such as
    # uvicorn set TCP_NODELAY too.
    disable_nagle_algorithm = True

    @property
    def stub(self) -> StubServer:
        return cast(StubServer, self.server)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        article = next(m["content"] for m in body["messages"] if m["role"] == "user")
        with self.stub._count:
            self.stub.calls += 1
            self.stub.arrivals.append(time.monotonic())
            self.stub.in_flight += 1
            self.stub.most_in_flight = max(self.stub.most_in_flight, self.stub.in_flight)
            self.stub.attempts[article] += 1
            attempt = self.stub.attempts[article]
            self.stub.headers_seen.append(dict(self.headers))
            self.stub.last_body = body
        fault = self.stub.faults(article, attempt) if self.stub.faults else "ok"
        with self.stub._count:
            self.stub.served[fault] += 1
        try:
            time.sleep(self.stub.delay)
            self._answer(fault, body, article)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (a timeout): nothing to answer
        finally:
            with self.stub._count:
                self.stub.in_flight -= 1

    def _answer(self, fault: str, body: dict[str, Any], article: str) -> None:
        valid = json.dumps(draft_for(article))
        if fault == "ok":
            self._send(200, json.dumps(completion(body, valid)).encode())
        elif fault in ("429", "429-date", "429-hour"):
            wait = {"429": "1", "429-hour": "3600"}.get(fault) or formatdate(
                time.time() + 3, usegmt=True
            )
            self._send(429, _error("Rate limit reached", "rate_limit_exceeded"), Retry_After=wait)
        elif fault in ("500", "502", "503"):
            self._send(int(fault), _error("The server had an error", "server_error"))
        elif fault == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
        elif fault == "stall":
            time.sleep(self.stub.stall)
            self._send(200, json.dumps(completion(body, valid)).encode())
        elif fault == "truncated":
            whole = json.dumps(completion(body, valid)).encode()
            self._send(200, whole[: len(whole) // 2])
        elif fault == "invalid":
            wrong = json.dumps({"headline": 42, "who": "nobody", "language": ["en"]})
            self._send(200, json.dumps(completion(body, wrong)).encode())
        elif fault == "surrogate":  # a lone surrogate escape: JSON grammars allow it
            lone = {**draft_for(article), "headline": "Stub \ud83d headline"}
            self._send(200, json.dumps(completion(body, json.dumps(lone))).encode())
        elif fault == "empty":
            self._send(200, json.dumps({**completion(body, valid), "choices": []}).encode())
        elif fault == "length":
            self._send(200, json.dumps(completion(body, valid[:40], "length")).encode())
        elif fault == "401-echo":  # a careless proxy that quotes the credentials back
            said = f"Invalid credentials: {self.headers.get('Authorization')}"
            self._send(401, _error(said, "invalid_api_key"))
        elif fault == "html":
            page = b"<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>"
            self._send(200, page, kind="text/html; charset=utf-8")
        else:
            raise ValueError(f"unknown fault {fault!r}")

    def _send(
        self, status: int, data: bytes, kind: str = "application/json", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(data)


def _error(message: str, code: str) -> bytes:
    return json.dumps({"error": {"message": message, "type": code, "code": code}}).encode()


if __name__ == "__main__":
    server = StubServer(delay=float(sys.argv[2]), port=int(sys.argv[1]))
    print(server.url, flush=True)
    server.serve_forever()
