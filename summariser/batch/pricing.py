"""What a batch cost, estimated from token usage and a price per million tokens.

A price is known when the user gives one (`--price IN,OUT`), when the model is the embedded
one (free), or when the endpoint is OpenAI's own and the model is in `LIST_PRICES`. Anything
else has no estimate rather than a guessed one.
"""

from __future__ import annotations

import re

from ..errors import InputError

__all__ = ["LIST_PRICES", "Price", "estimate_cost", "known_price", "parse_price"]

Price = tuple[float, float]  # USD per million prompt tokens, per million completion tokens

# OpenAI list prices (standard tier) as published in 2025; `--price` overrides them.
LIST_PRICES: dict[str, Price] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
}
_SNAPSHOT = re.compile(r"-\d{4}-\d{2}-\d{2}$")  # gpt-4o-mini-2024-07-18 is gpt-4o-mini


def parse_price(value: str) -> Price:
    """'0.15,0.60' (USD per million prompt, completion tokens) as a Price, or InputError."""
    parts = value.split(",")
    try:
        prompt, completion = (float(part) for part in parts)
    except ValueError:
        raise InputError(
            f"--price must be two numbers, USD per million prompt and completion tokens, "
            f"e.g. 0.15,0.60 (got {value!r})"
        ) from None
    if prompt < 0 or completion < 0:
        raise InputError(f"--price cannot be negative (got {value!r})")
    return prompt, completion


def known_price(model: str, base_url: str | None, embedded: bool) -> Price | None:
    if embedded:
        return (0.0, 0.0)
    if base_url and "api.openai.com" not in base_url:
        return None  # the same name on another server is another price
    return LIST_PRICES.get(_SNAPSHOT.sub("", model))


def estimate_cost(price: Price | None, prompt_tokens: int, completion_tokens: int) -> float | None:
    if price is None:
        return None
    return (prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000
