"""The publication date a caller gives, as a date: the day every relative date resolves from."""

from __future__ import annotations

from datetime import date, datetime

from ..errors import InputError

__all__ = ["parse_published"]


def parse_published(value: date | datetime | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(
            f"publication date {value!r} is not an ISO date (expected YYYY-MM-DD)"
        ) from None
