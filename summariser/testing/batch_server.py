"""An OpenAI-compatible Files and Batches server on loopback, for the Batch API path.

It implements what `--via batch-api` calls, with the shapes OpenAI documents: `POST /v1/files`
(multipart, purpose "batch"), `GET /v1/files/{id}` and `/content`, `POST /v1/batches`,
`GET /v1/batches` (a page) and `/v1/batches/{id}`; and
`POST /v1/chat/completions` for the answers re-asked online. A batch moves validating →
in_progress → finalizing → completed `delay` seconds after it is created, on its own thread,
as a provider's would while the client polls.

`answer(body)` gives the chat completion for one request body (recorded answers, or the stub's
draft). `fate(custom_id)` scripts one request's outcome: "ok", "invalid" (a 200 whose draft does
not validate), "500" (an error-file line), "expire" (the window ends first: the batch ends
expired, this line in the error file with code batch_expired). `ending` ends a whole batch
otherwise: "failed" (refused at validation, no output) or "cancelled" (answered nothing).
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any, cast

from .stub_server import LoopbackServer, completion, draft_for

Answer = Callable[[dict[str, Any]], dict[str, Any]]


def stub_answer(body: dict[str, Any]) -> dict[str, Any]:
    article = next(m["content"] for m in body["messages"] if m["role"] == "user")
    return completion(body, json.dumps(draft_for(article)))


class BatchServer(LoopbackServer):
    def __init__(
        self,
        answer: Answer = stub_answer,
        *,
        delay: float = 0.2,
        fate: Callable[[str], str] | None = None,
        ending: str | None = None,
    ) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answer, self.delay, self.fate, self.ending = answer, delay, fate, ending
        self.files: dict[str, dict[str, Any]] = {}
        self.contents: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.calls: Counter[str] = Counter()  # "files", "batches", "chat", "list", "retrieve"
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def new_id(self, prefix: str) -> str:
        with self._lock:
            return f"{prefix}-{next(self._ids):04d}"

    def add_file(self, content: bytes, name: str, purpose: str) -> dict[str, Any]:
        file = {
            "id": self.new_id("file"),
            "object": "file",
            "bytes": len(content),
            "created_at": int(time.time()),
            "filename": name,
            "purpose": purpose,
            "status": "processed",
        }
        self.files[file["id"]], self.contents[file["id"]] = file, content
        return file

    def create_batch(self, params: dict[str, Any]) -> dict[str, Any]:
        now = int(time.time())
        batch = {
            "id": self.new_id("batch"),
            "object": "batch",
            "endpoint": params["endpoint"],
            "errors": None,
            "input_file_id": params["input_file_id"],
            "completion_window": params["completion_window"],
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": now,
            "in_progress_at": None,
            "expires_at": now + 86_400,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "metadata": params.get("metadata"),
        }
        self.batches[batch["id"]] = batch
        threading.Thread(target=self._run, args=(batch,), daemon=True).start()
        return batch

    def _run(self, batch: dict[str, Any]) -> None:
        lines = [json.loads(x) for x in self.contents[batch["input_file_id"]].splitlines() if x]
        batch["request_counts"]["total"] = len(lines)
        time.sleep(self.delay / 2)
        now = int(time.time())
        if self.ending == "failed":
            batch["errors"] = {
                "object": "list",
                "data": [
                    {"code": "invalid_request", "line": 1, "message": "refused", "param": None}
                ],
            }
            batch.update(status="failed", failed_at=now)
            return
        batch.update(status="in_progress", in_progress_at=now)
        time.sleep(self.delay / 2)
        if self.ending == "cancelled":
            batch.update(status="cancelled", cancelling_at=now, cancelled_at=int(time.time()))
            return
        output, errors, expired = [], [], False
        for n, line in enumerate(lines):
            fate = self.fate(line["custom_id"]) if self.fate else "ok"
            answered = self._answered(line, f"req-{batch['id']}-{n}", fate)
            (output if answered["error"] is None and fate != "500" else errors).append(answered)
            expired = expired or fate == "expire"
        counts = {"total": len(lines), "completed": len(output), "failed": len(errors)}
        batch.update(status="finalizing", finalizing_at=int(time.time()), request_counts=counts)
        if output:
            batch["output_file_id"] = self._results(output, batch, "output")
        if errors:
            batch["error_file_id"] = self._results(errors, batch, "error")
        ended = int(time.time())
        if expired:
            batch.update(status="expired", expired_at=ended)
        else:
            batch.update(status="completed", completed_at=ended)

    def _answered(self, line: dict[str, Any], request_id: str, fate: str) -> dict[str, Any]:
        """One request's line of the output (or error) file, as its fate has it."""
        answered: dict[str, Any] = {"id": request_id, "custom_id": line["custom_id"]}
        if fate == "expire":
            error = {
                "code": "batch_expired",
                "message": "This request could not be executed before the completion window "
                "expired.",
            }
            return answered | {"response": None, "error": error}
        if fate == "500":
            body = {"error": {"message": "The server had an error", "type": "server_error"}}
            response = {"status_code": 500, "request_id": request_id, "body": body}
            return answered | {"error": None, "response": response}
        answer = self.answer(line["body"])
        if fate == "invalid":
            answer = completion(line["body"], json.dumps({"headline": 42, "who": "nobody"}))
        response = {"status_code": 200, "request_id": request_id, "body": answer}
        return answered | {"error": None, "response": response}

    def _results(self, lines: list[dict[str, Any]], batch: dict[str, Any], kind: str) -> str:
        content = "".join(json.dumps(line) + "\n" for line in lines).encode()
        return self.add_file(content, f"{batch['id']}_{kind}.jsonl", "batch_output")["id"]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    @property
    def api(self) -> BatchServer:
        return cast(BatchServer, self.server)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        parts = path.strip("/").split("/")  # v1, files|batches, id, content
        if parts[1:2] == ["batches"] and len(parts) == 2:
            self.api.calls["list"] += 1
            data = sorted(self.api.batches.values(), key=lambda b: b["id"], reverse=True)
            first, last = (data[0]["id"], data[-1]["id"]) if data else (None, None)
            page = {
                "object": "list",
                "data": data,
                "first_id": first,
                "last_id": last,
                "has_more": False,
            }
            return self._json(200, page)
        if parts[1:2] == ["batches"] and parts[2] in self.api.batches:
            self.api.calls["retrieve"] += 1
            return self._json(200, self.api.batches[parts[2]])
        if parts[1:2] == ["files"] and len(parts) > 2 and parts[2] in self.api.files:
            if parts[3:] == ["content"]:
                return self._send(200, self.api.contents[parts[2]], "application/octet-stream")
            return self._json(200, self.api.files[parts[2]])
        self._json(404, {"error": {"message": f"no {path}", "type": "invalid_request_error"}})

    def do_POST(self) -> None:
        data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = self.path.split("?")[0].rstrip("/")
        if path == "/v1/files":
            self.api.calls["files"] += 1
            form = _multipart(self.headers.get("Content-Type", ""), data)
            name, content = form["file"]
            return self._json(200, self.api.add_file(content, name, form["purpose"][1].decode()))
        if path == "/v1/batches":
            self.api.calls["batches"] += 1
            return self._json(200, self.api.create_batch(json.loads(data)))
        if path == "/v1/chat/completions":
            self.api.calls["chat"] += 1
            return self._json(200, self.api.answer(json.loads(data)))
        self._json(404, {"error": {"message": f"no {path}", "type": "invalid_request_error"}})

    def _json(self, status: int, value: Any) -> None:
        self._send(status, json.dumps(value).encode(), "application/json")

    def _send(self, status: int, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _multipart(kind: str, data: bytes) -> dict[str, tuple[str, bytes]]:
    """A multipart/form-data body's fields: name -> (filename, bytes)."""
    head = f"Content-Type: {kind}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + data)
    fields = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        fields[str(name)] = (
            part.get_filename() or "",
            payload if isinstance(payload, bytes) else b"",
        )
    return fields
