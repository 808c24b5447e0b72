"""The briefing's JSON Schema as shipped in schemas/briefing.schema.json."""

from __future__ import annotations

import json

from .schema import SCHEMA_VERSION, Briefing

__all__ = ["SCHEMA_FILE", "schema_json"]

SCHEMA_FILE = "briefing.schema.json"


def schema_json() -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "x-schema-version": SCHEMA_VERSION,
        **Briefing.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
