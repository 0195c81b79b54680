"""Nested row values (records, lists of records) as flat named fields, for CSV columns and detail tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .report import plain


def scalar(value: Any) -> bool:
    """True for values a single cell holds as they are (text, numbers, booleans, nothing)."""
    return not isinstance(value, (dict, list))


def label(item: dict[str, Any]) -> str:
    """A record inside a list, in a few words: its id, or its short fields (no URLs, no notes)."""
    if item.get("id") is not None:
        return str(item["id"])
    words = [
        str(v)
        for k, v in item.items()
        if scalar(v) and not isinstance(v, bool) and v not in (None, "") and k not in ("source", "note")
    ]
    return " ".join(words)


def columns(value: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    """`prefix` and its value, or `prefix.sub` for each field of a record; lists of records become their labels."""
    value = plain(value)
    if isinstance(value, dict):
        for key, item in value.items():
            yield from columns(item, f"{prefix}.{key}")
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        yield prefix, [label(item) if isinstance(item, dict) else item for item in value]
    else:
        yield prefix, value


def details(value: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    """Every leaf of a record as (`a.b[1].c`, value), skipping empty ones: one line each in a detail table."""
    value = plain(value)
    if isinstance(value, dict):
        for key, item in value.items():
            yield from details(item, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        for number, item in enumerate(value, start=1):
            yield from details(item, f"{prefix}[{number}]")
    elif value not in (None, [], ""):
        yield prefix, value
