"""`summarise serve`: the embedded model as an OpenAI-compatible HTTP server on loopback.

Useful to share one loaded model between processes, and it is how cassettes are recorded:
real HTTP between the openai SDK and a real model. Binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .backend import LocalModel
from .transport import route

__all__ = ["serve"]

MAX_BODY_BYTES = 16 * 1024 * 1024


def _handler(model: LocalModel) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "summariser-local"

        def _answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY_BYTES:
                status, payload = 413, {"error": {"message": "request too large"}}
            else:
                status, payload = route(model, method, self.path, self.rfile.read(length))
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                sys.stderr.write("serve: the client left before the answer was ready\n")

        def do_GET(self) -> None:
            self._answer("GET")

        def do_POST(self) -> None:
            self._answer("POST")

        def log_message(self, format: str, *args: object) -> None:
            sys.stderr.write(
                f"serve: {self.command} {self.path} {args[1] if len(args) > 1 else ''}\n"
            )

    return Handler


def serve(host: str = "127.0.0.1", port: int = 8765, model: LocalModel | None = None) -> None:
    model = model or LocalModel()
    server = ThreadingHTTPServer((host, port), _handler(model))
    print(f"serving {model.name} at http://{host}:{server.server_port}/v1", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
