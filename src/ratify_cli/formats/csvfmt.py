"""CSV: one header row of stable field names, nested values in named columns, cells a spreadsheet will not execute.

A record inside a row becomes one column per field (`coverage.as_of`); a list of records becomes the records' ids
or short labels joined with '; ' (`mechanisms`); a list of events becomes their count (`events` in `states`), the
events themselves being in `show` and `changes`. A report with a further table (show's events, changes' counts)
prints it after one empty line, with its own header.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from ..reports.flat import columns
from ..reports.report import Report, plain
from .base import RenderOptions

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COUNTED = frozenset({"events"})
"""Row fields holding long lists of records, shown in CSV as how many there are."""


def cell(value: Any) -> str:
    """One CSV cell: lists joined with '; ', booleans as true/false, formula-like text neutralised."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(cell(item) for item in value)
    elif isinstance(value, dict):  # a note: its code and values as `key=value` words, never a Python repr
        value = " ".join(f"{key}={cell(item)}" for key, item in value.items())
    text = str(value)
    # A leading quote keeps spreadsheets from running =, +, -, @ cells as formulas (CSV injection).
    return "'" + text if text.startswith(_FORMULA_START) else text


def flat_row(row: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """A row with nested values spread over named columns."""
    out: dict[str, Any] = {}
    for key in keys:
        value = row.get(key)
        if key in COUNTED and isinstance(value, (list, tuple)):
            out[key] = len(value)
        else:
            out.update(columns(value, key))
    return out


def _table(fields: tuple[str, ...], rows: Iterable[dict[str, Any]], hidden: frozenset[str]) -> list[list[str]]:
    flat = [flat_row(row, fields or [k for k in row if k not in hidden]) for row in rows]
    header: dict[str, None] = {}
    if not flat:
        header.update((key, None) for key in fields)
    for row in flat:
        header.update((key, None) for key in row)
    # A record field that is empty in some rows (None) still shows as its named columns, never as a bare column.
    for key in [k for k in header if any(other.startswith(k + ".") for other in header)]:
        del header[key]
    return [list(header)] + [[cell(row.get(key)) for key in header] for row in flat]


def render(report: Report, options: RenderOptions) -> str:
    """Every public row field as a column (nested ones spread out), in row order; then any further table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(_table(report.public_fields(), report.rows, report.hidden))
    for section in report.sections:
        if section.rows:
            buffer.write("\n")
            writer.writerows(_table((), section.rows, report.hidden))
    return buffer.getvalue()
