"""The computed table every command produces once, and every format renders: rows, columns, legend, sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import field, fields, is_dataclass
from enum import Enum
from typing import Any, Optional

from .dates import PartialDate
from .frozen import frozen


@frozen
class Column:
    """A column shown in human formats (terminal, Markdown); `key` names the row field it shows."""

    key: str
    header: str
    symbol: bool = False
    """Cells are status words shown as the report's symbols."""
    flag: Optional[str] = None
    """For a symbol column: the row key of a boolean that adds the report's `flag_mark` to the symbol."""
    beside: Optional[str] = None
    """The row key of a name that Markdown and HTML show beside this column's code (a state's name)."""
    group: str = ""
    """The group a matrix column belongs to (its system), for layouts that split the matrix."""


@frozen
class Section:
    """A further table in a report (e.g. the events listed under a state's details)."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]


@frozen
class Report:
    """A computed result: rows (the machine contract) plus what a reader needs around them."""

    kind: str
    title: str
    data_version: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]
    as_of: Optional[dt.date] = None
    summary: tuple[str, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()
    """(word or symbol, meaning) pairs for every symbol or status word used."""
    symbols: dict[str, str] = field(default_factory=dict)
    """Status word -> compact symbol, for `symbol` columns."""
    flag_mark: str = ""
    """Appended to a symbol whose column `flag` is true in the row."""
    footnotes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    """Further top-level JSON members (counts, filters)."""
    hidden: frozenset[str] = frozenset()
    """Row keys for display only, left out of JSON and CSV."""
    gaps: int = 0
    """How many gaps (pairs a state has yet to join) the report lists, for `--exit-code`."""
    fields: tuple[str, ...] = ()
    """The public row keys in order, so a CSV of no rows still has its header."""
    data_dir: str = ""
    """The data folder the report was computed from (set by the CLI), for the output's data line."""
    glossary: tuple[tuple[str, str], ...] = ()
    """(code, name) for every state code and instrument short name the tables show, in the order first shown."""

    def public_fields(self) -> tuple[str, ...]:
        """`fields`, or the keys of the rows when not declared."""
        if self.fields:
            return self.fields
        seen: dict[str, None] = {}
        for row in self.rows:
            seen.update((key, None) for key in row if key not in self.hidden)
        return tuple(seen)


def plain(value: Any) -> Any:
    """A row value as JSON-ready data: ISO dates, enum values, lists."""
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (dt.date, dt.datetime, PartialDate)):
        return value.isoformat()
    if isinstance(value, (list, tuple)) or (isinstance(value, Sequence) and not isinstance(value, str)):
        return [plain(item) for item in value]  # a Sequence: a state's events read lazily from the cache
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def symbol(report: "Report", column: Column, row: dict[str, Any]) -> str:
    """A symbol column's cell: the value's symbol, and the flag mark where the row's flag is set."""
    value = row.get(column.key)
    if value is None:
        return ""
    mark = report.flag_mark if column.flag and row.get(column.flag) else ""
    return report.symbols.get(value, str(value)) + mark


def text(value: Any) -> str:
    """A row value as one line of text for a table cell ('' for nothing)."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {text(item)}" for key, item in value.items())
    return str(value)
