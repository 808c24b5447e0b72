"""An httpx2 transport that answers the openai SDK from the embedded model, in process.

The SDK, instructor and our pipeline see an ordinary OpenAI-compatible endpoint; no socket is
opened. The same `route` serves the loopback HTTP server, so both speak exactly the same API.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx2

from .backend import LocalModel, RequestError

__all__ = ["AsyncLocalTransport", "LocalTransport", "route"]


def route(model: LocalModel, method: str, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
    """(status, JSON body) for one request; paths are matched on their end, so any prefix works."""
    if method == "GET" and path.rstrip("/").endswith("/models"):
        entry = {"id": model.name, "object": "model", "created": 0, "owned_by": "local"}
        return 200, {"object": "list", "data": [entry]}
    if method != "POST" or not path.rstrip("/").endswith("/chat/completions"):
        return 404, _error(f"no route for {method} {path}", "not_found")
    try:
        request = json.loads(body or b"{}")
        if not isinstance(request, dict):
            raise RequestError("request body must be a JSON object")
        return 200, model.chat(request)
    except (ValueError, RequestError) as exc:
        return 400, _error(str(exc), "invalid_request_error")


def _error(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": None}}


class LocalTransport(httpx2.BaseTransport):
    def __init__(self, model: LocalModel) -> None:
        self.model = model

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        status, payload = route(self.model, request.method, request.url.path, request.read())
        return httpx2.Response(status, json=payload, request=request)


class AsyncLocalTransport(httpx2.AsyncBaseTransport):
    """Runs the (blocking) model in a worker thread so the event loop stays responsive."""

    def __init__(self, model: LocalModel) -> None:
        self.model = model

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        body = await request.aread()
        status, payload = await asyncio.to_thread(
            route, self.model, request.method, request.url.path, body
        )
        return httpx2.Response(status, json=payload, request=request)
