"""Cells of human formats: a row value in the words of the chosen language (never computed here)."""

from __future__ import annotations

from typing import Any

from ..reports.report import FOOTNOTES, PERCENT, SOURCE_NUMBER, Column, Msg, plain
from ..text import SECONDARY_MARK, SYMBOLS, Texts


def header(words: Texts, column: Column) -> str:
    """A column's header in words."""
    return words.message(column.header) if isinstance(column.header, Msg) else words.header(column.header)


def symbol(column: Column, row: dict[str, Any]) -> str:
    """A symbol column's cell: the status's symbol, and the secondary mark where the row's flag is set."""
    value = row.get(column.key)
    if value is None:
        return ""
    mark = SECONDARY_MARK if column.flag and row.get(column.flag) else ""
    return SYMBOLS.get(value, str(value)) + mark


def text(words: Texts, value: Any, vocab: str | None = None) -> str:
    """A row value as one line of text for a table cell ('' for nothing)."""
    if isinstance(value, Msg):
        return words.message(value)
    if isinstance(value, (list, tuple)) and any(isinstance(item, Msg) for item in value):
        return ", ".join(text(words, item) for item in value)
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return words.boolean(value)
    if isinstance(value, list):
        return ", ".join(text(words, item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {text(words, item)}" for key, item in value.items())
    if vocab is not None:
        return words.word(vocab, str(value))
    return str(value)


def cell(words: Texts, column: Column, row: dict[str, Any]) -> str:
    """A cell of a column in words (symbols for a symbol column)."""
    if column.symbol:
        return symbol(column, row)
    value = row.get(column.key)
    if column.vocab == FOOTNOTES:
        return " ".join(f"[{number}]" for number in value or ())
    if column.vocab == SOURCE_NUMBER:
        if isinstance(value, (list, tuple)):
            return " ".join(f"S{number}" for number in value)
        return f"S{value}" if value else ""
    if column.vocab == PERCENT:
        return "" if value is None else words.percent(value)
    return text(words, value, column.vocab)
