"""The computed table every command produces once, and every format renders: data and codes, never sentences."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Optional

from msgspec import Struct, field

from ..domain.dates import PartialDate

FOOTNOTES = "#footnotes"
"""The `vocab` of a column of footnote numbers (shown `[1] [2]`)."""
SOURCE_NUMBER = "#source"
"""The `vocab` of a column of source numbers (shown `S1`, the Markdown source list's labels)."""
PERCENT = "#percent"
"""The `vocab` of a column of percentages, carried as numbers with one decimal (12.5) and shown per language."""


class Msg(Struct, frozen=True):
    """Something to say to a person, as a code and its values; the text module of each language words it."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def public(self) -> dict[str, Any]:
        """The JSON form: the code and its values."""
        return {"code": self.code, **plain(self.params)}


class Column(Struct, frozen=True):
    """A column shown in human formats (terminal, Markdown); `key` names the row field it shows."""

    key: str
    header: str | Msg
    """A header code (worded by the text module), or a message (e.g. a date in the header, a name from the data)."""
    vocab: Optional[str] = None
    """The vocabulary the cells' codes come from (`status`, `step`, `action`, ...): the text module words them."""
    symbol: bool = False
    """Cells are status words shown as the report's symbols."""
    flag: Optional[str] = None
    """For a symbol column: the row key of a boolean that adds the report's `flag_mark` to the symbol."""
    beside: Optional[str] = None
    """The row key of a name (a message) that Markdown and HTML show beside this column's code (a state's name)."""
    group: str = ""
    """The group a matrix column belongs to (its system's code), for layouts that split the matrix."""


class Section(Struct, frozen=True):
    """A further table in a report (e.g. the events listed under a state's details)."""

    key: str
    title: str
    """A header code."""
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]


class Report(Struct, frozen=True):
    """A computed result: rows (the machine contract) plus what a reader needs around them."""

    kind: str
    title: Msg
    data_version: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]
    as_of: Optional[dt.date] = None
    summary: tuple[Msg, ...] = ()
    legend: tuple[str, ...] = ()
    """The shown status codes used (and `secondary` when a fact rests on a secondary source), in legend order."""
    legend_symbols: bool = False
    """Whether the cells show statuses as symbols (the matrix), so the legend explains symbols, not words."""
    footnotes: tuple[Msg, ...] = ()
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
    glossary: tuple[tuple[str, Msg], ...] = ()
    """(code, what it stands for) for every state code and instrument label the tables show: the text module words
    the message (`glossary.state`, `glossary.instrument`)."""

    def public_rows(self) -> list[dict[str, Any]]:
        """The rows as JSON prints them: public fields only, JSON-ready values."""
        return [{key: plain(value) for key, value in row.items() if key not in self.hidden} for row in self.rows]

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
    if isinstance(value, (dt.date, dt.datetime, PartialDate)):
        return value.isoformat()
    if isinstance(value, Struct):
        return {name: plain(getattr(value, name)) for name in value.__struct_fields__}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value
