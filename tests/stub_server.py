"""A tiny OpenAI-compatible chat server on loopback for batch mechanics (not model quality).

It answers every chat completion with a valid draft naming the first proper name of the
article, after an optional delay, and counts the calls. Real sockets, real HTTP, so the openai
SDK, instructor and our pipeline run exactly as they do against a real endpoint. Run it as a
script (`python tests/stub_server.py PORT DELAY`) to serve another process, e.g. a batch that a
test kills.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast


def draft_for(user_message: str) -> dict[str, Any]:
    article = user_message.split(">\n", 1)[-1]
    names = re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+", article)
    who = [{"name": names[0], "kind": "person", "role": "named first"}] if names else []
    return {
        "headline": "Stub headline",
        "summary": "A stub summary.",
        "language": "en",
        "allegations": [],
        "who": who,
        "where": [],
        "when": [],
        "stakes": [],
    }


class StubServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay: float = 0.0, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.delay = delay
        self.calls = 0
        self.in_flight = 0
        self.most_in_flight = 0
        self._count = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/v1"

    def start(self) -> StubServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


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
        with self.stub._count:
            self.stub.calls += 1
            self.stub.in_flight += 1
            self.stub.most_in_flight = max(self.stub.most_in_flight, self.stub.in_flight)
        time.sleep(self.stub.delay)
        with self.stub._count:
            self.stub.in_flight -= 1
        content = json.dumps(draft_for(body["messages"][-1]["content"]))
        answer = {
            "id": "stub",
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", "stub"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
        }
        data = json.dumps(answer).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass


if __name__ == "__main__":
    server = StubServer(delay=float(sys.argv[2]), port=int(sys.argv[1]))
    print(server.url, flush=True)
    server.serve_forever()
